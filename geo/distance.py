"""Great-circle distances: between two points, or from points to many points at once.

>>> round(haversine_km(0, 0, 0, 1), 1)  # one degree of the equator
111.2
>>> [round(float(d)) for d in haversine_km_many(0, 0, [0, 0], [1, 2])]
[111, 222]
"""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points (degrees)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def haversine_km_many(lat, lon, lats, lons):
    """Great-circle km between points (degrees; numpy arrays or numbers, broadcast as numpy does):
    one point to many, or every choice (a column) to every place (a row) in one call."""
    import numpy as np  # here, not at the top: the gazetteer alone does not need numpy

    p1, p2 = np.radians(lat), np.radians(lats)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin((np.radians(lons) - np.radians(lon)) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))
