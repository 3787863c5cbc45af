"""Progress on stderr for long work: shown on a terminal, silent in pipes, tests and ``-q``.

:func:`progress` counts the items of a loop; a :class:`Bar` counts work done elsewhere (the
tasks of local processes or of a Dask cluster's workers, as their results come back), so a
run shows one bar whatever runs its tasks.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator, Sized
from typing import TypeVar

from geo.options import options

T = TypeVar("T")


def shown(stream=None) -> bool:
    """Whether progress goes to ``stream`` (default stderr): a terminal, and not ``-q``."""
    stream = stream or sys.stderr
    return not options.quiet and hasattr(stream, "isatty") and stream.isatty()


class Bar:
    """"label: done/total" on one line of ``stream``, redrawn at most 5 times a second; nothing
    when it is not a terminal (:func:`shown`).

    >>> bar = Bar("work", 3)  # not a terminal here: prints nothing
    >>> bar.step(2); bar.step(); bar.close(); bar.done
    3
    """

    def __init__(self, label: str, total: int | None = None, stream=None):
        self.label, self.total, self.stream = label, total, stream or sys.stderr
        self.on, self.done, self.last = shown(self.stream), 0, 0.0

    def step(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.on and now - self.last > 0.2:
            self.stream.write(f"\r{self.label}: {self.done}/{self.total}" if self.total else
                              f"\r{self.label}: {self.done}")
            self.stream.flush()
            self.last = now

    def close(self) -> None:
        if self.on:
            self.stream.write(f"\r{self.label}: {self.done}/{self.total or self.done} done\n")
            self.stream.flush()
            self.on = False


def progress(items: Iterable[T], label: str, total: int | None = None, stream=None) -> Iterator[T]:
    """Yield ``items``, counting them on a :class:`Bar`.

    >>> list(progress([1, 2], "work"))  # not a terminal here: prints nothing
    [1, 2]
    """
    if not shown(stream):
        yield from items
        return
    total = total if total is not None else (len(items) if isinstance(items, Sized) else None)
    bar = Bar(label, total, stream)
    for item in items:
        bar.step()
        yield item
    bar.close()
