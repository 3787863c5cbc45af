"""The corpus through the tasks: cached results reused, the rest read in tasks, then joined.

>>> from geo.articles import load_articles
>>> run = Run()
>>> found, incidents = incidents_of(load_articles(["seeds"]), run=run)
>>> len(found), max(len(i.sources) for i in incidents), run.read
(5, 3, 5)
"""

from __future__ import annotations

import pickle
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from geo.articles import Article, ArticleSource
from geo.geoparse import Mention
from geo.pipeline.cache import ResultCache, open_cache
from geo.pipeline.execute import LocalPool, run_tasks
from geo.pipeline.memory import gc_paused, give_back
from geo.pipeline.groups import TASK_ARTICLES, outlet_groups
from geo.pipeline.rounds import Rounds, Runner, run_jobs, run_rounds
from geo.pipeline.work import Item, article_of, warm
from geo.records import Incident


@dataclass
class Run:
    """How a run went: articles read, articles whose results came from the cache, the articles
    (without their text: what the corpus steps need) in order, those that could not be read,
    and (incidents with places) the map's snippets of each article's places."""

    read: int = 0
    cached: int = 0
    articles: list[Article] = field(default_factory=list)
    failed: int = 0
    snippets: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    keys: list[bytes | None] = field(default_factory=list)  # of each article's result in the cache (None: not kept)


def _warn(msg: str) -> None:
    print(f"geo: warning: {msg}", file=sys.stderr)


def _results(kind: str, args: tuple, items: Sequence[Item], workers: int, scheduler: str | None, cache: bool,
             run: Run, on_problem: Callable[[str], None], places: bool = True) -> list[Any]:
    """One result per article that could be read (in order): from the cache, else from the tasks
    that read it; its problems reported, its metadata in ``run.articles``. Incidents without
    ``places``: (None, reports), the mentions not kept (nor sent back, when no cache keeps them)."""
    with LocalPool(workers, scheduler) as pool:  # a cluster that cannot be reached: an error before any work
        store = open_cache(on_problem) if cache else None
        # More than one task and no results kept to find (the cache may hold all but a few): the
        # processes start while the work is laid out.
        if len(items) > TASK_ARTICLES and (store is None or store.db is None):
            pool.warm(warm, "reports" if kind == "incidents" else kind, *args)
        # A cluster's workers may not see this machine's files: the tasks carry them there.
        items = [i.carried() if scheduler is not None and isinstance(i, ArticleSource) else i for i in items]
        groups = outlet_groups(items)
        pool.last = store is None  # one round: no process is needed after it
        told = "reports" if kind == "incidents" and not places and store is None else kind
        runner = partial(_runner, kind=told, args=(store is not None, *args), workers=workers, scheduler=scheduler,
                         pool=pool)
        pairs, keys = _pairs(kind, args, items, groups, store, runner, run, on_problem, workers)
    run.cached = len(items) - run.read
    with gc_paused():  # the articles and their results: objects that live on, no cycles to collect
        out = _kept(kind, items, pairs, keys, run, on_problem, places)
    del pairs
    give_back()  # the results' bytes (and the cache's rows) unpickled and let go
    return out


def _kept(kind: str, items: Sequence[Item], pairs: list[Any], keys: list[bytes | None], run: Run,
          on_problem: Callable[[str], None], places: bool) -> list[Any]:
    """The results of the articles that could be read, their metadata in ``run``."""
    out = []
    shared = _Shared()
    for item, pair, key in zip(items, pairs, keys):
        if isinstance(pair, str):
            on_problem(pair)
            run.failed += 1
            continue
        art = article_of(item, pair[0])
        for w in art.warnings:
            on_problem(w)
        run.articles.append(art)
        run.keys.append(key)
        out.append(_unpacked(pair[1], art.article_id, run) if kind == "incidents" and places else
                   (None, pair[1][1]) if kind == "incidents" else pair[1])
        if kind == "incidents":
            shared(out[-1][1])
    return out


class _Shared:
    """One copy of each place and of each word, day and set of words the reports repeat: every
    task's (and every cached article's) results arrive as copies of their own, 15 % of what the
    reports held (an empty set of unknown figures each: 210 bytes a report, 5 % more)."""

    WORDS = ("article", "event_type", "sub_event_type", "date_precision", "actor1", "actor2", "event_date", "unknown")

    def __init__(self) -> None:
        self.places: dict[Any, Any] = {}
        self.words: dict[Any, Any] = {}

    def __call__(self, reports: list) -> None:
        words = self.words
        for r in reports:
            if r.mention.place is not None:
                r.mention.place = self.places.setdefault(r.mention.place, r.mention.place)
            r.mention.text = words.setdefault(r.mention.text, r.mention.text)
            for name in self.WORDS:
                if (word := getattr(r, name)) is not None:
                    setattr(r, name, words.setdefault(word, word))


