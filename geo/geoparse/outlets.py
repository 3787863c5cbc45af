"""Outlets: where a local paper is based, and the senses its stories share.

Local news names towns without their state: "Manhattan" in a Kansas paper is Manhattan,
Kansas. The articles of one outlet, read together, say where it is based (see
:func:`outlet_homes`); the geoparser then resolves each of them with that home in view. And
an outlet's stories share the sense one of them settled for a name
(:func:`~geo.geoparse.evidence.senses_of`). What each story adds to its outlet's evidence is
small (:mod:`~geo.geoparse.evidence`).
"""

from __future__ import annotations

import re

from geo.articles import Article
from geo.gazetteer import GeocodeResult
from geo.geoparse.domains import domain_name, is_domain
from geo.geoparse.evidence import compact, home_of, towns_of
from geo.geoparse.mentions import Mention
from geo.geoparse.names import Names
from geo.lexicon import ORG_WORDS, STOPWORDS
from geo.normalize import normalize_name

_OUTLET_TOWN_MIN = 4  # letters of a town name read out of an outlet's ("athens" in athensreview.com)


def outlet_names(outlet: str, names: Names) -> list[str]:
    """The names in an outlet's name that may be its town's, longest first ("palestineherald",
    "palestineheral", ... of ``palestineherald.com``; "palestine herald", "palestine", "herald" of
    "The Palestine Herald")."""
    if is_domain(outlet):
        stem = re.sub(r"[^a-z]", "", domain_name(outlet))  # "palestineherald"
        keys = [stem[:n] for n in range(len(stem), _OUTLET_TOWN_MIN - 1, -1)]  # longest first
    else:
        words = re.findall(r"[^\W\d_]+", outlet)
        keys = [normalize_name(" ".join(words[i:j])) for i in range(len(words))
                for j in range(min(len(words), i + 3), i, -1)]
    return [key for key in keys if len(key) >= _OUTLET_TOWN_MIN and key not in STOPWORDS and key not in ORG_WORDS
            and names.known(key)]


def outlet_readings(outlet: str, names: Names) -> tuple[tuple[str, tuple[GeocodeResult, ...]], ...]:
    """The towns an outlet may be named after: (name, its city and town readings) for each name
    of :func:`outlet_names`, longest first."""
    return tuple((key, tuple(compact(o) for o in names.many(key, None) if o.feature in ("city", "town")))
                 for key in outlet_names(outlet, names))


def outlet_homes(articles: list[Article], found: dict[str, list[Mention]], names: Names) -> dict[str, Mention]:
    """Where each local outlet is based (outlet -> the town), judged from the places its articles name.

    An outlet needs at least three articles. Papers are often named after their town ("The
    Palestine Herald-Press", ``richmondregister.com``): a town in the outlet's name that two
    or more of the towns its articles name lie near is its home. Otherwise, the town with most
    of those towns within 150 km is, if that is a quarter of them (:func:`~geo.geoparse.evidence.home_of`).
    A home only breaks near-ties between namesakes; it never overrides a qualifier.

    >>> from geo.articles import Article
    >>> from geo.geoparse import Geoparser
    >>> g = Geoparser()
    >>> arts = [Article.from_text(t, article_id=str(i), outlet="The Town Talk") for i, t in enumerate([
    ...     "A fire in Alexandria, La., and in Pineville.", "Pineville council met.", "Alexandria, La., mourns."])]
    >>> home = outlet_homes(arts, {a.article_id: g.find(a) for a in arts}, g.names)["The Town Talk"]
    >>> home.name, home.admin1
    ('Alexandria', 'Louisiana')
    """
    homes: dict[str, Mention] = {}
    for outlet, stories in by_outlet(articles).items():
        home = home_of(outlet_readings(outlet, names), [towns_of(found.get(a.article_id, [])) for a in stories],
                       len(stories))
        if home is not None:
            homes[outlet] = home
    return homes


def by_outlet(articles: list[Article]) -> dict[str, list[Article]]:
    """The articles of each outlet (in order; outlets in the order of their first article)."""
    out: dict[str, list[Article]] = {}
    for a in articles:
        if a.outlet:
            out.setdefault(a.outlet, []).append(a)
    return out
