"""The geoparser's rules as data: word patterns, thresholds and bonuses, and the small
records its stages pass on (tokens, candidates, an article as recognised)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field


from geo.gazetteer import GeocodeResult
from geo.lexicon import (ORG_WORDS, PLACE_ABBREVIATIONS)

MAX_NAME_WORDS = 6
_LOOSE_CONNECTORS = frozenset("on upon sur y".split())
CONNECTORS = frozenset("de del la las los el y of the da do dos das di du von van al upon on sur".split())
# A word: capitalised or lower-case letters, with inner hyphens/apostrophes/periods (U.S., Al-Jazeera).
# A possessive 's is not part of the name ("Bolivia's"), nor a lower-case hyphen suffix ("Montreal-area").
_WORD_BODY = r"(?:[A-Z]\.){2,}|%s[^\W\d_](?:[\w]|-(?=[A-ZÁÉÍÓÚÑ])|['’](?!s\b)(?=[^\W\d_])|\.(?=[A-Z]\.))*"
_WORD = re.compile(_WORD_BODY % "")
# The words the recogniser looks at: the _WORD matches that do not start with a lower-case
# ASCII letter, unless they may be connectors. Lower-case prose only ends a run of names,
# which the gap between two tokens shows as well, so the scan skips it in C, not Python.
# The look-behinds start a token only where _WORD would: not inside a word ("pro-Morales").
_TOKEN = re.compile(r"(?<![^\W\d_])(?<![^\W\d_]['’])(?!(?<=[^\W\d_]-)[A-ZÁÉÍÓÚÑ])(?!(?<=[^\W\d_]\.)[A-Z]\.)(?:"
                    + _WORD_BODY % (r"(?:(?![a-z])|(?=(?:%s)\b))" % "|".join(sorted(CONNECTORS, key=len, reverse=True)))
                    + ")")
_CONTRACTION = re.compile(r"['’](?:ve|m|re|ll|d|t)$", re.IGNORECASE)  # "I’ve", "We’re", "Don't": words
_POSSESSIVE = re.compile(r"^['’]s?\b")
# Prominence above which a single-word name needs no cue: capitals, regions, big cities, countries.
_PROMINENT_FEATURES = frozenset({"country", "admin1", "continent", "region", "city"})
_NOUN_FIRST = frozenset("ciudad provincia departamento distrito municipio region región estado comunidad "
                        "barrio zona pueblo".split())
_CAP_WORD = r"[A-ZÁÉÍÓÚÑ][\w’'-]+"
_NAMED_PLACE = re.compile(
    rf"\b(?:city|town|village|community|hamlet|district|province|department|municipality|neighbou?rhood|suburb|"
    rf"comunidad|localidad|municipio|provincia|departamento)\s+of\s+"
    rf"(?P<name>{_CAP_WORD}(?:\s+(?:(?:de|del|la|las|los|el|y)\s+)?{_CAP_WORD}){{0,3}})"
    rf"|\b(?P<name2>{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,2}})\s+Province\b")
_FOCUS_TOWN = 20_000  # a town this big in the article's country needs no cue ("an Alexandria man")
_OPENER_FEATURES = frozenset({"country", "admin1", "continent", "region"})
_OPENER_CITY = 250_000  # a city this big may open a sentence ("Ottawa has said", "Toronto police")...
_PROSE_NEXT = re.compile(r"\s+(?:the|a|an|to|of|for|with|and|or|in|on|at|from|by|that|this|it|you|me|us)\b")
# ...unless prose follows, as after a word ("Reading the report", "Nice to meet you")
_NAME_ABBREVIATIONS = frozenset({"st", "ste", "mt", "ft", "pt"})
_DIRECTIONS = frozenset("""northern southern eastern western central greater upper lower north south east west
northeast northwest southeast southwest northeastern northwestern southeastern southwestern""".split())
_NEAR_KM = 400.0
_OPTIONS = 8  # readings kept per name
_NAME_CACHE = 200_000  # names remembered as known or not, before starting afresh
_MANY_OPTIONS = 60  # when they tie ("Madison County" is in 20 states), for nearness to choose from
_ABBREVIATION = re.compile(r"(?<![\w.])(?:%s)(?!\w)" % "|".join(
    re.escape(k) for k in sorted(PLACE_ABBREVIATIONS, key=len, reverse=True)))
# A dateline: "ATLANTA —", "MANSFIELD --", "SACABA, Bolivia (AP) —".
_DATELINE = re.compile(r"(?:,\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})?\s*(?:\([A-Z][\w ]*\)\s*)?(?:-{1,3}|—|–)\s")
# Streets, roads and waters, which a gazetteer of settlements does not hold: known by their
# type word ("Memphis Street", "Neches River", "Lake Lanier", "Avenida Juan Pablo II").
_LOCAL_WORD = r"[A-ZÁÉÍÓÚÑ][\w’'-]*"
_LOCAL_FEATURE = re.compile(
    rf"(?<![\w’'-])(?:{_LOCAL_WORD}\s+){{1,3}}(?:Street|Avenue|Road|Drive|Boulevard|Lane|Parkway|Pike|River|Creek)\b"
    rf"|\b(?:Lake|Avenida|Calle|Plaza|Río)\s+(?:(?:de|del|la|las|los|el)\s+)?{_LOCAL_WORD}(?:\s+{_LOCAL_WORD}){{0,2}}")
_COUNTY_WORDS = {"counties": "county", "parishes": "parish"}
# Items need a separator (", ", " and "), so a run of capitalised words has one parse, not 2^n.
_COUNTY_LIST = re.compile(r"(?:(?:,\s+(?:(?:and|or|&)\s+)?|\s+(?:and|or|to|&)\s+)[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?)*"
                          r",?\s+((?i:counties|parishes))\b")
_COUNTY_LIST_REACH = 600  # characters
_CONTEXT_WORDS = 8  # capitalised words of a run on either side of a name that judge it
_LIST_SEPARATOR = re.compile(r",|\b(?:and|or|to)\b|&")  # "Ellsworth to Riley counties" too
_LIST_ITEM_BEFORE = re.compile(r"[A-Z][\w’'.-]*(?:,\s+(?:(?:and|or|&)\s+)?|\s+(?:and|or|to|&)\s+)$")
_LIST_GOES_ON = re.compile(r"(?P<sep>,?\s+(?:(?:and|or)\s+)?)(?P<next>[A-ZÁÉÍÓÚÑ][\w’'-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w’'-]*)?)")
_AFTER_TOWN = re.compile(r"[A-Z][\w’'.-]*,\s+$")
_BONUS_NEAR = 25.0
_BONUS_NAMED = 60.0  # as much as the focus country's (the gazetteer's +60): a named country is in play too
_BONUS_HOME = 25.0
_NAMESAKE_TOWN = 1_000  # a country's name read as a town of the focus country ("Palestine", Texas)...
_NAMESAKE_KM = 50.0  # ...when it lies this near a place the article names
_OUTLET_TOWN_MIN = 4  # letters of a town name read out of an outlet's ("athens" in athensreview.com)


@dataclass
class _Token:
    text: str
    start: int  # clean-text offsets
    end: int
    capital: bool = field(init=False)  # computed once: the recogniser asks for them many times
    lower: str = field(init=False)

    def __post_init__(self) -> None:
        self.capital = self.text[:1].isupper()
        self.lower = self.text.lower()


@dataclass
class _Candidate:
    start: int  # clean-text offsets of the name
    end: int
    key: str
    qualifier: str | None = None
    needs_cue: bool = False
    opener: bool = False
    result: GeocodeResult | None = None
    ends_name: bool = False  # ends another name ("CTV Edmonton", "Skate Canada"): only prominent places count
    local: bool = False  # a street or water: placed at the article's home town, not looked up
    fixed: bool = False  # resolved when recognised (abbreviations, demonyms): context does not re-resolve it
    listed: bool = False  # an item of a list ("Moscow, Kiev, Minsk"): its qualifier may be the next item


@dataclass
class _Recognised:
    """What recognition found in one article, kept for :meth:`Toponymer.find_all`'s second pass."""

    cands: list[_Candidate]
    local: list[_Candidate]  # streets and waters
    persons: set[str]
    demonyms: list[_Candidate]  # already resolved (only with demonyms=True)
    demonym_votes: Counter[str]
    named: list[tuple[int, int, str]]  # "the town of X": spans and keys, for names the gazetteer lacks



def _institution_follows(text: str, end: int) -> bool:
    """True when the capitalised words after ``end`` name an institution ("... Army", "... Bank")."""
    following = re.match(r"\s+((?:[A-Z][\w’'-]*\s*)+)", text[end:end + 60])
    return following is not None and any(w.lower() in ORG_WORDS for w in following.group(1).split())
