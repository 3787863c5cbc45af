#!/usr/bin/env python3
"""Write geo/data/countries.tsv: ISO 3166 codes and English names of the world's countries
and territories, from GeoNames' countryInfo.txt (CC BY 4.0).

Usage:
  python scripts/build_countries.py --shared ../shared
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "geo" / "data" / "countries.tsv"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    source = args.shared / "gazetteer" / "world" / "countryInfo.txt"
    rows = []
    for line in source.read_text(encoding="utf-8-sig").splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        iso2, iso3, numeric, name, continent = cells[0], cells[1], cells[2], cells[4], cells[8]
        rows.append((iso2, iso3, int(numeric), name, continent))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    tmp = OUT.with_suffix(".part")
    with tmp.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["iso2", "iso3", "iso_numeric", "name", "continent"])
        w.writerows(sorted(rows))
    tmp.replace(OUT)
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} countries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
