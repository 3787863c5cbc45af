"""Counts written in digits or words, with their hedges ("at least 24", "more than thirty").

>>> parse_count("nine")
9
>>> parse_count("one hundred")
100
>>> parse_count("1,200")
1200
>>> [(m.value, m.hedge) for m in find_counts("at least one person and possibly as many as six")]
[(1, 'at least'), (6, 'possibly as many as')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.caseless import caseless
from geo.fastscan import finditer

UNITS = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12, "dozens": 24,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10,
}
SCALES = {"hundred": 100, "hundreds": 100, "thousand": 1000, "thousands": 1000, "million": 1_000_000}
# More people than this in one incident is a misreading (a phone number, a year run together), not a figure.
MAX_FIGURE = 1_000_000
HEDGES = ("at least", "more than", "over", "nearly", "almost", "about", "around", "some", "up to",
          "as many as", "possibly as many as", "at most", "fewer than", "less than", "roughly")

_UNIT_WORDS = "|".join(sorted((w for w in UNITS if len(w) > 2), key=len, reverse=True))
# A year is no count: "January 16, 2017 Five people ...", "Copyright 2017", "in 2015 ".
_YEAR = r"(?<=\d,\s)(?:19|20)\d\d\b|(?<=\d,\s\s)(?:19|20)\d\d\b|(?:19|20)\d\d(?=\s+\d)|(?<=copyright\s)\d{4}\b"
_NUMBER = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|(?!{_YEAR})\d+|(?:(?:{_UNIT_WORDS})(?:[- ](?:{_UNIT_WORDS}))?"
           rf"(?:\s+(?:hundred|thousand|million))?)|(?:hundred|hundreds|thousands|dozens))")
_HEDGE = "|".join(h.replace(" ", r"\s+") for h in sorted(HEDGES, key=len, reverse=True))
COUNT = re.compile(rf"\b(?:(?P<hedge>{_HEDGE})\s+)?(?P<number>{_NUMBER})\b", re.I)
_COUNT_LOWER = caseless(COUNT)  # for lower-cased text: several times faster (see geo.caseless)


@dataclass(frozen=True)
class Count:
    """A number found in text: its value, the hedge before it, and its span."""

    value: int
    hedge: str | None
    start: int
    end: int


def parse_count(text: str) -> int | None:
    """The integer a number phrase means, or None.

    >>> parse_count("twenty-three"), parse_count("two dozen"), parse_count("thousands"), parse_count("x")
    (23, 24, 1000, None)
    """
    t = text.lower().replace(",", "").strip()
    if t.isdigit():
        return int(t)
    total, current = 0, 0
    seen = False
    for word in re.split(r"[\s-]+", t):
        if word == "dozen" and current:
            current *= 12  # "two dozen"
            seen = True
        elif word in UNITS:
            current += UNITS[word]
            seen = True
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            seen = True
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        elif word == "and":
            continue
        else:
            return None
    return total + current if seen else None


_VAGUE_NUMBER = re.compile(r"dozens|hundreds|thousands")
_VAGUE_BEFORE = re.compile(r"\b(?:several|a\s+few|few|many)\s+$")


def find_counts(text: str) -> list[Count]:
    """Every count in ``text``, in order (none over ``MAX_FIGURE``, none said as "dozens" or
    "several hundred", which are no figure).

    >>> [c.value for c in find_counts("12345678901234567890 were killed, and 3 hurt")]
    [3]
    >>> [c.value for c in find_counts("dozens were hurt, several hundred fled, two dozen were held")]
    [24]
    """
    out = []
    low = text.lower()  # the same offsets, but for a few letters ("İ"): then matched as written
    for m in finditer(_COUNT_LOWER, low) if len(low) == len(text) else finditer(COUNT, text):
        if _VAGUE_NUMBER.fullmatch(m.group("number").lower()) or _VAGUE_BEFORE.search(low, max(0, m.start() - 12), m.start()):
            continue  # "dozens were hurt", "several hundred": a figure the text does not know
        value = parse_count(m.group("number"))
        if value is not None and value <= MAX_FIGURE:
            hedge = re.sub(r"\s+", " ", m.group("hedge").lower()) if m.group("hedge") else None
            out.append(Count(value, hedge, m.start(), m.end()))
    return out
