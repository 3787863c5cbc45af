"""The one place type every stage carries: a point in the gazetteer (or near one).

A mention that resolved holds a :class:`Place`; one that did not holds ``None``, so code
that needs coordinates must say what it does without them (the type checker sees to it).

>>> p = Place(name="Sacaba", lat=-17.4042, lon=-66.0408, country="BO", admin1="Cochabamba", feature="city")
>>> p.point
(-17.4042, -66.0408)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geo.gazetteer import GeocodeResult


@dataclass(frozen=True)
class Place:
    """Where something is: a name, a WGS84 point and what the gazetteer knows of it."""

    name: str
    lat: float
    lon: float
    country: str | None = None
    admin1: str | None = None
    feature: str | None = None
    gazetteer_id: str | None = None
    score: float | None = None

    @classmethod
    def of(cls, result: GeocodeResult) -> Place:
        """The place a gazetteer (or online) lookup found."""
        return cls(name=result.name, lat=result.lat, lon=result.lon, country=result.country, admin1=result.admin1,
                   feature=result.feature, gazetteer_id=result.gazetteer_id, score=result.score)

    @property
    def point(self) -> tuple[float, float]:
        """(lat, lon)."""
        return self.lat, self.lon


def same_place(a: Place | None, b: Place | None, km: float, names: tuple[str, str] | None = None) -> bool:
    """True when two places are one for merging: points within ``km``; or, both unresolved,
    the same name as written (``names``, compared without case and spacing).

    >>> la_paz = Place("La Paz", -16.5, -68.15)
    >>> same_place(la_paz, Place("El Alto", -16.5, -68.167), 15), same_place(la_paz, None, 15)
    (True, False)
    >>> same_place(None, None, 15, ("Firelight  Lane", "firelight lane"))
    True
    """
    from geo.distance import haversine_km

    if a is not None and b is not None:
        return haversine_km(a.lat, a.lon, b.lat, b.lon) <= km
    if a is None and b is None and names is not None:
        return " ".join(names[0].lower().split()) == " ".join(names[1].lower().split())
    return False
