"""Sameness: whether two reports (or incidents) tell one event.

Compatible types, dates that can name the same day, places within 15 km or a county and a
town in it, and not two different streets; the figures each gives, and whether they agree.
Used by the merge of reports and by the dataset's reconcile of curated records.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Protocol

from geo.events.binding import SAME_PLACE_KM
from geo.events.report import VIOLENT_TYPES, Report
from geo.place import Place, same_place

_COMPATIBLE = [{"Violent demonstration", "Mob violence"},
               {"Peaceful protest", "Protest with intervention"}]
SPAN = {"day": 0, "week": 3, "month": 15}


def dates_compatible(a: date | None, pa: str, b: date | None, pb: str) -> bool:
    """True when two dates of the given precisions can name the same day.

    >>> dates_compatible(date(2019, 11, 18), "day", date(2019, 11, 15), "month")
    True
    >>> dates_compatible(date(2019, 11, 15), "day", date(2019, 11, 16), "day")
    False
    """
    if a is None or b is None:
        return a is None and b is None
    return abs((a - b).days) <= SPAN[pa] + SPAN[pb]


# Violence one outlet tells as an attack, another as force at a protest or a bomb: one event.
_ALSO_COMPATIBLE = [{"Attack", "Excessive force against protesters"}, {"Attack", "Remote explosive/landmine/IED"},
                    {"Attack", "Grenade"}, {"Attack", "Armed clash"}]  # (a shootout one outlet tells as a gun battle)


def types_compatible(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """True when two (event_type, sub_event_type) can be one event told two ways."""
    if a == b:
        return True
    if any({a[1], b[1]} <= pair for pair in _ALSO_COMPATIBLE):
        return True
    return a[0] == b[0] and any({a[1], b[1]} <= pair for pair in _COMPATIBLE)


class Told(Protocol):
    """What a report and an incident both have: the ground for telling two of them one event."""

    @property
    def event_type(self) -> str: ...
    @property
    def sub_event_type(self) -> str: ...
    @property
    def event_date(self) -> date | None: ...
    @property
    def date_precision(self) -> str: ...
    @property
    def location(self) -> str: ...
    @property
    def place(self) -> Place | None: ...


def same_event(a: Told, b: Told, same_toll: bool = False) -> bool:
    """True when two reports (or incidents) tell one event: compatible types, dates that can name
    the same day, places within 15 km (or, both unresolved, the same name as written), and not
    two different streets (unless they are known to give the ``same_toll`` of three or more people).
    Violence told a day apart is one event when the figures agree: one story's "late Saturday" is
    another's "early Sunday", or "last night" told the next day (in a city, on two people or more).
    """
    if not types_compatible((a.event_type, a.sub_event_type), (b.event_type, b.sub_event_type)):
        return False
    if not same_place(a.place, b.place, SAME_PLACE_KM, (a.location, b.location)):
        return county_and_town(a, b) and figures_agree(a, b)
    if two_streets(a, b) and not same_toll:
        return False  # two shootings in one city on one night, on two streets or in two neighbourhoods
    violent = a.event_type in VIOLENT_TYPES
    if dates_compatible(a.event_date, a.date_precision, b.event_date, b.date_precision):
        return True
    return (violent and a.date_precision == b.date_precision == "day"
            and a.event_date is not None and b.event_date is not None
            and abs((a.event_date - b.event_date).days) == 1
            and tolls_agree(toll(a), toll(b), _day_apart_least(a, b)))


_FINE = frozenset({"local", "district"})  # a street or a neighbourhood


def _day_apart_least(a: Told, b: Told) -> int:
    """How many people the figures of two reports a day apart must agree on to tell one event: in
    a city, where one person is shot on most days, two; elsewhere one."""
    return 2 if any(t.place is not None and t.place.feature == "city" for t in (a, b)) else 1


def two_streets(a: Told, b: Told) -> bool:
    """Both are placed at a street or a neighbourhood, or both at a small town, and not the same
    one (West Englewood and Bridgeport, Chicago's; Evergreen Park and Oak Lawn; but a town and a
    street, which may lie in it, may be one place)."""
    if a.place is None or b.place is None or a.place.name == b.place.name:
        return False
    if a.place.feature in _FINE and b.place.feature in _FINE:
        return street_key(a.place.name) != street_key(b.place.name)
    return a.place.feature == b.place.feature == "town"


_STREET_WORDS = re.compile(r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|[nsew]|ne|nw|se|sw|"
                           r"street|st|avenue|ave|road|rd|drive|dr|boulevard|blvd|lane|ln|place|pl|court|ct|parkway|"
                           r"pkwy|circle|cir|highway|hwy|terrace|way)\b")


def street_key(name: str) -> str:
    """A street's name as outlets vary it least: its own words, without directions and type
    words ("S. Aberdeen St., Chicago" and "South Aberdeen Street, Chicago": "aberdeen, chicago").

    >>> street_key("S. Aberdeen St., Chicago") == street_key("South Aberdeen Street, Chicago")
    True
    """
    street, _, town = name.partition(", ")
    own = " ".join(_STREET_WORDS.sub(" ", re.sub(r"[^\w\s]", " ", street.lower())).split())
    return f"{own or street.lower()}, {town.lower()}"


COUNTY_KM = 60.0  # a county's point lies this near the towns in it


def within_county(a: Place | None, b: Place | None) -> bool:
    """One is a county and the other a place that may lie in it: same state, near its point."""
    if a is None or b is None or (a.feature == "admin2") == (b.feature == "admin2"):
        return False
    return a.country == b.country and a.admin1 == b.admin1 and same_place(a, b, COUNTY_KM)


def county_and_town(a: Told, b: Told) -> bool:
    """"In Kerr County" and "in Kerrville": a county and a town that may lie in it, told the same
    day (whose figures must then agree for the two to be one event)."""
    return within_county(a.place, b.place) and a.event_date == b.event_date


def figure(t: Told, name: str) -> int | None:
    """A report's own figure (``injured``: stated, else the people hit who did not die), or an
    incident's (its ``injuries``)."""
    if name == "injured" and not isinstance(t, Report):
        name = "injuries"
    return getattr(t, name, None)


Toll = tuple[int | None, int | None]  # (killed, injured) as told, None where not told


def toll(t: Told) -> Toll:
    """What a report (or an incident) tells of the dead and the injured."""
    return figure(t, "fatalities"), figure(t, "injured")


def tolls_agree(x: Toll, y: Toll, least: int = 1) -> bool:
    """No figure told on both sides differs, and those told on both count ``least`` people or
    more (figures told on one side only prove nothing)."""
    shared = [(a, b) for a, b in zip(x, y) if a is not None and b is not None]
    return all(a == b for a, b in shared) and sum(a for a, _ in shared) >= least


def figures_agree(a: Told, b: Told) -> bool:
    """The two give a figure alike and none differently (one story's "two were shot" told a
    day later)."""
    return tolls_agree(toll(a), toll(b))


def largest(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return max(known) if known else None
