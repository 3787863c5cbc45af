"""The date a story gives its news, when a sentence gives its event none of its own.

A later story (an arrest, a trial, a funeral) dates the event it goes back to: the day of the
arrest or the hearing is not the day of the shooting, nor is the day the story was told
("police said Tuesday").
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from functools import cached_property

from geo.dates import CALENDAR_NAMES, WEEKDAYS, DateMention, find_dates, shift
from geo.fastscan import finditer
from geo.spans import SpanIndex

STORY_DAYS = 30  # a story's news is at most this old when it is published
LEAD_CHARS = 1500  # where a story dates its news: the lead


# A date that names the violence after it: "the Fourth of July shooting", "the Oct. 9 killing".
NAMES_VIOLENCE = re.compile(r"(?:['’]s)?\s+(?:(?:fatal|deadly|double|triple|drive-by|mass)\s+)?"
                            r"(?:shooting|killing|slaying|homicide|stabbing|murder|attack|shootout|gunfight|incident)s?\b",
                            re.I)
# "The shooting happened inside a home on June 22", "the incident that occurred late on Nov. 2":
# the story says outright the day of its event.
_STATED = re.compile(r"\b(?:shooting|incident|killing|slaying|attack|stabbing|gunfight|homicide|murder)s?\s+"
                     r"(?:\w+\s+){0,3}?(?:occurred|happened|took\s+place|was\s+reported|unfolded)\b", re.I)
_STATED_REACH = 120  # characters from the words to the date they state
_STOP = re.compile(r"(?<![ap]\.m)\.(?=\s|$)", re.I)  # a sentence's end ("at 5:30 p.m. Friday" goes on)
# What a later story reports about an earlier event: its date is not the event's.
FOLLOW_UP = re.compile(r"\b(?:arrest(?:ed|s)?|charg(?:ed|es)|arraign(?:ed|ment)|indict(?:ed|ment)|sentenc(?:ed|ing)|"
                       r"convict(?:ed|ion)|pleaded|plea|trial|hearing|court|identif(?:ied|y)|named|released|"
                       r"vigil|funeral|buried|laid\s+to\s+rest|memorial|autops(?:y|ies)|ruled|bond|bail|jail(?:ed)?|booked|custody|"
                       r"appear(?:ed|ance)|testif(?:y|ied)|verdict|jury|guilty|lawsuit|sued|probation|prison|parole)\b", re.I)
# "police said Tuesday", "on Friday identified", "Posted: Monday, May 5": the day of the telling;
# "died Tuesday": of a death that may follow the shooting by days. The event's day at the latest.
_TOLD_BEFORE = re.compile(r"\b(?:said|says|told\s+(?:[\w.]+\s+){0,5}?|announced|reported|confirmed|released|"
                          r"(?:died|succumbed|passed\s+away)(?:\s+(?:at|in)\s+(?:a|an|the)\s+[\w\s-]{0,30}?)?|"
                          r"identified|continued|spoke|stated|added|explained|struggled|posted|updated|published)"
                          r"\s*:?\s*(?:on\s+|late\s+|early\s+)?(?:(?:%s),?\s+)?$" % "|".join(WEEKDAYS), re.I)
# "(Published Sunday, Oct. 9, 2016)", "Updated: 5:02 PM": when a page was put out, not a day of its news.
_STAMP = re.compile(r"\b(?:posted|updated|published|last\s+modified)\s*:?\s*(?:on\s+)?(?:(?:%s),?\s+)?$"
                    % "|".join(WEEKDAYS), re.I)
_TOLD_AFTER = re.compile(r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:said|announced|arrested|charged|"
                         r"identified|released|confirmed)\b", re.I)


def telling_date(sentence: str, start: int, end: int) -> bool:
    """True when the date at ``start:end`` dates the telling of the news (or a death), not its event."""
    return bool(_TOLD_BEFORE.search(sentence[max(0, start - 40):start]) or _TOLD_AFTER.match(sentence, end))


# What shares a line with a page's date and nothing else: its weekday, its time ("11:14 AM EST").
_LINE_BEFORE = re.compile(r"[\s|•·]*(?:(?:%s),?\s*)?" % "|".join(WEEKDAYS), re.I)
_LINE_AFTER = re.compile(r"[\s,|•·–—-]*(?:(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*"
                         r"(?:[ECMP][SD]?T|GMT|UTC)?)?[\s|•·–—-]*", re.I)
# "INDIANAPOLIS (July 3, 2015) –": the day of the dateline, put before the news.
_DATELINE_BEFORE = re.compile(r"^\W*[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][\w.]*\.?)?(?:\s*\([\w ]+\))?\s*\($")
_STAMP_LINE_CHARS = 600  # where a page's date stands on a line of its own: its top
_DATELINE_AFTER = re.compile(r"\)\s*[-–—:]")
_DATELINE_NEXT = re.compile(r"\s+\(?[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][\w.]*\.?)?\)?\s*[-–—]")  # "... (LAKE STEVENS, WA.) --"


# What any stamp needs, looked for before the lead's dates are read (most stories have none): a
# label, a line that opens with a day or a month, a bracket that does.
_STAMP_LABELS = ("posted", "published", "updated", "modified")
_LINE_OPENS_DATED = re.compile(r"\n\W*(?:%s)" % CALENDAR_NAMES)
_BRACKET_OPENS_DATED = re.compile(r"\((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")


def _may_stamp(lead: str) -> bool:
    """Whether ``lead`` may hold a stamp at all (each check cheap: most leads hold none)."""
    low = lead.lower()
    return any(label in low for label in _STAMP_LABELS) or bool(_LINE_OPENS_DATED.search("\n" + lead)) \
        or bool(_BRACKET_OPENS_DATED.search(lead))


def page_day(text: str, published: date | None) -> date | None:
    """The day the story was put out, for reading its weekdays: the page's own stamp in its lead
    ("Posted: Saturday, March 2, 2013", "INDIANAPOLIS (Feb. 20, 2014) —") when it is earlier than
    the ``published`` given (a page's date as saved is often the day it was updated or fetched,
    years later); else ``published``."""
    if published is None or not _may_stamp(text[:LEAD_CHARS]):
        return published
    for d in find_dates(text[:LEAD_CHARS], published, None):
        if d.date is not None and d.anchor == "text" and d.precision == "day" and _page_stamp(text, d.start, d.end):
            return min(d.date, published)
    return published


def _page_stamp(text: str, start: int, end: int) -> bool:
    """A stamp that dates the page itself: "Posted: ..." or "Published ..." as a label, not "his
    bond was posted on December 18" (which dates nothing but is no news either)."""
    if label := _label(text, start):
        return label.group()[0].isupper() or ":" in label.group()
    return _placed_as_stamp(text, start, end)


