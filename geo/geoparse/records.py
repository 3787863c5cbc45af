"""The small records the geoparser's stages pass on: tokens, candidates, an article as recognised.

A candidate is immutable (a named tuple, cheap to make: an article has hundreds): a stage that
resolves one returns a new one (``candidate._replace(result=...)``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from geo.gazetteer import GeocodeResult


@dataclass
class Token:
    """A word of a capitalised run, with its clean-text offsets."""

    text: str
    start: int  # clean-text offsets
    end: int
    capital: bool = field(init=False)  # computed once: the recogniser asks for them many times
    lower: str = field(init=False)

    def __post_init__(self) -> None:
        self.capital = self.text[:1].isupper()
        self.lower = self.text.lower()


class Candidate(NamedTuple):
    """A name that may be a place, with what its context said of it, and (once resolved) its reading."""

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
    spelled: str | None = None  # the name's accents as written ("cañada"), which tell places apart
    district: str | None = None  # a district of the town ``key`` names, as written ("Roxbury"): placed at the town


@dataclass(frozen=True)
class Recognised:
    """What recognition found in one article, kept for the corpus's second (outlet) pass."""

    cands: list[Candidate]
    local: list[Candidate]  # streets and waters
    persons: set[str]
    demonyms: list[Candidate]  # already resolved (only with demonyms=True)
    demonym_votes: Counter[str]
    named: list[tuple[int, int, str]]  # "the town of X": spans and keys, for names the gazetteer lacks
