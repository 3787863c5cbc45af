#!/usr/bin/env python3
"""Incident extraction speed on real local news: ``geo extract DIR --json`` over the GVA dev
articles (``--shared ../shared``: its ``bench/gva/articles``), the whole command timed, best of
``--repeat`` runs, in words per second of input (one process: ``--workers 1 --no-cache``, so each
run reads every article; ``bench/scale_bench.py`` measures workers and the cache).

The corpus is the workshop's, never the project's: without ``--shared`` this benchmark skips.
Quality on the same set is scored by ``../shared/bench/gva_score.py``.

``--baseline ../main`` times another checkout's code in the same invocation, its runs alternating
with these (so that a slow spell of the machine hits both), and gives the ratio.

Usage:
  python bench/gva_bench.py --shared ../shared [--repeat 3] [--baseline ../main]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(geo: list[str], cwd: Path) -> float:
    """Seconds of one whole run of the command; `python -m geo` imports the geo of its cwd."""
    t = time.perf_counter()
    out = subprocess.run(geo, capture_output=True, cwd=cwd, check=False)
    took = time.perf_counter() - t
    if out.returncode:
        sys.exit(f"gva: geo extract failed in {cwd} ({out.returncode}): {out.stderr.decode()[-500:]}")
    return took


def report(name: str, words: int, times: list[float]) -> None:
    best = min(times)
    print(f"gva extract{name}: {words:,} words in {best:.1f} s (best of {len(times)}; slowest {max(times):.1f} s) "
          f"= {words / best:,.0f} words/s, whole command, one process")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, help="the workshop folder holding bench/gva")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline", type=Path, help="another checkout of geo (e.g. ../main), timed in turn with this one")
    args, _ = ap.parse_known_args()
    folder = args.shared / "bench" / "gva" / "articles" if args.shared else None
    if folder is None or not folder.is_dir():
        print("gva: skipped (pass --shared ../shared)")
        return 0
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))
    geo = [sys.executable, "-m", "geo", "extract", str(folder.resolve()), "--json", "--workers", "1", "--no-cache"]
    checkouts = [ROOT] + ([args.baseline.resolve()] if args.baseline else [])
    for cwd in checkouts:
        subprocess.run(geo[:3] + ["geocode", "El Alto"], capture_output=True, cwd=cwd, check=False)  # index built
    times: dict[Path, list[float]] = {cwd: [] for cwd in checkouts}
    for _ in range(args.repeat):
        for cwd in checkouts:
            times[cwd].append(timed(geo, cwd))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    report(f" ({ROOT.name})" if args.baseline else "", words, times[ROOT])
    if args.baseline:
        report(f" ({args.baseline})", words, times[checkouts[1]])
        print(f"gva extract: this / baseline best time x{min(times[ROOT]) / min(times[checkouts[1]]):.3f}; "
              f"load average after: {load}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
