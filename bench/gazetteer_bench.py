#!/usr/bin/env python3
"""Gazetteer benchmark: cold start and lookups per second.

Cold start = time from nothing to the first answer in a fresh process, with the
index already built (the state of every run after the first). Throughput = 10,000
``Gazetteer.lookup`` calls, twice: over names drawn from the gazetteer itself (nearly
all distinct: the worst case, every lookup reaches the SQLite index), and, given
--shared, over the toponyms of LGL and TR-News in text order (as news repeat them).

Usage:
  python bench/gazetteer_bench.py [--lookups 10000] [--rebuild] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ANCHORS = ["Huayllani, Cochabamba", "Senkata", "El Alto", "La Paz", "Buenos Aires", "Santiago",
           "Washington", "Mexico", "Perú", "Cochabamba", "Santa Cruz", "Sacaba", "Media Luna", "Chaco"]
COLD = ("import time; t=time.perf_counter(); from geo.gazetteer import Gazetteer; "
        "Gazetteer().lookup('Huayllani, Cochabamba'); print(time.perf_counter()-t)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lookups", type=int, default=10_000)
    ap.add_argument("--rebuild", action="store_true", help="also time a full index build")
    ap.add_argument("--shared", type=Path, default=None, help="folder holding bench/ (LGL, TR-News) for the news stream")
    args, _ = ap.parse_known_args()  # tasks.py bench passes --shared to every benchmark

    from geo.gazetteer import Gazetteer, build_index

    gaz = Gazetteer(verbose=False)
    gaz.lookup("El Alto")  # make sure the index exists before timing cold starts
    if args.rebuild:
        t = time.perf_counter()
        build_index(gaz.source_dir, gaz.index_path.with_suffix(".bench"))
        gaz.index_path.with_suffix(".bench").unlink()
        print(f"index build: {time.perf_counter() - t:.1f} s")

    colds = [float(subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(5)]
    print(f"cold start (import + open index + first lookup), median of 5: {statistics.median(colds) * 1000:.0f} ms")

    rows = gaz._query("SELECT name FROM places ORDER BY random() LIMIT ?", (args.lookups,))
    rng = random.Random(7)
    queries = [r[0] for r in rows][: args.lookups - len(ANCHORS) * 20] + ANCHORS * 20
    rng.shuffle(queries)
    run("distinct names (worst case: every lookup goes to the index)", queries)
    news = news_names(args.shared, args.lookups, rng)
    if news:
        run("names as news use them (toponyms of LGL and TR-News, in order, repeats included)", news)
    return 0


def run(label: str, queries: list[str]) -> None:
    from geo.gazetteer import Gazetteer, PlaceNotFound

    times = []
    for _ in range(5):  # this VM's speed wanders: best and median of five runs
        fresh = Gazetteer(verbose=False)  # empty answer memory
        t = time.perf_counter()
        for q in queries:
            try:
                fresh.lookup(q)
            except PlaceNotFound:
                pass
        times.append(time.perf_counter() - t)
    best, median = min(times), statistics.median(times)
    print(f"lookups, {label}: {len(queries):,} per run ({len(set(queries)):,} distinct, one core): "
          f"best {len(queries) / best:,.0f}/s, median {len(queries) / median:,.0f}/s")


def news_names(shared: Path | None, n: int, rng) -> list[str]:
    from corpora import corpus_loader

    load = corpus_loader(shared)
    if load is None:
        return []
    names = [top[2] for corpus in ("lgl", "trnews") for _, _, tops in load.load_simple(corpus) for top in tops]
    return names[:n]

if __name__ == "__main__":
    sys.exit(main())
