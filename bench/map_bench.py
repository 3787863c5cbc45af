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
layer on until the next frame. Needs Chromium (Debian: apt-get install chromium).

Usage:
  python bench/map_bench.py [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TYPES = [("Protests", "Peaceful protest"), ("Protests", "Excessive force against protesters"),
         ("Riots", "Violent demonstration"), ("Violence against civilians", "Attack"),
         ("Strategic developments", "Arrests"), ("Battles", "Armed clash")]


def synthetic(n: int, seed: int = 5):
    from geo.dataset import Dataset
    from geo.place import Place
    from geo.records import Incident, Source

    rng = random.Random(seed)
    words = "police fired on marchers blockade the road near plant killed wounded arrested crowd gas".split()
    quotes = [" ".join(rng.choice(words) for _ in range(rng.randint(12, 40))).capitalize() + "." for _ in range(5000)]
    places = [f"Place {k}" for k in range(3000)]
    incidents = []
    for k in range(n):
        etype, sub = rng.choice(TYPES)
        srcs = [Source(article=f"art{rng.randrange(2000)}", quote=rng.choice(quotes),
                       fatalities=rng.choice([None, 0, 1, 2, 5]), title=None, outlet=None)
                for _ in range(rng.randint(1, 2))]
        inc = Incident(incident_id=f"S-{k:06d}", event_date=date(2019, 11, 1) + timedelta(days=rng.randrange(30)),
                       date_precision="day", event_type=etype, sub_event_type=sub, location=rng.choice(places),
                       country="BO", place=Place("x", rng.uniform(-22.5, -10.0), rng.uniform(-69.5, -58.0)),
                       geo_precision=1, sources=srcs, status="extracted")
        inc.summarise_figures()
        incidents.append(inc)
    return Dataset(incidents=incidents, articles=[])


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
    out["clusters on"] = page.evaluate(f"""async () => {{ const t = performance.now();
        geoApp.map.addLayer(geoApp.cluster); await {FRAME}; return performance.now() - t; }}""")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args, _ = ap.parse_known_args()

    from geo.mapping import save_map
    from geo.mapping.browser import chromium_path, launch, open_offline

    empty_bytes = None
    with tempfile.TemporaryDirectory() as tmp:
        empty = save_map(synthetic(0), Path(tmp) / "empty.html", mentions=[])
        empty_bytes = empty.stat().st_size
        print(f"map: fixed part (Leaflet, plugins, basemap, app) = {empty_bytes / 1e3:.0f} kB")
        results = []
        for n in args.sizes:
            ds = synthetic(n)
            t = time.perf_counter()
            path = save_map(ds, Path(tmp) / f"m{n}.html", mentions=[])
            build = time.perf_counter() - t
            size = path.stat().st_size
            results.append((n, build, size, path))
        browser_ctx = launch() if chromium_path() else None
        browser = browser_ctx.__enter__() if browser_ctx else None
        try:
            for n, build, size, path in results:
                render = "n/a (no Chromium)"
                if browser is not None:
                    page, failed, errors = open_offline(browser, path)
                    page.wait_for_function("geoApp.paintedAt !== undefined", timeout=120_000)
                    ms = page.evaluate("geoApp.paintedAt")
                    timings = interactions(page)
                    page.context.close()
                    render = f"{ms / 1000:.2f} s" + (f" ({len(errors)} console errors)" if errors else "")
                    render += ", " + ", ".join(f"{k} {v:.0f} ms" for k, v in timings.items())
                print(f"map: {n:>7,} incidents: build {build:.2f} s, HTML {size / 1e6:.1f} MB = "
                      f"{size / n:.0f} bytes/incident ({(size - empty_bytes) / n:.0f} beyond the fixed part), "
                      f"first render {render}")
        finally:
            if browser_ctx:
                browser_ctx.__exit__(None, None, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
