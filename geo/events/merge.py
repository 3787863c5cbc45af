"""Merging: reports of one event (from one article or many) become one incident.

Two reports tell one event when their types are compatible, their dates can name the same
day and their places lie within 15 km (:func:`same_event`, used by the dataset's reconcile
too). The incident keeps every source with its own figures and quote.
"""

from __future__ import annotations

import hashlib
import math
from datetime import date
from typing import Protocol

from geo.articles import Article
from geo.events.binding import SAME_PLACE_KM, SPECIFICITY
from geo.events.report import Report
from geo.normalize import normalize_name
from geo.place import Place, same_place
from geo.records import Incident, Source

_COMPATIBLE = [{"Violent demonstration", "Mob violence"},
               {"Peaceful protest", "Protest with intervention"}]
_SPAN = {"day": 0, "week": 3, "month": 15}
# A merged incident is typed by its gravest report.
_SEVERITY = {"Excessive force against protesters": 0, "Attack": 0, "Mob violence": 1,
             "Violent demonstration": 1, "Protest with intervention": 2}


def dates_compatible(a: date | None, pa: str, b: date | None, pb: str) -> bool:
    """True when two dates of the given precisions can name the same day.

    >>> dates_compatible(date(2019, 11, 18), "day", date(2019, 11, 15), "month")
    True
    >>> dates_compatible(date(2019, 11, 15), "day", date(2019, 11, 16), "day")
    False
    """
    if a is None or b is None:
        return a is None and b is None
    return abs((a - b).days) <= _SPAN[pa] + _SPAN[pb]


# Violence one outlet tells as an attack, another as force at a protest or a bomb: one event.
_ALSO_COMPATIBLE = [{"Attack", "Excessive force against protesters"}, {"Attack", "Remote explosive/landmine/IED"},
                    {"Attack", "Grenade"}]


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
    two different streets (unless they are known to give the ``same_toll`` of two or more people).
    Violence told a day apart is one event when the figures agree: one story's "late Saturday" is
    another's "early Sunday", or "last night" told the next day.
    """
    if not types_compatible((a.event_type, a.sub_event_type), (b.event_type, b.sub_event_type)):
        return False
    if not same_place(a.place, b.place, SAME_PLACE_KM, (a.location, b.location)):
        # "in Kerr County" and "in Kerrville": a county and a town in it, the same figures, the same day
        return _within_county(a.place, b.place) and a.event_date == b.event_date and _figures_agree(a, b)
    if two_streets(a, b) and not same_toll:
        return False  # two shootings in one city on one night, on two streets or in two neighbourhoods
    violent = a.event_type in _VIOLENT_TYPES
    if dates_compatible(a.event_date, a.date_precision, b.event_date, b.date_precision):
        return True
    return (violent and a.date_precision == b.date_precision == "day"
            and a.event_date is not None and b.event_date is not None
            and abs((a.event_date - b.event_date).days) == 1 and _figures_agree(a, b))


_FINE = frozenset({"local", "district"})  # a street or a neighbourhood
_VIOLENT_TYPES = frozenset({"Violence against civilians", "Battles", "Explosions/Remote violence"})


def two_streets(a: Told, b: Told) -> bool:
    """Both are placed at a street or a neighbourhood, and not the same one."""
    return (a.place is not None and b.place is not None and a.place.feature in _FINE and b.place.feature in _FINE
            and a.place.name != b.place.name)


COUNTY_KM = 60.0  # a county's point lies this near the towns in it


def _within_county(a: Place | None, b: Place | None) -> bool:
    """One is a county and the other a place that may lie in it: same state, near its point."""
    if a is None or b is None or (a.feature == "admin2") == (b.feature == "admin2"):
        return False
    return a.country == b.country and a.admin1 == b.admin1 and same_place(a, b, COUNTY_KM)


def _figure(t: Told, name: str) -> int | None:
    """A report's own figure (``injured``: stated, else the people hit who did not die), or an
    incident's (its ``injuries``)."""
    if name == "injured" and not isinstance(t, Report):
        name = "injuries"
    return getattr(t, name, None)


def _figures_agree(a: Told, b: Told) -> bool:
    """The two give a figure alike and none differently (one story's "two were shot" told a
    day later): figures known on one side only prove nothing."""
    shared = 0
    for x, y in ((_figure(a, "fatalities"), _figure(b, "fatalities")), (_figure(a, "injured"), _figure(b, "injured"))):
        if x is not None and y is not None:
            if x != y:
                return False
            shared += bool(x)
    return shared > 0


