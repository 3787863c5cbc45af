#!/usr/bin/env python3
"""Long-article benchmark: one article of 1, 2 and 4 MB through the whole extraction
(clean, geoparse, extract, merge). Time must grow linearly: doubling the size should not
more than double the time (the ratio printed; x2.2 at most).

The text is the seeds, each copy with other real places, dates and figures swapped in
(see ``extract_bench.make_corpus``), joined as paragraphs of one file.

Usage:
  python bench/long_article_bench.py [--sizes 1,2,4] [--repeat 1]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def long_text(megabytes: float) -> str:
    """About ``megabytes`` MB of varied news text made from the seeds."""
    from extract_bench import make_corpus

    with tempfile.TemporaryDirectory() as tmp:
        parts: list[str] = []
        size, n = 0, 0
        while size < megabytes * 1e6:
            make_corpus(10, Path(tmp), seed=n)
            for p in sorted(Path(tmp).glob("*.txt")):
                parts.append(p.read_text(encoding="utf-8"))
                size += len(parts[-1].encode())
            n += 1
    return "\n\n".join(parts)


def run_once(text: str) -> tuple[float, int]:
    from geo.articles import Article
    from geo.incidents import extract_incidents

    t = time.perf_counter()
    article = Article.from_text(text, article_id="long", published=None)
    incidents = extract_incidents([article])
    return time.perf_counter() - t, len(incidents)


# Runs that real folders hold now and then (a page of initials, a list pasted a thousand
# times, a table of dates): each must stay linear too.
PATTERNS = {"one long capitalised word": "A", "a list of one town": "Sacaba, ", "abbreviations": "U.S. ",
            "a name broken over lines": "El\n", "dates in one sentence": "killed in Sacaba Monday, ",
            "a county list": "Douglas, Sarpy and Lancaster counties, "}


def run_patterns(kb: int) -> None:
    from geo.articles import Article
    from geo.incidents import Extractor

    for label, unit in PATTERNS.items():
        times = []
        for size in (kb, 2 * kb):
            text = unit * (size * 1000 // len(unit))
            t = time.perf_counter()
            Extractor().reports(Article.from_text(text, article_id="p"))
            times.append(time.perf_counter() - t)
        print(f"pattern {label!r}: {kb} KB {times[0]:.2f} s, {2 * kb} KB {times[1]:.2f} s (x{times[1] / times[0]:.2f})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,2,4", help="sizes in MB, comma-separated")
    ap.add_argument("--repeat", type=int, default=1, help="runs per size (the best is kept)")
    ap.add_argument("--patterns-kb", type=int, default=100, help="size of the pathological runs (0: skip them)")
    args, _ = ap.parse_known_args()

    from geo.gazetteer import default_gazetteer

    default_gazetteer().lookup("El Alto")  # index built before timing
    previous = None
    for mb in (float(s) for s in args.sizes.split(",")):
        text = long_text(mb)
        best = min(run_once(text) for _ in range(args.repeat))
        ratio = f"  x{best[0] / previous:.2f} the previous size" if previous else ""
        print(f"long article: {len(text.encode()) / 1e6:.1f} MB -> {best[1]} incidents in {best[0]:.1f} s{ratio}")
        previous = best[0]
    if args.patterns_kb:
        run_patterns(args.patterns_kb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
