"""Times of day a report gives its event ("about 9 p.m.", "at 6:15 a.m.", "shortly after 11pm").

Two shootings in one city on one day, each of one or two victims, are common; when the stories
give times hours apart, they are two events.

>>> sorted(times_told("The boy was shot about 9 p.m.; police arrived at 9:24 p.m. A second man was hurt at 2 a.m."))
[120, 1260, 1284]
>>> times_told("Police said 3 people were shot.")
frozenset()
>>> far_apart(frozenset({1260}), frozenset({1275})), far_apart(frozenset({1260}), frozenset({135}))
(False, True)
"""

from __future__ import annotations

import re
from functools import lru_cache

_TIME = re.compile(r"\b(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s*(?P<half>[ap])\.?\s?m\b\.?", re.I)
_STAMP_BEFORE = re.compile(r"\b(?:posted|updated|published|modified)\b[^.]*$", re.I)
_ZONE_AFTER = re.compile(r"\s*(?:[ECMP][SD]T|UTC|GMT)\b")
APART_MINUTES = 180  # times this far apart, on the clock, are two events


@lru_cache(maxsize=65536)
def times_told(text: str) -> frozenset[int]:
    """The times of day a text gives, as minutes after midnight."""
    out = set()
    for m in _TIME.finditer(text):
        if _STAMP_BEFORE.search(text, max(0, m.start() - 45), m.start()) or _ZONE_AFTER.match(text, m.end()):
            continue  # "Posted: Wednesday, July 29, 2015 6:01 PM EDT": when the page was put out
        hour = int(m["h"]) % 12 + (12 if m["half"].lower() == "p" else 0)
        out.add(hour * 60 + int(m["m"] or 0))
    return frozenset(out)


def far_apart(a: frozenset[int], b: frozenset[int]) -> bool:
    """Both give times, and none of one is within three hours of one of the other (on the clock:
    11 p.m. and 1 a.m. are two hours apart)."""
    return bool(a) and bool(b) and all(min(abs(x - y), 1440 - abs(x - y)) > APART_MINUTES for x in a for y in b)
