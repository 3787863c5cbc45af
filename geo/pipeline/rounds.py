"""The corpus read in rounds of tasks, each article's results cached by what they depend on.

An article without an outlet depends on itself alone. An article of an outlet depends on
itself and on two things its outlet's other stories decide: the outlet's home and the senses
it follows (:mod:`geo.geoparse.evidence`). So an outlet's stories are cached three times
over: each one's evidence (keyed by the story), the towns it names read with its senses
(keyed by the story and those senses) and its result (keyed by the story, the home and its
senses). An outlet none of whose stories is known is read as one group (one round, as
without a cache). One that gained a story reads that story's evidence (round 1), reduces the
outlet's evidence here, reads the towns of stories whose senses changed (round 2) and the
results of those whose home or senses changed (round 3): a new story that changes neither
reads that story alone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from geo.geoparse.evidence import home_of, senses_of
from geo.pipeline.cache import ResultCache, item_key
from geo.pipeline.groups import TASK_ARTICLES, tasks
from geo.pipeline.work import Item, run_jobs

Runner = Callable[[list[list[tuple]]], list[list[Any]]]  # tasks of jobs -> their results


def run_rounds(jobs: list[tuple], runner: Runner) -> list[Any]:
    """The result of each job, the jobs packed into tasks of about TASK_ARTICLES articles."""
    sizes = [[i] * (len(job[1]) if job[0] == "group" else 1) for i, job in enumerate(jobs)]
    packed = [[group[0] for group in task] for task in tasks(sizes, TASK_ARTICLES)] if jobs else []
    outs = runner([[jobs[i] for i in task] for task in packed])
    results: list[Any] = [None] * len(jobs)
    for task, out in zip(packed, outs):
        for i, res in zip(task, out):
            results[i] = res
    return results


class Rounds:
    """One run with the cache: ``results`` (per item: (metadata, result) or why it failed), and ``read``."""

    def __init__(self, store: ResultCache, asked: str, items: list[Item], groups: list[list[int]],
                 runner: Runner, on_problem: Callable[[str], None]):
        self.store, self.asked, self.items, self.runner, self.on_problem = store, asked, items, runner, on_problem
        self.own = [item_key(item) for item in items]
        self.results: list[Any] = [None] * len(items)
        self.evidence: dict[int, Any] = {}
        self.towns: dict[int, Any] = {}
        self.read: set[int] = set()
        self.puts: list[tuple[bytes, Any]] = []
        for group in self._first_round(groups):
            self._outlet(group)
        self._put()

    def _key(self, *parts: str | bytes) -> bytes:
        return self.store.key(self.asked, *parts)

    def _get(self, keys: list[bytes]) -> dict[bytes, Any]:
        try:
            return self.store.get_many(keys)
        except sqlite3.Error as exc:
            self.on_problem(f"{self.store.path}: the result cache cannot be read ({exc}); every article is read")
            return {}

    def _final_key(self, i: int, home: Any = None, senses: Any = None) -> bytes:
        return self._key(self.own[i] or b"", repr(home), repr(senses) if home is not None else "")

    def _first_round(self, groups: list[list[int]]) -> list[list[int]]:
        """Results of articles without an outlet, evidence of outlets' stories, from the cache or
        read (whole groups where nothing of them is known); the outlets left to reduce."""
        lone = [g for g in groups if not self.items[g[0]].outlet]
        outlets = [g for g in groups if self.items[g[0]].outlet]
        hits = self._get([self._final_key(g[0]) for g in lone if self.own[g[0]]]
                         + [self._key(b"evidence", self.own[i] or b"") for g in outlets for i in g if self.own[i]])
        whole, partial, jobs = [], [], []
        for g in lone:
            if self.own[g[0]] and (hit := hits.get(self._final_key(g[0]))) is not None:
                self.results[g[0]] = hit
            else:
                whole.append(g)
        for g in outlets:
            known = {i: hits[k] for i in g if self.own[i] and (k := self._key(b"evidence", self.own[i] or b"")) in hits}
            if not known or any(self.own[i] is None for i in g):
                whole.append(g)
                continue
            partial.append(g)
            self.evidence.update(known)
            jobs += [("evidence", self.items[i]) for i in g if i not in known]
        asked = [("group", [self.items[i] for i in g]) for g in whole] + jobs
        done = run_rounds(asked, self.runner)
        for g, res in zip(whole, done):
            self._whole(g, res)
        singles = [i for g in partial for i in g if i not in self.evidence]
        for i, res in zip(singles, done[len(whole):]):
            self.read.add(i)
            self.evidence[i] = res
            if not isinstance(res, str):
                self.puts.append((self._key(b"evidence", self.own[i] or b""), res))
        return partial

    def _whole(self, group: list[int], res: list) -> None:
        """A group read as one: its results kept, and its evidence, towns and results cached."""
        self.read.update(group)
        ok = [(i, r) for i, r in zip(group, res) if not isinstance(r, str)]
        for i, r in zip(group, res):
            self.results[i] = r if isinstance(r, str) else (r[0], r[3])
        if not ok:
            return
        if not self.items[group[0]].outlet:
            if self.own[group[0]]:
                self.puts.append((self._final_key(group[0]), self.results[group[0]]))
            return
        follow = senses_of([r[1] for _, r in ok])
        home = home_of(ok[0][1][1].readings, [r[2] if r[2] is not None else r[1].towns for _, r in ok], len(ok))
        for (i, r), senses in zip(ok, follow):
            if self.own[i] is None:  # a file that could not be hashed: not kept
                continue
            self.puts.append((self._key(b"evidence", self.own[i] or b""), (r[0], r[1])))
            if r[2] is not None:
                self.puts.append((self._key(b"towns", self.own[i] or b"", repr(senses)), r[2]))
            self.puts.append((self._final_key(i, home, senses), self.results[i]))

    def _outlet(self, group: list[int]) -> None:
        """An outlet some of whose stories' evidence was known: reduced here, then rounds 2 and 3."""
        ok = [i for i in group if not isinstance(self.evidence[i], str)]
        for i in group:
            if isinstance(self.evidence[i], str):
                self.results[i] = self.evidence[i]
        if not ok:
            return
        evs = [self.evidence[i][1] for i in ok]
        follow = dict(zip(ok, senses_of(evs)))
        need = [i for i in ok if follow[i]]
        keys = {i: self._key(b"towns", self.own[i] or b"", repr(follow[i])) for i in need}
        hits = self._get(list(keys.values()))
        missing = [i for i in need if keys[i] not in hits]
        for i, towns in zip(missing, run_rounds([("towns", self.items[i], follow[i]) for i in missing], self.runner)):
            self.read.add(i)
            hits[keys[i]] = towns if not isinstance(towns, str) else {}  # a file gone since: its towns none
            self.puts += [(keys[i], towns)] if not isinstance(towns, str) else []
        towns = [hits[keys[i]] if follow[i] else ev.towns for i, ev in zip(ok, evs)]
        home = home_of(evs[0].readings, towns, len(ok))
        finals = {i: self._final_key(i, home, follow[i]) for i in ok}
        hits = self._get(list(finals.values()))
        missing = [i for i in ok if finals[i] not in hits]
        jobs = [("final", self.items[i], home, follow[i]) for i in missing]
        for i, res in zip(missing, run_rounds(jobs, self.runner)):
            self.read.add(i)
            hits[finals[i]] = res
            if not isinstance(res, str):  # a file gone since its evidence was read
                self.puts.append((finals[i], res))
        for i in ok:
            self.results[i] = hits[finals[i]]

    def _put(self) -> None:
        try:
            self.store.put_many(self.puts)
        except sqlite3.Error as exc:
            self.on_problem(f"{self.store.path}: the results of this run could not be kept ({exc})")


__all__ = ["Rounds", "run_jobs", "run_rounds"]
