"""Ages: the ages a report gives its people ("a 17-year-old boy", "Tavion Smith, 15,").

Two shootings in one city on one day, each of one victim, are common; when each story gives
its victim's age and the ages differ, they are two events however alike their figures.

>>> sorted(ages_told("A 17-year-old boy and a seven-year-old girl were shot; Tavion Smith, 15, died."))
[7, 15, 17]
>>> sorted(ages_told("Two men, ages 22 and 35, were wounded."))
[22, 35]
>>> ages_told("Police said 3 people were shot on Friday.")
frozenset()
"""

from __future__ import annotations

import re
from functools import lru_cache

from geo.numbers import UNITS

_WORD = "|".join(sorted((w for w, n in UNITS.items() if 1 <= n <= 90 and len(w) > 2 and w.isascii()
                         and w not in ("dozen", "dozens")), key=len, reverse=True))
_AGE = rf"\d{{1,3}}|(?:{_WORD})(?:-(?:{_WORD}))?"
_AGES = re.compile(
    rf"(?i:\b(?P<old>{_AGE})[-\s]years?[-\s]old\b"  # "a 17-year-old boy", "seven-year-old"
    rf"|\b(?:aged?|ages)\s+(?P<aged>\d{{1,3}})(?:\s*(?:,|and|to|&)\s*(?P<and>\d{{1,3}}))?\b)"  # "ages 22 and 35"
    rf"|\b[A-Z][a-z]+,\s+(?P<comma>\d{{1,2}}),")  # "Tavion Smith, 15,", "Boy, 17, shot"


def _value(age: str) -> int | None:
    if age.isdigit():
        return int(age)
    parts = age.lower().split("-")
    value = sum(UNITS.get(p, 0) for p in parts)
    return value or None


# A sentence about who did it ("Willie Jackson, 18, had been the subject of an arrest warrant"): its
# ages are not the victims' (another story of the same shooting gives the victim's, 17).
_SUSPECT = re.compile(r"\b(?:suspects?|charged|charges|arrest(?:ed)?|warrant|accused|wanted|custody|indicted|booked|"
                      r"jailed|sentenced|pleaded|convicted)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])| \[…\] ")


@lru_cache(maxsize=65536)
def ages_told(text: str) -> frozenset[int]:
    """The ages of people a text gives, as whole years (0 to 120), but in its sentences about a
    suspect.

    >>> sorted(ages_told("A 17-year-old boy was shot Friday. Police charged Willie Jackson, 18, with murder."))
    [17]
    """
    ages = set()
    for m in _AGES.finditer(" ".join(part for part in _SENTENCE_END.split(text) if not _SUSPECT.search(part))):
        for group in ("old", "aged", "and", "comma"):
            if (age := m.group(group)) and (value := _value(age)) is not None and value <= 120:
                ages.add(value)
    return frozenset(ages)
