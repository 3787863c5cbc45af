"""Namesakes: a country's name that is, here, a region or a town of the article's focus; and a
village of the focus that only the focus made of a famous name.

"Georgia" in an article about the US is the state, and "Palestine" in a Texas paper that names
Anderson County is the town: a region of the focus country, or a town of it near the article's
other places, beats a foreign country of the same name that the article otherwise ignores.
"""

from __future__ import annotations

import re
from collections import Counter

from geo.distance import haversine_km
from geo.gazetteer import GeocodeResult
from geo.geoparse.focus import Focus
from geo.geoparse.names import Names
from geo.geoparse.records import Candidate
from geo.geoparse.rules import HOME_KM, TOWN_FEATURES
from geo.place import Place

_NAMESAKE_TOWN = 1_000  # a country's name read as a town of the focus country ("Palestine", Texas)...
_NAMESAKE_KM = 50.0  # ...when it lies this near a place the article names
_NEAR_ANCHOR_KM = HOME_KM
# A country's name listed beside another's ("Mexico, China, Japan") is the country.
_LIST_GAP = re.compile(r",?\s*(?:(?:and|or|&)\s+)?")


def _listed_together(c: Candidate, o: Candidate, text: str) -> bool:
    """Whether two names stand next to each other in a list ("Mexico, China", "Egypt and Niger")."""
    first, second = (c, o) if c.start < o.start else (o, c)
    return first is not second and _LIST_GAP.fullmatch(text, first.end, second.start) is not None


def _home_reading(key: str, usual: str, places: list[tuple[float, float]], names: Names) -> GeocodeResult | None:
    """The region of ``usual`` called ``key``, or a town of it that is one (1,000 people) and sits
    among the places the article names: "Uruguay" and "Perú" are hamlets in Bolivia too."""
    region = next((o for o in names.best(key, usual) if o.country == usual and o.feature == "admin1"), None)
    return region or next((o for o in names.many(key, usual) if o.country == usual
                           and o.feature in ("city", "town") and o.population >= _NAMESAKE_TOWN
                           and any(haversine_km(o.lat, o.lon, la, lo) <= _NAMESAKE_KM for la, lo in places)), None)


def _at_home(c: Candidate, focus: Focus, places: list[tuple[float, float]], names: Names) -> GeocodeResult | None:
    """The home reading of a country's name, when the rest of the article is about another country."""
    r = c.result
    assert r is not None
    rest = focus.votes - focus.by_key.get(c.key, Counter())
    usual = rest.most_common(1)[0][0] if rest else None  # the focus without this name
    if usual and r.country != usual and rest[usual] >= 2 and rest[r.country or ""] == 0:
        return _home_reading(c.key, usual, places, names)
    return None


def at_home(cands: list[Candidate], focus: Focus, home: Place | None, names: Names, text: str) -> list[Candidate]:
    """The candidates with countries' names read at home where they are a namesake (a new list)."""
    places = [(r.lat, r.lon) for c in cands if (r := c.result) is not None and r.feature in TOWN_FEATURES]
    places += [(home.lat, home.lon)] if home else []
    out = []
    countries = [c for c in cands if c.result is not None and c.result.feature == "country" and not c.fixed]
    for c in cands:
        reading = None
        if (c.result is not None and not c.fixed and c.result.feature == "country"
                and not any(_listed_together(c, o, text) for o in countries)):
            reading = _at_home(c, focus, places, names)
        out.append(c if reading is None else c._replace(result=reading))
    return out


_VILLAGE = 10_000  # a town this small takes a famous name only near the article's other places
_FAMOUS_CITY = 100_000


def _famous(r: GeocodeResult) -> bool:
    return r.feature in ("country", "admin1") or (r.feature == "city" and r.population >= _FAMOUS_CITY)


def far_villages(cands: list[Candidate], focus: Focus, home: Place | None, names: Names) -> list[Candidate]:
    """The candidates with a famous reading (a country, a region, a city of 100,000) restored
    over a village of the focus country that only the focus raised, when the village lies near
    none of the places the article plainly names (its names' own best readings, qualified names,
    the outlet's home) and the article points at the famous reading's country too. "England" and
    "London" in a story about Texas are not two Arkansas hamlets that vouch for each other;
    "Hanover" in a New Hampshire story is not the Jamaican parish; "Nelson" among New Hampshire
    towns is the town."""
    usual = {c.key: best[0] for c in cands if c.result is not None and (best := names.best(c.key, None))}
    anchors = [(r.lat, r.lon) for c in cands if (r := c.result) is not None and r.feature in TOWN_FEATURES
               and (c.qualifier or c.fixed or r.gazetteer_id == usual[c.key].gazetteer_id)]
    anchors += [(home.lat, home.lon)] if home else []
    qualified = {c.key for c in cands if c.qualifier}
    out = []
    for c in cands:
        r, u = c.result, usual.get(c.key)
        if (r is not None and u is not None and not (c.fixed or c.needs_cue) and c.key not in qualified
                and r.feature in ("town", "city") and r.population < _VILLAGE and _famous(u) and u.country != r.country
                and (focus.votes - focus.by_key.get(c.key, Counter()))[u.country or ""] > 0
                and not any(haversine_km(r.lat, r.lon, la, lo) <= _NEAR_ANCHOR_KM for la, lo in anchors)):
            c = c._replace(result=u)
        out.append(c)
    return out
