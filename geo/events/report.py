"""A report: one article's telling of one event, before reports of one event are merged."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from geo.place import Place
from geo.toponyms import Mention


# The event types whose people are hit: their later deaths and wounds are told of them.
VIOLENT_TYPES = frozenset({"Violence against civilians", "Battles", "Explosions/Remote violence"})


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
    start: int  # raw offsets of the quote
    end: int
    fatalities: int | None = None
    injuries: int | None = None
    arrests: int | None = None
    fatalities_max: int | None = None
    victims: int | None = None  # people shot or stabbed: injured, but for those who died
    attacker_died: bool = False  # "killed two before turning the gun on himself": one more dead, not a victim
    actor1: str | None = None  # as ACLED names them (:mod:`geo.events.actors`)
    actor2: str | None = None
    unknown: frozenset[str] = frozenset()  # figures the story gives as "many", "several"
    notes: list[str] = field(default_factory=list)

    @property
    def injured(self) -> int | None:
        """Injuries as stated, else those hit who did not die ("two were shot, one fatally": 1)."""
        if self.injuries is not None or self.victims is None:
            return self.injuries
        return max(self.victims - (self.fatalities or 0), 0)

    @property
    def place(self) -> Place | None:
        return self.mention.place

    @property
    def location(self) -> str:
        return " ".join(self.mention.text.split())
