"""Mentions: the geoparser's output, a name as written (raw offsets) and the place it resolved to;
and their assembly from resolved candidates, streets and waters, and places the gazetteer lacks."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from geo.articles import Article
from geo.gazetteer import GeocodeResult
from geo.geoparse.dateline import dateline_place
from geo.geoparse.districts import in_home_town
from geo.geoparse.names import Names
from geo.geoparse.records import Candidate, Recognised
from geo.geoparse.rules import DIRECTIONS
from geo.lexicon import ORG_WORDS, ORGANISATIONS, PLACE_NOUNS, STOPWORDS
from geo.place import Place, same_place
from geo.spans import SpanIndex


@dataclass
class Mention:
    """A place name as written in an article, and the place it resolved to (None: unresolved)."""

    text: str
    start: int
    end: int
    place: Place | None = None
    # Offsets in the article's clean text, for later stages (not part of the JSON contract).
    clean_start: int = field(default=0, repr=False, compare=False)
    clean_end: int = field(default=0, repr=False, compare=False)
    # In the article's title (offsets into ``Article.title``; see ``Geoparser.find_title``).
    in_title: bool = False
    # Read by a spelling variant of the name the gazetteer has ("Daqahliya" for "Dakahlia").
    fuzzy: bool = False

    @classmethod
    def of(cls, result: GeocodeResult, text: str, start: int, end: int,
           clean_start: int = 0, clean_end: int = 0) -> "Mention":
        """The mention ``text`` (raw offsets ``start``:``end``) resolved to ``result``."""
        return cls(text=text, start=start, end=end, place=Place.of(result), clean_start=clean_start,
                   clean_end=clean_end)

    # What the place says, or None when unresolved (coordinates only through ``place``).
    @property
    def name(self) -> str | None:
        return self.place.name if self.place else None

    @property
    def country(self) -> str | None:
        return self.place.country if self.place else None

    @property
    def admin1(self) -> str | None:
        return self.place.admin1 if self.place else None

    @property
    def feature(self) -> str | None:
        return self.place.feature if self.place else None

    @property
    def gazetteer_id(self) -> str | None:
        return self.place.gazetteer_id if self.place else None

    def to_dict(self) -> dict:
        """The mention as in ``geo places --json`` (flat; unresolved: null name and coordinates)."""
        p = self.place
        return {"text": self.text, "start": self.start, "end": self.end, "name": p.name if p else None,
                "lat": p.lat if p else None, "lon": p.lon if p else None, "country": p.country if p else None,
                "admin1": p.admin1 if p else None, "feature": p.feature if p else None,
                "gazetteer_id": p.gazetteer_id if p else None, "score": p.score if p else None,
                "in_title": self.in_title, "fuzzy": self.fuzzy}


def _resolved(article: Article, cands: list[Candidate]) -> list[Mention]:
    """The mentions of resolved candidates, at their raw offsets."""
    out = []
    for c in cands:
        assert c.result is not None
        start, end = article.raw_span(c.start, c.end)
        m = Mention.of(c.result, article.raw[start:end], start, end, c.start, c.end)
        m.fuzzy = c.spelled == "~fuzzy"
        if c.district and m.place is not None:  # a neighbourhood, at its town's point
            m.place = replace(m.place, name=f"{' '.join(c.district.split())}, {m.place.name}", feature="local",
                              gazetteer_id=None, score=None)
        out.append(m)
    return out


def _local_places(article: Article, known: list[Mention], local: list[Candidate], names: Names,
                  home: Place | None) -> list[Mention]:
    """Streets and waters, placed at the article's home town (the settlement it names most;
    the first named on a tie), else its county, else its outlet's ``home`` (a local paper's "the
    800 block of Crosby Street" is in its town): a point a reader can find them near, not their exact place.
    A neighbourhood the gazetteer has in that town is its place there. With no town they stay
    unresolved, and are kept."""
    named = _home_town(article.text, known) or next((m for m in known if m.feature == "admin2"), None)
    town = named.place if named is not None else home
    out = []
    for c in local:
        start, end = article.raw_span(c.start, c.end)
        place = None
        if town is not None and (known_part := in_home_town(c, town, names)):
            out.append(Mention.of(known_part, article.raw[start:end], start, end, c.start, c.end))
            continue
        if town is not None:
            place = replace(town, name=f"{' '.join(article.text[c.start:c.end].split())}, {town.name}",
                            feature="local", gazetteer_id=None, score=None)
        out.append(Mention(text=article.raw[start:end], start=start, end=end, place=place,
                           clean_start=c.start, clean_end=c.end))
    return out


_NEAR_TOWN_KM = 30.0  # a story's places this near its town are its neighbourhoods and suburbs
_TOWNS = ("city", "town", "district")  # what a story's home town can be (not a county, nor a street)


def _home_town(text: str, known: list[Mention]) -> Mention | None:
    """The settlement a story is in: its dateline's ("NEW ORLEANS —", not a "Sam" read as
    Damascus before it), else the one with most of the story's other places near it (Chicago,
    with Englewood and Oak Lawn, over a "Man" read out of "Old Man Bill" five times), then the one
    named most, the first named on a tie."""
    if (dateline := dateline_place(text, known)) is not None and dateline.feature in _TOWNS:
        return dateline
    towns = Counter(m.gazetteer_id for m in known if m.feature in _TOWNS)
    if not towns:
        return None
    firsts: dict[str | None, Mention] = {}
    for m in known:
        firsts.setdefault(m.gazetteer_id, m)
    places = [m.place for m in firsts.values() if m.place is not None and m.feature not in ("country", "admin1",
                                                                                            "continent", "region")]

    def neighbours(g: str | None) -> int:
        here = firsts[g].place
        return sum(same_place(here, p, _NEAR_TOWN_KM) for p in places) if here is not None else 0
    return firsts[max(towns, key=lambda g: (neighbours(g), towns[g], -firsts[g].clean_start))]


def _unknown_places(article: Article, known: list[Mention], rec: Recognised, names: Names) -> list[Mention]:
    """Names the text plainly calls places ("the town of X", "X Province") that the
    gazetteer lacks: kept as unresolved mentions (no coordinates), never dropped."""
    # The named spans come from one regex scan, so they never overlap one another.
    taken = SpanIndex((m.clean_start, m.clean_end) for m in known)
    out = []
    for s, e, key in rec.named:
        words = key.split()
        if (taken.meets(s, e) or names.known(key) or key in rec.persons
                or key in ORGANISATIONS or words[0] in STOPWORDS
                or any(w in ORG_WORDS or w in PLACE_NOUNS or w in DIRECTIONS for w in words)):
            continue
        rs, re_ = article.raw_span(s, e)
        out.append(Mention(text=article.raw[rs:re_], start=rs, end=re_, clean_start=s, clean_end=e))
    return out


def assemble(article: Article, admitted: list[Candidate], rec: Recognised, names: Names,
             home: Place | None = None) -> list[Mention]:
    """An article's mentions in text order: its admitted candidates, its streets and waters (at
    its town, else its outlet's ``home``), and the places it names that the gazetteer lacks."""
    mentions = _resolved(article, admitted)
    mentions += _local_places(article, mentions, rec.local, names, home)
    mentions += _unknown_places(article, mentions, rec, names)
    mentions.sort(key=lambda m: m.clean_start)
    return mentions
