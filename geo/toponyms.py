"""Toponyms: find the place names an article uses and resolve each to a place.

Recognition is gazetteer-driven and rule-checked. Capitalised runs of words are
cut into the longest names the gazetteer knows; a name then has to survive the
context around it:

* inside an organisation or a facility ("Mexico Hospital", "Santa Cruz Civic
  Committee", "El País") it is not a place;
* after a given name or a title ("Carlos Mesa", "President Morales"), or before
  "said"/"told", it is a person, and the same word later in the article is that
  person too;
* a single word that names only small places must have a cue: "in"/"at"/"from"
  before it, a ", Department" or ", Country" qualifier after it, or a place noun
  ("the community of Huayllani");
* abbreviations are matched exactly ("U.S.", "W.Va."; "Ky." after a town), and
  streets and waters by their type word ("Memphis Street", "Red River"), placed at
  the town the article names most.

Resolution uses the document first: the article's focus country (the countries its
names point at, its outlet's home and web domain), the other countries it names,
"X, Y" qualifiers, one sense per name per article, and nearness to the other places
the article names; then the gazetteer's own ranking (feature class, population).
:meth:`Toponymer.find_all` reads the articles of one outlet together, to find where
the outlet is based (:mod:`geo.outlets`).

>>> from geo.articles import Article
>>> art = Article.from_text("Police fired on protesters in Huayllani, Cochabamba, on Friday. "
...                         "Carlos Mesa spoke. Later Mesa left for La Paz.")
>>> [(m.text, m.name) for m in find_places(art)]
[('Huayllani', 'Huayllani'), ('Cochabamba', 'Cochabamba'), ('La Paz', 'La Paz')]
"""

from __future__ import annotations

import re
from functools import cache
from typing import Callable


from geo.articles import Article
from geo.distance import haversine_km
from geo.gazetteer import Gazetteer, GeocodeResult
from geo.lexicon import (ORG_WORDS, STOPWORDS)
from geo.normalize import normalize_name
from geo.place import Place
from geo.outlets import HOME_KM, TOWN_FEATURES, domain_name, is_domain, outlet_homes
from geo.toponym_rules import (
    _OUTLET_TOWN_MIN, _Recognised)
from geo.mentions import Mention
from geo.recognition import Recognition
from geo.resolution import Resolution

__all__ = ["Mention", "Toponymer", "default_toponymer", "find_places", "places_of", "summarise_places"]


class Toponymer(Recognition, Resolution):
    """Finds and resolves the place names of articles against a gazetteer.

    >>> from geo.articles import Article
    >>> t = Toponymer()
    >>> [m.name for m in t.find(Article.from_text("SACABA, Bolivia (AP) — Police fired."))]
    ['Sacaba', 'Bolivia']
    """
    def find(self, article: Article, home: Place | None = None) -> list[Mention]:
        """Place mentions of one article, resolved, in text order (raw offsets).

        ``home``, the town the article's outlet is based in, counts as one more place the
        article names when choosing among namesakes (see :meth:`find_all`).
        """
        return self._resolve(article, self._recognised(article), home=home)

    def find_all(self, articles: list[Article], label: str = "finding places") -> dict[str, list[Mention]]:
        """Place mentions of many articles (article id -> mentions).

        Articles of one local outlet share a home: when at least three of an outlet's articles
        name places that cluster (see :func:`outlet_homes`), the cluster is where it is based, and a
        second pass resolves every name of those articles with it in view ("Manhattan" in a
        Kansas paper is Manhattan, Kansas). Wire services and national outlets, whose places
        scatter, get none; so do articles without an outlet. And an outlet's stories share the
        sense one of them settled for a name the others leave without context (see
        :meth:`_outlet_senses`), where that sense lies at the outlet's home.
        """
        from geo.progress import progress

        recognised, found = {}, {}
        for a in progress(articles, label):
            recognised[a.article_id] = self._recognised(a)
            found[a.article_id] = self._resolve(a, recognised[a.article_id])
        # Where an outlet is based is judged with its stories read as one (_outlet_senses)...
        follow = self._outlet_senses(articles, recognised)
        read_as_one = {a.article_id: self._resolve(a, recognised[a.article_id], senses=follow[a.article_id])
                       if a.article_id in follow else found[a.article_id] for a in articles}
        homes = outlet_homes(articles, read_as_one, self)
        for a in articles:
            home_mention = homes.get(a.outlet) if a.outlet else None
            home = home_mention.place if home_mention else None
            if home_mention is None or home is None:
                continue
            # ...but a story follows another's sense of a name only at home: one Richmond Times-
            # Dispatch story about Richmond, California does not move the paper's Richmond.
            senses = {k: r for k, r in follow.get(a.article_id, {}).items()
                      if haversine_km(r.lat, r.lon, home.lat, home.lon) <= HOME_KM}
            # And the paper's own town is itself: "Woodstock" in the Woodstock Sentinel-Review.
            senses.update((k, r) for k in {normalize_name(home_mention.text), normalize_name(home.name)} if k
                          for r in self._many(k, None) if r.gazetteer_id == home.gazetteer_id)
            found[a.article_id] = self._resolve(a, recognised[a.article_id], home=home, senses=senses)
        return found

    def _outlet_senses(self, articles: list[Article],
                       recognised: dict[str, _Recognised]) -> dict[str, dict[str, GeocodeResult]]:
        """One sense per outlet: article id -> {name: reading} for the towns it names without
        context of its own, where another article of its outlet settled the name by context
        ("London" after "Canada" in one London Free Press story is London, Ontario, in the
        paper's stories that say only "London"). Read after the first resolution pass."""
        settled: dict[str, dict[str, GeocodeResult | None]] = {}
        plain: dict[str, set[str]] = {}  # article -> names it left at their usual reading, unsupported
        for a in articles:
            if not a.outlet:
                continue
            mine = settled.setdefault(a.outlet, {})
            rec = recognised[a.article_id]
            names_in: dict[str, set[str]] = {}  # country -> the story's names resolved there
            for c in rec.cands + rec.demonyms:
                if c.result is not None:
                    names_in.setdefault(c.result.country or "", set()).add(c.key)
            for c in rec.cands:
                r = c.result
                if r is None or c.fixed or r.feature not in TOWN_FEATURES:
                    continue
                usual = self._best(c.key, None)[:1]
                if usual and r.gazetteer_id == usual[0].gazetteer_id:
                    # Usual, and nothing else in the story is in its country: the story did not
                    # choose it ("Jerusalem" among Israeli places did).
                    if c.qualifier is None and not names_in[r.country or ""] - {c.key}:
                        plain.setdefault(a.article_id, set()).add(c.key)
                else:  # settled by context; stories that settle it apart leave the outlet no sense
                    prior = mine.get(c.key, r)
                    mine[c.key] = r if prior is not None and prior.gazetteer_id == r.gazetteer_id else None
        return {a.article_id: follow for a in articles if a.outlet and (follow := {
            k: r for k in plain.get(a.article_id, ()) if (r := settled[a.outlet].get(k)) is not None})}

    def outlet_town(self, outlet: str, support: Callable[[float, float], int]) -> Mention | None:
        """The town an outlet is named after, if ``support(lat, lon)`` (how many of the towns its
        articles name lie near) reaches two for one of that name's readings; else None."""
        if is_domain(outlet):
            stem = re.sub(r"[^a-z]", "", domain_name(outlet))  # "palestineherald"
            keys = [stem[:n] for n in range(len(stem), _OUTLET_TOWN_MIN - 1, -1)]  # longest first
        else:
            words = re.findall(r"[^\W\d_]+", outlet)
            keys = [normalize_name(" ".join(words[i:j])) for i in range(len(words))
                    for j in range(min(len(words), i + 3), i, -1)]
        for key in keys:
            if len(key) < _OUTLET_TOWN_MIN or key in STOPWORDS or key in ORG_WORDS or not self._known(key):
                continue
            best = max((o for o in self._many(key, None) if o.feature in ("city", "town")),
                       key=lambda o: support(o.lat, o.lon), default=None)
            if best is not None and support(best.lat, best.lon) >= 2:
                return Mention.of(best, key, 0, 0)
        return None