def _unpacked(result: tuple, article_id: str, run: Run) -> tuple:
    """(mentions, reports) of an article's result, its snippets in ``run``."""
    mentions, run.snippets[article_id] = pickle.loads(result[0])
    return mentions, result[1]


def _pairs(kind: str, args: tuple, items: list[Item], groups: list[list[int]], store: ResultCache | None,
           runner: Runner, run: Run, on_problem: Callable[[str], None], workers: int
           ) -> tuple[list[Any], list[bytes | None]]:
    """(metadata, result) or why it failed, per item: every group read, or the cache's rounds; and
    the key each result is cached by (None: no cache)."""
    if store is None:
        done = run_rounds([("group", [items[i] for i in g]) for g in groups], runner)
        pairs: list[Any] = [None] * len(items)
        for g, res in zip(groups, done):
            for i, r in zip(g, res):
                pairs[i] = r if isinstance(r, str) else (r[0], r[3])
        run.read = len(items)
        return pairs, [None] * len(items)
    try:
        # a small corpus's rounds go to one task; a bigger one's small rounds are spread over the
        # processes (a round of few articles is read here while none has started: see _runner)
        spread = workers if len(items) > TASK_ARTICLES else 1
        rounds = Rounds(store, f"{kind}{args!r} online={_online()}", items, groups, runner, on_problem, spread)
    finally:
        store.close()
    run.read = len(rounds.read)
    return rounds.results, rounds.keys


FEW_ARTICLES = 4 * TASK_ARTICLES  # a round of no more: read here when no local process has started


def _runner(tasks: list[list[tuple]], kind: str, args: tuple, workers: int, scheduler: str | None,
            pool: LocalPool) -> list[Any]:
    weights = [sum(len(job[1]) if job[0] == "group" else 1 for job in task) for task in tasks]  # articles
    if scheduler is None and pool.executor is None and sum(weights) <= FEW_ARTICLES:
        # Starting processes (1 s of both cores, beside this process's own hashing) costs more than
        # they save on a few articles: the 150 a re-run after 1 % new articles reads.
        workers = 1
    return run_tasks(run_jobs, [(task, kind, *args) for task in tasks], workers, scheduler, pool=pool,
                     weights=weights) if tasks else []


def _online() -> bool:
    from geo.options import options

    return bool(options.online)


def places_doc(articles: Sequence[Item], demonyms: bool = False, modifiers: bool = False, workers: int = 1,
               scheduler: str | None = None, cache: bool = False, run: Run | None = None,
               on_problem: Callable[[str], None] = _warn) -> list[dict]:
    """The ``geo places --json`` document (as :func:`geo.geoparse.places_of`), read in tasks;
    ``articles``: loaded, or their sources (read in the tasks)."""
    return _results("places", (demonyms, modifiers), articles, workers, scheduler, cache, run or Run(),
                    on_problem) if articles else []


def incidents_of(articles: Sequence[Item], workers: int = 1, scheduler: str | None = None, cache: bool = False,
                 run: Run | None = None, on_problem: Callable[[str], None] = _warn, places: bool = True
                 ) -> tuple[dict[str, list[Mention]], list[Incident]]:
    """(article id -> place mentions, incidents): every article's reports, merged across articles;
    ``articles``: loaded, or their sources (read in the tasks); without ``places`` no mentions
    kept (none: less memory)."""
    from geo.events import merge_reports

    if not articles:
        return {}, []
    run = run or Run()
    results = _results("incidents", (), articles, workers, scheduler, cache, run, on_problem, places)
    found = {a.article_id: res[0] for a, res in zip(run.articles, results)} if places else {}
    with gc_paused():
        reports = [r for res in results for r in res[1]]
        groups = _groups(reports, [key + b"#%d" % n if key else None for key, res in zip(run.keys, results)
                                   for n in range(len(res[1]))], on_problem) if cache else None
        return found, merge_reports(reports, {a.article_id: a for a in run.articles}, groups)


def _groups(reports: list, ids: list[bytes | None], on_problem: Callable[[str], None]) -> list[list] | None:
    """The reports' groups of one event, each part of them that the cache holds (by the results its
    reports come from) not grouped again (:mod:`geo.events.parts`); None: no cache to use."""
    from geo.events.parts import grouped

    if not any(ids):
        return None  # nothing of them is cached, nor can be: merged as a whole
    store = open_cache(on_problem)
    if store is None:
        return None
    try:
        groups, new = grouped(reports, ids, store.get_many)
        store.put_many(new)
    except sqlite3.Error as exc:
        on_problem(f"{store.path}: the result cache cannot be used to merge ({exc}); the reports are merged anew")
        return None
    finally:
        store.close()
    return groups
