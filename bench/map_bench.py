#!/usr/bin/env python3
"""Map benchmark: build time, HTML bytes per incident, first render, list filter, brush and
clusters in headless Chromium.

Synthetic incidents: random points over Bolivia, dates over November 2019, the six
ACLED types, one or two sources each drawn from a pool of 2,000 articles and 5,000
quotes (as real corpora repeat articles and sentences across incidents).

First render = from navigation start to the first painted frame after the app is
ready (data parsed, every layer built), measured with performance.now() in the page,
with the network cut. List filter = typing a word into the list's filter box until the rows
are drawn (next frame); list sort = sorting by fatalities; brush = setting a one-week range
(markers, list, regions, timeline) until the next frame; clusters = switching the clusters
layer on until its last marker is in and painted. Needs Chromium (Debian: apt-get install chromium).

Own quotes: the same incidents with every source its own 150-character quote, none shared; its
bytes per incident, and beyond the quotes' own text (their UTF-8 bytes) and the fixed part: what
the page spends on everything else (figures, dates, places, ids, the sources' articles).

Plain folium: FastMarkerCluster of the same incidents' points, built, weighed and rendered
beside geo's page; bench/folium_cluster.py says how it is measured offline (its CDN requests
routed to Leaflet.markercluster and Leaflet.awesome-markers vendored from npm in bench/vendor/,
for the benchmark only).

Usage:
  python bench/map_bench.py [--sizes 1000 10000 100000] [--baseline ../main --repeat 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # folium_cluster, beside this file

TYPES = [("Protests", "Peaceful protest"), ("Protests", "Excessive force against protesters"),
         ("Riots", "Violent demonstration"), ("Violence against civilians", "Attack"),
         ("Strategic developments", "Arrests"), ("Battles", "Armed clash")]


def own_quote(rng: random.Random, words: list[str], tag: str) -> str:
    """A quote of exactly QUOTE_CHARS characters that no other source has (it starts with its tag)."""
    text = tag + ": " + " ".join(rng.choice(words) for _ in range(40))
    return text[:QUOTE_CHARS].capitalize()


def synthetic(n: int, seed: int = 5, own_quotes: bool = False):
    """``own_quotes``: every source its own QUOTE_CHARS-character quote, none shared."""
    from geo.dataset import Dataset
    from geo.place import Place
    from geo.records import Incident, Source

    rng, qrng = random.Random(seed), random.Random(seed + 1)  # the other fields as without own quotes
    words = "police fired on marchers blockade the road near plant killed wounded arrested crowd gas".split()
    quotes = [" ".join(rng.choice(words) for _ in range(rng.randint(12, 40))).capitalize() + "." for _ in range(5000)]
    places = [f"Place {k}" for k in range(3000)]
    incidents = []
    for k in range(n):
        etype, sub = rng.choice(TYPES)
        srcs = [Source(article=f"art{rng.randrange(2000)}", quote=rng.choice(quotes),
                       fatalities=rng.choice([None, 0, 1, 2, 5]), title=None, outlet=None)
                for _ in range(rng.randint(1, 2))]
        for j, s in enumerate(srcs if own_quotes else []):
            s.quote = own_quote(qrng, words, f"source {k}.{j}")
        inc = Incident(incident_id=f"S-{k:06d}", event_date=date(2019, 11, 1) + timedelta(days=rng.randrange(30)),
                       date_precision="day", event_type=etype, sub_event_type=sub, location=rng.choice(places),
                       country="BO", place=Place("x", rng.uniform(-22.5, -10.0), rng.uniform(-69.5, -58.0)),
                       geo_precision=1, sources=srcs, status="extracted")
        inc.summarise_figures()
        incidents.append(inc)
    return Dataset(incidents=incidents, articles=[])


QUOTE_CHARS = 150
FRAME = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def interactions(page) -> dict[str, float]:
    """Milliseconds, in the page, of what a user does next: filter and sort the list, brush, clusters."""
    out = {}
    out["list filter"] = page.evaluate(f"""async () => {{ const t = performance.now();
        const f = document.getElementById('geo-filter'); f.value = 'place 12';
        f.dispatchEvent(new Event('input')); await {FRAME}; return performance.now() - t; }}""")
    out["list sort"] = page.evaluate(f"""async () => {{ const t = performance.now();
        document.querySelector('.geo-col-fat').click(); await {FRAME}; return performance.now() - t; }}""")
    page.evaluate("() => { const f = document.getElementById('geo-filter'); f.value = '';"
                  " f.dispatchEvent(new Event('input')); }")
    out["brush (one week)"] = page.evaluate(f"""async () => {{ const t = performance.now();
        geoApp.apply(geoApp.data.range[0] + 7, geoApp.data.range[0] + 13); await {FRAME};
        return performance.now() - t; }}""")
    out["brush back (all)"] = page.evaluate(f"""async () => {{ const t = performance.now();
        geoApp.apply(geoApp.data.range[0], geoApp.data.range[1]); await {FRAME}; return performance.now() - t; }}""")
    # To the last cluster on the map: a layer that adds its markers in chunks (Leaflet.markercluster,
    # as geo had it) reports each chunk; the time is taken when the last one is in and painted.
    out["clusters on"] = page.evaluate(f"""async () => {{ const t = performance.now(), c = geoApp.cluster;
        const done = new Promise(res => {{
            if (c.options && c.options.chunkedLoading) c.options.chunkProgress = (p, all) => {{
                if (p === all && all === geoApp.shown) res(); }};
            else res(); }});
        geoApp.map.addLayer(c); await done; await {FRAME}; return performance.now() - t; }}""")
    return out


def measure(browser, path) -> dict[str, float]:
    """First render and the interactions of one page, in milliseconds."""
    from geo.mapping.browser import open_offline

    page, _failed, errors = open_offline(browser, path)
    try:
        page.wait_for_function("geoApp.paintedAt !== undefined", timeout=120_000)
        out = {"first render": page.evaluate("geoApp.paintedAt")}
        out.update(interactions(page))
        out["console errors"] = len(errors)
        return out
    finally:
        page.context.close()


def baseline_map(checkout: Path, n: int, out: Path, own_quotes: bool = False) -> Path:
    """The same synthetic incidents drawn by another checkout's geo (e.g. main), for comparison."""
    # map_bench puts this checkout first on the path when imported: the other one goes before it after.
    code = ("import sys; sys.path.insert(0, sys.argv[2]); from map_bench import synthetic; sys.path.insert(0, sys.argv[1]); "
            "import geo; assert geo.__file__.startswith(sys.argv[1]), geo.__file__; "
            "from geo.mapping import save_map; "
            "save_map(synthetic(int(sys.argv[3]), own_quotes=sys.argv[5] == '1'), sys.argv[4], mentions=[])")
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    subprocess.run([sys.executable, "-c", code, str(checkout), str(Path(__file__).parent), str(n), str(out),
                    "1" if own_quotes else "0"], check=True, env=env)
    return out


