"""Admission: the final keep-or-drop rules for resolved candidates.

Acronyms ("MAS", "COB") are dropped; a sentence's first word stays only if it names a region,
a big city or a name cued elsewhere; a name ending another name only if it is prominent; and a
single word naming only a small place needs a cue, once per article (after "in Huayllani", a
bare "Huayllani" is the same place).
"""

from __future__ import annotations

import re

from geo.gazetteer import GeocodeResult
from geo.geoparse.names import Names
from geo.geoparse.people import is_given_name
from geo.geoparse.records import Candidate
from geo.geoparse.rules import DATELINE, OPENER_FEATURES, PROMINENT_FEATURES
from geo.normalize import normalize_name

_FOCUS_TOWN = 20_000  # a town this big in the article's country needs no cue ("an Alexandria man")
_OPENER_CITY = 250_000  # a city this big may open a sentence ("Ottawa has said", "Toronto police")...
# ...unless prose follows, as after a word ("Reading the report", "Nice to meet you")
_PROSE_NEXT = re.compile(r"\s+(?:the|a|an|to|of|for|with|and|or|in|on|at|from|by|that|this|it|you|me|us)\b")


def _acronym(c: Candidate, r: GeocodeResult, text: str) -> bool:
    """A short all-caps word is an acronym unless it names a country or a region ("US", "NSW")
    or opens a dateline ("WACO, Texas —")."""
    return (not c.fixed and c.end - c.start <= 4 and text[c.start:c.end].isupper()
            and r.feature not in ("country", "admin1") and not DATELINE.match(text, c.end))


def _weak_opener(c: Candidate, r: GeocodeResult, text: str, cued: set[str], names: Names) -> bool:
    """A sentence's first word, not cued anywhere, that is neither a region nor a big city
    followed by something other than prose."""
    return (c.opener and c.key not in cued and r.feature not in OPENER_FEATURES
            and not (max(r.population, names.best(c.key, None)[0].population) >= _OPENER_CITY
                     and " " not in c.key and not _PROSE_NEXT.match(text, c.end)))


def _named_after(kinds: str) -> re.Pattern:
    """The words after a name that make it the name of an institution of one of these ``kinds``."""
    return re.compile(rf"['’]?s?\s+(?:Children['’]s\s+)?(?:{kinds})\b")


# "Mount Sinai Hospital", "Saint Francis Medical Center": a name of an institution, which is no
# evidence that the small town of that name is meant.
_INSTITUTION_AFTER = _named_after("Hospital|Medical|Health|Clinic|Church|Cathedral|School|High|Elementary|Middle|"
                                  "Academy|University|College")


_HOSPITAL_AFTER = _named_after(r"Hospital|Medical\s+Cent(?:er|re)")
# "the Lexington Apartments", "Pinewood Village Apartments": a property, which is no town.
_PROPERTY_AFTER = re.compile(r"(?:\s+[A-Z][\w’'-]+){0,2}\s+(?:Apartments|Apts\b\.?|Townhomes|Condominiums|Condos|"
                             r"Motel|Mall|Shopping\s+Cent(?:er|re)|Housing\s+Complex|Trailer\s+Park|Mobile\s+Home)\b")
_TAKEN_TO = re.compile(r"\b(?:at|to)\s+$")
# "the McDonald's on University Avenue", "outside a Macy's": a chain's store, where crime news
# often is; their founders' names are small towns too (McDonald, Ohio; Macy, Nebraska).
_CHAIN_STORE = re.compile(r"['’]s\b")
_CHAINS = frozenset({"mcdonald", "macy", "denny", "chili", "church", "dillard", "kohl", "lowe", "hardee", "wendy",
                     "applebee", "arby", "zaxby", "culver", "carl", "sam"})


def _uncued_small(c: Candidate, r: GeocodeResult, text: str, cued: set[str], focus: str | None,
                  names: Names) -> bool:
    """A single word (or any name of an institution) that needs a cue and names only small places
    (any prominent reading counts: "Paris" in Texas news is still a place), unless a town of the
    focus country."""
    one_word = " " not in c.key or bool(_INSTITUTION_AFTER.match(text, c.end))
    return (c.needs_cue and one_word and (_minor(r, focus) and _minor(names.best(c.key, None)[0], focus))
            and c.key not in cued and not (r.country == focus and (r.feature in ("admin2", "district")
                                                                   or r.population >= _FOCUS_TOWN)))


def _given_name_alias(c: Candidate, r: GeocodeResult, cued: set[str]) -> bool:
    """Someone's given name, not cued, that only another name of a place makes one ("Sam" is
    also Damascus; "Winstrom, Sam" is a photographer; "Jordan" is the country's own name)."""
    return (c.needs_cue and c.key not in cued and " " not in c.key and is_given_name(c.key)
            and normalize_name(r.name) != c.key)


_WORLD_CITY = 500_000  # a city abroad this big may be named bare ("flights from Lagos"); a smaller one, rarely


def _minor(r: GeocodeResult, focus: str | None) -> bool:
    """A reading too small to be named without a cue: no prominent place, nor a city abroad of
    less than half a million ("Toyota" in a Jacksonville story is a car, not the Japanese city)."""
    return r.feature not in PROMINENT_FEATURES or (
        r.feature == "city" and focus is not None and r.country != focus and r.population < _WORLD_CITY)


def voters(cands: list[Candidate], text: str, focus: str | None, names: Names) -> list[Candidate]:
    """The candidates whose readings may speak for their namesakes' nearness: those admission
    keeps as first read, and a sentence's first word naming a big city ("Portland and
    Middletown"). A word admission drops ("Hamilton was located", a "Branch" of the police)
    is no vote for the Ohio Montgomery beside Hamilton, or the Minnesota Albany beside Branch."""
    kept = {id(c) for c in admitted(cands, text, focus, names)}
    return [c for c in cands if id(c) in kept or (c.result is not None and c.opener
                                                  and names.best(c.key, None)[0].population >= _OPENER_CITY)]


def admitted(cands: list[Candidate], text: str, focus: str | None, names: Names) -> list[Candidate]:
    """The resolved candidates that count as mentions, in their order. A small place named in the
    story as a hospital ("Mount Sinai Hospital") is that hospital where the story goes to it bare
    ("stabilized at Mount Sinai", "taken to Mount Sinai"), unless a qualifier says otherwise."""
    cued = {c.key for c in cands if not c.needs_cue}
    hospitals = {c.key for c in cands if _HOSPITAL_AFTER.match(text, c.end)}
    out = []
    for c in cands:
        r = c.result
        if r is None or _acronym(c, r, text) or _weak_opener(c, r, text, cued, names):
            continue
        if c.key in hospitals and not c.qualifier and r.feature not in PROMINENT_FEATURES \
                and _TAKEN_TO.search(text, max(0, c.start - 12), c.start):
            continue
        if c.ends_name and r.feature not in PROMINENT_FEATURES and c.key not in cued:
            continue
        if not c.qualifier and (_PROPERTY_AFTER.match(text, c.end)
                                or (c.key in _CHAINS and _CHAIN_STORE.match(text, c.end))):
            continue
        if _uncued_small(c, r, text, cued, focus, names) or _given_name_alias(c, r, cued):
            continue
        out.append(c)
    return out
