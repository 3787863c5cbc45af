"""Context: the verdict on a span of a run, from the words around it.

A name inside an organisation ("Mexico Hospital") or a person's name ("Evo Morales") is not a
place; a single word that names only small places needs a cue ("in", a qualifier, a place noun);
a sentence's first word, a quoted word or a possessive owner is weak evidence.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from geo.geoparse import people
from geo.geoparse.names import Names
from geo.geoparse.qualifiers import qualifier_of
from geo.geoparse.records import Candidate, Token
from geo.geoparse.rules import DATELINE, DIRECTIONS, NAME_ABBREVIATIONS, title_case
from geo.geoparse.spotters import COUNTY_WORDS, listed_county
from geo.lexicon import (DEMONYMS, LOCATIVE_CUES, NEVER_ALONE, ORG_WORDS, ORGANISATIONS, PLACE_ABBREVIATIONS,
                         PLACE_NOUNS, STOPWORDS)
from geo.normalize import normalize_name, spelling

_CONTEXT_WORDS = 8  # capitalised words of a run on either side of a name that judge it
_LOOSE_CONNECTORS = frozenset("on upon sur y".split())
_NOUN_FIRST = frozenset("ciudad provincia departamento distrito municipio region región estado comunidad "
                        "barrio zona pueblo".split())
# Words that open a sentence before a place, capitalised only for that ("Neighbouring Uganda has").
_LEADING_WORDS = frozenset("neighbouring neighboring nearby rural coastal landlocked war-torn impoverished "
                           "oil-rich remote mainland".split())
_POSSESSIVE = re.compile(r"^['’]s?\b")


class Verdict(NamedTuple):
    """A span's candidate (None: not a place), and the person it turned out to be, if one."""

    candidate: Candidate | None
    person: str | None = None


class _Inside(NamedTuple):
    """How a name sits in its run: after an adjective, before another word, ending a name."""

    adjective_before: bool
    modifier: bool
    ends_name: bool


def _refused(key: str, persons: set[str]) -> bool:
    """"Council", "North", "Canadian": words that happen to name a village somewhere."""
    return (key in persons or key in ORGANISATIONS or people.is_title(key) or key in NAME_ABBREVIATIONS
            or key in ORG_WORDS or key in DIRECTIONS or key in DEMONYMS or key in NEVER_ALONE)


def _neighbours(run: list[Token], i: int, j: int) -> tuple[list[Token], list[Token]]:
    """The words of the run before and after the name (a bounded window: a run of thousands of
    capitalised words, "El El El ...", is not copied for each name)."""
    before = run[max(0, i - _CONTEXT_WORDS):i]
    after = run[j:j + _CONTEXT_WORDS]
    # "Egypt on Palestine", "Oruro y La Paz": joined only in case they made one name
    # ("Newcastle upon Tyne"); they did not, so each stands alone.
    if before and before[-1].lower in _LOOSE_CONNECTORS:
        before = []
    if after and after[0].lower in _LOOSE_CONNECTORS:
        after = []
    return before, after


def _inside(before: list[Token], after: list[Token], key: str, modifiers: bool) -> _Inside | None:
    """How the name sits among the capitalised words around it; None when it is part of
    another name and so no place."""
    adjective_before = modifier = ends_name = False
    if before and any(t.capital for t in before):
        # "Evo Morales", "Bolivian President Áñez": a name inside someone's name.
        first = before[-1].lower
        adjective_before = first.endswith(("ian", "an", "ese", "ish")) and not people.is_given_name(first)
        # Spanish puts the place noun first ("Provincia Chapare"); English "City Hall" is a
        # building, but "City of Montreal" is the city.
        # "Steven Sachs of Alexandria": a person's home town.
        of_place = first == "of" and len(before) > 1 and (
            before[-2].lower in PLACE_NOUNS or (modifiers and before[-2].lower in ORG_WORDS)
            or (people.is_given_name(before[0].lower) and not any(t.lower in ORG_WORDS for t in before)))
        leading = len(before) == 1 and first in _LEADING_WORDS
        if not (first in _NOUN_FIRST or adjective_before or first in DIRECTIONS or of_place or leading):
            # With modifiers counted, a place ending a name counts ("Environment Canada",
            # "CTV Edmonton") unless the name is a person's ("Evo Morales").
            if not modifiers or people.in_persons_name(before):
                return None
            ends_name = True
    if after and any(t.capital for t in after):
        # "Mexico Hospital", "Santa Cruz Civic Committee": a place naming something else.
        # With modifiers counted, any name leading a run is one ("Fargo Mayor", "Minnesota
        # House"), unless it is someone's given name ("Jordan Smith"; not before an institution's
        # word: "Salina Police", "Douglas Police Department" are no one's).
        if after[0].lower not in PLACE_NOUNS and after[0].lower not in COUNTY_WORDS:
            if not modifiers or (people.is_given_name(key) and after[0].lower not in ORG_WORDS):
                return None
            modifier = True  # weak evidence: "Ford Motor", "Bell Helicopter" need the place to be known
    return _Inside(adjective_before, modifier, ends_name)


