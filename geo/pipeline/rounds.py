"""The corpus read in rounds of tasks, each article's results cached by what they depend on.

An article without an outlet depends on itself alone. An article of an outlet depends on
itself and on two things its outlet's other stories decide: the outlet's home and the senses
it follows (:mod:`geo.geoparse.evidence`). So an outlet's stories are cached three times
over: each one's evidence (keyed by the story), the towns it names read with its senses
(keyed by the story and those senses) and its result (keyed by the story, the home and its
senses). An outlet none of whose stories is known is read as one group (one round, as
without a cache). One that gained a story reads that story's evidence (round 1; with its
towns and result as read with a guess of its outlet's home and senses, kept if they come out
so), reduces the outlet's evidence here, reads the towns of stories whose senses changed
(round 2) and the results of those whose home or senses changed (round 3): a new story that
changes neither is read once, alone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from geo.geoparse.evidence import home_of, senses_of, settled_of
from geo.pipeline.cache import ResultCache, item_key
from geo.pipeline.groups import TASK_ARTICLES, tasks
from geo.pipeline.work import Item, run_jobs

Runner = Callable[[list[list[tuple]]], list[list[Any]]]  # tasks of jobs -> their results


def run_rounds(jobs: list[tuple], runner: Runner, spread: int = 1) -> list[Any]:
    """The result of each job, the jobs packed into tasks of about TASK_ARTICLES articles, or
    fewer (down to a quarter of that), so that a small round still makes a task for each of
    ``spread`` workers."""
    sizes = [[i] * (len(job[1]) if job[0] == "group" else 1) for i, job in enumerate(jobs)]
    size = min(TASK_ARTICLES, max(TASK_ARTICLES // 4, -(-sum(map(len, sizes)) // max(spread, 1))))
    packed = [[group[0] for group in task] for task in tasks(sizes, size)] if jobs else []
    outs = runner([[jobs[i] for i in task] for task in packed])
    results: list[Any] = [None] * len(jobs)
    for task, out in zip(packed, outs):
        for i, res in zip(task, out):
            results[i] = res
    return results


def _guess(known: list, stories: int) -> tuple:
    """What a new story of an outlet needs to guess what its outlet decides: the readings its known
    stories settle names at, the towns they name (those read with senses may name others) and the
    outlet's number of stories. Read with the guess in round 1, it need not be read again when its
    outlet's home and senses come out so (the same cache keys)."""
    return settled_of(known), [ev.towns for ev in known], stories


