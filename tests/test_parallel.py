"""The pipeline split into tasks: the same output in this process, on two local processes and
on a dask.distributed LocalCluster (started here on 127.0.0.1, stopped at the end)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo.articles import load_articles
from geo.pipeline import incidents_of, places_doc
from geo.pipeline.groups import outlet_groups, tasks
from tests.scale_corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("scale") / "news", n=300)


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as local:
        yield local.scheduler_address


def _as_json(articles, **how) -> str:
    found, incidents = incidents_of(articles, **how)
    places = places_doc(articles, **how)
    return json.dumps({"incidents": [i.to_dict() for i in incidents], "places": places,
                       "found": {k: [m.to_dict() for m in v] for k, v in found.items()}}, ensure_ascii=False)


def test_same_output_on_one_worker_two_and_a_cluster(corpus, cluster):
    articles = load_articles([corpus], on_problem=lambda msg: None)
    assert len(articles) == 300 and len(tasks(outlet_groups(articles))) > 2  # work for several tasks
    one = _as_json(articles, workers=1)
    assert json.loads(one)["incidents"], "the corpus reports incidents"
    assert any(len(i["sources"]) > 1 for i in json.loads(one)["incidents"]), "some merged across articles"
    assert _as_json(articles, workers=2) == one
    assert _as_json(articles, scheduler=cluster) == one
    found, incidents = incidents_of(articles, workers=2, places=False)  # no mentions kept: the same incidents
    assert found == {} and [i.to_dict() for i in incidents] == json.loads(one)["incidents"]


def test_the_command_on_a_cluster_writes_what_one_process_does(corpus, cluster, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    outs = []
    for how in (["--workers", "1"], ["--scheduler", cluster]):
        out = tmp_path / f"{how[0][2:]}.json"
        done = subprocess.run([sys.executable, "-m", "geo", "extract", str(corpus), "--json", "--no-cache", *how,
                               "-o", str(out)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_places_in_tasks_are_places_of(corpus):
    from geo.geoparse import places_of

    articles = load_articles([ROOT / "seeds"])
    assert places_doc(articles, workers=1) == places_of(articles)


def test_a_bad_scheduler_is_one_error_line(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), GEO_DASK_TIMEOUT="2")
    seed = str(ROOT / "seeds" / "004_26b54f6d74c6cf47.txt")
    for address, code, says in (("not an address", 2, "is not an address"),
                                ("tcp://127.0.0.1:9", 1, "cannot reach the Dask scheduler at tcp://127.0.0.1:9")):
        done = subprocess.run([sys.executable, "-m", "geo", "extract", seed, "--scheduler", address], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == code and done.stderr.startswith("geo: error: "), done.stderr
        assert says in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_articles_read_in_the_tasks_give_what_loaded_ones_do_cached_or_not(corpus, tmp_path, monkeypatch, gazetteer):
    # The command's way: the parent lists the files, the tasks read them; with the cache, a folder
    # that gained stories of its outlets reads those (and any whose outlet's home or senses moved).
    import csv
    import shutil

    from geo.articles import article_sources
    from geo.pipeline import Run

    (tmp_path / "cache").mkdir()  # the results file of its own; the workers find the shared index there
    (tmp_path / "cache" / gazetteer.index_path.name).symlink_to(gazetteer.index_path)
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "cache"))
    news = tmp_path / "news"
    shutil.copytree(corpus, news)
    loaded = _as_json(load_articles([news], on_problem=lambda msg: None), workers=1)
    assert _as_json(article_sources([news]), workers=2) == loaded
    first, again = Run(), Run()
    assert _as_json(article_sources([news]), workers=2, cache=True, run=first) == loaded
    assert _as_json(article_sources([news]), workers=2, cache=True, run=again) == loaded
    assert (first.read, again.read, again.cached) == (300, 0, 300)
    rows = list(csv.DictReader(open(news / "articles.csv", encoding="utf-8")))
    with open(news / "articles.csv", "a", newline="", encoding="utf-8") as f:
        for k, row in enumerate(r for r in rows if r["outlet"] == "The Town Talk"):
            if k == 3:
                break
            (news / f"new{k}.txt").write_text((news / row["file"]).read_text(encoding="utf-8") + " It rained.",
                                              encoding="utf-8")
            csv.writer(f).writerow([{**row, "article_id": f"new{k}", "file": f"new{k}.txt"}[c] for c in rows[0]])
    more = Run()
    grown = _as_json(article_sources([news]), workers=2, cache=True, run=more)
    assert grown == _as_json(article_sources([news]), workers=1)
    assert more.read == 3  # the new stories alone: The Town Talk's home and senses stay


def test_on_a_cluster_the_tasks_carry_the_files(corpus, cluster, tmp_path, monkeypatch):
    # A cluster's workers need not see this machine's files: the files gone once listed, the same output.
    import shutil

    from geo.articles import ArticleSource, article_sources

    news = tmp_path / "news"
    shutil.copytree(corpus, news)
    here = _as_json(article_sources([news]), workers=1)
    # Listed sources sent to a cluster are carried there by the run itself ...
    carried: list[str] = []
    real = ArticleSource.carried

    def carry(source):
        carried.append(source.article_id)
        return real(source)
    monkeypatch.setattr(ArticleSource, "carried", carry)
    listed = article_sources([news])
    incidents_of(listed, scheduler=cluster)
    assert sorted(carried) == sorted(s.article_id for s in listed)
    monkeypatch.undo()
    # ... and carried, they need no file here.
    sources = [s.carried() for s in article_sources([news])]
    shutil.rmtree(news)
    found, incidents = incidents_of(sources, scheduler=cluster)
    assert json.dumps({"incidents": [i.to_dict() for i in incidents], "places": places_doc(sources, scheduler=cluster),
                       "found": {k: [m.to_dict() for m in v] for k, v in found.items()}}, ensure_ascii=False) == here


def test_the_dataset_reads_its_articles_in_the_tasks_and_the_map_gets_the_same_snippets(corpus):
    # build and export list the files here and read them in the tasks: no text comes back, only
    # the words around each place (the map's mention layer), the same as from loaded articles.
    from geo.dataset import build_dataset
    from geo.mapping.mentions import mention_rows

    listed = build_dataset([corpus], workers=2, on_problem=lambda msg: None)
    loaded = build_dataset([corpus], articles=load_articles([corpus], on_problem=lambda msg: None),
                           on_problem=lambda msg: None)
    assert len(listed.articles) == 300 and all(a.text == "" for a in listed.articles)
    assert [a.title for a in listed.articles] == [a.title for a in loaded.articles]
    rows = mention_rows(loaded)
    assert sum(bool(r["snippets"]) for r in rows) > 300, "the loaded articles' places have snippets"
    assert mention_rows(listed) == rows
    assert [i.to_dict() for i in listed.incidents] == [i.to_dict() for i in loaded.incidents]


class _Terminal:
    """A stderr that says it is a terminal, keeping what is written."""

    def __init__(self):
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, s: str) -> None:
        self.text += s

    def flush(self) -> None:
        pass


@pytest.mark.parametrize("where", ["here", "local processes", "cluster"])
def test_one_progress_bar_counts_the_articles_wherever_the_tasks_run(where, cluster, monkeypatch):
    from geo.options import options
    from geo.pipeline.execute import run_tasks

    how = {"here": {"workers": 1}, "local processes": {"workers": 2}, "cluster": {"scheduler": cluster}}[where]
    tasks = [("ab",), ("abc",), ("abcd",)]
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run_tasks(len, tasks, weights=[2, 3, 4], **how) == [2, 3, 4]
    assert terminal.text.endswith("\rreading articles: 9/9 done\n"), terminal.text
    monkeypatch.setattr(options, "quiet", True)  # -q: none
    quiet = _Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert run_tasks(len, tasks, weights=[2, 3, 4], **how) == [2, 3, 4] and quiet.text == ""


def test_local_processes_do_not_import_dask_distributed():
    # distributed is for a cluster: naming Dask's "processes" scheduler imported it (1-2 s, 29 MB) for nothing.
    code = ("import sys; from geo.pipeline.execute import run_tasks; "
            "assert run_tasks(len, [('ab',), ('abc',)], workers=2) == [2, 3]; print('distributed' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "False", done.stderr


def test_a_single_round_stops_its_processes_before_its_results_are_unpickled(monkeypatch):
    # The run's only round (no cache): 100,000 articles' results were unpickled beside 500 MB of idle processes.
    import geo.pipeline.execute as execute

    running: list[bool] = []
    real = execute.unpacked

    def spy(blobs):
        running.append(pool.executor is not None)
        return real(blobs)

    monkeypatch.setattr(execute, "unpacked", spy)
    with execute.LocalPool(2) as pool:
        pool.last = True
        assert execute.run_tasks(len, [("ab",), ("abc",)], workers=2, pool=pool) == [2, 3]
        assert running == [False]
        pool.last = False
        assert execute.run_tasks(len, [("ab",), ("abc",)], workers=2, pool=pool) == [2, 3]  # started again
        assert running == [False, True]


def test_a_small_round_of_the_cache_gives_every_worker_a_task():
    # 55 stories to read again after 1 % new articles were 1 task (of up to 64): one worker read them, the other waited.
    from geo.pipeline.rounds import run_rounds

    sizes: list[list[int]] = []

    def runner(tasks):
        sizes.append([len(t) for t in tasks])
        return [list(t) for t in tasks]

    jobs = [("final", k) for k in range(55)]
    assert run_rounds(jobs, runner, spread=2) == jobs and sizes == [[28, 27]]
    run_rounds(jobs[:5], runner, spread=2)  # a few: one task (a task of a few costs more than it gains)
    run_rounds(jobs * 4, runner, spread=2)  # many: tasks of 64
    assert sizes[1:] == [[5], [64, 64, 64, 28]]


def test_the_reports_of_a_run_share_their_repeated_values(tmp_path, gazetteer):
    # Each task's results arrive as copies of their own: the parent keeps one of each word, day,
    # place and set (an empty set of unknown figures was 210 bytes a report; 100,000 articles: 50 MB).
    from geo.pipeline.run import Run, _results

    articles = load_articles([write_corpus(tmp_path / "news", n=80, seed=2)], on_problem=lambda msg: None)
    reports = [r for res in _results("incidents", (), articles, 1, None, False, Run(), print, places=False)
               for r in res[1]]
    assert len(reports) > 40
    for name in ("unknown", "event_date", "event_type"):
        values = [getattr(r, name) for r in reports if getattr(r, name) is not None]
        assert len({id(v) for v in values}) == len(set(values)), name
    texts = [r.mention.text for r in reports]
    assert len({id(t) for t in texts}) == len(set(texts))


def test_memory_the_results_held_is_given_back_once_they_are_unpickled():
    # The tasks' results arrive as bytes (malloc's heap, kept by it when freed: Python's objects
    # live elsewhere); on glibc the parent gives that memory back before merging.
    import ctypes

    import psutil

    from geo.pipeline.memory import give_back

    if not hasattr(ctypes.CDLL(None), "malloc_trim"):
        pytest.skip("not glibc: no malloc_trim")
    me = psutil.Process()
    blobs, keep = [], []
    for k in range(2_000):  # 180 MB of results of 64 articles each, and what their unpickling made (kept)
        blobs.append(bytes(90_000) + bytes([k % 256]))
        keep.append(bytes(1_000) + bytes([k % 256]))
    held = me.memory_info().rss
    del blobs
    give_back()
    assert me.memory_info().rss < held - 150e6 and len(keep) == 2_000


_WATCHED_RUN = """
import threading, time

