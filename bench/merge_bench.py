#!/usr/bin/env python3
"""Merging at scale: ``merge_reports`` over 16,000 and 64,000 reports of distinct events
(random towns of the United States over three years, the types local news reports), best of
``--repeat``. Target: 64,000 in under 10 s.

Usage:
  python bench/merge_bench.py [--sizes 16000 64000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.events import Report, merge_reports  # noqa: E402
from geo.geoparse import Mention  # noqa: E402
from geo.place import Place  # noqa: E402

TYPES = [("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
         ("Riots", "Mob violence"), ("Strategic developments", "Arrests")]


def reports(n: int, seed: int = 64) -> list[Report]:
    rng = random.Random(seed)
    out = []
    for k in range(n):
        lat, lon = rng.uniform(25, 49), rng.uniform(-124, -67)
        place = Place(f"Town {k}", lat, lon, "US", f"State {k % 50}", "town", f"gn:{k}")
        kind, sub = rng.choice(TYPES)
        when = date(2014, 1, 1) + timedelta(days=rng.randrange(3 * 365))
        precision = rng.choices(["day", "week", "month"], [8, 1, 1])[0]
        out.append(Report(f"a{k}", kind, sub, when, precision, Mention(f"Town {k}", 0, 6, place), 1, "quote", 0, 5,
                          fatalities=rng.choice([None, 0, 1, 2])))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[16_000, 64_000])
    ap.add_argument("--repeat", type=int, default=3)
    args, _ = ap.parse_known_args()
    for n in args.sizes:
        reps = reports(n)
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            incidents = merge_reports(reps)
            times.append(time.perf_counter() - t)
        print(f"merge: {n:,} distinct reports -> {len(incidents):,} incidents in {min(times):.2f} s "
              f"(best of {args.repeat}; {n / min(times):,.0f} reports/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
