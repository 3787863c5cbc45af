"""The geoparser: its stages wired for one article, and for a corpus read outlet by outlet.

One article: recognise (:mod:`~geo.geoparse.recognise`), then resolve: focus country, first
readings, nearness, namesakes, admission, assembly. A corpus: every article so, then the
outlet pass, an explicit second step: each outlet's stories share the senses one of them
settled, say where the outlet is based, and are resolved again with that home in view.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import NamedTuple

from geo.articles import Article
from geo.distance import haversine_km
from geo.gazetteer import Gazetteer, GeocodeResult
from geo.geoparse import outlets
from geo.geoparse.admit import admitted, voters
from geo.geoparse.evidence import Evidence, Towns, evidence_of, home_of, senses_of, towns_of
from geo.geoparse.focus import focus_of
from geo.geoparse.mentions import Mention, assemble
from geo.geoparse.namesakes import at_home, far_villages
from geo.geoparse.names import Names
from geo.geoparse.nearness import by_nearness
from geo.geoparse.recognise import recognised
from geo.geoparse.records import Candidate, Recognised
from geo.geoparse.resolve import first_readings, unresolved
from geo.geoparse.variants import variants
from geo.geoparse.rules import HOME_KM, PROMINENT_FEATURES, title_case
from geo.normalize import normalize_name
from geo.place import Place
from geo.progress import progress


class Reading(NamedTuple):
    """An article read once: its candidates as resolved (recognition's order), and its mentions."""

    cands: list[Candidate]
    mentions: list[Mention]


class Geoparser:
    """Finds and resolves the place names of articles against a gazetteer.

    ``demonyms`` maps demonyms ("Russian") to their countries as mentions; ``modifiers`` counts
    places naming something else ("Ohio State University"), as LGL annotates them.

    >>> from geo.articles import Article
    >>> g = Geoparser()
    >>> [m.name for m in g.find(Article.from_text("SACABA, Bolivia (AP) — Police fired."))]
    ['Sacaba', 'Bolivia']
    """

    def __init__(self, gazetteer: Gazetteer | None = None, demonyms: bool = False, modifiers: bool = False):
        self.names = Names(gazetteer)
        self.demonyms = demonyms
        # Off by default: "Mexico Hospital" is in Sacaba.
        self.modifiers = modifiers

    @property
    def gazetteer(self) -> Gazetteer:
        return self.names.gazetteer

    def recognise(self, article: Article) -> Recognised:
        """What recognition finds in one article (see :func:`geo.geoparse.recognise.recognised`)."""
        return recognised(article, self.names, self.demonyms, self.modifiers)

    def resolve(self, article: Article, rec: Recognised, home: Place | None = None,
                senses: dict[str, GeocodeResult] | None = None) -> Reading:
        """Resolve what was recognised: ``home``, the outlet's town, counts as one more place the
        article names; ``senses`` are the outlet's for names the story leaves without context."""
        if not rec.cands and not rec.local and not rec.demonyms:
            return Reading(rec.cands, [])
        cands = unresolved(rec.cands)  # resolved afresh on every call (find_all resolves up to thrice)
        focus = focus_of(cands, article.outlet, home, rec.demonym_votes, self.names)
        cands, sense, decided = first_readings(cands, focus, senses, self.names)
        cands = by_nearness(cands, focus, sense, decided, home, self.names, voters(cands, article.text, focus.country, self.names))
        cands = at_home(cands, focus, home, self.names, article.text)
        cands = far_villages(cands, focus, home, self.names)
        spelled_so = variants(article.text, cands + rec.local + rec.demonyms, focus.country, rec.persons, self.names)
        everything = sorted(cands + rec.demonyms + spelled_so, key=lambda c: c.start)
        kept = admitted(everything, article.text, focus.country, self.names)
        return Reading(cands, assemble(article, kept, rec, self.names, home))

    def find(self, article: Article, home: Place | None = None) -> list[Mention]:
        """Place mentions of one article, resolved, in text order (raw offsets)."""
        return self.resolve(article, self.recognise(article), home=home).mentions

    def find_title(self, article: Article) -> list[Mention]:
        """Place mentions of the article's title (``Article.title``), read with the article's text
        in view (its focus, senses and nearness), marked ``in_title``, with offsets into the title
        (``article.title[m.start:m.end] == m.text``). :meth:`find` leaves the title out: its
        offsets, and the events read from it, are the text's. In a title in Title Case, where every
        word is capitalised, a name counts only if the text names it too or it is prominent."""
        if not article.title or not article.title.strip():
            return []
        title = article.title.replace("\r", " ").replace("\n", " ")  # one line, same offsets
        both = Article.from_text(f"{title}\n\n{article.raw}", article_id=article.article_id, outlet=article.outlet,
                                 published=article.published)
        found = self.find(both)
        in_title = [m for m in found if m.end <= len(title)]
        if title_case(title):
            in_text = {normalize_name(m.text) for m in found if m.start > len(title)}
            in_title = [m for m in in_title if normalize_name(m.text) in in_text or m.feature in PROMINENT_FEATURES]
        return [replace(m, in_title=True) for m in in_title]

    def find_all(self, articles: list[Article], label: str = "finding places") -> dict[str, list[Mention]]:
        """Place mentions of many articles (article id -> mentions): each article read alone,
        then the outlet pass (:meth:`outlet_pass`)."""
        recs, first = {}, {}
        for a in progress(articles, label):
            recs[a.article_id] = self.recognise(a)
            first[a.article_id] = self.resolve(a, recs[a.article_id])
        return self.outlet_pass(articles, recs, first)

    def outlet_pass(self, articles: list[Article], recs: dict[str, Recognised],
                    first: dict[str, Reading]) -> dict[str, list[Mention]]:
        """The second step of a corpus: articles of one local outlet share a home.

        When at least three of an outlet's articles name places that cluster (see
        :func:`~geo.geoparse.outlets.outlet_homes`), the cluster is where it is based, and every
        name of those articles is resolved again with it in view ("Manhattan" in a Kansas paper
        is Manhattan, Kansas). Wire services and national outlets, whose places scatter, get
        none; so do articles without an outlet. An outlet's stories also share the sense one of
        them settled for a name the others leave without context, where it lies at the home.
        """
        found = {a.article_id: first[a.article_id].mentions for a in articles}
        for stories in outlets.by_outlet(articles).values():
            readings = outlets.outlet_readings(stories[0].outlet or "", self.names)
            evidence = [self.evidence(recs[a.article_id], first[a.article_id], readings) for a in stories]
            follow = senses_of(evidence)  # ... its stories read as one
            towns = [self.towns(a, recs[a.article_id], senses) if senses else ev.towns
                     for a, ev, senses in zip(stories, evidence, follow)]
            home = home_of(readings, towns, len(stories))
            for a, senses in zip(stories, follow):
                found[a.article_id] = self.at_home(a, recs[a.article_id], first[a.article_id], home, senses)
        return found

    def evidence(self, rec: Recognised, first: Reading, readings: tuple) -> Evidence:
        """A story's share of its outlet's evidence (see :mod:`~geo.geoparse.evidence`), from its first reading."""
        return evidence_of(first.cands, rec.demonyms, first.mentions, readings, self.names)

    def towns(self, article: Article, rec: Recognised, senses: dict[str, GeocodeResult]) -> Towns:
        """The towns a story names read with its outlet's ``senses``: what its outlet's home is judged from."""
        return towns_of(self.resolve(article, rec, senses=senses).mentions)

    def at_home(self, article: Article, rec: Recognised, first: Reading, home: Mention | None,
                senses: dict[str, GeocodeResult]) -> list[Mention]:
        """A story's mentions once its outlet's evidence is in: read again with its outlet's ``home``
        and the ``senses`` it follows, or (no home) as first read."""
        if home is None or home.place is None:
            return first.mentions
        return self.resolve(article, rec, home=home.place, senses=self._home_senses(home, home.place, senses)).mentions

    def _home_senses(self, home_mention: Mention, home: Place,
                     follow: dict[str, GeocodeResult]) -> dict[str, GeocodeResult]:
        """The outlet's senses a story follows: only those at home (one Richmond Times-Dispatch
        story about Richmond, California does not move the paper's Richmond); and the paper's
        own town is itself ("Woodstock" in the Woodstock Sentinel-Review)."""
        senses = {k: r for k, r in follow.items() if haversine_km(r.lat, r.lon, home.lat, home.lon) <= HOME_KM}
        senses.update((k, r) for k in {normalize_name(home_mention.text), normalize_name(home.name)} if k
                      for r in self.names.many(k, None) if r.gazetteer_id == home.gazetteer_id)
        return senses


@cache
def default_geoparser() -> Geoparser:
    """The process-wide geoparser over the default gazetteer (its caches shared by every stage)."""
    return Geoparser()


def find_places(article: Article, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """The resolved place mentions of one article (see :class:`Geoparser`)."""
    return (Geoparser(gazetteer) if gazetteer is not None else default_geoparser()).find(article)
