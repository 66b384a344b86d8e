"""The region page's two small maps (folium, offline Leaflet assets of ``ui.offline_leaflet``), four classes each:

* ``partners_map``: the region's partner regions coloured by the number of agreements shared with it; the region
  itself is drawn without a value.
* ``children_map``: the region's child regions (zoomed to it) coloured by ``geo.analysis.region_profile
  .children_values``'s measure.

Tooltip words are the page's language.
"""

from __future__ import annotations

import folium
import pandas as pd

from geo.maps import map_view, web_map
from ui.i18n import t
from ui.offline_leaflet import ASSET_BASE


def partners_map(level: str, code: str, partners: pd.DataFrame, lang: str) -> folium.Map:
    """``partners``: ``Profile.partners`` (code, name, agreements)."""
    values = partners.set_index("code")["agreements"].astype(float)
    values[code] = float("nan")
    return web_map.choropleth_map(map_view.of_values(values, level=level, k=4, codes=values.index, lang=lang),
                                  asset_base=ASSET_BASE, no_data_text=t("map.no_data"),
                                  labels=(t("tooltip.region"), t("col.agreements"), t("map.rank")))


def children_map(child_level: str, code: str, measure: str, values: pd.Series, lang: str) -> folium.Map:
    return web_map.choropleth_map(map_view.of_values(values, level=child_level, within=code, k=4, lang=lang),
                                  asset_base=ASSET_BASE, no_data_text=t("map.no_data"),
                                  labels=(t("tooltip.region"), t(f"metric.{measure}"), t("map.rank")))
