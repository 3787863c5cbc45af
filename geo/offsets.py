"""Offsets: for every character of a clean text, its index in the raw text, stored as runs.

Cleaning keeps most of a text as it was: the raw index of clean character ``i`` is one more
than that of ``i - 1`` except where something was dropped, inserted or joined. ``Offsets``
keeps only where such a run starts (two ``array('I')``: the clean index, the raw index), a few
hundred bytes per article where a Python list held 36-40 bytes per character; reading one
offset is a bisection.

>>> from array import array
>>> off = Offsets.from_array(array("I", [0, 1, 2, 5, 6, 6, 9]))
>>> len(off), off[3], off[5], off[-1], list(off)
(7, 5, 6, 9, [0, 1, 2, 5, 6, 6, 9])
>>> off.runs
4
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence


def _typecode() -> str:
    """An unsigned array type of 4 bytes or more (``I`` on every platform Python runs on today)."""
    return "I" if array("I").itemsize >= 4 else "L"


class Offsets(Sequence[int]):
    """Raw index of each clean character, as runs of consecutive indices (read-only)."""

    __slots__ = ("_starts", "_raws", "_len")

    def __init__(self, starts: array, raws: array, length: int):
        self._starts, self._raws, self._len = starts, raws, length

    @classmethod
    def from_array(cls, values: Sequence[int]) -> "Offsets":
        """The runs of ``values`` (an ``array`` or any sequence of ints >= 0)."""
        code = _typecode()
        starts, raws = array(code), array(code)
        n = len(values)
        if n:
            import numpy as np

            arr = np.frombuffer(values, dtype=np.uint32) if isinstance(values, array) and values.itemsize == 4 \
                else np.asarray(values, dtype=np.int64)
            cut = np.flatnonzero(np.diff(arr.astype(np.int64)) != 1) + 1
            at = np.concatenate(([0], cut))
            starts.extend(int(i) for i in at)
            raws.extend(int(arr[i]) for i in at)
        return cls(starts, raws, n)

    @classmethod
    def identity(cls, length: int) -> "Offsets":
        """Offsets of a text cleaning left as it was."""
        code = _typecode()
        return cls(array(code, [0] if length else []), array(code, [0] if length else []), length)

    @property
    def runs(self) -> int:
        return len(self._starts)

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._len))]
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("offset index out of range")
        k = bisect_right(self._starts, i) - 1
        return self._raws[k] + (i - self._starts[k])

    def __iter__(self) -> Iterator[int]:
        bounds = list(self._starts[1:]) + [self._len]
        for start, end, raw in zip(self._starts, bounds, self._raws):
            yield from range(raw, raw + end - start)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Offsets):
            return (self._len, self._starts, self._raws) == (other._len, other._starts, other._raws)
        if isinstance(other, (list, tuple, array)):
            return len(other) == self._len and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Offsets({self._len} characters in {self.runs} runs)"

    def __reduce__(self):
        return (Offsets, (self._starts, self._raws, self._len))
