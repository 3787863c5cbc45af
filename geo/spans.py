"""Span lookups in logarithmic time: which of many (start, end) spans hold or meet a position.

Long articles have thousands of spans (quotes, names, sentences); asking each of them for
every sentence or candidate made extraction quadratic in the article's length.

>>> quotes = SpanIndex([(10, 20), (40, 50), (12, 30)])
>>> quotes.holds(25), quotes.holds(35), quotes.holds(10)
(True, False, False)
>>> quotes.meets(29, 41), quotes.meets(30, 40)
(True, False)
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from typing import Iterable


class SpanIndex:
    """Half-open spans ``[start, end)``, sorted once, asked many times."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        # The furthest end of any span starting at or before each one: nested spans included.
        self._reach = list(accumulate((e for _, e in ordered), max))

    def holds(self, pos: int) -> bool:
        """True when ``pos`` lies strictly inside some span (start < pos < end)."""
        i = bisect_left(self._starts, pos)
        return i > 0 and self._reach[i - 1] > pos

    def meets(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps some span."""
        i = bisect_left(self._starts, end)
        return i > 0 and self._reach[i - 1] > start


def within(starts: list[int], lo: int, hi: int) -> slice:
    """The slice of a sorted list of positions that lie in ``[lo, hi)``.

    >>> within([1, 5, 9, 12], 5, 12)
    slice(1, 3, None)
    """
    return slice(bisect_left(starts, lo), bisect_left(starts, hi))