def stamp_date(text: str, start: int, end: int) -> bool:
    """True when the date at ``start:end`` stamps the page ("Published Sunday, Oct. 9, 2016", a
    line holding only "February 4, 2013 11:14 AM", "INDIANAPOLIS (July 3, 2015) –"): it is no day
    of the news and no reference for the days named after it."""
    return bool(_label(text, start)) or _placed_as_stamp(text, start, end)


def _label(text: str, start: int) -> re.Match | None:
    """The stamp's label before the date at ``start`` ("Posted: ", "(Published Sunday, "), if any."""
    return _STAMP.search(text[max(0, start - 40):start])


def _placed_as_stamp(text: str, start: int, end: int) -> bool:
    """True when the date at ``start:end`` stands where a page's date does: alone on a line at its
    top (but for its weekday and time), or in brackets after its dateline."""
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    # (a date on a line of its own further on heads a part of a timeline: the day of what follows)
    if start < _STAMP_LINE_CHARS and _LINE_BEFORE.fullmatch(text, line_start, start) and (_LINE_AFTER.fullmatch(text, end, line_end)
                                                           or _DATELINE_NEXT.match(text, end)):
        return True
    return start < 200 and bool(_DATELINE_AFTER.match(text, end)) and bool(_DATELINE_BEFORE.search(text[:start]))


