"""Clauses: a sentence that tells two events, each with its own event word and its own place
("Two men were shot in Englewood; a woman was killed in Austin"), is read as two. A clause
without both goes with the one before it ("..., and 30 were injured": the figures of that event).

>>> s = "Two men were shot in Englewood on Sunday, and a woman was killed in Austin."
>>> [s[a:b] for a, b in event_clauses(s, [s.index("Englewood"), s.index("Austin")])]
['Two men were shot in Englewood on Sunday', 'a woman was killed in Austin.']
>>> len(event_clauses("Two were killed in Senkata, and 30 were injured.", [19]))
1
"""

from __future__ import annotations

import re

from geo.events.triggers import find_triggers

# Where a sentence may start another event: a semicolon, or ", and" / ", while" before a new clause.
_BREAK = re.compile(r";\s+|,\s+(?:and|while|but)\s+", re.I)


def event_clauses(sentence: str, place_starts: list[int]) -> list[tuple[int, int]]:
    """The spans (offsets in ``sentence``) of its clauses that each tell an event at a place of
    their own, a clause that does not joined to the one before (the first, to the one after);
    the whole sentence when fewer than two do. ``place_starts``: where its places start."""
    spans, start = [], 0
    for m in _BREAK.finditer(sentence):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(sentence)))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and not _tells_event(sentence, a, b, place_starts):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    if len(out) > 1 and not _tells_event(sentence, *out[0], place_starts):
        out[:2] = [(out[0][0], out[1][1])]
    return out if len(out) > 1 else [(0, len(sentence))]


def _tells_event(sentence: str, a: int, b: int, place_starts: list[int]) -> bool:
    """Whether ``sentence[a:b]`` has a place of its own and an event word."""
    return any(a <= p < b for p in place_starts) and bool(find_triggers(sentence[a:b]))
