"""The basemap's lakes and rivers around a map's incidents, from the shipped ``water.json.gz``.

The file (``scripts/build_water.py`` builds it; OpenStreetMap's reduced lake and river polygons,
© OpenStreetMap contributors, ODbL) holds the world's big lakes and long rivers, each polygon's
rings as integers in 1e-3 degrees: the first point, then differences (:func:`ring`). A map
carries only the polygons whose box meets the area around its incidents (:func:`water_area`):
a Bolivian map has Lake Titicaca and the Beni, not the Great Lakes.

>>> w = water(water_area([(-16.5, -68.15)], {"BO"}))
>>> len(w["lakes"]) > 10, len(w["rivers"]) > 100, water([]) == {"lakes": [], "rivers": []}
(True, True, True)
"""

from __future__ import annotations

import gzip
import json
import math
from functools import cache

import numpy as np

from geo.paths import BOUNDARIES_DIR

UNIT = 1000  # the file's coordinates: 1e-3 degrees
KINDS = ("lakes", "rivers")
MARGIN = 0.5  # degrees around the box of a country the opening view holds
NEAR = 1  # whole-degree cells around each incident's own


def ring(coords) -> list[int] | None:
    """A ring of (lon, lat) points as the file keeps it: the first point in 1e-3 degrees, then
    differences, repeated points and the closing point dropped; None if fewer than 3 remain.

    >>> ring([(-69.0, -15.5), (-69.0014, -15.5), (-69.1, -15.6), (-69.0, -15.5)])
    [-69000, -15500, -1, 0, -99, -100]
    """
    pts: list[tuple[int, int]] = []
    for c in coords:
        p = (round(c[0] * UNIT), round(c[1] * UNIT))
        if not pts or p != pts[-1]:
            pts.append(p)
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    if len(pts) < 3:
        return None
    out = [pts[0][0], pts[0][1]]
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        out += [x1 - x0, y1 - y0]
    return out


@cache
def _load() -> dict:
    """Per kind: (polygons, boxes as (west, south, east, north) in 1e-3 degrees)."""
    doc = json.loads(gzip.decompress((BOUNDARIES_DIR / "water.json.gz").read_bytes()))
    out = {}
    for kind in KINDS:
        polygons = doc[kind]["polygons"]
        first = np.array([p[0][:2] for p in polygons], dtype=np.int64).reshape(-1, 2)
        box = np.array(doc[kind]["box"], dtype=np.int64).reshape(-1, 4)
        west, south = first[:, 0] + box[:, 0], first[:, 1] + box[:, 1]
        out[kind] = (polygons, np.stack([west, south, west + box[:, 2], south + box[:, 3]], axis=1))
    return out


def _country_boxes(countries) -> list[tuple[float, float, float, float]]:
    from shapely.geometry import shape

    from geo.mapping.regions import _load as load_boundaries

    out = []
    for f in load_boundaries("countries.geojson")["features"]:
        if f["properties"].get("iso2") in countries:
            w, s, e, n = shape(f["geometry"]).bounds
            out.append((w - MARGIN, s - MARGIN, e + MARGIN, n + MARGIN))
    return out


def water_area(points, countries=()) -> list[tuple[float, float, float, float]]:
    """The area around a map's incidents, as (west, south, east, north) boxes in degrees: the
    countries ``countries`` (ISO2: those of the opening view), MARGIN degrees around their
    outline's box, and around every (lat, lon) of ``points`` its whole-degree cell and the
    cells NEAR it (the water by a far outlier's town)."""
    cells = {(math.floor(lon), math.floor(lat)) for lat, lon in points}
    near = {(x + dx, y + dy) for x, y in cells for dx in range(-NEAR, NEAR + 1) for dy in range(-NEAR, NEAR + 1)}
    return [(x, y, x + 1, y + 1) for x, y in sorted(near)] + _country_boxes(set(countries))


def water(area) -> dict:
    """{"lakes": polygons, "rivers": polygons} whose box meets one of ``area``'s boxes, each
    polygon a list of rings as :func:`ring` gives them (the page draws them, geo-water.js)."""
    out: dict[str, list] = {}
    for kind in KINDS:
        polygons, ext = _load()[kind]
        meets = np.zeros(len(polygons), dtype=bool)
        for w, s, e, n in area:
            meets |= (ext[:, 0] <= e * UNIT) & (ext[:, 2] >= w * UNIT) & (ext[:, 1] <= n * UNIT) & (ext[:, 3] >= s * UNIT)
        out[kind] = [polygons[k] for k in np.flatnonzero(meets)]
    return out