def _toll(group: list[Report]) -> tuple[int | None, int | None]:
    """(killed, injured) as the group's reports give them, at their largest."""
    return (_largest([_figure(m, "fatalities") for m in group]), _largest([_figure(m, "injured") for m in group]))


def _tolls_agree(x: tuple[int | None, int | None], y: tuple[int | None, int | None], least: int) -> bool:
    """No figure known on both sides differs, and those known on both count ``least`` people or more."""
    shared = [(a, b) for a, b in zip(x, y) if a is not None and b is not None]
    return all(a == b for a, b in shared) and sum(a for a, _ in shared) >= least


def _joins(group: list[Report], rep: Report) -> bool:
    """Whether ``rep`` tells the event of ``group``: its first report's (:func:`same_event`), and
    on none of its members' other streets unless they give the same toll of two or more people
    ("Addison Place" and the "Raleigh Boulevard" it is off); or, the same day, a county and a town
    in it whose figures agree (any of the group's: a story's headline gives none, its lead does)."""
    head, told = group[0], (_figure(rep, "fatalities"), _figure(rep, "injured"))
    toll = _tolls_agree(_toll(group), told, 2)
    if same_event(head, rep, toll):
        return toll or not any(two_streets(member, rep) for member in group)
    if not (_within_county(head.place, rep.place) and head.event_date == rep.event_date
            and types_compatible((head.event_type, head.sub_event_type), (rep.event_type, rep.sub_event_type))):
        return False
    return _tolls_agree(_toll(group), told, 1)


def group_reports(reports: list[Report]) -> list[list[Report]]:
    """Reports in groups of one event each: a report joins the first group whose first report
    tells its event (:func:`same_event`) and none of whose reports is on another street,
    finest dates first.

    Groups are found by their first report's day and place, so a report is compared only with
    groups whose dates could name its day and whose places lie near enough to be its own (a
    grid of 1-degree cells; unresolved places by their name as written): near-linear in the
    number of reports, and the same groups as comparing with every group.
    """
    groups: list[list[Report]] = []
    # cell -> (head precision, head day) -> group numbers
    by_cell: dict[tuple, dict[tuple[str, date | None], list[int]]] = {}
    for rep in sorted(reports, key=lambda r: (_SPAN[r.date_precision], r.event_date or date.max)):
        days = _days_around(rep)
        found = [k for cell in _cells_around(rep) if (heads := by_cell.get(cell))
                 for day in days for k in heads.get(day, ())]
        # A group told at city level ("shootings across Chicago") may not gather two streets' events.
        match = next((k for k in sorted(found) if _joins(groups[k], rep)), None)
        if match is None:
            by_cell.setdefault(_cell(rep), {}).setdefault((rep.date_precision, rep.event_date), []).append(len(groups))
            groups.append([rep])
        else:
            groups[match].append(rep)
    return groups


_KM_PER_DEGREE = 111.19  # of latitude, on the sphere haversine_km uses


def _cell(rep: Report) -> tuple:
    """The grid cell of a report's place; an unresolved place by its name as written."""
    p = rep.place
    if p is None:
        return ("", " ".join(rep.location.lower().split()))
    return (math.floor(p.lat), math.floor(p.lon))


def _cells_around(rep: Report) -> list[tuple]:
    """The cells holding every place that can be one event's with this report's: within
    SAME_PLACE_KM, or COUNTY_KM for a county (see :func:`same_event`)."""
    p = rep.place
    if p is None:
        return [_cell(rep)]
    lat, lon = math.floor(p.lat), math.floor(p.lon)
    reach = max(SAME_PLACE_KM, COUNTY_KM) / _KM_PER_DEGREE
    rows = range(lat - 1 - int(reach), lat + 2 + int(reach))
    widest = max(abs(rows[0]), abs(rows[-1] + 1))
    narrow = math.cos(math.radians(min(widest, 90)))
    across = int(reach / narrow) + 1 if narrow > reach / 180 else 180
    cols = range(-180, 180) if across >= 180 else [(c + 180) % 360 - 180 for c in range(lon - across, lon + across + 1)]
    return [(r, c) for r in rows for c in cols]


def _days_around(rep: Report) -> list[tuple[str, date | None]]:
    """The (precision, day) keys of group heads whose dates could name this report's day."""
    if rep.event_date is None:
        return [(p, None) for p in _SPAN]
    keys: list[tuple[str, date | None]] = []
    day = rep.event_date.toordinal()
    for precision, span in _SPAN.items():
        reach = _SPAN[rep.date_precision] + span + 1  # +1: violence told a day apart (same_event)
        keys += [(precision, date.fromordinal(d)) for d in range(max(1, day - reach), min(_LAST_DAY, day + reach) + 1)]
    return keys


