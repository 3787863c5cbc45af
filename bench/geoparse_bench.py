#!/usr/bin/env python3
"""Geoparser benchmark on public gold corpora (LGL, TR-News, GeoVirus) from ../shared/bench.

Prints, per corpus: recognition precision / recall / F1 on exact spans; resolution
accuracy within 161 km and mean / median error (km) over the gold toponyms that were
found with an exact span and carry coordinates; and words per second (one core,
loading excluded, gazetteer index already built, caches cold at the start of each run; the
best of --repeat runs, with the median and slowest).

Accuracy at the scale of what was named: a country within 1,500 km of the gold point, an
admin-1 region within 400 km, anything smaller within 161 km (each corpus puts countries and
regions at its own convention). What was named is the gold's own kind: its GeoNames feature
code (LGL, TR-News), or the kind of place its Wikipedia page's title names (GeoVirus).

The cold start is the first article of the corpus read by a new geoparser with the
gazetteer's caches cleared (the index itself already built).

A further accuracy figure judges country mentions by containment (the gold point lies in
the country geo resolved to) rather than by distance: the corpora use GeoNames' own point
for a country, geo a point inside its outline, and for large countries the two can lie
more than 161 km apart although both readings are the same country.

Usage:
  python bench/geoparse_bench.py --shared ../shared [--corpus lgl trnews geovirus] [--misses 20]
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def km(a: float, b: float, c: float, d: float) -> float:
    p1, p2 = math.radians(a), math.radians(c)
    x = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(x)))


SCALE_KM = {"country": 1500.0, "admin1": 400.0}
_COUNTRY_OR_LARGER = {"country", "continent", "region"}  # continents and world regions at a country's scale


def gold_kind(extra: dict, names) -> str:
    """What the gold toponym names: "country", "admin1" or "local" (anything smaller)."""
    code = extra.get("fcode") or ""
    if code:
        return "country" if code.startswith("PCL") or code in ("CONT", "RGN") else "admin1" if code == "ADM1" else "local"
    page = extra.get("wikipedia") or ""
    if not page:
        return "local"
    from geo.normalize import normalize_name

    title = normalize_name(unquote(page.rsplit("/", 1)[-1]).replace("_", " "))
    best = names.best(title, None) if title and names.known(title) else ()
    if not best:
        return "local"
    return "country" if best[0].feature in _COUNTRY_OR_LARGER else "admin1" if best[0].feature == "admin1" else "local"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared")
    ap.add_argument("--corpus", nargs="+", default=["lgl", "trnews", "geovirus"])
    ap.add_argument("--demonyms", action="store_true",
                    help="map demonyms (Russian, Canadian) to their countries, as LGL and TR-News annotate them")
    ap.add_argument("--modifiers", action="store_true",
                    help="count places naming something else ('Ohio State University'), as LGL annotates them")
    ap.add_argument("--outlets", action="store_true",
                    help="give each article its outlet (the corpus's <domain>), so local papers get a home")
    ap.add_argument("--repeat", type=int, default=5,
                    help="time N cold runs and report the best (the others are the machine's noise); default 5")
    ap.add_argument("--scale-by-answer", action="store_true",
                    help="judge the scale by what geo answered too (a country answer within 1,500 km counts)")
    ap.add_argument("--misses", type=int, default=0, help="print the N most frequent misses and false hits")
    args = ap.parse_args()
    from corpora import corpus_loader, outlets

    load = corpus_loader(args.shared)
    if load is None:
        print(f"geoparse bench: {args.shared / 'bench' / 'load.py'} not found; pass --shared PATH (skipped)")
        return 0

    from shapely import STRtree, Point
    from shapely.geometry import shape

    from geo.articles import Article
    from geo.gazetteer import default_gazetteer
    from geo.mapping.regions import _load
    from geo.geoparse import Geoparser

    outlines = [(f["properties"]["iso2"], shape(f["geometry"])) for f in _load("countries.geojson")["features"]]
    tree = STRtree([g for _, g in outlines])

    def in_country(lat: float, lon: float, iso2: str) -> bool:
        return any(outlines[int(i)][0] == iso2 for i in tree.query(Point(lon, lat), predicate="within"))

    for corpus in args.corpus:
        full = list(load.load(corpus))
        docs = [(d, text, [t[:5] for t in tops]) for d, text, tops in full]
        kinds = {(d, t[0], t[1]): t[5] for d, _, tops in full for t in tops}
        tp = fp = fn = 0
        errors: list[float] = []
        country_ok = 0  # country mentions whose gold point lies in the resolved country, though > 161 km off
        far: Counter[str] = Counter()  # answers beyond 161 km, by the kind of place answered
        missed: Counter[str] = Counter()
        false: Counter[str] = Counter()
        wrong: Counter[str] = Counter()
        outlet = outlets(args.shared, corpus) if args.outlets and corpus != "geovirus" else {}
        scale_ok = scale_n = 0
        off_scale: Counter[str] = Counter()
        scale_far: Counter[str] = Counter()  # misses at the scale of what was named, by that kind
        words = sum(len(text.split()) for _, text, _ in docs)
        default_gazetteer().known_names(["london"])  # the index built, outside the timings
        times, colds = [], []
        for _ in range(args.repeat):  # each run cold: a new geoparser, the gazetteer's answers forgotten
            default_gazetteer().clear_caches()
            t = Geoparser(demonyms=args.demonyms, modifiers=args.modifiers)
            t0 = time.perf_counter()
            t.find(Article.from_text(docs[0][1], article_id=docs[0][0], outlet=outlet.get(docs[0][0])))
            colds.append(time.perf_counter() - t0)
            default_gazetteer().clear_caches()
            t = Geoparser(demonyms=args.demonyms, modifiers=args.modifiers)
            t0 = time.perf_counter()  # cleaning the text is part of the work
            articles = [Article.from_text(text, article_id=doc_id, outlet=outlet.get(doc_id))
                        for doc_id, text, _ in docs]
            by_id = t.find_all(articles)
            times.append(time.perf_counter() - t0)
        for doc_id, _text, tops in docs:
            found = {(m.start, m.end): m for m in by_id[doc_id]}
            gold = {(s, e): (name, lat, lon) for s, e, name, lat, lon in tops}
            for span, (name, lat, lon) in gold.items():
                m = found.get(span)
                if m is None:
                    fn += 1
                    missed[name] += 1
                    continue
                tp += 1
                if lat is not None and m.place is not None:
                    err = km(lat, lon, m.place.lat, m.place.lon)
                    errors.append(err)
                    kind = gold_kind(kinds[(doc_id, *span)], t.names)
                    scale_n += 1
                    if err <= SCALE_KM.get(kind, 161.0) or (args.scale_by_answer and err <= SCALE_KM.get(m.feature, 161.0)):
                        scale_ok += 1
                    else:
                        scale_far[kind] += 1
                        off_scale[f"{name} [{kind}] -> {m.name} ({m.country}, {m.feature}) {err:.0f} km"] += 1
                    if err > 161:
                        far[m.feature] += 1
                        if m.feature == "country" and in_country(lat, lon, m.country):
                            country_ok += 1
                        wrong[f"{name} -> {m.name} ({m.country})"] += 1
                elif lat is not None:
                    errors.append(20038.0)  # unresolved: half the globe, as the literature scores it
                    scale_n += 1
                    scale_far["unresolved"] += 1
            # Every mention output counts: a span given twice is a false hit the second time.
            fp += len(by_id[doc_id]) - len(found)
            for span, m in found.items():
                if span not in gold:
                    fp += 1
                    false[m.text] += 1
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        acc = sum(e <= 161 for e in errors) / len(errors) if errors else 0.0
        print(f"{corpus}: {len(docs)} docs, {sum(len(x[2]) for x in docs)} gold toponyms"
              f"{' (demonyms mapped to countries)' if args.demonyms else ''}"
              f"{' (modifiers counted)' if args.modifiers else ''}"
              f"{' (outlets given)' if args.outlets else ''}")
        print(f"  recognition (exact spans): P={p:.3f} R={r:.3f} F1={f1:.3f}  (tp={tp} fp={fp} fn={fn})")
        print(f"  resolution of found toponyms with coordinates (n={len(errors)}): acc@161km={acc:.3f} ({sum(e <= 161 for e in errors)}) "
              f"mean={statistics.mean(errors) if errors else 0:.0f} km median={statistics.median(errors) if errors else 0:.1f} km")
        if scale_n:
            print(f"  accuracy at the scale of what was named: {scale_ok / scale_n:.3f} ({scale_ok}/{scale_n}; misses by"
                  " kind named: " + ", ".join(f"{k} {v}" for k, v in scale_far.most_common()) + ")")
        if errors:
            print(f"  acc@161km with country mentions judged by containment: "
                  f"{(sum(e <= 161 for e in errors) + country_ok) / len(errors):.3f} "
                  f"({country_ok} country answers beyond 161 km whose gold point lies inside the country)")
            print("  answers beyond 161 km by kind: " + ", ".join(f"{k} {v}" for k, v in far.most_common()))
        print(f"  speed: {words} words in {min(times):.2f} s = {words / min(times):,.0f} words/s (one core, best of "
              f"{len(times)} runs; median {words / statistics.median(times):,.0f}, slowest {words / max(times):,.0f})")
        print(f"  cold start: first article ({len(docs[0][1].split())} words) in {min(colds) * 1000:.0f} ms "
              f"(new geoparser, gazetteer caches cleared; best of {len(colds)}, slowest {max(colds) * 1000:.0f} ms)")
        if args.misses:
            print("  most missed:", ", ".join(f"{k} ({v})" for k, v in missed.most_common(args.misses)))
            print("  most false :", ", ".join(f"{k} ({v})" for k, v in false.most_common(args.misses)))
            print("  most wrong :", ", ".join(f"{k} ({v})" for k, v in wrong.most_common(args.misses)))
            print("  off scale  :", ", ".join(f"{k} ({v})" for k, v in off_scale.most_common(args.misses)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
