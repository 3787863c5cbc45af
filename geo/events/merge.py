"""Merging: reports of one event (from one article or many) become one incident.

Two reports tell one event when their types are compatible, their dates can name the same
day and their places lie within 15 km (:func:`same_event`, used by the dataset's reconcile
too). The incident keeps every source with its own figures and quote.
"""

from __future__ import annotations

import hashlib
import math
from datetime import date
from functools import lru_cache

from geo.articles import Article
from geo.events.ages import ages_told
from geo.events.binding import SAME_PLACE_KM, SPECIFICITY
from geo.events.report import AT_OUTLET_HOME, Report, injured_of
from geo.events.sameness import (
    COUNTY_KM,
    SPAN,
    Toll,
    county_and_town,
    dates_compatible,
    figure,
    largest,
    same_event,
    toll,
    tolls_agree,
    two_streets,
    types_compatible,
)
from geo.events.times import far_apart, times_told
from geo.normalize import normalize_name
from geo.records import Incident, Source

__all__ = ["dates_compatible", "group_reports", "incident_id", "merge_reports", "same_event", "source_of",
           "types_compatible"]

# A merged incident is typed by its gravest report.
_SEVERITY = {"Excessive force against protesters": 0, "Attack": 0, "Mob violence": 1,
             "Violent demonstration": 1, "Protest with intervention": 2}


# Told at two streets, one toll of this many people is one event ("three people were injured"): two
# shootings of one or two people each on one night are common in a big city, of three rarely.
_STREETS_TOLL = 3


def _group_toll(group: list[Report]) -> Toll:
    """(killed, injured) as the group's reports give them, at their largest."""
    return largest([figure(m, "fatalities") for m in group]), largest([figure(m, "injured") for m in group])


def _told_apart(group: list[Report], rep: Report) -> bool:
    """Another story's report gives times of day hours from the group's, or, each of one victim,
    other ages (see :func:`_other_ages`); a story's own reports its extractor has told apart."""
    if any(m.article == rep.article for m in group):
        return False
    return far_apart(times_told(rep.quote), frozenset().union(*(times_told(m.quote) for m in group))) \
        or _other_ages(group, rep)


def _other_ages(group: list[Report], rep: Report) -> bool:
    """Both give their people's ages, and no age is shared: two shootings of a 17-year-old and a
    9-year-old in Detroit on one day are two events, though each left one hurt."""
    if sum(x or 0 for x in toll(rep)) > 1 or any(sum(x or 0 for x in toll(m)) > 1 for m in group):
        return False  # several people hurt: each story may give the age of another
    mine = ages_told(rep.quote)
    return bool(mine) and bool(theirs := frozenset().union(*(ages_told(m.quote) for m in group))) \
        and not mine & theirs


def _joins(group: list[Report], rep: Report) -> bool:
    """Whether ``rep`` tells the event of ``group``: its first report's (:func:`same_event`), and
    on none of its members' other streets unless they give the same toll of three or more people
    ("Addison Place" and the "Raleigh Boulevard" it is off); or a county and a town in it whose
    figures agree, any of the group's (a story's headline gives none, its lead does)."""
    head, group_toll, told = group[0], _group_toll(group), toll(rep)
    if _told_apart(group, rep):
        return False
    if (rep.at_outlet_home or head.at_outlet_home) and not tolls_agree(group_toll, told, 2):
        return False  # placed only by its outlet's town: one event there only when figures of two people agree
    streets_toll = tolls_agree(group_toll, told, _STREETS_TOLL)
    if same_event(head, rep, streets_toll):
        return streets_toll or not any(two_streets(member, rep) for member in group)
    return (county_and_town(head, rep) and tolls_agree(group_toll, told)
            and types_compatible((head.event_type, head.sub_event_type), (rep.event_type, rep.sub_event_type)))


def date_order(rep: Report) -> tuple[int, date]:
    """The order reports are grouped in: finest dates first, then earliest (undated last)."""
    return SPAN[rep.date_precision], rep.event_date or date.max


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
    for rep in sorted(reports, key=date_order):
        days = days_around(rep.date_precision, rep.event_date)
        found: list[int] = []
        for cell in cells_around(rep):
            if heads := by_cell.get(cell):  # of its days or of its heads, whichever are fewer
                found += ([k for key, ks in heads.items() if key in days for k in ks] if len(heads) < len(days)
                          else [k for day in days for k in heads.get(day, ())])
        # A group told at city level ("shootings across Chicago") may not gather two streets' events.
        match = next((k for k in sorted(found) if _joins(groups[k], rep)), None)
        if match is None:
            by_cell.setdefault(cell_of(rep), {}).setdefault((rep.date_precision, rep.event_date), []).append(len(groups))
            groups.append([rep])
        else:
            groups[match].append(rep)
    return groups


_KM_PER_DEGREE = 111.19  # of latitude, on the sphere haversine_km uses


