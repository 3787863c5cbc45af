"""A report: one article's telling of one event, before reports of one event are merged."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from geo.place import Place
from geo.toponyms import Mention

# The event types whose people are hit: their later deaths and wounds are told of them.
VIOLENT_TYPES = frozenset({"Violence against civilians", "Battles", "Explosions/Remote violence"})


def injured_of(stated: int | None, victims: int | None, fatalities: int | None) -> int | None:
    """The injured: those hit who did not die ("two were shot, one fatally": 1), or as many as the
    story says were hurt if more; "six people were shot, and one was rushed to the hospital" is six.

    >>> injured_of(1, 6, None), injured_of(None, 2, 1), injured_of(3, None, None), injured_of(None, None, 2)
    (6, 1, 3, None)
    """
    if victims is None:
        return stated
    hit = max(victims - (fatalities or 0), 0)
    return hit if stated is None else max(stated, hit)


# The note an incident gives a report placed where its story's outlet is based (``Report.at_outlet_home``).
AT_OUTLET_HOME = "placed where its outlet is based (the story names no town)"


@dataclass
class Report:
    """One article's report of one event (before merging with other articles')."""

    article: str
    event_type: str
    sub_event_type: str
    event_date: date | None
    date_precision: str
    mention: Mention  # where the article puts it (its place may be unresolved)
    geo_precision: int | None  # None: unresolved, no point to be precise about
    quote: str
    start: int | None  # raw offsets of the quote (None: told in the title, no part of the text)
    end: int | None
    fatalities: int | None = None
    injuries: int | None = None
    arrests: int | None = None
    fatalities_max: int | None = None
    victims: int | None = None  # people shot or stabbed: injured, but for those who died
    attacker_died: bool = False  # "killed two before turning the gun on himself": one more dead, not a victim
    at_outlet_home: bool = False  # placed where its outlet is based: the story names no town (see AT_OUTLET_HOME)
    actor1: str | None = None  # as ACLED names them (:mod:`geo.events.actors`)
    actor2: str | None = None
    unknown: frozenset[str] = frozenset()  # figures the story gives as "many", "several"
    notes: list[str] = field(default_factory=list)

    @property
    def figures(self) -> tuple[int | None, ...]:
        """What it counts: (fatalities, injuries, arrests, victims)."""
        return self.fatalities, self.injuries, self.arrests, self.victims

    @property
    def injured(self) -> int | None:
        """The injured (see :func:`injured_of`)."""
        return injured_of(self.injuries, self.victims, self.fatalities)

    @property
    def place(self) -> Place | None:
        return self.mention.place

    @property
    def location(self) -> str:
        return " ".join(self.mention.text.split())