class Rounds:
    """One run with the cache: ``results`` (per item: (metadata, result) or why it failed), and ``read``."""

    def __init__(self, store: ResultCache, asked: str, items: list[Item], groups: list[list[int]],
                 runner: Runner, on_problem: Callable[[str], None], spread: int = 1):
        self.store, self.asked, self.items, self.runner, self.on_problem = store, asked, items, runner, on_problem
        self.spread = spread  # the workers a round's tasks go to
        self.own = [item_key(item) for item in items]
        self.results: list[Any] = [None] * len(items)
        self.keys: list[bytes | None] = [None] * len(items)  # the key of each result (None: not kept)
        self.evidence: dict[int, Any] = {}
        self.decided: dict[int, tuple] = {}  # story -> (its outlet's home, the senses it follows)
        self.read: set[int] = set()
        self.guessed: dict[int, tuple] = {}  # story read in round 1 -> (home, senses, towns, result) guessed
        self.puts: list[tuple[bytes, Any]] = []
        self._reduce(self._first_round(groups))
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
        # Of the home, a story's reading uses its name as written and its place (not where it was read).
        told = repr((home.text, home.place)) if home is not None else ""
        return self._key(self.own[i] or b"", told, repr(senses) if home is not None else "")

    def _outlet_key(self, group: list[int]) -> bytes | None:
        """What an outlet decided of its stories is kept by the stories it has: one lookup when none changed."""
        return self._key(b"outlet", *[self.own[i] or b"" for i in group]) if all(self.own[i] for i in group) else None

    def _first_round(self, groups: list[list[int]]) -> list[list[int]]:
        """Results of articles without an outlet, what outlets decided of their stories (the same
        stories as before) or their stories' evidence, from the cache or read (whole groups where
        nothing of them is known); the outlets left to reduce."""
        lone = [g for g in groups if not self.items[g[0]].outlet]
        outlets = {tuple(g): self._outlet_key(g) for g in groups if self.items[g[0]].outlet}
        hits = self._get([self._final_key(g[0]) for g in lone if self.own[g[0]]] + [k for k in outlets.values() if k])
        whole = []
        for g in lone:
            if self.own[g[0]] and (hit := hits.get(self._final_key(g[0]))) is not None:
                self.results[g[0]] = hit
                self.keys[g[0]] = self._final_key(g[0])
            else:
                whole.append(g)
        for members, key in outlets.items():
            if key in hits:
                self.decided.update(zip(members, hits[key]))
        rest = [list(members) for members, key in outlets.items() if key not in hits]
        evidence = self._get([self._key(b"evidence", self.own[i] or b"") for g in rest for i in g if self.own[i]])
        partial, jobs = [], []
        for g in rest:
            known = {i: evidence[k] for i in g if (k := self._key(b"evidence", self.own[i] or b"")) in evidence}
            if not known or any(self.own[i] is None for i in g):
                whole.append(g)
                continue
            partial.append(g)
            self.evidence.update(known)
            guess = _guess([ev for _, ev in known.values() if not isinstance(ev, str)], len(g))
            jobs += [("evidence", self.items[i], *guess) for i in g if i not in known]
        done = run_rounds([("group", [self.items[i] for i in g]) for g in whole] + jobs, self.runner, self.spread)
        for g, res in zip(whole, done):
            self._whole(g, res)
        singles = [i for g in partial for i in g if i not in self.evidence]
        for i, res in zip(singles, done[len(whole):]):
            self.read.add(i)
            if not isinstance(res, str):
                res, self.guessed[i] = res[:2], res[2]
                self.puts.append((self._key(b"evidence", self.own[i] or b""), res))
            self.evidence[i] = res
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
                self.keys[group[0]] = key = self._final_key(group[0])
                self.puts.append((key, self.results[group[0]]))
            return
        follow = senses_of([r[1] for _, r in ok])
        home = home_of(ok[0][1][1].readings, [r[2] if r[2] is not None else r[1].towns for _, r in ok], len(ok))
        self._keep_decided(group, [i for i, _ in ok], home, follow)
        for (i, r), senses in zip(ok, follow):
            if self.own[i] is None:  # a file that could not be hashed: not kept
                continue
            self.puts.append((self._key(b"evidence", self.own[i] or b""), (r[0], r[1])))
            if r[2] is not None:
                self.puts.append((self._key(b"towns", self.own[i] or b"", repr(senses)), r[2]))
            self.keys[i] = key = self._final_key(i, home, senses)
            self.puts.append((key, self.results[i]))

    def _reduce(self, groups: list[list[int]]) -> None:
        """Outlets some of whose stories' evidence was known: reduced here, then rounds 2 and 3
        (each one lookup and one round of tasks for all of them)."""
        readable: list[tuple[list[int], list[int]]] = []  # (group, its stories that could be read)
        for group in groups:
            for i in group:
                if isinstance(self.evidence[i], str):
                    self.results[i] = self.evidence[i]
            if ok := [i for i in group if not isinstance(self.evidence[i], str)]:
                readable.append((group, ok))
        follow: dict[int, dict] = {}
        for _, ok in readable:
            follow.update(zip(ok, senses_of([self.evidence[i][1] for i in ok])))
        towns = self._towns_round([i for _, ok in readable for i in ok if follow[i]], follow)
        for group, ok in readable:
            evs = [self.evidence[i][1] for i in ok]
            home = home_of(evs[0].readings, [towns[i] if follow[i] else ev.towns for i, ev in zip(ok, evs)], len(ok))
            self.decided.update((i, (home, follow[i])) for i in ok)
            self._keep_decided(group, ok, home, [follow[i] for i in ok])
        self._final_round(self.decided)

    def _keep_decided(self, group: list[int], ok: list[int], home: Any, follow: list[dict]) -> None:
        """What an outlet decided of its stories, cached when all of them could be read."""
        if len(ok) == len(group) and (key := self._outlet_key(group)) is not None:
            self.puts.append((key, [(home, senses) for senses in follow]))

    def _towns_round(self, need: list[int], follow: dict[int, dict]) -> dict[int, Any]:
        """The towns of stories that follow senses: cached, else read (round 2)."""
        keys = {i: self._key(b"towns", self.own[i] or b"", repr(follow[i])) for i in need}
        hits = self._get(list(keys.values()))
        for i in need:  # read with the senses it follows (guessed right in round 1)
            if keys[i] not in hits and i in self.guessed and repr(self.guessed[i][1]) == repr(follow[i]):
                hits[keys[i]] = self.guessed[i][2]
                self.puts.append((keys[i], hits[keys[i]]))
        missing = [i for i in need if keys[i] not in hits]
        jobs = [("towns", self.items[i], follow[i]) for i in missing]
        for i, towns in zip(missing, run_rounds(jobs, self.runner, self.spread)):
            self.read.add(i)
            hits[keys[i]] = towns if not isinstance(towns, str) else {}  # a file gone since: its towns none
            self.puts += [(keys[i], towns)] if not isinstance(towns, str) else []
        return {i: hits[keys[i]] for i in need}

    def _final_round(self, finals: dict[int, tuple]) -> None:
        """Results of stories whose outlet's home and senses are known: cached, else read (round 3)."""
        keys = {i: self._final_key(i, *how) for i, how in finals.items()}
        hits = self._get(list(keys.values()))
        for i in finals:  # read with its outlet's home and senses (guessed right in round 1): the same key
            if keys[i] not in hits and i in self.guessed and self._final_key(i, *self.guessed[i][:2]) == keys[i]:
                hits[keys[i]] = self.guessed[i][3]
                self.puts.append((keys[i], hits[keys[i]]))
        missing = [i for i in finals if keys[i] not in hits]
        jobs = [("final", self.items[i], *finals[i]) for i in missing]
        for i, res in zip(missing, run_rounds(jobs, self.runner, self.spread)):
            self.read.add(i)
            hits[keys[i]] = res
            if not isinstance(res, str):  # a file gone since its evidence was read
                self.puts.append((keys[i], res))
        for i in finals:
            self.results[i] = hits[keys[i]]
            self.keys[i] = keys[i]

    def _put(self) -> None:
        try:
            self.store.put_many(self.puts)
        except sqlite3.Error as exc:
            self.on_problem(f"{self.store.path}: the results of this run could not be kept ({exc})")


__all__ = ["Rounds", "run_jobs", "run_rounds"]
