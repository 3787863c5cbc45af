"""Nearness: among close alternatives, the reading near the article's other places.

Near what they resolved to, or near any of their own readings in the focus country ("Paris"
and "Henry County" are both in Tennessee, whichever each first chose); and near the outlet's
home town, which weighs more than guesses about other names.
"""

from __future__ import annotations

import numpy as np

from geo.distance import haversine_km_many
from geo.gazetteer import GeocodeResult
from geo.geoparse.focus import Focus
from geo.geoparse.names import OPTIONS, Names
from geo.geoparse.records import Candidate
from geo.geoparse.rules import HOME_KM, OPENER_FEATURES
from geo.place import Place

_NEAR_KM = 400.0
_BONUS_NEAR = 25.0
_BONUS_HOME = 25.0
_FEW = 5  # readings an unqualified name stands for
_CITY = 100_000  # "New York" the city beside the state; "Vermont" among states is no Illinois village

Points = dict[str, set[tuple[float, float]]]
Regions = dict[tuple[str | None, str | None], set[str]]  # (country, admin-1 name) -> the names naming it


def _points(cands: list[Candidate], focus: Focus, home: Place | None, names: Names) -> Points:
    """Name -> the points it stands for: its reading, and (unqualified) its readings in the focus
    country; the home under the name ""."""
    readings: Points = {"": {(home.lat, home.lon)}} if home else {}
    for c in cands:
        if c.result is None or c.result.feature in ("country", "continent", "region"):
            continue
        points = readings.setdefault(c.key, set())
        points.add((c.result.lat, c.result.lon))
        if not (c.fixed or c.qualifier):
            points.update((o.lat, o.lon) for o in _readings_of(c.key, focus, names)
                          if o.country == focus.country and o.feature not in OPENER_FEATURES)
    return readings


def _readings_of(key: str, focus: Focus, names: Names) -> tuple[GeocodeResult, ...]:
    """The few best readings an unqualified name stands for, but none of those that tie with
    namesakes beyond the few: the first five "Jefferson County" (of 25 equals) by name would be
    Alabama to Georgia, not Kentucky's, and pull "Louisville" to Colorado; which of 25 a name means
    is no evidence of where the story is."""
    best = names.best(key, focus.country)
    if len(best) > _FEW and best[_FEW].score == best[_FEW - 1].score:
        return tuple(o for o in best[:_FEW] if o.score > best[_FEW - 1].score)
    return best[:_FEW]


def _options(key: str, focus: Focus, home: Place | None, names: Names) -> tuple[GeocodeResult, ...]:
    """The readings nearness may choose among ("Madison County" in 20 states: all of them)."""
    options = names.best(key, focus.country)
    reach = _BONUS_NEAR + (_BONUS_HOME if home else 0.0)
    if len(options) == OPTIONS and options[-1].score == options[0].score:
        # Equals beyond the first few: all of them.
        options = tuple(o for o in names.many(key, focus.country) if o.score == options[0].score)
    elif len(options) == OPTIONS and options[-1].score > options[0].score - reach:
        # A local paper's "Clinton", the "Marion" of a story that names Wichita, may be the
        # country's twentieth: every namesake nearness (and the home) could still lift to the top.
        options = tuple(o for o in names.many(key, focus.country) if o.score > options[0].score - reach)
    return options


def _regions(cands: list[Candidate]) -> Regions:
    """The admin-1 regions the article names ("N.Y." in a dateline, "Ohio") and the names naming each."""
    regions: Regions = {}
    for c in cands:
        if c.result is not None and c.result.feature == "admin1" and c.result.admin1:
            regions.setdefault((c.result.country, c.result.admin1), set()).add(c.key)
    return regions


def _nearest(choices: tuple[GeocodeResult, ...], ranks: list[float], others: list[tuple[float, float]],
             home: Place | None, inside: frozenset[tuple[str | None, str | None]] = frozenset()) -> GeocodeResult:
    """The choice whose rank, raised by nearness to the other places and the home, is best. A
    town inside a region the article names (``inside``) is as near as can be: a state's centre
    is no measure of its towns (Lakewood, N.Y., lies 400 km from New York's)."""
    # Each choice's distance to its nearest other place, all choices at once.
    lats, lons = np.array(others).T
    at = np.array([(r.lat, r.lon) for r in choices])
    km = haversine_km_many(at[:, :1], at[:, 1:], lats, lons).min(axis=1)
    km[[r.feature != "admin1" and (r.country, r.admin1) in inside for r in choices]] = 0.0
    score = np.array(ranks) + _BONUS_NEAR * np.exp(-km / _NEAR_KM)
    if home is not None:  # the outlet's own town weighs more than guesses about other names
        score += _BONUS_HOME * np.exp(-haversine_km_many(at[:, 0], at[:, 1], home.lat, home.lon) / HOME_KM)
    return choices[int(np.argmax(score))]  # the first best, as max() would


def by_nearness(cands: list[Candidate], focus: Focus, sense: dict[str, GeocodeResult], decided: set[str],
                home: Place | None, names: Names, voters: list[Candidate] | None = None) -> list[Candidate]:
    """The candidates with nearness applied to their unqualified names (a new list); ``voters``
    (default: all of them) are those whose readings count as the article's other places."""
    voting = cands if voters is None else voters
    readings, regions = _points(voting, focus, home, names), _regions(voting)
    sense, decided = dict(sense), set(decided)
    out = []
    for c in cands:
        r = c.result if c.result is None or c.qualifier or c.fixed else _choose(
            c, focus, sense, decided, (readings, regions), home, names)
        out.append(c if r is c.result else c._replace(result=r))
    return out


def _choose(c: Candidate, focus: Focus, sense: dict[str, GeocodeResult], decided: set[str],
            around: tuple[Points, Regions], home: Place | None, names: Names) -> GeocodeResult | None:
    """The reading of one unqualified name; settles its sense (``sense``, ``decided``) for later
    uses. ``around``: the other names' points and the regions the article names."""
    readings, regions = around
    if c.key in decided:
        return sense[c.key]
    options = names.best(c.key, focus.country)
    # Countries and the focus country's regions keep their name; a foreign region may
    # yield to a namesake among the article's places ("Delta" near Vancouver, not Nigeria's).
    if len(options) < 2 or (options[0].feature in OPENER_FEATURES
                            and not (options[0].feature == "admin1" and options[0].country != focus.country)):
        return c.result
    options = names.as_spelled(_options(c.key, focus, home, names), c.key, c.spelled)
    fixed = sense.get(c.key)
    if fixed is not None and fixed.gazetteer_id != options[0].gazetteer_id:
        return fixed  # a qualifier, or this name's first use, already chose
    choices = options[:5] if len(options) < OPTIONS else options
    if options[0].feature == "admin1":  # a foreign region yields to a town of another country, or a city
        choices = tuple(o for o in choices if o is options[0] or o.country != options[0].country
                        or o.population >= _CITY)
    ranks = [focus.rank(o) for o in choices]
    top = max(ranks)
    reach = _BONUS_NEAR + (_BONUS_HOME if home else 0.0)
    if sum(r > top - reach for r in ranks) == 1:  # nearness cannot close the gap
        best = choices[ranks.index(top)]
    else:
        others = [a for k, points in readings.items() if k != c.key for a in points]
        if not others:
            return c.result
        named = [k for k, keys in regions.items() if keys - {c.key}]
        inside = frozenset(named if len(named) == 1 else ())  # the story's one state, not one of several
        best = _nearest(choices, ranks, others, home, inside)
    sense[c.key] = best
    decided.add(c.key)
    return best
