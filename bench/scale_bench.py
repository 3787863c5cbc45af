#!/usr/bin/env python3
"""geo extract at scale: corpora of 1,000 and 10,000 articles (``--sizes``; 100,000 if asked)
built from the GVA dev stories (``--shared ../shared``: its ``bench/gva/articles``), each run
as a user runs it: ``--workers 1``, ``--workers 2`` and ``--scheduler`` of a 2-worker
LocalCluster started here (its start not timed), all with ``--no-cache``, and ``geo build``
(the map) on 2 workers; then a run with the cache, 1% new articles added, and the re-run.
Printed: wall time, articles/s, peak RSS of the process tree (the geo process, its children
and, on the cluster, its workers; sampled every 0.1 s), the speed-up over one worker, the load
average, and what two processes of pure Python gain over one on this machine at that time
(the bound for the speed-up on a shared VM).

How the corpora vary: copy k of a story (k = 0, 1, ...) keeps its text but for common first
names, rotated by k through a list ("John" -> "Michael" -> ...); its outlet becomes
``k<k>.<outlet>`` for k > 0 (a new outlet with the same home, so outlets stay a few dozen
stories each); its publication date moves 9 days later per copy, so its relative dates
("Saturday", "last night") name other days and copies of one story are other events.

Usage:
  python bench/scale_bench.py --shared ../shared [--sizes 1000 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["John", "Michael", "David", "James", "Robert", "William", "Mary", "Jennifer", "Linda", "Patricia"]
_NAME = re.compile(r"\b(" + "|".join(NAMES) + r")\b")


def build_corpus(source: Path, folder: Path, n: int, start: int = 0) -> int:
    """Articles ``start``..``n-1`` of the varied corpus into ``folder`` (manifest appended)."""
    rows = list(csv.DictReader(open(source / "articles.csv", encoding="utf-8")))
    texts = {r["file"]: (source / r["file"]).read_text(encoding="utf-8") for r in rows}
    folder.mkdir(parents=True, exist_ok=True)
    manifest = folder / "articles.csv"
    new = not manifest.exists()
    with open(manifest, "a", newline="", encoding="utf-8") as f:
        out = csv.DictWriter(f, fieldnames=["article_id", "file", "title", "outlet", "published", "url"])
        if new:
            out.writeheader()
        for i in range(start, n):
            k, row = divmod(i, len(rows))
            r = rows[row]
            text = _NAME.sub(lambda m, k=k: NAMES[(NAMES.index(m.group()) + k) % len(NAMES)], texts[r["file"]])
            name = f"a{i:06d}.txt"
            (folder / name).write_text(text, encoding="utf-8")
            published = (date.fromisoformat(r["published"]) + timedelta(days=9 * k)).isoformat() if r["published"] else ""
            out.writerow({"article_id": f"a{i:06d}", "file": name, "title": r["title"],
                          "outlet": (f"k{k}." if k else "") + r["outlet"] if r["outlet"] else "",
                          "published": published, "url": ""})
    return n - start


def measure(cmd: list[str], env: dict, extra_pids: list[int] = ()) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB of the process tree plus ``extra_pids``, stderr's last line)."""
    import psutil

    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    me = psutil.Process(proc.pid)
    extra = [psutil.Process(p) for p in extra_pids]
    peak = 0
    while proc.poll() is None:
        rss = 0
        for p in [me, *me.children(recursive=True), *extra]:
            try:
                rss += p.memory_info().rss
            except psutil.Error:
                pass
        peak = max(peak, rss)
        time.sleep(0.1)
    err = proc.stderr.read() if proc.stderr else ""
    seconds = time.perf_counter() - t
    if proc.returncode:
        raise SystemExit(f"scale: {' '.join(cmd[3:])} failed ({proc.returncode}): {err[-800:]}")
    return seconds, peak / 1e6, (err.strip().splitlines() or [""])[-1]