# Compiled once: these run for every name of every article.
_WORDS = re.compile(r"[\w’']+")
_CLOSING = r"\"”’')\]"  # the quotes and brackets that may follow a sentence's stop
_SENTENCE_ENDED = re.compile(rf"[.!?][{_CLOSING}]*\s+$")  # and a space: the name is not glued to it
_OPENS = re.compile(rf"[.!?:\n][“{_CLOSING}]*\s*$")  # a colon, a line's end or an opening quote opens too
_CAPITAL_NEXT, _DIGIT_NEXT = re.compile(r"\s+[A-Z]"), re.compile(r"\s+\d")
_NAME_AND_COMMA = re.compile(r"([A-Z][\w’'.-]+),\s*$")


def _cued(text: str, start: int, end: int, key: str, qualifier: str | None,
          before_comma: re.Match | None, names: Names) -> bool:
    """Whether something marks the name as a place: "in"/"at" or a place noun before it, a
    region qualifying it, a known place before its comma, or an all-caps dateline."""
    prev = _WORDS.findall(text[max(0, start - 40):start].lower())
    if prev and prev[-1] in ("the", "a", "an") and len(prev) > 1:
        prev = prev[:-1]  # "around the Senkata plant"
    # (a word that ends the sentence before is no cue: "in the Brighton Park neighborhood. See more videos")
    opens = bool(_SENTENCE_ENDED.search(text[max(0, start - 4):start]))
    cue = bool(prev) and not opens and (prev[-1] in LOCATIVE_CUES or prev[-1] in PLACE_NOUNS
                                        or (len(prev) > 1 and prev[-1] == "of" and prev[-2] in PLACE_NOUNS))
    cue = (cue or (qualifier is not None and (qualifier in PLACE_ABBREVIATIONS
                                              or names.is_region(normalize_name(qualifier))))
           or bool(before_comma and before_comma.group(1).lower() not in STOPWORDS
                   and names.known(normalize_name(before_comma.group(1)))))
    return cue or (len(key) > 2 and text[start:end].isupper() and bool(DATELINE.match(text, end)))


# "Washington state", "the state of Washington" (lower case: "Ohio State" is a university).
_STATE_AFTER = re.compile(r"\s+state(?![\w-])(?!\s+(?:of|university|college)\b)")
_STATE_BEFORE = re.compile(r"\bstate\s+of\s+$")
# A town's own institutions after its name ("Crossville police", "Hoover Fire Department").
_LOCAL_AUTHORITY = re.compile(r"\s+(?:police|sheriff(?:'s|’s)?|fire\s+(?:department|rescue|officials)|"
                              r"city\s+(?:council|officials)|mayor|coroner|(?:county\s+)?prosecutors?)\b", re.I)


def _after_locative(text: str, start: int) -> bool:
    """"Police in Crossville said", "a hospital of Nairobi said", "in southeast Houston was
    arrested": after "in" or "of", a name before "said" is still a place."""
    # (past a direction: "a Wendy's in southeast Houston was arrested")
    prev = re.search(r"([\w’']+)\s+(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|central|"
                     r"downtown|suburban)\s+)?$", text[max(0, start - 30):start], re.I)
    return prev is not None and (prev.group(1).lower() in LOCATIVE_CUES or prev.group(1) == "of")


