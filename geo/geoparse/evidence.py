"""An outlet's corpus evidence, reduced from what each of its stories says alone.

The outlet pass (:meth:`~geo.geoparse.Geoparser.outlet_pass`) needs all of an outlet's stories,
but only a little of each: the names a story settled by context and those it left at their
usual reading (:class:`Evidence`, from its first reading), and the towns it names. These are
small, picklable and cacheable; the outlet's home and the senses a story follows are reduced
from them (:func:`senses_of`, :func:`home_of`) here or in a parent process that holds no
gazetteer, and a story's final reading depends on its own text and on those two alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import NamedTuple

import numpy as np

from geo.distance import haversine_km_many
from geo.gazetteer import GeocodeResult
from geo.geoparse.mentions import Mention
from geo.geoparse.names import Names
from geo.geoparse.records import Candidate
from geo.geoparse.rules import HOME_KM, TOWN_FEATURES

HOME_ARTICLES = 3  # an outlet's articles needed to judge where it is based
HOME_SHARE = 0.25
HOME_CANDIDATES = 300

Towns = dict[tuple[float, float], Mention]  # point -> a mention of the town (the story's last)


class Evidence(NamedTuple):
    """One story's share of its outlet's evidence, from its first reading alone."""

    settles: tuple[tuple[str, GeocodeResult], ...]  # names it settled by context, in its order
    plain: frozenset[str]  # town names it left at their usual reading, unsupported by its other places
    towns: Towns  # the towns its first reading names
    readings: tuple[tuple[str, tuple[GeocodeResult, ...]], ...]  # the towns its outlet may be named after


def compact(result: GeocodeResult) -> GeocodeResult:
    """A reading without its runners-up and area (the outlet pass uses neither): small to pickle."""
    return replace(result, ranked_rest=(), area=None)


def towns_of(mentions: list[Mention]) -> Towns:
    """The towns ``mentions`` name, as the outlet's home is judged from them."""
    return {m.place.point: m for m in mentions
            if m.place is not None and m.feature in TOWN_FEATURES and m.feature != "local"}


def evidence_of(cands: list[Candidate], demonyms: list[Candidate], mentions: list[Mention],
                readings: tuple, names: Names) -> Evidence:
    """A story's evidence: ``cands`` as its first reading resolved them, its ``demonyms`` and
    mentions, and ``readings``, its outlet's (:func:`~geo.geoparse.outlets.outlet_readings`)."""
    names_in: dict[str, set[str]] = {}  # country -> the story's names resolved there
    for c in cands + demonyms:
        if c.result is not None:
            names_in.setdefault(c.result.country or "", set()).add(c.key)
    settles, plain = [], set()
    for c in cands:
        r = c.result
        if r is None or c.fixed or r.feature not in TOWN_FEATURES:
            continue
        usual = names.best(c.key, None)[:1]
        if usual and r.gazetteer_id == usual[0].gazetteer_id:
            # Usual, and nothing else in the story is in its country: the story did not
            # choose it ("Jerusalem" among Israeli places did).
            if c.qualifier is None and not names_in[r.country or ""] - {c.key}:
                plain.add(c.key)
        else:
            settles.append((c.key, compact(r)))
    return Evidence(tuple(settles), frozenset(plain), towns_of(mentions), readings)


def senses_of(evidence: list[Evidence]) -> list[dict[str, GeocodeResult]]:
    """The senses each story of one outlet follows (in its order): for the names it leaves
    without context, the reading another story settled by context ("London" after "Canada" in
    one London Free Press story is London, Ontario, in the paper's stories that say only
    "London"); stories that settle a name apart leave the outlet no sense for it."""
    settled = settled_of(evidence)
    return [follows(ev, settled) for ev in evidence]


Settled = dict[str, "GeocodeResult | None"]  # name -> the reading stories settled it at (None: apart)


def settled_of(evidence: list[Evidence], settled: Settled | None = None) -> Settled:
    """The readings ``evidence`` settles names at, after those of ``settled``."""
    settled = dict(settled or {})
    for ev in evidence:
        for key, r in ev.settles:
            prior = settled.get(key, r)
            settled[key] = r if prior is not None and prior.gazetteer_id == r.gazetteer_id else None
    return settled


def follows(ev: Evidence, settled: Settled) -> dict[str, GeocodeResult]:
    """The senses a story of evidence ``ev`` follows, its outlet's stories having ``settled`` names so."""
    return {k: sense for k in sorted(ev.plain) if (sense := settled.get(k)) is not None}


def home_of(readings: tuple, towns: list[Towns], stories: int) -> Mention | None:
    """Where an outlet of ``stories`` stories is based, from the towns each names (``towns``),
    or None. A town in the outlet's name (``readings``: :func:`~geo.geoparse.outlets.outlet_readings`) that two or more of the towns its
    stories name lie near is its home; otherwise the town with most of those towns within
    150 km is, if that is a quarter of them."""
    points: Counter[tuple[float, float]] = Counter()
    where: Towns = {}
    for named in towns:
        where.update(named)
        points.update(named.keys())
    if stories < HOME_ARTICLES or not points:
        return None
    common = points.most_common(HOME_CANDIDATES)  # the centre is among the towns it names most
    lats, lons = np.array([p for p, _ in common]).T
    counts = np.array([n for _, n in common])

    def support(lat: float, lon: float) -> int:
        return int(counts[haversine_km_many(lat, lon, lats, lons) <= HOME_KM].sum())
    for key, options in readings:
        best = max(options, key=lambda o: support(o.lat, o.lon), default=None)
        if best is not None and support(best.lat, best.lon) >= 2:
            return Mention.of(best, key, 0, 0)
    near = [support(*p) for p, _ in common]
    best_at = max(range(len(common)), key=near.__getitem__)  # the first of equals, as before
    return where[common[best_at][0]] if near[best_at] >= HOME_SHARE * sum(points.values()) else None
