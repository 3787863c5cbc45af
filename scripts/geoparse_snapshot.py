#!/usr/bin/env python3
"""Every mention the geoparser finds, as JSON lines: the byte-identical check of a refactoring.

Runs the geoparser over LGL, TR-News and GeoVirus (from ``--shared``, via its ``bench/load.py``)
with the default options and with the options the geoparse bench uses for the corpora
(``--demonyms --modifiers --outlets``), and over the seeds (``seeds/``, the corpus API with their
outlets); writes one line per mention: run, document id, raw and clean offsets, text, and the
place it resolved to. Run it before and after a change and ``cmp`` the two files.

Usage:
  python scripts/geoparse_snapshot.py --shared ../shared --out /tmp/gp-before.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

CORPORA = ("lgl", "trnews", "geovirus")


def rows(run: str, found: dict, order: list[str]):
    """The mentions of every document, in document and text order, as flat dicts."""
    for doc_id in order:
        for m in found[doc_id]:
            p = m.place
            yield {"run": run, "doc": doc_id, "start": m.start, "end": m.end,
                   "clean_start": m.clean_start, "clean_end": m.clean_end, "text": m.text,
                   "name": p.name if p else None, "lat": p.lat if p else None, "lon": p.lon if p else None,
                   "country": p.country if p else None, "admin1": p.admin1 if p else None,
                   "feature": p.feature if p else None, "gazetteer_id": p.gazetteer_id if p else None,
                   "score": p.score if p else None}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, required=True, help="the shared folder holding bench/load.py")
    ap.add_argument("--out", type=Path, required=True, help="the JSON-lines file to write")
    args = ap.parse_args()
    from corpora import corpus_loader, outlets

    from geo.articles import Article, load_articles
    from geo.toponyms import Toponymer

    load = corpus_loader(args.shared)
    if load is None:
        sys.exit(f"{args.shared / 'bench' / 'load.py'} not found")
    n = 0
    with args.out.open("w", encoding="utf-8") as out:
        def write(run: str, found: dict, order: list[str]) -> None:
            nonlocal n
            for row in rows(run, found, order):
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
                n += 1
        for corpus in CORPORA:
            docs = list(load.load_simple(corpus))
            order = [doc_id for doc_id, _, _ in docs]
            plain = [Article.from_text(text, article_id=doc_id) for doc_id, text, _ in docs]
            write(f"{corpus}/default", Toponymer().find_all(plain), order)
            outlet = outlets(args.shared, corpus) if corpus in ("lgl", "trnews") else {}
            given = [Article.from_text(text, article_id=doc_id, outlet=outlet.get(doc_id)) for doc_id, text, _ in docs]
            write(f"{corpus}/demonyms+modifiers+outlets", Toponymer(demonyms=True, modifiers=True).find_all(given), order)
            print(f"{corpus}: {len(docs)} docs", file=sys.stderr)
        seeds = load_articles([ROOT / "seeds"])
        order = [a.article_id for a in seeds]
        write("seeds/find_all", Toponymer().find_all(seeds), order)
        write("seeds/find", {a.article_id: Toponymer().find(a) for a in seeds}, order)
        write("seeds/demonyms+modifiers", Toponymer(demonyms=True, modifiers=True).find_all(seeds), order)
    print(f"{n} mentions -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
