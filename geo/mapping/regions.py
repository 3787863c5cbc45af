"""The admin-1 regions of the incidents' countries and the basemap boundaries, read from the shipped files."""

from __future__ import annotations

import json
from functools import cache

from geo.paths import BOUNDARIES_DIR


@cache
def _load(name: str) -> dict:
    return json.loads((BOUNDARIES_DIR / name).read_text(encoding="utf-8"))


def admin1_regions(countries) -> dict:
    """The admin-1 regions of ``countries`` (ISO2 codes) as a FeatureCollection (Natural Earth's
    outlines, ``admin1.geojson``), each feature numbered in ``properties.i`` and named in
    ``name`` and ``country``: a map shows the regions of its own incidents' countries, no other."""
    wanted = set(countries)
    feats: list[dict] = []
    for f in _load("admin1.geojson")["features"]:
        p = f["properties"]
        if p["country"] in wanted:
            feats.append({"type": "Feature", "properties": {"name": p["name"], "country": p["country"], "i": len(feats)},
                          "geometry": f["geometry"]})
    return {"type": "FeatureCollection", "features": feats}


@cache
def boundaries(tolerance: float = 0.12, provinces: bool = False) -> dict:
    """Basemap layers: countries (simplified to ``tolerance`` degrees), and Bolivia's provinces
    when asked (a map of Bolivian incidents)."""
    from shapely.geometry import MultiPolygon, mapping, shape

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
    out = {"countries": {"type": "FeatureCollection", "features": countries}}
    if provinces:
        out["provinces"] = strip(_load("bo_provinces.geojson"), 3, 0.02)
    return out


def _rounded(geometry: dict, digits: int) -> dict:
    def r(c):
        return [r(x) for x in c] if isinstance(c[0], (list, tuple)) else [round(c[0], digits), round(c[1], digits)]

    return {"type": geometry["type"], "coordinates": r(geometry["coordinates"])}


def region_index(fc: dict):
    """A function (lon, lat) -> index of the region of ``fc`` holding the point, or -1."""
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
