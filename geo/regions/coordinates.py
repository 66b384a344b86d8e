"""A point (latitude, longitude) checked against the region it is said to be in.

Rules (``check_point``):

* the region's full-detail boundary (``geo.regions.boundaries``) is the reference; a village has none, so its
  district's (the nearest region above it with a boundary) is used;
* a point inside the boundary, or within ``TOLERANCE_KM`` (2 km) of it, agrees: boundaries are simplified, and
  a stop's coordinates are often taken at a gate or a car park just across a line;
* otherwise the distance from the point to the nearest point of the boundary is measured on the sphere
  (``geo.regions.geodesy.haversine_km``) and reported;
* latitude and longitude written the other way round are recognised by their ranges: Indonesia lies between
  ``LAT_RANGE`` and ``LON_RANGE``, which do not overlap, so a pair that fits only when swapped was swapped
  (``swapped_pair``);
* a region with no boundary anywhere above it cannot be checked: ``None``.

Sources: the boundaries in ``data/boundaries/`` (see ``data/SOURCE.md``), the ranges from Indonesia's extent
(about 6°N–11°S, 95°E–141°E) with a margin.

    >>> from geo.regions import coordinates
    >>> coordinates.check_point("32.73", -6.9175, 107.6191).inside  # Bandung in Kota Bandung
    True
    >>> coordinates.swapped_pair(107.6191, -6.9175)
    (-6.9175, 107.6191)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import shapely
from shapely.ops import nearest_points

from geo.regions import boundaries, geodesy, lookup

TOLERANCE_KM = 2.0
LAT_RANGE = (-11.5, 6.5)
LON_RANGE = (94.0, 141.5)


@dataclass(frozen=True)
class PointCheck:
    """``inside``: within the boundary or ``TOLERANCE_KM`` of it; ``distance_km`` from the boundary (0 inside);
    ``checked_code``: the region whose boundary was used."""

    inside: bool
    distance_km: float
    checked_code: str


def in_indonesia(lat: float, lon: float) -> bool:
    return LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]


def swapped_pair(lat: float, lon: float) -> tuple[float, float] | None:
    """(lat, lon) put right when the two were written the other way round; None when they were not.

    >>> swapped_pair(-6.9, 107.6) is None
    True
    """
    if not in_indonesia(lat, lon) and in_indonesia(lon, lat):
        return lon, lat
    return None


def _boundary_code(code: str) -> str | None:
    while code:
        if lookup.exists(code) and boundaries.has_boundary(code):
            return code
        code = code.rsplit(".", 1)[0] if "." in code else ""
    return None


@lru_cache(maxsize=64)
def _shape(code: str):
    shape = boundaries.detail_geometry(code)
    shapely.prepare(shape)
    return shape


def check_point(code: str, lat: float, lon: float) -> PointCheck | None:
    """Whether (lat, lon) lies in region ``code`` (module rules); None when no boundary covers the region."""
    where = _boundary_code(code)
    if where is None:
        return None
    shape = _shape(where)
    point = shapely.Point(lon, lat)
    if shape.covers(point):
        return PointCheck(True, 0.0, where)
    nearest = nearest_points(shape, point)[0]
    km = float(geodesy.haversine_km(lon, lat, nearest.x, nearest.y))
    return PointCheck(km <= TOLERANCE_KM, km, where)