def own_quotes_bytes(n: int, tmp: Path, fixed: int, baseline: Path | None) -> None:
    """Bytes of the page where every source has its own quote: per incident, and beyond the fixed
    part and the quotes' own text (their characters as UTF-8), the cost of everything else."""
    from geo.mapping import save_map

    ds = synthetic(n, own_quotes=True)
    quotes = sum(len(s.quote.encode()) for inc in ds.incidents for s in inc.sources)
    pages = [("this checkout", save_map(ds, tmp / f"q{n}.html", mentions=[]))]
    if baseline is not None:
        pages.append((str(baseline), baseline_map(baseline.resolve(), n, tmp / f"bq{n}.html", own_quotes=True)))
    for name, path in pages:
        size = path.stat().st_size
        print(f"map: {n:>7,} incidents, every source its own {QUOTE_CHARS}-character quote ({quotes / n:.0f} B of quotes "
              f"per incident), {name}: {size / n:.0f} bytes/incident, {(size - fixed - quotes) / n:.0f} beyond the "
              "quotes' own text and the fixed part")


def water_bytes(ds) -> int:
    """Bytes of the basemap's water in the page (none on the empty page the fixed part is weighed on)."""
    from geo.mapping import _basemap, _countries
    from geo.mapping.payload import script_json
    from geo.mapping.view import view

    opening = view([(i.place.lat, i.place.lon, i.fatalities or 0) for i in ds.incidents])
    return len(script_json(_basemap(ds, _countries(ds), opening)["water"]).encode())


