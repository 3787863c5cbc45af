#!/usr/bin/env python3
"""Write geo/data/countries.csv (ISO 3166 alpha-2, alpha-3, numeric code, English name) from
GeoNames' countryInfo.txt, for the ACLED export's ``iso`` and ``country`` columns.

Usage:
  python scripts/build_countries.py --shared ../shared
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.atomic import atomic_write  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="folder holding gazetteer/")
    ap.add_argument("--out", type=Path, default=ROOT / "geo" / "data" / "countries.csv")
    args = ap.parse_args(argv)
    src = args.shared / "gazetteer" / "world" / "countryInfo.txt"
    if not src.is_file():
        ap.error(f"{src} not found: pass --shared PATH to the folder that holds gazetteer/")
    rows = []
    for line in src.read_text(encoding="utf-8-sig").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        rows.append({"iso2": f[0], "iso3": f[1], "numeric": int(f[2]), "name": f[4]})
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=["iso2", "iso3", "numeric", "name"], lineterminator="\n")
    w.writeheader()
    w.writerows(sorted(rows, key=lambda r: r["iso2"]))
    with atomic_write(args.out) as fh:
        fh.write(buf.getvalue())
    print(f"wrote {len(rows)} countries to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
