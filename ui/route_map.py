"""The planner's map: every region of the level coloured by its planner score (five classes), with the chosen
route drawn on top — the stops numbered in visiting order at their label points, and one line per leg.

Returns the payload of ``ui.region_map`` (``geo.maps.web_map.map_payload``): the browser keeps the boundaries, and
the map keeps the user's pan and zoom while stops are added; tooltip words are the page's language, the rank in
the tooltip is the rank among the regions the planner's constraints allow.
"""

from __future__ import annotations

import pandas as pd

from geo.maps import map_view, web_map
from geo.regions import lookup
from ui import region_map
from ui.i18n import t


def route_points(order: list[str]) -> pd.DataFrame:
    """The stops, numbered in visiting order ("1. Kota Bandung"), as the map's markers with their number."""
    return pd.DataFrame([(lookup.get(c).label_lat, lookup.get(c).label_lon, 1, f"{i}. {lookup.get(c).name}", [], i)
                         for i, c in enumerate(order, start=1)],
                        columns=["lat", "lon", "count", "name", "lines", "number"])


def route_lines(legs) -> pd.DataFrame:
    """One line per leg, between the label points of its two regions."""
    return pd.DataFrame([(lookup.get(x.origin).label_lat, lookup.get(x.origin).label_lon,
                          lookup.get(x.destination).label_lat, lookup.get(x.destination).label_lon, 1)
                         for x in legs], columns=["lat_a", "lon_a", "lat_b", "lon_b", "count"])


def route_map(level: str, table: pd.DataFrame, options: list[str], order: list[str], legs, lang: str) -> dict:
    """``table`` is the ranking (``score`` and ``rank`` by region code); ``options`` every region of ``level``."""
    values = table["score"].reindex(options)
    view = map_view.of_values(values, level=level, unit="score", lang=lang, k=5, ranks=table["rank"])
    extra = [(web_map.VISIT_COLOR, t("plan.legend.stops"), "dot")] if order else []
    if legs:
        extra.append((web_map.LINK_COLOR, t("plan.legend.legs"), "line"))
    return web_map.map_payload(view, labels=region_map.tooltip_labels(t("plan.score")),
                               no_data_text=t("map.no_data"), visit_points=route_points(order),
                               partner_links=route_lines(legs), legend_title=t("plan.score"), legend_extra=extra,
                               clickable=True, height=520, boundary_folder=region_map.boundary_folder(),
                               loading_text=t("map.loading"), error_text=t("map.load_failed"))
