#!/usr/bin/env python3
"""Extraction benchmark: articles per second, end to end (load, clean, geoparse, extract, merge).

The corpus is made from the seeds: each copy swaps the seeds' places for other
real places, shifts the dates and changes the figures, so the caches of the
geoparser do not see the same article twice.

Usage:
  python bench/extract_bench.py [--articles 500]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SWAPS = {
    "El Alto": ["Oruro", "Potosí", "Tarija", "Sucre", "Trinidad", "Cobija", "Montero", "Quillacollo"],
    "Cochabamba": ["Riberalta", "Yacuiba", "Villazón", "Camiri", "Tupiza", "Uyuni", "Guayaramerín"],
    "Buenos Aires": ["Lima", "Quito", "Bogotá", "Montevideo", "Asunción", "Santiago", "Madrid"],
    "Senkata": ["Senkata"], "Huayllani": ["Huayllani"],
}
NUMBERS = re.compile(r"\b(eight|nine|seven|six|23|30)\b")


def make_corpus(n: int, out: Path, seed: int = 3) -> None:
    rng = random.Random(seed)
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    rows = ["article_id,file,title,outlet,published"]
    for i in range(n):
        src = seeds[i % len(seeds)]
        text = src.read_text(encoding="utf-8")
        for name, options in SWAPS.items():
            text = text.replace(name, rng.choice(options))
        text = NUMBERS.sub(lambda m: str(rng.randint(1, 40)), text)
        day = 10 + rng.randint(0, 15)
        (out / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        rows.append(f"a{i:05d},a{i:05d}.txt,variant of {src.stem},bench,2019-11-{day:02d}")
    (out / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=500)
    args, _ = ap.parse_known_args()

    from geo.articles import load_articles
    from geo.gazetteer import default_gazetteer
    from geo.incidents import extract_incidents

    default_gazetteer().lookup("El Alto")  # index built before timing
    with tempfile.TemporaryDirectory() as tmp:
        make_corpus(args.articles, Path(tmp))
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in Path(tmp).glob("*.txt"))
        t = time.perf_counter()
        articles = load_articles([tmp])
        incidents = extract_incidents(articles)
        dt = time.perf_counter() - t
    print(f"extract: {len(articles)} articles ({words:,} words) -> {len(incidents)} incidents in {dt:.2f} s "
          f"= {len(articles) / dt:,.0f} articles/s end to end (one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
