"""Case-insensitive patterns matched fast: compiled in lower case, for lower-cased text.

Python's ``re.IGNORECASE`` makes a long alternation of words several times slower; the same
pattern in lower case, run on ``text.lower()``, finds the same matches. (Offsets are the same
but for a few letters whose lower case is longer, "İ": callers that use offsets check lengths.)

>>> rx = caseless(re.compile(r"\\b(?:shot|killed)\\b", re.I))
>>> bool(rx.search("Two Were SHOT".lower()))
True
"""

from __future__ import annotations

import re
from typing import Iterator

from geo.fastscan import derived, finditer

_CASED = re.compile(r"\\[A-Z]|\(\?-i")  # "\S", "\W", "\B", "\D" and "(?-i:...)" mean something else in lower case


def caseless(rx: re.Pattern) -> re.Pattern:
    """``rx`` (compiled with re.I) in lower case, without re.I, for lower-cased text."""
    if _CASED.search(rx.pattern):
        raise ValueError(f"pattern depends on case: {rx.pattern[:60]!r}")
    pattern = rx.pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")  # named groups stay named
    return re.compile(pattern, rx.flags & ~re.IGNORECASE)


_LOWERED: dict[int, tuple[re.Pattern, re.Pattern | None]] = {}  # the lower-case forms (see fastscan.derived)


def _lowered(rx: re.Pattern) -> re.Pattern | None:
    """The lower-case form of ``rx``, if it has one that matches the same."""
    try:
        return caseless(rx) if rx.flags & re.IGNORECASE else None
    except ValueError:
        return None


def lowered_finditer(rx: re.Pattern, text: str) -> Iterator[re.Match]:
    """``rx.finditer(text)`` for a pattern compiled with re.I, matched in lower case where it can
    be: the same spans, but the groups' text in lower case. A pattern that depends on case, or a
    text whose lower case is longer ("İ"), is matched as written."""
    fast = derived(_LOWERED, rx, _lowered)
    if fast is not None and len(low := text.lower()) == len(text):
        return finditer(fast, low)
    return finditer(rx, text)