class StoryDate:
    """The date a story gives its news: the first date its lead names, outside quotes, in the
    month before publication ("was shot Monday night"); a violent event told without a date of
    its own is dated by it. Read when first asked for (most sentences give their own)."""

    def __init__(self, text: str, published: date | None, quotes: SpanIndex):
        self.text, self.published, self.quotes = text, published, quotes

    @property
    def value(self) -> tuple[date, str] | None:
        """The story's date for its news: the event's own day, else the day of a later step."""
        own, later = self._read
        return own or later

    @property
    def event_day(self) -> tuple[date, str] | None:
        """The day the story gives its event itself (None when it dates only a later step)."""
        return self._read[0]

    @cached_property
    def _dates(self) -> list[DateMention]:
        """Every date of the story, read once (its lead, and around its violence, are read from them)."""
        return [d for d in find_dates(self.text, self.published, None)
                if d.date is not None and not stamp_date(self.text, d.start, d.end)]

    @cached_property
    def _read(self) -> tuple[tuple[date, str] | None, tuple[date, str] | None]:
        if stated := self._stated_day():
            return stated, None
        published, lead = self.published, self.text[:LEAD_CHARS]
        fallback = None
        for d in self._dates:
            if d.end > LEAD_CHARS:
                break
            if d.date is None or d.precision != "day" or self.quotes.holds(d.start) \
                    or telling_date(lead, d.start, d.end):
                continue
            earliest = shift(published, -STORY_DAYS)
            if published is not None and not ((earliest is None or earliest <= d.date) and d.date <= published):
                continue
            # The day of the arrest, the hearing or the vigil is not the day of the shooting.
            clause = lead[max(0, d.start - 80):d.end + 80]
            if not FOLLOW_UP.search(clause):
                return (d.date, d.precision), None
            fallback = fallback or (d.date, d.precision)
        return self._dated_violence() or (self._earlier_event(fallback) if fallback else None), fallback

    def _stated_day(self) -> tuple[date, str] | None:
        """The day the story says its event happened on ("The shooting occurred on April 20"), the
        first so stated outside quotes, up to the day of publication."""
        dates = [d for d in self._dates if d.precision == "day" and d.date is not None
                 and not (self.published is not None and d.date > self.published) and not self.quotes.holds(d.start)]
        for m in finditer(_STATED, self.text) if dates else ():
            stop = _STOP.search(self.text, m.end(), m.end() + _STATED_REACH)
            end = m.end() + _STATED_REACH if stop is None else stop.start()
            if d := next((d for d in dates if m.end() <= d.start < end), None):
                return d.date, d.precision  # type: ignore[return-value]  # dates holds no None
        return None

    def _earlier_event(self, follow_up: tuple[date, str]) -> tuple[date, str] | None:
        """In a story whose lead dates only a later step (an arrest, a hearing), the day it gives
        the event those steps follow ("The shooting happened on June 22"): the first explicit
        day before the lead's, outside quotes and outside any clause of a later step."""
        for d in self._dates:
            if d.date is None or d.anchor != "text" or d.precision != "day" or d.date >= follow_up[0] \
                    or self.quotes.holds(d.start) or telling_date(self.text, d.start, d.end):
                continue
            clause = self.text[max(0, d.start - 80):d.end + 80]
            if NAMES_VIOLENCE.match(self.text, d.end) or not FOLLOW_UP.search(clause):
                return d.date, d.precision
        return None

    def _dated_violence(self) -> tuple[date, str] | None:
        """A later story's own date for its violence: an explicit date next to a word of it
        ("the May 17 shooting", "was killed on Aug. 2"), however long ago; the first one (the first
        month named so, "killed last August", when no day is)."""
        text, month = self.text, None
        explicit = [d for d in self._dates if d.date is not None and d.anchor == "text"
                    and d.precision in ("day", "month") and not (self.published is not None and d.date > self.published)]
        starts = [d.start for d in explicit]
        for word in finditer(_VIOLENCE, text) if explicit else ():
            first = bisect.bisect_left(starts, word.start() - _NEAR_VIOLENCE - 20)
            for d in explicit[first:bisect.bisect_right(starts, word.end() + _NEAR_VIOLENCE)]:
                at, end = d.start, d.end
                if d.date is None or self.quotes.holds(at) \
                        or min(abs(at - word.end()), abs(end - word.start())) > _NEAR_VIOLENCE:
                    continue
                if NAMES_VIOLENCE.match(text, end) or not FOLLOW_UP.search(text[max(0, at - 30):end + 15]):
                    if d.precision == "day":
                        return d.date, d.precision
                    month = month or (d.date, d.precision)
        return month


_NEAR_VIOLENCE = 50
_VIOLENCE = re.compile(r"\b(?:shooting|shot|killed|killing|murder(?:ed)?|homicide|slaying|stabbing|stabbed|"
                       r"gunfire|died|death)\b", re.I)
