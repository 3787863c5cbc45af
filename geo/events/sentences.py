"""Sentences and quotations of a clean article text.

>>> t = "On Nov. 19, police fired. The U.S. Embassy said so."
>>> [t[s:e] for s, e in split_sentences(t)]
['On Nov. 19, police fired.', 'The U.S. Embassy said so.']
"""

from __future__ import annotations

import re

from geo.dates import CALENDAR_NAMES
from geo.fastscan import finditer
from geo.lexicon import STOPWORDS

_ABBREVIATIONS = re.compile(r"\b(?:Nov|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|"
                            r"Lt|Col|Capt|St|Mt|Ft|No|Vol|vs|etc|Inc|Jr|Sr|[A-Z])\.$")
_LOWER_NEXT = re.compile(r"[ \t]+[a-z]")
# "at 10 p.m. Sunday", "2 a.m. EST Monday": the clock's day or zone goes on its sentence.
_CLOCK = re.compile(r"\b[ap]\.\s?m\.$", re.I)
_CLOCK_NEXT = re.compile(rf"[ \t]+(?:{CALENDAR_NAMES}|[ECMP][SD]?T|GMT|UTC)\b")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’)\]]*(?=\s)|\n")

_INITIALS = re.compile(r"(?:[A-Z]\.){2,}$")
_NEXT_WORD = re.compile(r"\s*([\w’']+)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in clean text; abbreviations such as "Nov." or "U.S." do not end one."""
    spans, start = [], 0
    for m in finditer(_SENTENCE_END, text):
        end = m.end()
        piece = text[start:end].rstrip()
        tail = piece[-40:]  # only its end can be an abbreviation: a long run must not be scanned again
        if m.group() != "\n" and (_LOWER_NEXT.match(text, end) or tail[-2:] in ("m.", "M.")
                                     and _CLOCK.search(tail) and _CLOCK_NEXT.match(text, end)):
            continue  # "at about 5 p.m. when he ...", "Sgt. and": a sentence starts with a capital
        if m.group() != "\n" and (_ABBREVIATIONS.search(tail) or _INITIALS.search(tail)):
            # After "Nov." or "U.S." a new sentence starts only with a word that starts sentences.
            nxt = _NEXT_WORD.match(text, end, end + 30)
            if not nxt or nxt.group(1).lower() not in STOPWORDS or re.search(
                    r"\b(?:Nov|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|St)\.$", tail):
                continue
        if text[start:end].strip():
            lead = len(text[start:end]) - len(text[start:end].lstrip())
            spans.append((start + lead, start + len(piece)))
        start = end
    if text[start:].strip():
        lead = len(text[start:]) - len(text[start:].lstrip())
        spans.append((start + lead, len(text.rstrip())))
    return spans


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech ("..." or “...”): dates said in a quote date the speech, not the event."""
    return [m.span() for m in re.finditer(r"“[^”]*”?|\"[^\"\n]*\"", text)]
