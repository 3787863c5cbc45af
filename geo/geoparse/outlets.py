"""Outlets: where a local paper is based, and the senses its stories share.

Local news names towns without their state: "Manhattan" in a Kansas paper is Manhattan,
Kansas. The articles of one outlet, read together, say where it is based (see
:func:`outlet_homes`); the geoparser then resolves each of them with that home in view. And
an outlet's stories share the sense one of them settled for a name (:func:`outlet_senses`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable

import numpy as np

from geo.articles import Article
from geo.distance import haversine_km_many
from geo.gazetteer import GeocodeResult
from geo.geoparse.domains import domain_name, is_domain
from geo.geoparse.mentions import Mention
from geo.geoparse.names import Names
from geo.geoparse.records import Candidate
from geo.geoparse.rules import HOME_KM, TOWN_FEATURES
from geo.lexicon import ORG_WORDS, STOPWORDS
from geo.normalize import normalize_name

HOME_ARTICLES = 3  # an outlet's articles needed to judge where it is based
HOME_SHARE = 0.25
HOME_CANDIDATES = 300
_OUTLET_TOWN_MIN = 4  # letters of a town name read out of an outlet's ("athens" in athensreview.com)


def outlet_town(outlet: str, support: Callable[[float, float], int], names: Names) -> Mention | None:
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
        if len(key) < _OUTLET_TOWN_MIN or key in STOPWORDS or key in ORG_WORDS or not names.known(key):
            continue
        best = max((o for o in names.many(key, None) if o.feature in ("city", "town")),
                   key=lambda o: support(o.lat, o.lon), default=None)
        if best is not None and support(best.lat, best.lon) >= 2:
            return Mention.of(best, key, 0, 0)
    return None


def _towns_named(articles: list[Article], found: dict[str, list[Mention]]) -> tuple[
        Counter[str], dict[str, Counter[tuple[float, float]]], dict[tuple[str, tuple[float, float]], Mention]]:
    """Per outlet: its articles, the towns they name (point -> articles naming it), and a mention
    of each by one of its own articles (another outlet's spelling is not this outlet's home)."""
    towns: dict[str, Counter[tuple[float, float]]] = {}
    count: Counter[str] = Counter()
    where: dict[tuple[str, tuple[float, float]], Mention] = {}
    for a in articles:
        if a.outlet:
            count[a.outlet] += 1
            named = {m.place.point: m for m in found.get(a.article_id, [])
                     if m.place is not None and m.feature in TOWN_FEATURES and m.feature != "local"}
            where.update({(a.outlet, point): m for point, m in named.items()})
            towns.setdefault(a.outlet, Counter()).update(named.keys())
    return count, towns, where


def outlet_homes(articles: list[Article], found: dict[str, list[Mention]], names: Names) -> dict[str, Mention]:
    """Where each local outlet is based (outlet -> the town), judged from the places its articles name.

    An outlet needs at least three articles. Papers are often named after their town ("The
    Palestine Herald-Press", ``richmondregister.com``): a town in the outlet's name that two
    or more of the towns its articles name lie near is its home. Otherwise, the town with most
    of those towns within 150 km is, if that is a quarter of them. A home only breaks near-ties
    between namesakes; it never overrides a qualifier.

    >>> from geo.articles import Article
    >>> from geo.geoparse import Geoparser
    >>> g = Geoparser()
    >>> arts = [Article.from_text(t, article_id=str(i), outlet="The Town Talk") for i, t in enumerate([
    ...     "A fire in Alexandria, La., and in Pineville.", "Pineville council met.", "Alexandria, La., mourns."])]
    >>> home = outlet_homes(arts, {a.article_id: g.find(a) for a in arts}, g.names)["The Town Talk"]
    >>> home.name, home.admin1
    ('Alexandria', 'Louisiana')
    """
    count, towns, where = _towns_named(articles, found)
    homes: dict[str, Mention] = {}
    for outlet, points in towns.items():
        if count[outlet] < HOME_ARTICLES or not points:
            continue
        common = points.most_common(HOME_CANDIDATES)  # the centre is among the towns it names most
        lats, lons = np.array([p for p, _ in common]).T
        counts = np.array([n for _, n in common])

        def support(lat: float, lon: float, counts=counts, lats=lats, lons=lons) -> int:
            return int(counts[haversine_km_many(lat, lon, lats, lons) <= HOME_KM].sum())
        town = outlet_town(outlet, support, names)
        if town is not None:
            homes[outlet] = town
            continue
        near = [support(*p) for p, _ in common]
        best = max(range(len(common)), key=near.__getitem__)  # the first of equals, as before
        if near[best] >= HOME_SHARE * sum(points.values()):
            homes[outlet] = where[(outlet, common[best][0])]
    return homes


def outlet_senses(articles: list[Article], resolved: dict[str, list[Candidate]],
                  demonyms: dict[str, list[Candidate]], names: Names) -> dict[str, dict[str, GeocodeResult]]:
    """One sense per outlet: article id -> {name: reading} for the towns it names without
    context of its own, where another article of its outlet settled the name by context
    ("London" after "Canada" in one London Free Press story is London, Ontario, in the
    paper's stories that say only "London"). ``resolved``: each article's candidates as its
    first reading resolved them; ``demonyms``: its demonyms."""
    settled: dict[str, dict[str, GeocodeResult | None]] = {}
    plain: dict[str, set[str]] = {}  # article -> names it left at their usual reading, unsupported
    for a in articles:
        if not a.outlet:
            continue
        mine = settled.setdefault(a.outlet, {})
        cands = resolved[a.article_id]
        names_in: dict[str, set[str]] = {}  # country -> the story's names resolved there
        for c in cands + demonyms[a.article_id]:
            if c.result is not None:
                names_in.setdefault(c.result.country or "", set()).add(c.key)
        for c in cands:
            r = c.result
            if r is None or c.fixed or r.feature not in TOWN_FEATURES:
                continue
            usual = names.best(c.key, None)[:1]
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
