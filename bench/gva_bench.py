#!/usr/bin/env python3
"""Incident extraction speed on real local news: ``geo extract DIR --json`` over the GVA dev
articles (``--shared ../shared``: its ``bench/gva/articles``), the whole command timed, best of
``--repeat`` runs, in words per second of input (one process: ``--workers 1 --no-cache``, so each
run reads every article; ``bench/scale_bench.py`` measures workers and the cache).

The corpus is the workshop's, never the project's: without ``--shared`` this benchmark skips.
Quality on the same set is scored by ``../shared/bench/gva_score.py``.

Usage:
  python bench/gva_bench.py --shared ../shared [--repeat 3]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, help="the workshop folder holding bench/gva")
    ap.add_argument("--repeat", type=int, default=3)
    args, _ = ap.parse_known_args()
    folder = args.shared / "bench" / "gva" / "articles" if args.shared else None
    if folder is None or not folder.is_dir():
        print("gva: skipped (pass --shared ../shared)")
        return 0
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))
    geo = [sys.executable, "-m", "geo", "extract", str(folder), "--json", "--workers", "1", "--no-cache"]
    subprocess.run(geo[:3] + ["geocode", "El Alto"], capture_output=True, cwd=ROOT, check=False)  # index built
    times = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        out = subprocess.run(geo, capture_output=True, cwd=ROOT, check=False)
        times.append(time.perf_counter() - t)
        if out.returncode:
            print(f"gva: geo extract failed ({out.returncode}): {out.stderr.decode()[-500:]}")
            return 1
    best = min(times)
    print(f"gva extract: {words:,} words in {best:.1f} s (best of {len(times)}; slowest {max(times):.1f} s) "
          f"= {words / best:,.0f} words/s, whole command, one process")
    return 0


if __name__ == "__main__":
    sys.exit(main())
