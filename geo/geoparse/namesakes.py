"""Namesakes: a country's name that is, here, a region or a town of the article's focus.

"Georgia" in an article about the US is the state, and "Palestine" in a Texas paper that names
Anderson County is the town: a region of the focus country, or a town of it near the article's
other places, beats a foreign country of the same name that the article otherwise ignores.
"""

from __future__ import annotations

from collections import Counter
from geo.distance import haversine_km
from geo.gazetteer import GeocodeResult
from geo.geoparse.focus import Focus
from geo.geoparse.names import Names
from geo.geoparse.records import Candidate
from geo.geoparse.rules import TOWN_FEATURES
from geo.place import Place

_NAMESAKE_TOWN = 1_000  # a country's name read as a town of the focus country ("Palestine", Texas)...
_NAMESAKE_KM = 50.0  # ...when it lies this near a place the article names


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


def at_home(cands: list[Candidate], focus: Focus, home: Place | None, names: Names) -> list[Candidate]:
    """The candidates with countries' names read at home where they are a namesake (a new list)."""
    places = [(r.lat, r.lon) for c in cands if (r := c.result) is not None and r.feature in TOWN_FEATURES]
    places += [(home.lat, home.lon)] if home else []
    out = []
    for c in cands:
        reading = None
        if c.result is not None and not c.fixed and c.result.feature == "country":
            reading = _at_home(c, focus, places, names)
        out.append(c if reading is None else c._replace(result=reading))
    return out