def build(n: int, tmp: Path, fixed: int, baseline: Path | None) -> tuple[Path, Path | None, Path]:
    """The page of n synthetic incidents (the baseline's, plain folium's), with build time and bytes."""
    import folium_cluster

    from geo.mapping import save_map

    ds = synthetic(n)
    t = time.perf_counter()
    path = save_map(ds, tmp / f"m{n}.html", mentions=[])
    took = time.perf_counter() - t
    size = path.stat().st_size
    base = baseline_map(baseline.resolve(), n, tmp / f"b{n}.html") if baseline else None
    print(f"map: {n:>7,} incidents: build {took:.2f} s, HTML {size / 1e6:.1f} MB = {size / n:.0f} "
          f"bytes/incident ({(size - fixed) / n:.0f} beyond the fixed part; of it the lakes and rivers around "
          f"the incidents, {water_bytes(ds) / 1e3:.0f} kB)")
    fol = tmp / f"f{n}.html"
    took, size = folium_cluster.build(ds, fol)
    print(f"map: {n:>7,} incidents, plain folium FastMarkerCluster (points only: no dates, types or popups): "
          f"build {took:.2f} s, HTML {size / 1e6:.2f} MB = {size / n:.0f} bytes/incident, plus "
          f"{folium_cluster.assets_bytes() / 1e3:.0f} kB of Leaflet and plugins it loads from CDNs (here: local copies)")
    return path, base, fol


def line(name: str, runs: list[dict]) -> str:
    keys = [k for k in runs[0] if k != "console errors"]
    med = {k: statistics.median(r[k] for r in runs) for k in keys}
    errs = max(r["console errors"] for r in runs)
    return f"{name}: " + ", ".join(f"{k} {med[k]:.0f} ms" for k in keys) + (f" ({errs} console errors)" if errs else "")


def compare(browser, n: int, path: Path, base: Path | None, fol: Path, args) -> None:
    """First render and interactions, this checkout's page, the baseline's and plain folium's in
    turn (so that a slow spell of the machine hits each); medians."""
    import folium_cluster

    ours: list[dict] = []
    theirs: list[dict] = []
    folium: list[dict] = []
    for _ in range(args.repeat):
        ours.append(measure(browser, path))
        if base is not None:
            theirs.append(measure(browser, base))
        folium.append(folium_cluster.first_render(browser, fol))
    print(f"map: {n:>7,} incidents, median of {args.repeat}: " + line("this checkout", ours))
    if theirs:
        print(f"map: {n:>7,} incidents, median of {args.repeat}: " + line(str(args.baseline), theirs))
        keys = [k for k in ours[0] if k != "console errors"]
        ratios = {k: statistics.median(r[k] for r in ours) / max(1e-9, statistics.median(r[k] for r in theirs))
                  for k in keys}
        print(f"map: {n:>7,} incidents, this / baseline: " + ", ".join(f"{k} x{v:.2f}" for k, v in ratios.items()))
    first = statistics.median(r["first render"] for r in folium)
    last = folium[-1]
    print(f"map: {n:>7,} incidents, median of {args.repeat}: plain folium FastMarkerCluster: first render {first:.0f} ms "
          f"({last['clusters']} clusters drawn; {last['stubbed']} CDN requests and {last['tiles']} tiles answered empty"
          + (f"; {max(r['console errors'] for r in folium)} console errors" if any(r["console errors"] for r in folium) else "")
          + f"); folium / this checkout: first render x{first / statistics.median(r['first render'] for r in ours):.2f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--baseline", type=Path, help="another checkout of geo (e.g. ../main): its pages of the same "
                    "incidents are measured in turn with these, and each figure given as a ratio to its")
    ap.add_argument("--repeat", type=int, default=1, help="page loads per size (and per checkout); medians")
    args, _ = ap.parse_known_args()

    from geo.mapping import save_map
    from geo.mapping.browser import chromium_path, launch

    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        fixed = save_map(synthetic(0), tmp / "empty.html", mentions=[]).stat().st_size
        print(f"map: fixed part (Leaflet, plugins, basemap, app) = {fixed / 1e3:.0f} kB")
        pages = [(n, *build(n, tmp, fixed, args.baseline)) for n in args.sizes]
        for n in args.sizes:
            own_quotes_bytes(n, tmp, fixed, args.baseline)
        if not chromium_path():
            print("map: first render n/a (no Chromium)")
            return 0
        with launch() as browser:
            for n, path, base, fol in pages:
                compare(browser, n, path, base, fol, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