@cache
def default_toponymer() -> Toponymer:
    """The process-wide toponymer over the default gazetteer (its caches shared by every stage)."""
    return Toponymer()


def find_places(article: Article, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """The resolved place mentions of one article (see :class:`Toponymer`)."""
    return (Toponymer(gazetteer) if gazetteer is not None else default_toponymer()).find(article)


def places_of(articles: list[Article], toponymer: Toponymer | None = None) -> list[dict]:
    """The ``geo places --json`` document: one object per article with its mentions.

    >>> from geo.articles import load_articles
    >>> doc = places_of(load_articles(["seeds/004_26b54f6d74c6cf47.txt"]))
    >>> "Senkata" in {m["text"] for m in doc[0]["mentions"]}
    True
    """
    found = (toponymer or default_toponymer()).find_all(articles)
    return [{"article": a.article_id, "published": a.published.isoformat() if a.published else None,
             "mentions": [m.to_dict() for m in found[a.article_id]]} for a in articles]


def summarise_places(articles: list[Article], toponymer: Toponymer | None = None,
                     snippets: int = 3, width: int = 70, found: dict[str, list[Mention]] | None = None) -> list[dict]:
    """Every resolved place the articles name: where, how many articles, a few snippets.

    ``found`` (article id -> mentions) reuses places already found instead of finding them again.

    >>> from geo.articles import load_articles
    >>> places = summarise_places(load_articles(["seeds"]))
    >>> max(places, key=lambda p: p["articles"])["name"]
    'Bolivia'
    """
    if found is None:
        found = (toponymer or default_toponymer()).find_all(articles)
    by_place: dict[str, dict] = {}
    for art in articles:
        for m in found[art.article_id]:
            p = m.place
            if p is None:
                continue
            entry = by_place.setdefault(p.gazetteer_id or p.name, {"name": p.name, "lat": p.lat, "lon": p.lon,
                                                         "ids": set(), "count": 0, "snippets": []})
            entry["ids"].add(art.article_id)
            entry["count"] += 1
            if len(entry["snippets"]) < snippets:
                s, e = max(0, m.clean_start - width), min(len(art.text), m.clean_end + width)
                entry["snippets"].append(" ".join(art.text[s:e].split()))
    out = []
    for entry in by_place.values():
        entry["articles"] = len(entry.pop("ids"))
        out.append(entry)
    return sorted(out, key=lambda e: (-e["articles"], e["name"]))
