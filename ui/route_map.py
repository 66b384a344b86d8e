"""The planner's map: every region of the level coloured by its planner score (five classes), with the chosen
route drawn on top — the stops numbered in visiting order at their label points, and one line per leg.

The map itself is ``geo.maps.web_map.choropleth_map`` (folium), with the offline Leaflet assets of
``ui.offline_leaflet``; tooltip words are the page's language.
"""

from __future__ import annotations

import folium
import pandas as pd

from geo.maps import map_view, web_map
from geo.regions import lookup
from ui.i18n import t
from ui.offline_leaflet import ASSET_BASE


def route_points(order: list[str]) -> pd.DataFrame:
    """The stops, numbered in visiting order ("1. Kota Bandung"), as the map's visit markers."""
    return pd.DataFrame([(lookup.get(c).label_lat, lookup.get(c).label_lon, 1, f"{i}. {lookup.get(c).name}", [])
                         for i, c in enumerate(order, start=1)], columns=["lat", "lon", "count", "name", "lines"])


def route_lines(legs) -> pd.DataFrame:
    """One line per leg, between the label points of its two regions, as the map's partner lines."""
    return pd.DataFrame([(lookup.get(x.origin).label_lat, lookup.get(x.origin).label_lon,
                          lookup.get(x.destination).label_lat, lookup.get(x.destination).label_lon, 1)
                         for x in legs], columns=["lat_a", "lon_a", "lat_b", "lon_b", "count"])


def route_map(level: str, table: pd.DataFrame, options: list[str], order: list[str], legs, lang: str) -> folium.Map:
    """``table`` is the ranking (``score`` and ``rank`` by region code); ``options`` every region of ``level``."""
    values = table["score"].reindex(options)
    return web_map.choropleth_map(map_view.of_values(values, level=level, unit="score", lang=lang, k=5,
                                                     ranks=table["rank"]),
                                  asset_base=ASSET_BASE, labels=(t("tooltip.region"), t("plan.score"), t("map.rank")),
                                  no_data_text=t("map.no_data"), visit_points=route_points(order),
                                  partner_links=route_lines(legs))