_HEADLINE_CHARS = 200  # a line longer than this is a paragraph, not a headline


def _in_headline(text: str, start: int) -> bool:
    """Whether ``start`` lies in a short line in Title Case, where capitals say nothing of names."""
    low = max(0, start - _HEADLINE_CHARS)
    line_start = text.rfind("\n", low, start) + 1
    if line_start == 0 and low > 0:
        return False  # a long line: a paragraph
    line_end = text.find("\n", start, line_start + _HEADLINE_CHARS + 1)
    if line_end == -1:
        if len(text) > line_start + _HEADLINE_CHARS:
            return False
        line_end = len(text)
    return title_case(text[line_start:line_end])


def judge(text: str, run: list[Token], i: int, j: int, persons: set[str], names: Names,
          modifiers: bool) -> Verdict:
    """The verdict on the name ``run[i:j]``, given the article's ``persons`` so far."""
    name_toks = run[i:j]
    key = normalize_name(" ".join(t.text for t in name_toks))
    start, end = name_toks[0].start, name_toks[-1].end
    if _refused(key, persons):
        return Verdict(None)
    inside = _inside(*_neighbours(run, i, j), key, modifiers)
    if inside is None:
        return Verdict(None)
    tail = text[end:end + 40]
    owner = False
    if possessive := _POSSESSIVE.match(tail):
        tail = tail[possessive.end():]
        owner = bool(_CAPITAL_NEXT.match(tail))  # "Moore's Ford", "Hope's Wings": a name's first part
    if len(name_toks) == 1 and not possessive and _DIGIT_NEXT.match(tail):
        return Verdict(None)  # "Section 2AA", "Pack 122": a numbered thing, not a place ("Peru's 240 banks" is)
    if tail.startswith("$"):
        return Verdict(None)  # "US$10,000": a currency
    if people.speaks(key, tail, len(name_toks) == 1, names) and not _after_locative(text, start):
        return Verdict(None, person=key)
    if not possessive and people.given_age(tail, in_name=i > 0 and run[i - 1].capital):
        return Verdict(None, person=key)
    # "Wintersville, Ohio": the qualifier of a place name, or a place with a qualifier.
    before_comma = _NAME_AND_COMMA.search(text[max(0, start - 40):start])
    county = listed_county(text, start, end, key, names)  # "Douglas, Sarpy and Lancaster counties": a list
    qualifier, listed = qualifier_of(text, end, bool(before_comma), names) if county is None else (None, False)
    cue = _cued(text, start, end, key, qualifier, before_comma, names)
    if county is not None:  # each name of the list is a county ("Kansas counties" are Kansas's)
        key, cue = county, True
    elif _STATE_AFTER.match(text, end) or _STATE_BEFORE.search(text, max(0, start - 12), start):
        key, cue = f"{key} state", True  # "a Washington state farm", "the state of Washington": the region
    # "Crossville police said": with modifiers counted, a town named by its own police is a place.
    authority = modifiers and bool(_LOCAL_AUTHORITY.match(text, end))
    cue = cue or authority
    # A sentence's first word is capitalised anyway: alone, it is weak evidence ("Man is mortal").
    # So is any word of a headline in Title Case ("4 Women, Man Shot At Vigil").
    opener = len(name_toks) == 1 and not cue and (start == 0 or bool(_OPENS.search(text[max(0, start - 4):start]))
                                                  or _in_headline(text, start))
    # A word in quotes ("freeing Bolivia from “Satan”") is a term being quoted, not a cue'd place.
    quoted = text[start - 1:start] in "“\"‘'" and start > 0 and text[end:end + 1] in "”\"’'"
    weak = (inside.adjective_before or inside.modifier or inside.ends_name or quoted or owner) and not authority
    return Verdict(Candidate(start, end, key, qualifier=qualifier, needs_cue=weak or not cue, opener=opener,
                             ends_name=inside.ends_name, listed=listed, spelled=spelling(text[start:end])))
