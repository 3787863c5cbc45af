"""Bolivia's departments and the basemap boundaries, read from the shipped files."""

from __future__ import annotations

import json
from functools import cache

from geo.paths import BOUNDARIES_DIR


@cache
def _load(name: str) -> dict:
    return json.loads((BOUNDARIES_DIR / name).read_text(encoding="utf-8"))


def departments() -> dict:
    """Bolivia's departments as a FeatureCollection, each feature numbered in ``properties.i``."""
    fc = _load("bo_departments.geojson")
    feats = [{"type": "Feature", "properties": {"name": f["properties"]["name"], "i": k}, "geometry": f["geometry"]}
             for k, f in enumerate(fc["features"])]
    return {"type": "FeatureCollection", "features": feats}


@cache
def boundaries(tolerance: float = 0.12) -> dict:
    """Basemap layers: countries (simplified to ``tolerance`` degrees), departments, provinces."""
    from shapely.geometry import mapping, shape

    from shapely.geometry import MultiPolygon

    countries = []
    for f in _load("countries.geojson")["features"]:
        g = shape(f["geometry"])
        # Islands smaller than a pixel at the zoom a basemap is read at only cost bytes.
        whole = list(getattr(g, "geoms", [g]))
        parts = [p for p in whole if p.area >= 4 * tolerance ** 2] or [max(whole, key=lambda p: p.area)]
        g = MultiPolygon(parts).simplify(tolerance, preserve_topology=True)
        if not g.is_empty:
            countries.append({"type": "Feature", "properties": {}, "geometry": _rounded(mapping(g), 2)})
    def strip(fc: dict, digits: int = 4, simplify: float = 0.0) -> dict:
        return {"type": "FeatureCollection",
                "features": [{"type": "Feature", "properties": {},
                              "geometry": _rounded(mapping(shape(f["geometry"]).simplify(simplify)), digits)}
                             for f in fc["features"]]}
    return {"countries": {"type": "FeatureCollection", "features": countries},
            "departments": strip(_load("bo_departments.geojson")),
            "provinces": strip(_load("bo_provinces.geojson"), 3, 0.02)}


def _rounded(geometry: dict, digits: int) -> dict:
    def r(c):
        return [r(x) for x in c] if isinstance(c[0], (list, tuple)) else [round(c[0], digits), round(c[1], digits)]

    return {"type": geometry["type"], "coordinates": r(geometry["coordinates"])}


def department_index(fc: dict):
    """A function (lon, lat) -> index of the department holding the point, or -1."""
    from shapely import STRtree
    from shapely.geometry import Point, shape

    shapes = [shape(f["geometry"]) for f in fc["features"]]
    tree = STRtree(shapes)

    def find(lon: float, lat: float) -> int:
        p = Point(lon, lat)
        for k in tree.query(p):
            if shapes[int(k)].covers(p):
                return int(fc["features"][int(k)]["properties"]["i"])
        return -1

    return find
