"""Outlets: where a local paper is based, and what its web domain says of its country.

Local news names towns without their state: "Manhattan" in a Kansas paper is Manhattan,
Kansas. The articles of one outlet, read together, say where it is based (see
:func:`outlet_homes`); the toponymer then resolves each of them with that home in view.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

import numpy as np

from geo.distance import haversine_km_many

if TYPE_CHECKING:
    from geo.articles import Article
    from geo.toponyms import Mention, Toponymer

TOWN_FEATURES = frozenset({"city", "town", "district", "admin2", "local"})
HOME_ARTICLES = 3  # an outlet's articles needed to judge where it is based
HOME_KM = 150.0
HOME_SHARE = 0.25
HOME_CANDIDATES = 300


def outlet_homes(articles: list[Article], found: dict[str, list[Mention]],
                 toponymer: Toponymer | None = None) -> dict[str, Mention]:
    """Where each local outlet is based (outlet -> the town), judged from the places its articles name.

    An outlet needs at least three articles. Papers are often named after their town ("The
    Palestine Herald-Press", ``richmondregister.com``): a town in the outlet's name that two
    or more of the towns its articles name lie near is its home. Otherwise, the town with most
    of those towns within 150 km is, if that is a quarter of them. A home only breaks near-ties
    between namesakes; it never overrides a qualifier.

    >>> from geo.articles import Article
    >>> from geo.toponyms import find_places
    >>> arts = [Article.from_text(t, article_id=str(i), outlet="The Town Talk") for i, t in enumerate([
    ...     "A fire in Alexandria, La., and in Pineville.", "Pineville council met.", "Alexandria, La., mourns."])]
    >>> home = outlet_homes(arts, {a.article_id: find_places(a) for a in arts})["The Town Talk"]
    >>> home.name, home.admin1
    ('Alexandria', 'Louisiana')
    """
    from geo.toponyms import default_toponymer

    t = toponymer or default_toponymer()
    towns: dict[str, Counter[tuple[float, float]]] = {}
    count: Counter[str] = Counter()
    where: dict[tuple[float, float], Mention] = {}
    for a in articles:
        if a.outlet:
            count[a.outlet] += 1
            named = {m.place.point: m for m in found.get(a.article_id, [])
                     if m.place is not None and m.feature in TOWN_FEATURES and m.feature != "local"}
            where.update(named)
            towns.setdefault(a.outlet, Counter()).update(named.keys())
    homes: dict[str, Mention] = {}
    for outlet, points in towns.items():
        if count[outlet] < HOME_ARTICLES or not points:
            continue
        common = points.most_common(HOME_CANDIDATES)  # the centre is among the towns it names most
        lats, lons = np.array([p for p, _ in common]).T
        counts = np.array([n for _, n in common])

        def support(lat: float, lon: float, counts=counts, lats=lats, lons=lons) -> int:
            return int(counts[haversine_km_many(lat, lon, lats, lons) <= HOME_KM].sum())
        town = t.outlet_town(outlet, support)
        if town is not None:
            homes[outlet] = town
            continue
        near = [support(*p) for p, _ in common]
        best = max(range(len(common)), key=near.__getitem__)  # the first of equals, as before
        if near[best] >= HOME_SHARE * sum(points.values()):
            homes[outlet] = where[common[best][0]]
    return homes


_SECOND_LEVEL = frozenset("co com org net gov ac edu".split())  # "co.uk", "com.au"
# Country-code domains sold worldwide as generic ones: they say nothing of where an outlet is.
_GENERIC_CCTLDS = frozenset("co io tv me fm ly ai am cc ws to nu gg".split())
_DOMAIN = re.compile(r"^(?:https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,})/?$")


def _labels(outlet: str | None) -> list[str] | None:
    """The labels of an outlet given as a web domain ("news.postbulletin.com"), else None."""
    m = _DOMAIN.match((outlet or "").strip().lower())
    return m.group(1).split(".") if m else None


def is_domain(outlet: str | None) -> bool:
    """True when an outlet is given as a web domain ("www.lfpress.ca", "ajc.com").

    >>> is_domain("richmondregister.com"), is_domain("The Town Talk")
    (True, False)
    """
    return _labels(outlet) is not None


def domain_country(outlet: str | None) -> str | None:
    """The ISO country code of an outlet given as a web domain with a country-code ending.

    >>> domain_country("www.nlhnews.co.uk"), domain_country("cbc.ca"), domain_country("ajc.com")
    ('GB', 'CA', None)
    >>> domain_country("Workers World"), domain_country("news.co")
    (None, None)
    """
    tld = (_labels(outlet) or [""])[-1]
    if len(tld) != 2 or tld in _GENERIC_CCTLDS:
        return None
    return "GB" if tld == "uk" else tld.upper()


def domain_name(outlet: str) -> str:
    """The name part of a web domain, without subdomains and public suffix.

    >>> domain_name("news.postbulletin.com"), domain_name("www.nlhnews.co.uk"), domain_name("cbc.ca")
    ('postbulletin', 'nlhnews', 'cbc')
    """
    parts = (_labels(outlet) or [""])[:-1]
    if len(parts) > 1 and parts[-1] in _SECOND_LEVEL:
        parts = parts[:-1]
    return parts[-1] if parts else ""
