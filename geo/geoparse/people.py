"""People: the person filter in one place.

A name after a given name or a title ("Carlos Mesa", "President Morales"), or before
"said"/"told", is a person, and the same word later in the article is that person too.
"""

from __future__ import annotations

import re

from geo.fastscan import finditer
from geo.geoparse.names import Names
from geo.geoparse.records import Candidate, Token
from geo.lexicon import GIVEN_NAMES, ORG_WORDS, PERSON_TITLES, PERSON_VERBS
from geo.normalize import normalize_name


def persons_by_title(runs: list[list[Token]], names: Names) -> set[str]:
    """The words that follow a title or a given name in some run (up to three), countries aside."""
    persons: set[str] = set()
    for run in runs:
        words = [t.lower for t in run]
        for k, w in enumerate(words[:-1]):
            if (w in PERSON_TITLES or w in GIVEN_NAMES) and run[k + 1].capital:
                after_initial = False
                for t in run[k + 1:k + 4]:
                    if not t.capital:
                        break  # "Steven Sachs of Alexandria": the name ends before "of"
                    key = normalize_name(t.text)
                    # "Jordan Georgia" may name the state; "David Lee Hamilton" is no Bermudan parish.
                    if names.usual_feature(key) not in ("country", "admin1"):
                        persons.add(key)
                    if after_initial:
                        break  # "Donald E. Sandidge Alton Law Enforcement Center": the surname ends it
                    after_initial = len(t.text) == 1
    return persons


# "his brother, Suhayb Hassan", "identified the victim as Melky Rodriguez": a person's name,
# introduced by who the person is to the story.
_ROLE = re.compile(r"\b(?:(?:his|her|their|the)\s+(?:brother|sister|son|daughter|father|mother|wife|husband|"
                   r"girlfriend|boyfriend|fianc[ée]e?|cousin|uncle|aunt|nephew|niece|friend|grand(?:son|daughter|"
                   r"father|mother)|stepfather|stepmother|stepson|stepdaughter)|victim|suspect|shooter|gunman),?\s+"
                   r"|\bidentified\s+(?:(?:him|her|them|the\s+(?:\w+\s+){0,3}?\w+)\s+)?as\s+"
                   r"(?=[A-Z])")
# The name, ended as an appositive or a clause ends ("Hassan, police said"; "Bell was"; "Bell, 24").
_NAME_WORDS = re.compile(r"(?:[A-Z][\w’'-]+\s*){1,3}?(?=[,.;)]|\s+(?:was|is|had|has|who|of|\d))")
_NOT_IN_NAME = frozenset({"police", "sheriff", "county", "city", "department", "officers", "deputies", "authorities"})


# "11 News reporter Lowell Melser contributed": a first and last name after an occupation
# written in lower case (which, unlike "general" or "sister", comes before no place).
_OCCUPATION = re.compile(r"\b(?:reporter|correspondent|journalist|photographer|photojournalist|anchor|editor|producer|"
                         r"columnist|meteorologist|writer|spokes(?:man|woman|person)|detective|trooper)\s+"
                         r"([A-Z][\w’'-]+(?:\s+[A-Z]\.)?\s+[A-Z][\w’'-]+)")


def persons_by_role(text: str, names: Names) -> set[str]:
    """The words of the names a text introduces by a person's role ("his brother, Suhayb
    Hassan"; "identified as Bell"; "reporter Lowell Melser"), countries and regions aside."""
    persons: set[str] = set()
    for m in finditer(_ROLE, text):
        run = _NAME_WORDS.match(text, m.end())
        if run is not None:  # ("the suspect, Denver police said": who speaks, not who the suspect is)
            persons |= _name_words(run.group().split(), names)
    for m in finditer(_OCCUPATION, text):
        persons |= _name_words(m.group(1).split(), names)
    return persons


def _name_words(words: list[str], names: Names) -> set[str]:
    """The keys of a person's name's words, countries and regions aside; none if a word is an
    institution's ("Denver police", "Cook County")."""
    if any(w.lower() in _NOT_IN_NAME or w.lower() in ORG_WORDS for w in words):
        return set()
    keys = {normalize_name(word) for word in words}
    return {key for key in keys if key and names.usual_feature(key) not in ("country", "admin1")}


# "Cleveland Smelley, 31, is suspected": a name of two or three words and the age news gives a
# person right after it (not "Houston, 25 people" nor "Springfield, 31 miles away").
_NAME_AND_AGE = re.compile(r"\b((?:[A-Z][\w’'-]+\s+){1,2}[A-Z][\w’'-]+),\s+(?:\d{1,2}|1[01]\d)"
                           r"(?=\s*[,;)(]|\s+(?:and|of|was|is|who|has|had)\b)")


def persons_by_age(text: str, names: Names) -> set[str]:
    """The words of the names a text gives an age ("Cleveland Smelley, 31,"), countries and regions aside."""
    persons: set[str] = set()
    for m in _NAME_AND_AGE.finditer(text):
        persons |= _name_words(m.group(1).split(), names)
    return persons


def is_title(key: str) -> bool:
    """"President", "Mayor": a title, not the village it also names."""
    return key in PERSON_TITLES


def in_persons_name(before: list[Token]) -> bool:
    """True when the words before a name hold a given name or a title ("Evo Morales")."""
    return any(t.lower in GIVEN_NAMES or t.lower in PERSON_TITLES for t in before)


def is_given_name(key: str) -> bool:
    """"Jordan Smith": a name leading a run may be someone's given name."""
    return key in GIVEN_NAMES


# "Tran is charged", "Lee was arrested", "Davis was shot", "Foreman was among five people shot":
# what only a person undergoes.
_PERSON_FATE = re.compile(r"\s+(?:(?:is|was|has\s+been|had\s+been|were)\s+(?:also\s+)?(?:charged|accused|arrested|"
                          r"sentenced|booked|indicted|jailed|convicted|acquitted|pronounced\s+dead|shot|killed|"
                          r"wounded|stabbed|among))\b", re.I)


_NEXT_WORD = re.compile(r"\s+(\w+)")


def speaks(key: str, tail: str, one_word: bool, names: Names) -> bool:
    """"Morales said", "Tran is charged": a single word before a person's verb, or what only a
    person undergoes, is the man; "Russia said" is still Russia."""
    following = _NEXT_WORD.match(tail)
    next_word = following.group(1).lower() if following else ""
    return one_word and (next_word in PERSON_VERBS or bool(_PERSON_FATE.match(tail))) and not names.is_region(key)


# "Smith, 15,", "Williams, a 33-year-old", "Guzman (15)": a name given an age is a person's.
_AGE_AFTER = re.compile(r"(?:,\s*(?:an?\s+|aged?\s+)?|\s*\()\d{1,3}(?:\s*,|\s*\)|-?\s*years?[\s-]+old\b)")
# "Kadeem Williams, of Homestead", "Torrence Reese, of the 900 block of ...": a person's name,
# then where the person is from.
_FROM_AFTER = re.compile(r",\s+of\s+(?:[A-Z]|the\s+\d)")


def given_age(tail: str, in_name: bool) -> bool:
    """True when the text after a name (``tail``) gives a person's age, or, for the last word of
    a longer name (``in_name``), the town a person is from."""
    return bool(_AGE_AFTER.match(tail)) or (in_name and bool(_FROM_AFTER.match(tail)))


def without_persons(cands: list[Candidate], persons: set[str]) -> list[Candidate]:
    """The candidates that are not an article's persons."""
    return [c for c in cands if c.key not in persons]
