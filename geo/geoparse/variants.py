"""Variants: a name the gazetteer lacks, read as a spelling of one it has, where the text plainly
presents a place ("in Daqahliya", "Al-Minya, Egypt", a dateline) and only among the places of the
article's focus country or of the country that qualifies it.

Transliteration variants first ("-iya" for "-iyah", "Al-"/"El-" prefixes, dropped hyphens), then
fuzzy matching (rapidfuzz) against the names of that country's places. What is found is marked
fuzzy: a reader should know the gazetteer spells it otherwise.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from geo.fastscan import finditer
from geo.geoparse.names import Names
from geo.geoparse.records import Candidate
from geo.lexicon import DEMONYMS, STOPWORDS
from geo.normalize import normalize_name, without_article

_WORD = r"(?:[Aa]l-|[Ee]l-)?[A-ZÁÉÍÓÚÑ][\w’'-]*\w"
_NOUN = r"(?:area|county|province|region|district|city|town|village|state)\b"
_PRESENTED = (
    re.compile(rf"\b(?:in|near|at|outside)\s+(?P<name>{_WORD}(?:\s+{_WORD})?)(?=[\s,.;:])(?!\s+[A-Z]|\s+{_NOUN})"),
    re.compile(rf"(?P<name>{_WORD}(?:\s+{_WORD})?),\s+(?P<country>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\b"),
)
_CUTOFF = 90.0  # rapidfuzz ratio (0-100) a variant needs
_MIN_LENGTH = 6  # shorter names have too many near neighbours


def spellings(key: str) -> list[str]:
    """Transliteration variants of a normalised name ("al minya" -> "minya", "el minya";
    "daqahliya" -> "daqahliyah").

    >>> spellings("al minya")[:2]
    ['minya', 'el minya']
    """
    out = []
    words = key.split()
    if len(words) > 1 and words[0] in ("al", "el"):
        out += [" ".join(words[1:]), " ".join(["el" if words[0] == "al" else "al"] + words[1:]),
                words[0] + " ".join(words[1:])]
    for a, b in (("iyah", "iya"), ("iya", "iyah"), ("iyya", "iya"), ("ia", "iya"), ("iya", "ia"), ("ah", "a")):
        if key.endswith(a):
            out.append(key[: -len(a)] + b)
    return out


@lru_cache(maxsize=20_000)  # names recur across articles, and fuzzy matching is slow
def _reading(key: str, country: str, names: Names) -> tuple[str, bool] | None:
    """The gazetteer's name (a key) that ``key`` spells otherwise in ``country``, and whether
    it was found by fuzzy matching rather than by a transliteration rule."""
    for variant in spellings(key):
        if names.known(variant) and any(r.country == country for r in names.best(variant, country)):
            return variant, False
    if len(key) < _MIN_LENGTH:
        return None
    choices = names.keys_in(country, key[:1])  # a variant keeps its first letter
    best = process.extractOne(without_article(key), choices, scorer=fuzz.ratio, score_cutoff=_CUTOFF)
    return (best[2], True) if best else None


def variants(text: str, cands: list[Candidate], focus: str | None, persons: set[str],
             names: Names) -> list[Candidate]:
    """Resolved candidates for the names the text presents as places that the gazetteer spells
    otherwise (``fixed``; ``spelled`` holds the gazetteer's spelling, for the mention's flag)."""
    taken = [(c.start, c.end) for c in cands]
    out: list[Candidate] = []
    for s, e, key, named in _presented(text):
        if (not key or key.split()[0] in STOPWORDS or key in persons or key in DEMONYMS or names.known(key)
                or any(a < e and s < b for a, b in taken)):
            continue
        if " " not in key and key.endswith("ing"):
            continue  # a headline's "Suspect in Killing of Boy": an act, not a misspelt Killeen
        country = _country(named, names) if named else focus
        if named and country is None or country is None:
            continue
        found = _reading(key, country, names)
        if found is None:
            continue
        r = next((r for r in names.best(found[0], country) if r.country == country), None)
        if r is not None:
            out.append(Candidate(s, e, found[0], result=r, fixed=True, spelled="~fuzzy"))
            taken.append((s, e))
    return out


@lru_cache(maxsize=4)
def _presented(text: str) -> tuple[tuple[int, int, str, str | None], ...]:
    """The names ``text`` presents as places (span, key, the country named after it), in the
    order of the patterns: read once per text, which is resolved up to thrice."""
    # (a possessive is no part of the name: "at Barron's court appearance" presents Barron, a person)
    return tuple((*m.span("name"), normalize_name(_POSSESSIVE.sub("", m.group("name"))), m.groupdict().get("country"))
                 for pattern in _PRESENTED for m in finditer(pattern, text))


_POSSESSIVE = re.compile(r"['’]s$")


def _country(named: str, names: Names) -> str | None:
    key = normalize_name(named)
    best = names.best(key, None) if names.known(key) else ()
    return best[0].country if best and best[0].feature == "country" else None