def _burn(n: int) -> float:
    s = 0
    for i in range(n):
        s += i * i % 7
    return float(s)


def ceiling(n: int = 5_000_000) -> float:
    """What two processes gain over one on this machine now (other load included): the bound
    for the workers' speed-up, measured beside it (this VM's neighbours come and go)."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_burn, [1000, 1000]))  # started
        t = time.perf_counter()
        list(pool.map(_burn, [n, n], chunksize=1))
        two = time.perf_counter() - t
    t = time.perf_counter()
    _burn(n)
    _burn(n)
    return (time.perf_counter() - t) / two


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, help="the workshop folder holding bench/gva")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    ap.add_argument("--keep", type=Path, help="build the corpora here and keep them (default: a temporary folder)")
    args, _ = ap.parse_known_args()
    source = args.shared / "bench" / "gva" / "articles" if args.shared else None
    if source is None or not source.is_dir():
        print("scale: skipped (pass --shared ../shared)")
        return 0
    from distributed import LocalCluster

    work = args.keep or Path(tempfile.mkdtemp(prefix="geo-scale-"))
    cache = work / "cache"
    env = dict(os.environ, PYTHONPATH=str(ROOT), GEO_CACHE_DIR=str(cache))
    geo = [sys.executable, "-m", "geo"]
    subprocess.run(geo + ["geocode", "El Alto"], cwd=ROOT, env=env, capture_output=True, check=True)  # the index
    os.environ["GEO_CACHE_DIR"] = str(cache)  # the cluster's workers use the same index
    try:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None) as cluster:
            workers = [w.pid for w in cluster.workers.values() if getattr(w, "pid", None)]
            for n in args.sizes:
                folder = work / f"corpus-{n}"
                if folder.exists():
                    shutil.rmtree(folder)
                build_corpus(source, folder, n)
                words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))
                print(f"scale: {n:,} articles, {words / 1e6:.1f}M words; this machine's own speed-up of 2 processes "
                      f"(pure Python, now): x{ceiling():.2f} (load {os.getloadavg()[0]:.1f})")
                base = None
                for label, how, extra in (("1 worker", ["--workers", "1"], []), ("2 workers", ["--workers", "2"], []),
                                          ("LocalCluster, 2 workers", ["--scheduler", cluster.scheduler_address],
                                           workers)):
                    seconds, rss, _ = measure(geo + ["extract", str(folder), "--json", "--no-cache", *how,
                                                     "-o", str(work / "out.json")], env, extra)
                    base = base or seconds
                    print(f"  {label:<24} {seconds:7.1f} s  {n / seconds:6.0f} articles/s  peak RSS {rss:6.0f} MB"
                          f"  speed-up x{base / seconds:.2f}  (load {os.getloadavg()[0]:.1f})")
                seconds, rss, _ = measure(geo + ["build", str(folder), "--no-cache", "--workers", "2", "-o",
                                                 str(work / "map.html")], env)
                print(f"  {'build, 2 workers':<24} {seconds:7.1f} s  {n / seconds:6.0f} articles/s  peak RSS {rss:6.0f} MB"
                      f"  (load {os.getloadavg()[0]:.1f})")
                (cache / "results.sqlite").unlink(missing_ok=True)
                first, rss, _ = measure(geo + ["extract", str(folder), "--json", "--workers", "2", "-o",
                                               str(work / "out.json")], env)
                added = build_corpus(source, folder, n + n // 100, start=n)
                again, rss2, note = measure(geo + ["extract", str(folder), "--json", "--workers", "2", "-o",
                                                   str(work / "out.json")], env)
                hits = re.search(r"\((\d+) of (\d+) article\(s\) from the cache\)", note)
                print(f"  cache, 2 workers: first run {first:.1f} s; {added} new articles (1%): re-run {again:.1f} s "
                      f"= {again / first:.0%} of the first"
                      + (f" ({int(hits[2]) - int(hits[1])} of {hits[2]} articles read again)" if hits else ""))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
