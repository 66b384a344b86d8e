"""The region page's two small maps (``ui.region_map``: boundaries fetched once, only values per view), four
classes each:

* ``partners_map``: the region's partner regions coloured by the number of agreements shared with it; the region
  itself is drawn without a value.
* ``children_map``: the region's child regions (zoomed to it) coloured by ``geo.analysis.region_profile
  .children_values``'s measure.

Each returns the map's payload (``geo.maps.web_map.map_payload``); tooltip words are the page's language.
"""

from __future__ import annotations

import pandas as pd

from geo.maps import map_view, web_map
from ui import region_map
from ui.i18n import t

HEIGHT = 300


def _payload(view: map_view.View, value_label: str) -> dict:
    return web_map.map_payload(view, labels=region_map.tooltip_labels(value_label),
                               no_data_text=t("map.no_data"), height=HEIGHT,
                               boundary_folder=region_map.boundary_folder(), loading_text=t("map.loading"),
                               error_text=t("map.load_failed"))


def partners_map(level: str, code: str, partners: pd.DataFrame, lang: str) -> dict:
    """``partners``: ``Profile.partners`` (code, name, agreements)."""
    values = partners.set_index("code")["agreements"].astype(float)
    values[code] = float("nan")
    view = map_view.of_values(values, level=level, k=4, codes=values.index, lang=lang)
    return _payload(view, t("col.agreements"))


def children_map(child_level: str, code: str, measure: str, values: pd.Series, lang: str) -> dict:
    return _payload(map_view.of_values(values, level=child_level, within=code, k=4, lang=lang),
                    t(f"metric.{measure}"))
