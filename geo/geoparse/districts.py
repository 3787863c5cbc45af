"""Districts: neighbourhoods, districts and stations of a town, placed at the town.

A gazetteer of settlements seldom holds a city's neighbourhoods, and when it does under a
namesake elsewhere ("Roxbury" is a Wisconsin town too), so the way an article presents one is
the evidence: "the Roxbury neighborhood of Boston", "Roxbury, a neighborhood in Boston",
"in Boston's Roxbury neighborhood". The district is resolved as its town is, and its later
bare uses in the article ("Roxbury") are that district too.
"""

from __future__ import annotations

import re

from geo.distance import haversine_km
from geo.fastscan import finditer
from geo.gazetteer import GeocodeResult
from geo.geoparse.names import Names
from geo.geoparse.records import Candidate
from geo.lexicon import STOPWORDS
from geo.normalize import normalize_name
from geo.place import Place

TOWN_KM = 30.0  # a place of the district's name this near its town is the district
_NAME = r"[A-ZÁÉÍÓÚÑ][\w’'-]*(?:\s+(?:of\s+the\s+|of\s+|de\s+|del\s+)?[A-ZÁÉÍÓÚÑ][\w’'-]*){0,3}"
_KIND = r"(?:neighbou?rhoods?|district|section|quarter|area|station|square)"
_PATTERNS = (
    # "the Roxbury neighborhood of Boston", "the Back of the Yards section of Chicago"
    re.compile(rf"\bthe\s+(?P<part>{_NAME})\s+{_KIND}\s+(?:of|in)\s+(?P<town>{_NAME})(?:,\s+(?P<region>{_NAME}))?"),
    # "Roxbury, a neighborhood in Boston", "Brighton Park, a Southwest Side neighborhood of Chicago"
    re.compile(rf"(?P<part>{_NAME}),\s+an?\s+(?:[\w-]+\s+){{0,3}}?{_KIND}\s+(?:of|in)\s+(?P<town>{_NAME})"
               rf"(?:,\s+(?P<region>{_NAME}))?"),
    # "in Boston's Roxbury neighborhood", "Chicago's Englewood neighborhood"
    re.compile(rf"(?P<town>{_NAME})['’]s\s+(?P<part>{_NAME})\s+{_KIND}\b"),
)
# "in the Roseland neighborhood", "the South Side Washington Heights neighborhood": a part of
# the town the story is in, which it does not name here (placed as a street is).
_NEIGHBOURHOOD = re.compile(rf"\bthe\s+(?:(?:Far\s+)?(?:North|South|East|West)(?:west|east)?\s+Side\s+)?"
                            rf"(?P<part>{_NAME})\s+neighbou?rhood\b(?!\s+(?:of|in)\s+[A-Z])")


def _in_town(part: str, town: str, region: str | None, names: Names) -> Candidate | None:
    """How a district is read: as the place of its name the gazetteer has in its town ("Englewood,
    Chicago"), or none such, as a part of the town (None: the words are no district of a known town,
    or name a known place in an unknown one, "the Kabanjahe district of Sumatra"). A region after
    the town ("the Rockville area of Vernon, Connecticut") qualifies the district's reading."""
    pk, tk = normalize_name(part), normalize_name(town)
    if part.split()[0].lower() in STOPWORDS or pk == tk or not names.known(tk):
        return None
    if names.known(pk):
        if _reading_near(pk, [(r.lat, r.lon) for r in names.many(tk, None)], names) is not None:
            return Candidate(0, 0, pk, qualifier=town)
        if region and names.within(pk, region, None):
            return Candidate(0, 0, pk, qualifier=region)
    return Candidate(0, 0, tk, qualifier=region, district=part)


def districts(text: str, names: Names) -> list[Candidate]:
    """The districts an article presents as parts of a town: each a candidate at the district's
    span, either the gazetteer's place of that name in the town (qualified by it), or keyed by
    its town's name (resolved as the town), with the district's name kept."""
    out: list[Candidate] = []
    for pattern in _PATTERNS:
        for m in finditer(pattern, text):
            region = m.groupdict().get("region")
            region = region if region and names.is_region(normalize_name(region)) else None
            if (c := _in_town(m.group("part"), m.group("town"), region, names)) is not None:
                out.append(c._replace(start=m.start("part"), end=m.end("part")))
    for m in finditer(_NEIGHBOURHOOD, text):
        part = m.group("part")
        if part.split()[0].lower() not in STOPWORDS:
            out.append(Candidate(m.start("part"), m.end("part"), normalize_name(part), local=True, district=part))
    return sorted({c.start: c for c in out}.values(), key=lambda c: c.start)


def bare_uses(cands: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """The candidates, with later bare uses of a district's name read as the district."""
    towns = {normalize_name(c.district): c for c in found if c.district and not c.local}
    towns.update((c.key, c) for c in found if c.qualifier)
    parts = {c.key: c.district for c in found if c.local and c.key not in towns}  # of the story's town
    return [c._replace(local=True, needs_cue=False, district=parts[c.key])
            if c.key in parts and not (c.local or c.fixed or c.qualifier)
            else c._replace(key=towns[c.key].key, district=towns[c.key].district, qualifier=towns[c.key].qualifier,
                            needs_cue=False) if c.key in towns and not (c.district or c.fixed or c.qualifier) else c
            for c in cands]


def in_home_town(c: Candidate, town: Place, names: Names) -> GeocodeResult | None:
    """The gazetteer's place of a neighbourhood's name in the story's town, if it has one
    ("the Bridgeport neighborhood" of a Chicago story is Chicago's Bridgeport)."""
    if not c.district or not names.known(c.key):
        return None
    return _reading_near(c.key, [town.point], names, town.country)


def _reading_near(key: str, points: list[tuple[float, float]], names: Names,
                  country: str | None = None) -> GeocodeResult | None:
    """The first reading of a name within TOWN_KM of one of the points (a town's), if any."""
    return next((r for r in names.many(key, country)
                 if any(haversine_km(r.lat, r.lon, la, lo) <= TOWN_KM for la, lo in points)), None)