def cell_of(rep: Report) -> tuple:
    """The grid cell of a report's place; an unresolved place by its name as written."""
    p = rep.place
    if p is None:
        return ("", " ".join(rep.location.lower().split()))
    return (math.floor(p.lat), math.floor(p.lon))


def cells_around(rep: Report) -> list[tuple]:
    """The cells holding every place that can be one event's with this report's: within
    SAME_PLACE_KM, or COUNTY_KM for a county (see :func:`same_event`)."""
    p = rep.place
    if p is None:
        return [cell_of(rep)]
    lat, lon = math.floor(p.lat), math.floor(p.lon)
    reach = max(SAME_PLACE_KM, COUNTY_KM) / _KM_PER_DEGREE
    rows = range(lat - 1 - int(reach), lat + 2 + int(reach))
    widest = max(abs(rows[0]), abs(rows[-1] + 1))
    narrow = math.cos(math.radians(min(widest, 90)))
    across = int(reach / narrow) + 1 if narrow > reach / 180 else 180
    cols = range(-180, 180) if across >= 180 else [(c + 180) % 360 - 180 for c in range(lon - across, lon + across + 1)]
    return [(r, c) for r in rows for c in cols]


@lru_cache(maxsize=256)
def days_around(told: str, when: date | None) -> frozenset[tuple[str, date | None]]:
    """The (precision, day) keys of group heads whose dates could name the day of a report told
    ``when`` at precision ``told`` (cached, so never to be changed: a frozenset; the groups found
    through them are sorted after). Reports come in the order of their dates: a few hundred
    cached are enough (4,096 were 40 MB at 100,000 articles, 10 KB each)."""
    if when is None:
        return frozenset((p, None) for p in SPAN)
    keys: list[tuple[str, date | None]] = []
    day = when.toordinal()
    for precision, span in SPAN.items():
        reach = SPAN[told] + span + 1  # +1: violence told a day apart (same_event)
        keys += [(precision, date.fromordinal(d)) for d in range(max(1, day - reach), min(_LAST_DAY, day + reach) + 1)]
    return frozenset(keys)


_LAST_DAY = date.max.toordinal()


def merge_reports(reports: list[Report], articles: dict[str, Article] | None = None,
                  groups: list[list[Report]] | None = None) -> list[Incident]:
    """Merge reports of the same event (place within ~15 km, compatible dates and types)
    into incidents; every article stays a source with its own figures and quote (``groups``:
    the reports' :func:`group_reports`, if known).

    The incident takes the finest date, the most precise place, the type of its
    strongest report, and the largest figure of any source (range in ``notes``).
    """
    groups = group_reports(reports) if groups is None else groups
    incidents = []
    for g in groups:
        best_place = min(g, key=lambda r: (r.geo_precision or 9, -SPECIFICITY.get(r.mention.feature or "", 0)))
        best_date = _told_date(g)
        best_type = min(g, key=lambda r: _SEVERITY.get(r.sub_event_type, 3))
        by_article: dict[str, list[Report]] = {}
        for r in g:
            by_article.setdefault(r.article, []).append(r)
        sources = [source_of(reps, (articles or {}).get(art)) for art, reps in by_article.items()]
        notes = [f"{r.article}: {n}" for r in g for n in [*r.notes, *([AT_OUTLET_HOME] if r.at_outlet_home else [])]]
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
    articles give; on a tie, the earlier day (a shooting late one night is another story's early
    next morning, and a later story's day is that of a later step), told first in its article."""
    finest = min(SPAN[r.date_precision] for r in group)
    dated = [r for r in group if SPAN[r.date_precision] == finest]
    votes: dict[date | None, set[str]] = {}
    for r in dated:
        votes.setdefault(r.event_date, set()).add(r.article)
    return min(dated, key=lambda r: (-len(votes[r.event_date]), r.event_date or date.max, r.start or 0))


def source_of(reports: list[Report], meta: Article | None) -> Source:
    """One article's source for an event it may tell several times (a headline, the lead, a
    later paragraph): each figure counts once, at the largest the article gives it; the people
    hit who later died are dead, not injured ("a boy was shot Thursday" ... "he died Friday"), and
    those hit who did not are injured however few the story says were hurt (see
    :func:`~geo.events.report.injured_of`); an attacker who killed himself is one more death."""
    first = reports[0]
    fatalities = largest([r.fatalities for r in reports])
    stated = largest([r.injuries for r in reports])
    victims = largest([r.victims for r in reports])
    injuries = injured_of(stated, victims, fatalities)
    if any(r.attacker_died for r in reports):
        fatalities = (fatalities or 0) + 1  # the attacker, who is dead and was no victim
    return Source(article=first.article, quote=" […] ".join(dict.fromkeys(r.quote for r in reports)),
                  start=first.start, end=first.end, fatalities=fatalities, injuries=injuries,
                  arrests=largest([r.arrests for r in reports]),
                  title=meta.title if meta else None, outlet=meta.outlet if meta else None)


def incident_id(inc: Incident) -> str:
    """A stable id from date, place and type: the same event gets the same id on every run.

    >>> from geo.place import Place
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
