"""The map's opening view: the incidents that matter, not the far outliers.

Each incident weighs 1 + its fatalities. The view holds the incidents within three times the
weighted median distance from the weighted median point (at least 30 km): a march of
solidarity on another continent is drawn, and reached with "fit all", but does not set the
zoom at which the massacres are read.

>>> view([(-16.5, -68.15, 0), (-16.58, -68.19, 8), (-17.39, -66.06, 9), (14.64, -90.51, 0)])
[[-17.39, -68.19], [-16.5, -66.06]]
"""

from __future__ import annotations

import math

MIN_KM = 30.0


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _weighted_median(values: list[float], weights: list[float]) -> float:
    pairs = sorted(zip(values, weights))
    half, acc = sum(weights) / 2, 0.0
    for v, w in pairs:
        acc += w
        if acc >= half:
            return v
    return pairs[-1][0]


def bounds(points) -> list[list[float]] | None:
    """[[south, west], [north, east]] of (lat, lon, ...) points, None for none."""
    pts = list(points)
    if not pts:
        return None
    return [[min(p[0] for p in pts), min(p[1] for p in pts)], [max(p[0] for p in pts), max(p[1] for p in pts)]]


def view(points: list[tuple[float, float, float]]) -> list[list[float]] | None:
    """The opening bounds of (lat, lon, fatalities) points."""
    if not points:
        return None
    weights = [1.0 + (f or 0) for _, _, f in points]
    centre = (_weighted_median([p[0] for p in points], weights), _weighted_median([p[1] for p in points], weights))
    dist = [_km(centre, (p[0], p[1])) for p in points]
    reach = max(MIN_KM, 3 * _weighted_median(dist, weights))
    kept = [p for p, d in zip(points, dist) if d <= reach]
    kept.append(max(points, key=lambda p: p[2] or 0))  # the deadliest is always in view
    return bounds(kept)
