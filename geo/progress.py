"""Progress on stderr for long work: shown on a terminal, silent in pipes and tests."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator, Sized
from typing import TypeVar

from geo.options import options

T = TypeVar("T")


def progress(items: Iterable[T], label: str, total: int | None = None, stream=None) -> Iterator[T]:
    """Yield ``items``, printing "label: i/total" at most 5 times a second when stderr is a terminal.

    >>> list(progress([1, 2], "work"))  # not a terminal here: prints nothing
    [1, 2]
    """
    stream = stream or sys.stderr
    if options.quiet or not (hasattr(stream, "isatty") and stream.isatty()):
        yield from items
        return
    total = total if total is not None else (len(items) if isinstance(items, Sized) else None)
    last = 0.0
    i = 0
    for i, item in enumerate(items, start=1):
        now = time.monotonic()
        if now - last > 0.2:
            stream.write(f"\r{label}: {i}/{total}" if total else f"\r{label}: {i}")
            stream.flush()
            last = now
        yield item
    stream.write(f"\r{label}: {i}/{total or i} done\n")
    stream.flush()
