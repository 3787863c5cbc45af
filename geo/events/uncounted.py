"""Numbers and words in a sentence that count no one: an age, a time, a day of a date, a page, a
television station, a police zone, a city's statistics for a year, and the asides a count's
verb is told past ("Six people — five men and one woman — were taken to hospitals").

>>> without_asides("Four people, including an 11-year-old, were shot.")
'Four people                            were shot.'
"""

from __future__ import annotations

import re

from geo.events.unnumbered import ADJECTIVES, PERSON
from geo.numbers import Count

# Before a number: an age or a list of ages ("ages 5 and 7"), or a page count ("Image 44 of 44").
_NOT_COUNTED = re.compile(r"\b(?:ag(?:e|es|ed)\s+(?:of\s+|between\s+)?(?:\d+\s*(?:,|and|&|to|-)\s*)*|"
                          r"\b\d+\s+of\s+|"  # "Image 44 of 44"
                          r"(?-i:Zone|District|Precinct|Ward|Station|Engine|Squad|Unit|Beat)\s+|"  # "Zone 5 officers"
                          r"\b(?:was|is)\s+)$",  # "the man was 20 and in good condition": his age
                          re.I)
_DAY_OR_TIME_BEFORE = re.compile(r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|\b(?:January|February|March|"
                                 r"April|May|June|July|August|September|October|November|December)|\d[:.])\s*$")
_STATS = re.compile(r"\b(?:stats|statistics|data|so\s+far\s+this\s+year|year\s+to\s+date)\b", re.I)
_STATION_BEFORE = re.compile(r"\b(?:FOX|NBC|ABC|CBS|CW|PIX|WB|Channel|News)\s*$")
_STATION_AFTER = re.compile(r"\s*(?:Action\s+News|News|Eyewitness\s+News|On\s+Your\s+Side|Investigates)\b")
_NOT_A_TOLL = re.compile(r":\d|\s+of\s+\d|\s*(?:a\.?m\.?|p\.?m\.?)(?:\W|$)|\s*(?:percent|%|years?\b|yrs?\b|y/o\b|months?\b|"
                         r"hours?\b|minutes?\b)|\s+(?:times|rounds|shots|bullets)\b|"  # "shot seven times"
                         r"-(?:years?|months?|weeks?|days?)-old", re.I)  # "killed 22-year-old Dashwan Smith": an age


_AFTER_PERSON = re.compile(rf"\b{PERSON},\s*$", re.I)
_NAME_NEXT = re.compile(r"\s+[A-Z][a-z]+\s+[A-Z][a-z]+")
_PEOPLE_NEXT = re.compile(rf"\s+(?:{PERSON}s?|people|children|kids|others)\b", re.I)


_NO_ONE_BEFORE = re.compile(r"\b(?:no|not\s+a\s+single)\s+$", re.I)
_AFTER_COMMA = re.compile(r"[\w).],\s*$")
_AGE_ENDS = re.compile(r"\s*[,—–]|\s{3}|\s+of\s+(?-i:[A-Z])")


def counts_no_one(sentence: str, c: Count, lead: str, city_sized: bool) -> bool:
    """True when the count ``c`` of ``sentence`` (``lead``: the words before it) counts no one:
    "no one was killed", "ages 5 and 7", "shot Dec. 25", "1:53 Three officers", "told FOX 5",
    a 911 call, "10:03 p.m.", "The man, 38, was", and a ``city_sized`` toll of statistics."""
    if _NO_ONE_BEFORE.search(lead) or _NOT_COUNTED.search(lead) \
            or _DAY_OR_TIME_BEFORE.search(lead):
        return True
    if city_sized and _STATS.search(sentence):
        return True  # "Crime stats for 2015 show 165 people were murdered": a city's count
    if sentence[c.start:c.start + 1].isdigit() and (_STATION_BEFORE.search(lead) or _STATION_AFTER.match(sentence, c.end)):
        return True  # "told FOX 5", "7 Action News": a television station, not a toll
    if sentence[max(0, c.start - 1):c.start] in ("$", "€", "£"):
        return True  # "bond was set at $75,000": money
    if c.value == 911:
        return True  # "neighbors called 911", "an anonymous 911 call saying five people were shot"
    if _NAME_NEXT.match(sentence, c.end) and lead.rstrip().endswith(",") and _AFTER_PERSON.search(lead) \
            and not _PEOPLE_NEXT.match(sentence, c.end):
        return True  # "kills man, 18 Jose Estrada fatally wounded": his age, then his name (not "Mother, 2 Children")
    if 1900 <= c.value < 2100 and re.fullmatch(r"\d{4}", sentence[c.start:c.end]):
        return True  # "2014 video of father killed": a year (a toll that large is written "2,014")
    # "10:03 p.m.", "7:30", "The man, 38, was pronounced dead", "Jo Lee, 26 — who": a time, an age
    after_name = _AFTER_COMMA.search(sentence[max(0, c.start - 3):c.start])  # (".": "Jr., 21")
    # (an age before a comma, a dash, an aside blanked or a home town: "Shawn Johnson Jr., 21 of Lynchburg")
    return bool(_NOT_A_TOLL.match(sentence[c.end:c.end + 12])
                or after_name and _AGE_ENDS.match(sentence[c.end:c.end + 8]))


# ", 15,", ", ages 3 and 5,", ", both 35 years old,": the ages of people just named, which count no one.
_AGES = re.compile(r"(?<=[a-z]),\s*(?:both\s+|all\s+)?(?:(?:ages?|aged)\s+)?\d{1,3}(?:\s*(?:,|and|&|-|to)\s*\d{1,3})*"
                   r"(?:\s+years?\s+old)?\s*,")


def _blank(m: re.Match) -> str:
    return " " * len(m.group())


_DASH_ASIDE = re.compile(r"\s[—–]\s[^—–.;]{1,80}?\s[—–](?=\s)|,\s+including\s+[^,.;]{1,60},")  # ", including a boy,"


# "his fiancee, Jaime Salazar, 34, and their son": the name of a person just told, which counts
# no one more (the people of a list of names are counted as such: "Ronald Williams and Kendra Hill").
_NAMED_APPOSITION = re.compile(rf"\b(?:his|her|their|a|an|the)\s+{ADJECTIVES}{PERSON}\b"
                               r"(?P<name>,\s*(?-i:[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'-]+)+)(?:,\s*\d{1,3})?\s*,)",
                               re.I)


def without_asides(sentence: str) -> str:
    """The sentence with its asides blanked out (same length, so offsets hold): a count meets its verb.

    >>> without_asides("He shot his wife, Jo Ann Lee, 34, and their son.")
    'He shot his wife                  and their son.'
    """
    sentence = _DASH_ASIDE.sub(_blank, sentence)
    if "," not in sentence:
        return sentence
    sentence = _NAMED_APPOSITION.sub(_blank_name, sentence)
    return _AGES.sub(_blank, sentence)


def _blank_name(m: re.Match) -> str:
    """The apposition's name blanked out, the person it names kept."""
    return m.group()[:m.start("name") - m.start()] + " " * len(m.group("name"))