import psutil

from geo.pipeline.execute import run_tasks
from big import big_result

if __name__ == "__main__":
    me, peak, stop = psutil.Process(), [0], threading.Event()

    def held(child):  # what it alone holds (USS), not the pages it shares
        try:
            return child.memory_full_info().uss
        except psutil.NoSuchProcess:  # it ended between the listing and the look (the watch goes on)
            return 0

    def watch():
        while not stop.is_set():
            peak[0] = max([peak[0], *(held(c) for c in me.children(recursive=True))])
            time.sleep(0.02)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        out = run_tasks(big_result, [(k,) for k in range(16)], workers=2)  # 240 MB of results
    finally:
        stop.set()
        watcher.join()
    print([o[-1] for o in out] == list(range(16)), peak[0])
"""


def test_the_results_of_local_processes_are_not_all_sent_to_one_of_them(tmp_path):
    # A dask.bag joins its partitions in a task of its own, which the local scheduler hands to a
    # process: every result went there and back (100,000 articles: a worker 470 MB bigger at the end).
    # Watched in a process of its own, as a user's run is: late in a whole test run, a child of the
    # pytest process was once seen holding 550-614 MB that no run outside it shows (90 MB).
    (tmp_path / "big.py").write_text("def big_result(k):\n    return bytes(15_000_000) + bytes([k])\n")
    (tmp_path / "watched.py").write_text(_WATCHED_RUN)
    done = subprocess.run([sys.executable, "watched.py"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    in_order, peak = done.stdout.split()
    assert in_order == "True" and int(peak) < 150e6, (in_order, peak)
