"""Faster scans for patterns that start with no literal: only where a match can start.

Python's ``re`` skips ahead quickly only when a pattern starts with a literal or a character
set; one that starts with ``\\b``, a look-behind or an optional word ("(?:last\\s+)?monday") is
tried at every position of the text. :func:`finditer` reads the characters a match of the
pattern can start with from the pattern itself and lets ``re`` skip to them; at each, the
pattern is tried as written. The matches are those of ``rx.finditer``: same spans, groups
and order (patterns it cannot read, or that may match empty, are scanned as they are).

>>> rx = re.compile(r"\\b(?:(?:last|this)\\s+)?(?:monday|sunday)\\b", re.I)
>>> [m.group() for m in finditer(rx, "Shot last Monday, died Sunday.")]
['last Monday', 'Sunday']
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]  # the parse tree's opcodes
from re import _parser  # type: ignore[attr-defined]
from typing import Callable, Iterator

# By id, the pattern kept beside its finder: a pattern hashes its whole compiled code on every lookup.
_FINDERS: dict[int, tuple[re.Pattern, re.Pattern | None]] = {}


def derived(cache: dict[int, tuple[re.Pattern, re.Pattern | None]], rx: re.Pattern,
            make: Callable[[re.Pattern], re.Pattern | None]) -> re.Pattern | None:
    """``make(rx)``, made once per pattern and kept in ``cache`` by the pattern's id (the pattern
    kept beside it, so that an id reused by another pattern is not mistaken for it)."""
    known = cache.get(id(rx))
    if known is None or known[0] is not rx:
        known = cache[id(rx)] = (rx, make(rx))
    return known[1]
_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_WORD: r"\w", C.CATEGORY_SPACE: r"\s"}
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_ANCHORED = [(C.AT, at) for at in (C.AT_BEGINNING, C.AT_BEGINNING_LINE, C.AT_BEGINNING_STRING)]
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT))


class _Unknown(Exception):
    """A part of a pattern whose first characters are not read here (any character, a back-reference)."""


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _set(items: list) -> list[str]:
    """The class items (regex syntax) of a parsed character set."""
    out = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(_char(av))
        elif op is C.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is C.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # a negated set, a locale category: could start anywhere
            raise _Unknown
    return out


def _first(items, flags: int) -> tuple[list[str], bool]:
    """(class items a match of the sequence ``items`` can start with, whether it can match empty)."""
    chars: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:  # a look-around only narrows where a match starts: leaving it out finds more
            continue
        if op is C.LITERAL:
            return chars + [_char(av)], False
        if op is C.IN:
            return chars + _set(av), False
        if op is C.BRANCH:
            parts = [_first(branch, flags) for branch in av[1]]
            chars += [c for got, _ in parts for c in got]
            if not any(empty for _, empty in parts):
                return chars, False
        elif op is C.SUBPATTERN:
            _group, add, _remove, sub = av
            if add & re.IGNORECASE and not flags & re.IGNORECASE:
                raise _Unknown  # the set would have to fold case itself
            got, empty = _first(sub, flags)
            chars += got
            if not empty:
                return chars, False
        elif op in _REPEATS:
            low, _high, sub = av
            got, empty = _first(sub, flags)
            chars += got
            if low > 0 and not empty:
                return chars, False
        elif op is getattr(C, "ATOMIC_GROUP", None):
            got, empty = _first(av, flags)
            chars += got
            if not empty:
                return chars, False
        else:
            raise _Unknown
    return chars, True


def _finder(rx: re.Pattern) -> re.Pattern | None:
    """A pattern that matches one character where ``rx`` matches (None: scan with ``rx`` itself).

    ``[S](?<=(?=rx)[S])``: it starts with a set, which ``re`` skips to; the look-behind steps
    back over that character and tries ``rx`` there."""
    if rx.flags & re.VERBOSE:
        return None  # its comments would run on into the finder's own syntax
    try:
        parsed = _parser.parse(rx.pattern, rx.flags)
        if parsed[0][0] in (C.LITERAL, C.IN) or parsed[0] in _ANCHORED:
            return None  # re skips ahead by itself, or tries only a few places
        chars, empty = _first(parsed, rx.flags)
        if empty or not chars:
            return None
        first = f"[{''.join(dict.fromkeys(chars))}]"
        return re.compile(f"{first}(?<=(?={rx.pattern}){first})", rx.flags)
    except (_Unknown, re.error, RecursionError):
        return None


def _finder_of(rx: re.Pattern) -> re.Pattern | None:
    """:func:`_finder` of ``rx``, made once (as :func:`derived` does, inline: it runs a million
    times a corpus)."""
    known = _FINDERS.get(id(rx))
    if known is None or known[0] is not rx:
        known = _FINDERS[id(rx)] = (rx, _finder(rx))
    return known[1]


def finditer(rx: re.Pattern, text: str) -> Iterator[re.Match]:
    """The matches of ``rx.finditer(text)``, found by skipping to where one can start."""
    finder = _finder_of(rx)
    if finder is None:
        yield from rx.finditer(text)
        return
    pos = 0
    while (hit := finder.search(text, pos)) is not None:
        m = rx.match(text, hit.start())
        assert m is not None and m.end() > m.start()  # the finder found it, and it is never empty
        yield m
        pos = m.end()


def search(rx: re.Pattern, text: str) -> re.Match | None:
    """``rx.search(text)``, found by skipping to where a match can start."""
    finder = _finder_of(rx)
    if finder is None:
        return rx.search(text)
    hit = finder.search(text)
    return None if hit is None else rx.match(text, hit.start())
