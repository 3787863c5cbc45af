"""The corpus through the tasks: cached results reused, the rest read in tasks, then joined.

>>> from geo.articles import load_articles
>>> run = Run()
>>> found, incidents = incidents_of(load_articles(["seeds"]), run=run)
>>> len(found), max(len(i.sources) for i in incidents), run.read
(5, 3, 5)
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from geo.articles import Article
from geo.geoparse import Mention
from geo.pipeline.cache import ResultCache, article_key, group_key, open_cache
from geo.pipeline.execute import run_tasks
from geo.pipeline.groups import TASK_ARTICLES, outlet_groups, tasks
from geo.pipeline.work import incidents_task, places_task
from geo.records import Incident


@dataclass
class Run:
    """How a run went: articles read, articles whose results came from the cache."""

    read: int = 0
    cached: int = 0


def _warn(msg: str) -> None:
    print(f"geo: warning: {msg}", file=sys.stderr)


def _results(kind: str, fn: Callable[..., list], args: tuple, articles: list[Article], workers: int,
             scheduler: str | None, cache: bool, run: Run, on_problem: Callable[[str], None]) -> list[Any]:
    """One result per article (in order): from the cache, else from the tasks that read its group."""
    groups = outlet_groups(articles)
    results: list[Any] = [None] * len(articles)
    store = open_cache(on_problem) if cache else None
    keys: list[bytes] = []
    todo = groups
    if store is not None:
        keys = _keys(store, f"{kind}{args!r} online={_online()}", articles, groups)
        try:
            hits = store.get_many(keys)
        except sqlite3.Error as exc:
            on_problem(f"{store.path}: the result cache cannot be read ({exc}); every article is read")
            hits = {}
        todo = []
        for group in groups:
            if all(keys[i] in hits for i in group):
                for i in group:
                    results[i] = hits[keys[i]]
            else:
                todo.append(group)
    packed = tasks(todo, TASK_ARTICLES)
    outs = run_tasks(fn, [([[articles[i] for i in g] for g in task], *args) for task in packed], workers, scheduler)
    for task, out in zip(packed, outs):
        for group, res in zip(task, out):
            for i, r in zip(group, res):
                results[i] = r
    run.read = sum(len(g) for g in todo)
    run.cached = len(articles) - run.read
    if store is not None:
        try:
            store.put_many([(keys[i], results[i]) for g in todo for i in g])
        except sqlite3.Error as exc:
            on_problem(f"{store.path}: the results of this run could not be kept ({exc})")
        store.close()
    return results


def _keys(store: ResultCache, asked: str, articles: list[Article], groups: list[list[int]]) -> list[bytes]:
    own = [article_key(a) for a in articles]
    keys: list[bytes] = [b""] * len(articles)
    for group in groups:
        context = group_key(own[i] for i in group) if articles[group[0]].outlet else b""
        for i in group:
            keys[i] = store.key(asked, own[i], context)
    return keys


def _online() -> bool:
    from geo.options import options

    return bool(options.online)


def places_doc(articles: list[Article], demonyms: bool = False, modifiers: bool = False, workers: int = 1,
               scheduler: str | None = None, cache: bool = False, run: Run | None = None,
               on_problem: Callable[[str], None] = _warn) -> list[dict]:
    """The ``geo places --json`` document (as :func:`geo.geoparse.places_of`), read in tasks."""
    return _results("places", places_task, (demonyms, modifiers), articles, workers, scheduler, cache, run or Run(),
                    on_problem) if articles else []


def incidents_of(articles: list[Article], workers: int = 1, scheduler: str | None = None, cache: bool = False,
                 run: Run | None = None, on_problem: Callable[[str], None] = _warn
                 ) -> tuple[dict[str, list[Mention]], list[Incident]]:
    """(article id -> place mentions, incidents): every article's reports, merged across articles."""
    from geo.events import merge_reports

    if not articles:
        return {}, []
    results = _results("incidents", incidents_task, (), articles, workers, scheduler, cache, run or Run(), on_problem)
    found = {a.article_id: mentions for a, (mentions, _) in zip(articles, results)}
    reports = [r for _, reps in results for r in reps]
    return found, merge_reports(reports, {a.article_id: a for a in articles})
