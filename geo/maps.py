"""Choropleth maps of Indonesia's regions, built with folium (Leaflet).

Nothing here fetches from the internet: the map has no tile layer unless a
tile URL is configured, and Leaflet itself is loaded from ``asset_base``, a URL
where the app serves the files of the installed ``xstatic-leaflet`` package.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from pathlib import Path

import folium

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LEVEL_ZOOM = {"province": 5, "regency": 6, "district": 8}
INDONESIA_BOUNDS = [[-11.2, 94.7], [6.2, 141.1]]  # [[south, west], [north, east]]


def leaflet_assets(asset_base: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """folium ``default_js`` / ``default_css`` lists pointing at ``asset_base``."""
    base = asset_base.rstrip("/")
    return [("leaflet", f"{base}/leaflet.js")], [("leaflet_css", f"{base}/leaflet.css")]


@lru_cache(maxsize=8)
def display_geojson(level: str) -> dict:
    """The browser version of a level's boundaries (see ``geo.build_regions.DISPLAY``)."""
    path = DATA_DIR / "display" / f"{level}.geojson"
    return json.loads(path.read_text(encoding="utf-8"))


def _escaped(fc: dict) -> dict:
    """Copy of a FeatureCollection with every string property HTML-escaped."""
    out = {"type": "FeatureCollection", "features": []}
    for f in fc["features"]:
        props = {k: html.escape(v) if isinstance(v, str) else v for k, v in f["properties"].items()}
        out["features"].append({"type": "Feature", "properties": props, "geometry": f["geometry"]})
    return out


def region_map(level: str, *, asset_base: str, tile_url: str | None = None,
               fill: str = "#4a7fb5", tooltip_labels: tuple[str, str] = ("Wilayah", "Kode")) -> folium.Map:
    """A map of every region of ``level`` with its name and code on hover."""
    m = folium.Map(location=[-2.5, 118.0], zoom_start=LEVEL_ZOOM[level], tiles=None,
                   control_scale=True, prefer_canvas=False, zoom_snap=0.25, zoom_delta=0.5)
    m.default_js, m.default_css = leaflet_assets(asset_base)
    if tile_url:
        folium.TileLayer(tiles=tile_url, attr="Basemap", name="basemap").add_to(m)
    fc = _escaped(display_geojson(level))
    folium.GeoJson(
        fc,
        name=level,
        style_function=lambda _f: {"fillColor": fill, "color": "#ffffff", "weight": 0.8, "fillOpacity": 0.75},
        highlight_function=lambda _f: {"weight": 2.5, "color": "#222222"},
        tooltip=folium.GeoJsonTooltip(fields=["name", "code"], aliases=list(tooltip_labels), sticky=True),
        smooth_factor=0.5,
    ).add_to(m)
    m.fit_bounds(INDONESIA_BOUNDS)
    return m
