"""Reports in parts that cannot share an event: each part grouped alone, its groups kept.

:func:`~geo.events.merge.group_reports` compares a report only with groups whose first report
lies in a cell around its place and on a day its date could name. Reports linked so, directly
or through others, form a part (here: every two whose cells and days are so, whichever comes
first, a few more links than needed); no group takes reports of two parts, so grouping each
part alone gives the groups of grouping all at once, in the same order once they are ordered
by their first report's place among all. A re-run that added a few reports groups only the
parts they fall in: the others' groups are looked up by their reports (:func:`grouped`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from typing import Any

from geo.events.merge import cell_of, cells_around, date_order, days_around, group_reports
from geo.events.report import Report


def order_of(reports: list[Report]) -> list[int]:
    """The order :func:`~geo.events.merge.group_reports` takes reports in: finest dates first."""
    keys = [date_order(r) for r in reports]
    return sorted(range(len(reports)), key=keys.__getitem__)


def parts_of(reports: list[Report], order: list[int]) -> list[list[int]]:
    """The parts: report indices, each part in ``order``."""
    buckets: dict[tuple, int] = {}  # (cell, (precision, day)) -> bucket
    first: list[int] = []  # bucket -> a report of it
    by_cell: dict[tuple, dict[tuple[str, date | None], int]] = {}
    of = [0] * len(reports)
    for i in order:
        rep = reports[i]
        cell, day = cell_of(rep), (rep.date_precision, rep.event_date)
        b = buckets.setdefault((cell, day), len(first))
        if b == len(first):
            first.append(i)
            by_cell.setdefault(cell, {})[day] = b
        of[i] = b
    root = list(range(len(first)))

    def find(b: int) -> int:
        while root[b] != b:
            root[b] = root[root[b]]
            b = root[b]
        return b

    around: dict[tuple, list[dict]] = {}  # cell -> the buckets of the cells around it, where there are some
    for b, i in enumerate(first):
        rep = reports[i]
        if (nears := around.get(cell := cell_of(rep))) is None:
            nears = around[cell] = [near for c in cells_around(rep) if (near := by_cell.get(c))]
        days = days_around(rep.date_precision, rep.event_date)  # (buckets' first reports in date order, as its cache wants)
        for near in nears:  # the days and the buckets' keys, the fewer looked up in the other
            for key in [k for k in days if k in near] if len(near) > len(days) else [k for k in near if k in days]:
                x, y = find(b), find(near[key])
                if x != y:
                    root[x] = y
    parts: dict[int, list[int]] = {}
    for i in order:
        parts.setdefault(find(of[i]), []).append(i)
    return list(parts.values())


def grouped(reports: list[Report], ids: list[bytes | None],
            known: Callable[[list[bytes]], dict[bytes, Any]]) -> tuple[list[list[Report]], list[tuple[bytes, Any]]]:
    """The groups of ``reports`` (as :func:`~geo.events.merge.group_reports` makes them), each
    part's looked up in ``known`` by its reports' ``ids`` (what each report is, the same on every
    run; None: unknown, its part grouped anew); and the (key, groups) of the parts grouped here."""
    order = order_of(reports)
    rank = [0] * len(reports)
    for r, i in enumerate(order):
        rank[i] = r
    parts = parts_of(reports, order)
    keys = [_key([ids[i] for i in part]) for part in parts]
    found = known([k for k in keys if k is not None])
    groups: list[list[int]] = []
    new: list[tuple[bytes, Any]] = []
    for part, key in zip(parts, keys):
        local = found.get(key) if key is not None else None
        if local is None:
            at = {id(reports[i]): n for n, i in enumerate(part)}
            local = [[at[id(r)] for r in g] for g in group_reports([reports[i] for i in part])]
            if key is not None:
                new.append((key, local))
        groups += [[part[n] for n in g] for g in local]
    groups.sort(key=lambda g: rank[g[0]])
    return [[reports[i] for i in g] for g in groups], new


def _key(ids: list[bytes | None]) -> bytes | None:
    """A part's key: its reports' ids in order (the order its groups are found in)."""
    if any(i is None for i in ids):
        return None
    digest = hashlib.sha256(b"groups")
    for i in ids:
        digest.update(i)  # type: ignore[arg-type]
    return digest.digest()
