"""Distances and areas on the Earth for lon/lat (EPSG:4326) geometries.

The Earth is a sphere of the IUGG mean radius: distances are great-circle (haversine), areas are taken in the
sinusoidal projection (equal-area). Good to well under 0.5% at Indonesian latitudes, which is all a map of
regions, a travel estimate or a display tolerance needs.

    >>> from geo.regions import geodesy
    >>> round(float(geodesy.haversine_km(106.8456, -6.2088, 107.6191, -6.9175)))  # Jakarta to Bandung
    116
"""

from __future__ import annotations

import math

import numpy as np
import shapely

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
_KM_PER_RAD = EARTH_RADIUS_KM


def _sinusoidal(coords: np.ndarray) -> np.ndarray:
    lon = np.radians(coords[:, 0])
    lat = np.radians(coords[:, 1])
    return np.column_stack((lon * np.cos(lat) * _KM_PER_RAD, lat * _KM_PER_RAD))


def area_km2(geometry) -> float | np.ndarray:
    """Area in km² of lon/lat geometries (one or an array).

    Uses the sinusoidal projection, which is equal-area on the sphere; the error
    against the ellipsoid is well under 0.5% at Indonesian latitudes.

    >>> round(float(area_km2(shapely.box(106.0, -7.0, 107.0, -6.0))))  # one degree square near Jakarta
    12284
    """
    projected = shapely.transform(geometry, _sinusoidal)
    return shapely.area(projected)


def haversine_km(lon1, lat1, lon2, lat2):
    """Great-circle distance in km (scalars or numpy arrays).

    >>> round(float(haversine_km(0, 0, 1, 0)), 1)  # one degree along the equator
    111.2
    >>> [round(float(d)) for d in haversine_km(106.8, -6.2, np.array([106.8, 110.4]), np.array([-6.2, -7.0]))]
    [0, 407]
    """
    lon1, lat1, lon2, lat2 = map(np.radians, (lon1, lat1, lon2, lat2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))


def pixel_degrees(zoom: float) -> float:
    """Width of one screen pixel in degrees of longitude at a web-map zoom level (256-pixel tiles).

    >>> pixel_degrees(0), pixel_degrees(5)
    (1.40625, 0.0439453125)
    """
    return 360.0 / (256.0 * 2.0**zoom)


def pixel_km(zoom: float, lat: float = 0.0) -> float:
    """Width of one screen pixel in km at a web-map zoom level and latitude.

    >>> round(pixel_km(5, lat=-6.9), 2)
    4.85
    """
    return pixel_degrees(zoom) * math.pi / 180.0 * EARTH_RADIUS_KM * math.cos(math.radians(lat))