_LAST_DAY = date.max.toordinal()


def merge_reports(reports: list[Report], articles: dict[str, Article] | None = None) -> list[Incident]:
    """Merge reports of the same event (place within ~15 km, compatible dates and types)
    into incidents; every article stays a source with its own figures and quote.

    The incident takes the finest date, the most precise place, the type of its
    strongest report, and the largest figure of any source (range in ``notes``).
    """
    groups = group_reports(reports)
    incidents = []
    for g in groups:
        best_place = min(g, key=lambda r: (r.geo_precision or 9, -SPECIFICITY.get(r.mention.feature or "", 0)))
        best_date = _told_date(g)
        best_type = min(g, key=lambda r: _SEVERITY.get(r.sub_event_type, 3))
        by_article: dict[str, list[Report]] = {}
        for r in g:
            by_article.setdefault(r.article, []).append(r)
        sources = [source_of(reps, (articles or {}).get(art)) for art, reps in by_article.items()]
        notes = [f"{r.article}: {n}" for r in g for n in r.notes]
        p = best_place.place
        inc = Incident(
            incident_id="", event_date=best_date.event_date, date_precision=best_date.date_precision,
            event_type=best_type.event_type, sub_event_type=best_type.sub_event_type, location=best_place.location,
            actor1=best_type.actor1, actor2=best_type.actor2,
            country=p.country if p else None, admin1=p.admin1 if p else None, place=p,
            geo_precision=best_place.geo_precision, sources=sources, notes="; ".join(notes),
            status="extracted")
        inc.summarise_figures()
        if not inc.fatalities and any("fatalities" in r.unknown for r in g):
            inc.fatalities = None  # "many more have been killed": unknown, not none
            inc.notes = "; ".join(filter(None, [inc.notes, "fatalities unknown (a source says 'many', 'several')"]))
        incidents.append(inc)
    incidents.sort(key=lambda i: (i.event_date or date.max, i.location, i.sub_event_type))
    seen: dict[str, int] = {}
    for inc in incidents:
        base = incident_id(inc)
        seen[base] = seen.get(base, 0) + 1
        inc.incident_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
    return incidents


def _told_date(group: list[Report]) -> Report:
    """The report whose date the incident takes: of the finest precision, the day most of its
    articles give; on a tie, the one told first in its article (the lead, not a later aside)."""
    finest = min(_SPAN[r.date_precision] for r in group)
    dated = [r for r in group if _SPAN[r.date_precision] == finest]
    votes: dict[date | None, set[str]] = {}
    for r in dated:
        votes.setdefault(r.event_date, set()).add(r.article)
    return min(dated, key=lambda r: (-len(votes[r.event_date]), r.start))


def _largest(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return max(known) if known else None


def source_of(reports: list[Report], meta: Article | None) -> Source:
    """One article's source for an event it may tell several times (a headline, the lead, a
    later paragraph): each figure counts once, at the largest the article gives it; the people
    hit who later died are dead, not injured ("a boy was shot Thursday" ... "he died Friday");
    an attacker who killed himself is one more death."""
    first = reports[0]
    fatalities = _largest([r.fatalities for r in reports])
    stated = _largest([r.injuries for r in reports])
    victims = _largest([r.victims for r in reports])
    injuries = stated if stated is not None or victims is None else max(victims - (fatalities or 0), 0)
    if any(r.attacker_died for r in reports):
        fatalities = (fatalities or 0) + 1  # the attacker, who is dead and was no victim
    return Source(article=first.article, quote=" […] ".join(dict.fromkeys(r.quote for r in reports)),
                  start=first.start, end=first.end, fatalities=fatalities, injuries=injuries,
                  arrests=_largest([r.arrests for r in reports]),
                  title=meta.title if meta else None, outlet=meta.outlet if meta else None)


def incident_id(inc: Incident) -> str:
    """A stable id from date, place and type: the same event gets the same id on every run.

    >>> from geo.records import Incident
    >>> incident_id(Incident("", date(2019, 11, 19), "day", "Protests", "Peaceful protest", "La Paz",
    ...                      country="BO", place=Place("La Paz", -16.5, -68.15, gazetteer_id="gn:3911925")))
    'BO-20191119-la-paz-pro'
    """
    place = normalize_name(inc.location or "x").replace(" ", "-")[:24]
    when = inc.event_date.strftime("%Y%m%d") if inc.event_date else "undated"
    base = f"{inc.country or 'XX'}-{when}-{place}-{inc.event_type[:3].lower()}"
    if inc.gazetteer_id is None:
        base += "-" + hashlib.sha1(inc.location.encode()).hexdigest()[:4]
    return base
