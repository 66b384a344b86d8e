"""Region boundaries at full detail, for the zoomed-in view of one region.

The browser versions for whole levels are in ``data/display`` (see
``geo.maps.web_map.display_geojson``); this module serves the full-detail shapes from
``data/boundaries/<level>.geojson.gz``.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache

import shapely

from geo import config
from geo.regions.lookup import MAP_LEVELS, level_of

DATA_DIR = config.REGION_DATA_DIR


@lru_cache(maxsize=3)
def _features(level: str) -> dict[str, dict]:
    with gzip.open(DATA_DIR / "boundaries" / f"{level}.geojson.gz", "rt", encoding="utf-8") as fh:
        fc = json.load(fh)
    return {f["properties"]["code"]: f for f in fc["features"]}


def level_features(level: str) -> dict[str, dict]:
    """Every full-detail GeoJSON Feature of ``level``, by code (properties ``code`` and ``name``). Shared: read it,
    never change it."""
    return _features(level)


def detail_feature(code: str) -> dict:
    """The full-detail GeoJSON Feature of a province, regency/city or district."""
    try:
        return _features(level_of(code))[code]
    except KeyError:
        raise KeyError(f"no boundary for region {code!r}") from None


def detail_geometry(code: str):
    return shapely.geometry.shape(detail_feature(code)["geometry"])


def has_boundary(code: str) -> bool:
    level = level_of(code)
    return level in MAP_LEVELS and code in _features(level)
