#!/usr/bin/env python3
"""Build geo/data/boundaries/water.json.gz: the world's big lakes and rivers for the map's offline
basemap, from the npm packages @geo-maps/earth-lakes-10m 0.6.0 and @geo-maps/earth-rivers-10m
0.6.0 (pinned by SHA-256). Their data is OpenStreetMap's (the reduced lake and river polygons
of openstreetmapdata.com, © OpenStreetMap contributors, ODbL 1.0): so is this file's.

What is kept, so that the file stays small (1.8 MB) and a map still reads at city zoom:

- lakes: every part of at least ``--lake-area`` square degrees (0.002 by default, about 25 km²
  at the equator: Lake Titicaca down to lakes some 5 km across), simplified to
  ``--lake-tolerance`` degrees (0.005, about 500 m);
- rivers: the packages' river polygons come in pieces (a wide river is a chain of dashes), so
  pieces less than 0.06 degrees apart are one river system, and only systems at least
  ``--river-extent`` degrees long (3, about 330 km: the Beni, the Mamoré, the Paraná; not a
  town's stream) are kept, without their specks (pieces under 5e-5 square degrees), simplified to
  0.003 degrees.

Coordinates are rounded to 1e-3 degrees (about 100 m). The file is JSON, gzipped::

    {"source": ..., "licence": ..., "lakes": WATER, "rivers": WATER}
    WATER = {"box": [[dw, ds, width, height], ...], "polygons": [[ring, hole, ...], ...]}

each ring a flat list of integers in 1e-3 degrees: the first point's lon, lat, then each next
point's difference from the one before (the ring closes on its first point, not repeated);
``box`` holds each polygon's box, in the same units: its west and south edges as differences
from the polygon's first point, then its width and height (small numbers, as the rings'). geo/mapping/water.py reads it.

Usage: python scripts/build_water.py [--lakes earth-lakes-10m-0.6.0.tgz] [--rivers earth-rivers-10m-0.6.0.tgz]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_gazetteer import fetch_npm  # noqa: E402

from geo.atomic import atomic_write  # noqa: E402

LAKES = ("https://registry.npmjs.org/@geo-maps/earth-lakes-10m/-/earth-lakes-10m-0.6.0.tgz",
         "c5571c3700c52a9c7b503c4cb5cd81ff723f7378145a9c3e06b24509472cde23")
RIVERS = ("https://registry.npmjs.org/@geo-maps/earth-rivers-10m/-/earth-rivers-10m-0.6.0.tgz",
          "64b22e532023d2e752da192e490f03608aa481dfbedc23f539c792d01809457d")
OUT = ROOT / "geo" / "data" / "boundaries" / "water.json.gz"
UNIT = 1000  # coordinates in 1e-3 degrees
SYSTEM_GAP = 0.06  # river pieces closer than this (degrees) are one river system
SPECK = 5e-5  # square degrees: a river piece smaller is not drawn
SOURCE = ("OpenStreetMap (© OpenStreetMap contributors, ODbL 1.0): the reduced lake and river polygons of "
          "openstreetmapdata.com, as the npm packages @geo-maps/earth-lakes-10m 0.6.0 and "
          "@geo-maps/earth-rivers-10m 0.6.0 (MIT, © Simone Primarosa) ship them; "
          "selected, simplified and rounded by geo's scripts/build_water.py")


def polygons(tarball: bytes):
    """The package's polygons (its map.geo.json: one GeometryCollection of one MultiPolygon)."""
    import numpy as np
    from shapely.geometry import shape

    with tarfile.open(fileobj=io.BytesIO(tarball)) as tar:
        collection = json.load(tar.extractfile("package/map.geo.json"))  # type: ignore[arg-type]
    out = []
    for g in collection["geometries"]:
        geom = shape(g)
        out.extend(getattr(geom, "geoms", [geom]))
    return np.array(out, dtype=object)


def river_systems(pieces, gap: float = SYSTEM_GAP):
    """Per piece, the longer side of the box of its river system (pieces within ``gap``, chained)."""
    import numpy as np
    import shapely

    a, b = shapely.STRtree(pieces).query(pieces, predicate="dwithin", distance=gap)
    parent = np.arange(len(pieces))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in zip(a.tolist(), b.tolist()):
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    system = np.array([root(i) for i in range(len(pieces))])
    box = shapely.bounds(pieces)
    lo_x, lo_y = np.full(len(pieces), np.inf), np.full(len(pieces), np.inf)
    hi_x, hi_y = np.full(len(pieces), -np.inf), np.full(len(pieces), -np.inf)
    np.minimum.at(lo_x, system, box[:, 0])
    np.minimum.at(lo_y, system, box[:, 1])
    np.maximum.at(hi_x, system, box[:, 2])
    np.maximum.at(hi_y, system, box[:, 3])
    return np.maximum(hi_x - lo_x, hi_y - lo_y)[system]


def ring(coords) -> list[int] | None:
    """A ring as first point and differences, in UNIT; None when fewer than 3 points remain."""
    import numpy as np

    q = np.round(np.asarray(coords)[:, :2] * UNIT).astype(np.int64)
    q = q[np.r_[True, (np.diff(q, axis=0) != 0).any(axis=1)]]
    if len(q) > 1 and (q[0] == q[-1]).all():
        q = q[:-1]
    if len(q) < 3:
        return None
    return np.vstack([q[:1], np.diff(q, axis=0)]).ravel().tolist()


def encoded(parts, tolerance: float) -> dict:
    """WATER (see the module's docstring) of shapely polygons, simplified to ``tolerance``."""
    import shapely

    out: dict[str, list] = {"box": [], "polygons": []}
    for p in shapely.simplify(parts, tolerance, preserve_topology=True):
        if p.is_empty or p.geom_type != "Polygon":
            continue
        outer = ring(p.exterior.coords)
        if outer is None:
            continue
        holes = [r for r in (ring(i.coords) for i in p.interiors) if r is not None]
        w, s, e, n = (round(v * UNIT) for v in p.bounds)
        out["box"].append([w - outer[0], s - outer[1], e - w, n - s])
        out["polygons"].append([outer, *holes])
    return out


def main() -> int:
    import shapely

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lakes", type=Path, help="a downloaded earth-lakes-10m-0.6.0.tgz (else fetched from npm)")
    ap.add_argument("--rivers", type=Path, help="a downloaded earth-rivers-10m-0.6.0.tgz (else fetched from npm)")
    ap.add_argument("--lake-area", type=float, default=0.002)
    ap.add_argument("--lake-tolerance", type=float, default=0.005)
    ap.add_argument("--river-extent", type=float, default=3.0)
    ap.add_argument("--river-tolerance", type=float, default=0.003)
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args()
    lakes = polygons(fetch_npm(LAKES, args.lakes))
    lakes = lakes[shapely.area(lakes) >= args.lake_area]
    rivers = polygons(fetch_npm(RIVERS, args.rivers))
    rivers = rivers[(river_systems(rivers) >= args.river_extent) & (shapely.area(rivers) >= SPECK)]
    doc = {"source": SOURCE, "licence": "ODbL-1.0",
           "lakes": encoded(lakes, args.lake_tolerance), "rivers": encoded(rivers, args.river_tolerance)}
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
    with atomic_write(args.out, binary=True) as fh:
        fh.write(gzip.compress(text, 9, mtime=0))
    print(f"wrote {len(doc['lakes']['polygons'])} lakes and {len(doc['rivers']['polygons'])} river pieces to "
          f"{args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
