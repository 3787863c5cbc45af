"""First readings: each name's reading from its qualifier, the outlet's senses or its best
reading (ranked by the article's focus), and one sense per name per article.

Qualified names go first ("Huayllani, Cochabamba"): they fix the sense of later bare uses.
"""

from __future__ import annotations

from geo.gazetteer import GeocodeResult
from geo.geoparse.focus import Focus
from geo.geoparse.names import Names
from geo.geoparse.records import Candidate
from geo.geoparse.spotters import abbreviated
from geo.geoparse.rules import OPENER_FEATURES
from geo.lexicon import PLACE_ABBREVIATIONS
from geo.normalize import normalize_name


def unresolved(cands: list[Candidate]) -> list[Candidate]:
    """The candidates as recognised: only the fixed ones (abbreviations, demonyms) keep a reading."""
    return [c if c.fixed or c.result is None else c._replace(result=None) for c in cands]


def _equals(key: str, qualifier: str, names: Names) -> bool:
    """Whether "X, Y" names two countries, or two regions of one country ("Vermont, Virginia";
    "Hanover, Va." is a town, whatever Jamaica's parish is called)."""
    x, y = (names.best(k, None)[0] if names.known(k) and names.best(k, None) else None for k in (key, qualifier))
    return (x is not None and y is not None and x.feature == y.feature
            and (x.feature == "country" or (x.feature == "admin1" and x.country == y.country)))


def _kin(key: str, qualifier: str, names: Names) -> GeocodeResult | None:
    """The reading of a listed name of the kind the next item is, in its country ("Washington"
    before "West Virginia" in a list of states)."""
    beside = names.best(qualifier, None)
    if not beside or beside[0].feature not in ("country", "admin1"):
        return None
    return next((r for r in names.best(key, None) if r.feature == beside[0].feature
                 and (r.feature == "country" or r.country == beside[0].country)), None)


def _qualified(c: Candidate, focus: Focus, names: Names) -> tuple[tuple[GeocodeResult, ...], GeocodeResult | None]:
    """The readings of a name within its qualifier, or (none there) the region the qualifier
    names: "Holliday, Missouri" is a town the gazetteer lacks, in a region it has. The region
    says where it is; a Holliday in Texas would not."""
    assert c.qualifier is not None
    level = names.usual_feature(c.key)
    if _equals(c.key, normalize_name(c.qualifier), names):
        return (), None  # "China, Japan", "Vermont, Virginia": a list of equals, not an address
    if c.listed and (kin := _kin(c.key, normalize_name(c.qualifier), names)):
        return (), kin  # "Virginia, Washington, West Virginia": the state among states
    options = names.as_spelled(names.within(c.key, c.qualifier, focus.country), c.key, c.spelled, widen=False)
    if options or c.listed or level in OPENER_FEATURES:
        return options, None
    return options, _region_named(c.qualifier, focus, names)


def _region_named(qualifier: str, focus: Focus, names: Names) -> GeocodeResult | None:
    """The country or admin-1 region a qualifier names, as written ("Missouri", "Mo.")."""
    if qualifier.strip() in PLACE_ABBREVIATIONS:
        return abbreviated(qualifier.strip(), names)
    return next((r for r in names.best(qualifier, focus.country) if r.feature in ("country", "admin1")), None)


def first_readings(cands: list[Candidate], focus: Focus, senses: dict[str, GeocodeResult] | None,
                   names: Names) -> tuple[list[Candidate], dict[str, GeocodeResult], set[str]]:
    """The candidates with their first readings (a new list, in their order); the sense of each
    name so far; and the names already decided (the outlet's senses), whose later uses share it.

    ``senses``, the outlet's, hold for the names this story does not qualify itself ("London,
    England")."""
    qualified = {c.key for c in cands if c.qualifier}
    sense: dict[str, GeocodeResult] = {k: r for k, r in (senses or {}).items() if k not in qualified}
    decided: set[str] = set(sense)
    results: dict[int, GeocodeResult] = {}
    for n in sorted(range(len(cands)), key=lambda n: cands[n].qualifier is None):
        c = cands[n]
        if c.fixed:
            continue
        if c.key in sense and c.qualifier is None:
            results[n] = sense[c.key]
            continue
        options: tuple[GeocodeResult, ...] = ()
        if c.qualifier:
            options, region = _qualified(c, focus, names)
            if region is not None:
                results[n] = region
                if region.feature == "admin1":  # later bare uses are that town too, not a namesake elsewhere
                    sense[c.key] = region  # ("According to Conrad, South Africa ..." names no town)
                continue
        if not options:
            options = names.as_spelled(names.best(c.key, focus.country), c.key, c.spelled)
        if not options:
            continue
        results[n] = max(options, key=focus.rank)
        sense.setdefault(c.key, results[n])
    return [c._replace(result=results[n]) if n in results else c for n, c in enumerate(cands)], sense, decided
