"""Focus: the country an article is about, by votes, and the other countries it names.

The article's confidently-resolved names vote for their countries (countries double, small
places half: local news names few countries), as do its outlet's home and web domain
(".co.uk", ".ca") and its demonyms. Each name votes once: a name repeated through a story
("Dublin" in Ohio local news) must not outvote the many other names that place it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from geo.gazetteer import GeocodeResult
from geo.geoparse.domains import domain_country
from geo.geoparse.names import Names
from geo.geoparse.records import Candidate
from geo.geoparse.rules import PROMINENT_FEATURES
from geo.place import Place

# A region named outright ("Virginia") weighs a little more than a city's name ("Alexandria"),
# which may be a namesake's: of the two, the region wins a tie.
_REGION = 1.1
_BONUS_NAMED = 60.0  # as much as the focus country's (the gazetteer's +60): a named country is in play too


@dataclass(frozen=True)
class Focus:
    """An article's country votes, what each name gave, the other countries named, the winner."""

    votes: Counter[str]
    by_key: dict[str, Counter[str]]  # what each name contributed, to judge it without itself
    named: frozenset[str]  # countries the article names, besides its focus
    country: str | None

    def rank(self, r: GeocodeResult) -> float:
        """A reading's score, raised in the countries the article names besides its focus:
        "their masters in Washington" after "the U.S." is the capital, not a Bolivian hamlet."""
        return r.score + (_BONUS_NAMED if r.country in self.named else 0.0)


def focus_of(cands: list[Candidate], outlet: str | None, home: Place | None,
             demonym_votes: Counter[str], names: Names) -> Focus:
    """The article's focus. Counted first, the outlet's countries win ties (``most_common``
    keeps insertion order)."""
    votes: Counter[str] = Counter()
    if home is not None and home.country:
        votes[home.country] += 2  # a local paper writes about its own country unless it says otherwise
    if (outlet_cc := domain_country(outlet)) and names.country(outlet_cc):
        votes[outlet_cc] += 2
    votes.update(demonym_votes)
    by_key: dict[str, Counter[str]] = {}
    named: set[str] = set()
    for key in dict.fromkeys(c.key for c in cands):
        best = names.best(key, None)
        if best and best[0].country:
            weight = 2 if best[0].feature == "country" else _REGION if best[0].feature == "admin1" else (
                1 if best[0].feature in PROMINENT_FEATURES or best[0].feature == "admin2" else 0.5)
            votes[best[0].country] += weight  # type: ignore[assignment]  # Counter of float weights
            by_key.setdefault(key, Counter())[best[0].country] += weight  # type: ignore[assignment]
            if best[0].feature == "country":
                named.add(best[0].country)
    country = votes.most_common(1)[0][0] if votes else None
    named.discard(country)
    return Focus(votes, by_key, frozenset(named), country)
