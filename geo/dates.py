"""Temporal expressions: publication dates found in article text.

>>> find_publication_date("Bolivia resists\\nNovember 20, 2019\\nOn Nov. 19, police fired")
(datetime.date(2019, 11, 20), 'text: date line')
>>> find_publication_date("Nov. 18 − Despite massacres ... the Oct. 20, 2019 election")
(datetime.date(2019, 11, 18), 'text: dateline, year from a date in the text')
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from geo.caseless import caseless
from geo.fastscan import finditer


MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?P<weekday_of>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
# "November 20, 2019", "Sunday, November 17, 2019"
FULL_MDY = re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
# "15 November 2019", "15 de noviembre de 2019"
FULL_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
# "Nov. 18 −" at a paragraph start, "EL ALTO, Nov. 20 (AP) —"
DATELINE = re.compile(rf"(?:^|\n)(?:[A-ZÁÉÍÓÚÑ .,'-]{{2,40}},\s*)?(?:[A-Z][a-z]+,?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})"
                      rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?\s*(?:\([A-Z]+\)\s*)?[−–—-]", re.I)
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_HEAD = 600  # a date line sits near the top


def _mk(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def month_number(name: str) -> int:
    """Month number of an English or Spanish month name or abbreviation.

    >>> month_number("Nov."), month_number("noviembre")
    (11, 11)
    """
    return MONTHS[name.lower().rstrip(".")]


def find_publication_date(text: str) -> tuple[date, str] | None:
    """(date, how it was found) from a date line or dateline near the top, else None."""
    head = text[:_HEAD]
    dateline = DATELINE.search(head)
    for rx in (FULL_MDY, FULL_DMY):
        m = rx.search(head)
        if m and dateline and dateline.start() < m.start():
            break  # the dateline comes first; a full date after it is a date the story cites
        if m and (d := _mk(int(m["year"]), month_number(m["month"]), int(m["day"]))):
            return d, "text: date line"
    m = dateline
    if m:
        month, day = month_number(m["month"]), int(m["day"])
        if m["year"]:
            if d := _mk(int(m["year"]), month, day):
                return d, "text: dateline"
        years = [int(y) for y in YEAR.findall(text)]
        if years:
            # The latest year the article mentions is the best guess for an undated dateline.
            if d := _mk(max(years), month, day):
                return d, "text: dateline, year from a date in the text"
    return None


# -- dates of events ------------------------------------------------------------------

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# The weekdays and the months, capitalised, as one alternation: a word of the calendar, where a
# name could stand ("killed Monday", "Elm Street Monday").
CALENDAR_NAMES = "|".join(w.capitalize() for w in [*WEEKDAYS, "january", "february", "march", "april", "may", "june", "july",
                                                   "august", "september", "october", "november", "december"])
_NUM_WORD = r"(?:\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|a)"
_NUM_VALUE = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
              "nine": 9, "ten": 10}

EXPRESSIONS = [
    # (a weekday before the date only introduces it: "Wednesday, June 8, 2016" is June 8)
    ("absolute", re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?",
                            re.I)),
    ("absolute", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:de\s+|of\s+)?{_MONTH}"
                            rf"(?:,?\s+(?:de\s+)?(?P<year>(?:19|20)\d\d))?\b", re.I)),
    ("ref_offset", re.compile(rf"\b(?P<n>{_NUM_WORD})\s+days?\s+(?P<dir>earlier|before|later|after)\b", re.I)),
    ("pub_offset", re.compile(rf"\b(?P<n>{_NUM_WORD})\s+days?\s+ago\b", re.I)),
    ("ref_next", re.compile(r"\b(?:the\s+)?(?:following|next)\s+day\b|\ba\s+day\s+later\b", re.I)),
    ("ref_prev", re.compile(r"\bthe\s+(?:previous|(?:day|night)\s+before|preceding)\s*(?:day|night)?\b", re.I)),
    # "overnight" alone is mostly the night that ends on the publication day (news of the morning)
    ("today", re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|"
                         r"(?<!day\s)(?<!day,\s)overnight(?!\s+(?:on\s+|into\s+)?\w+day\b))\b", re.I)),
    ("yesterday", re.compile(r"\b(?:yesterday|last\s+night)\b", re.I)),
    # "Tuesday last week", "on Monday of last week": that day of the week before publication's
    ("weekday_last_week", re.compile(r"\b(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+"
                                     r"(?:of\s+)?last\s+week\b", re.I)),
    ("weekday", re.compile(r"\b(?:(?P<last>last)\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    # "earlier this month", "last month": the month, not the day of publication
    ("this_month", re.compile(r"\b(?:(?P<last>last)|(?:earlier\s+)?this)\s+month\b", re.I)),
    # "on the 12th": that day of the publication's month, or of the month before if still to come
    ("ordinal_day", re.compile(r"\bon\s+the\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:of|floor|street|avenue|"
                               r"century|anniversary|day|time|round|grade|birthday|hole|inning|minute))", re.I)),
    ("last_week", re.compile(r"\b(?:last|this\s+past)\s+week\b", re.I)),
    ("weekend", re.compile(r"\b(?:(?:last|this\s+past|over\s+the|this|the)\s+weekend|a\s+weekend(?=\s+\w+ing\b|\s+shooting))\b",
                           re.I)),
    ("holiday", re.compile(r"\b(?P<holiday>Christmas\s+Eve|Christmas(?:\s+Day)?|New\s+Year['’]s\s+(?:Eve|Day)|"
                           r"Fourth\s+of\s+July|Halloween|Thanksgiving(?:\s+Day)?|Memorial\s+Day|Labor\s+Day|"
                           r"Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|MLK\s+Day|Valentine['’]s\s+Day|"
                           r"Mother['’]s\s+Day|Father['’]s\s+Day)\b")),
    ("month", re.compile(rf"\b(?:in|during|since|early|late|mid-?|(?P<last>last|this\s+past))\s+{_MONTH}\b"
                         rf"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?(?!\s+\d)", re.I)),
    ("month", re.compile(rf"\b{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.I)),  # "the October 2016 shooting"
]
# What a weekday is still to come after: "will be arraigned Monday", "an autopsy is scheduled for
# Tuesday", "next Friday"; unless a past word or a clause comes between ("will say how the man
# shot Monday died", "will name the man killed Monday").
_UPCOMING = re.compile(r"(?:\b(?:will|shall|scheduled|slated|expected\s+to|due\s+to|plans?\s+to|planning\s+to|"
                       r"going\s+to)\s+(?:be\s+[a-z]+ed\s+|(?!(?:that|who|which|where|how|why|what|whether|after|since)\b)"
                       r"[a-z]+(?<!ed)\s+){0,8}?"
                       r"|\b(?:next|this\s+coming|coming)\s+)$", re.I)
_WEEKDAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# The words one of which each expression needs (lower case): a sentence is scanned
# only by the expressions its words can start ("may" alone is not scanned for "last week"), and
# one without any such word is not scanned at all.
_NEEDS = {"absolute": frozenset(MONTHS), "month": frozenset(MONTHS), "ref_offset": frozenset({"day", "days"}),
          "pub_offset": frozenset({"day", "days"}), "ref_next": frozenset({"day"}),
          "ref_prev": frozenset({"previous", "preceding", "day", "night"}),
          "today": frozenset({"today", "tonight", "this", "overnight"}), "yesterday": frozenset({"yesterday", "night"}),
          "weekday": _WEEKDAY_NAMES, "last_week": frozenset({"week"}), "weekend": frozenset({"weekend"}),
          "weekday_last_week": _WEEKDAY_NAMES, "this_month": frozenset({"month"}),
          "ordinal_day": frozenset({"the"}),
          "holiday": frozenset({"christmas", "year", "fourth", "halloween", "thanksgiving", "mlk", "day"})}
_HINT_WORDS = frozenset().union(*_NEEDS.values())
# The expressions matched in lower case, for speed (see geo.caseless); the holidays' is case-sensitive.
_CASELESS = [caseless(rx) if rx.flags & re.IGNORECASE else None for _, rx in EXPRESSIONS]
_WORD = re.compile(r"[a-z]+")  # "Monday's" holds "monday"
# "since Nov. 10", "in the last five days", "so far": the figures are a total, not one event.
AGGREGATE = re.compile(r"\b(?:since\s+(?:the\s+)?(?:[A-Z][a-z]+\.?\s+\d|\w+day\b|the\s+(?:start|beginning|coup|election)|"
                       r"(?:early|mid|late)?\s*\w+\s+\d)|in\s+the\s+(?:last|past)\s+\w+\s+(?:days|weeks|months)|"
                       r"so\s+far|to\s+date|in\s+total|in\s+all\b|total\s+(?:number|of)|death\s+toll\s+(?:rose|climbed|has\s+risen)|"
                       r"from\s+\w+(?:\s+\w+)?\s+(?:through|to|until|into)\s+\w+day\b|across\s+the\s+(?:city|county|state|country)|"
                       r"citywide|this\s+year|last\s+year|a\s+year\s+ago|(?:every|each)\s+(?:day|week|year)|"
                       r"(?:in|during)\s+(?:\w+\s+)?(?:separate|different|unrelated)\s+(?:shootings|attacks|incidents))",
                       re.I)


@dataclass(frozen=True)
class DateMention:
    """A temporal expression in text and the date it stands for.

    ``anchor`` says what it was resolved against: "text" (absolute), "publication"
    or "reference" (the last date the text gave).
    """

    date: date | None
    precision: str  # day | week | month
    start: int
    end: int
    anchor: str
    text: str


def _year_for(month: int, published: date | None) -> int | None:
    if published is None:
        return None
    # A month after the publication month is last year's ("in December", published in January).
    return published.year - 1 if month > published.month + 1 else published.year


def _year_of_weekday(month: int, day: int, weekday: str | None, year: int | None) -> int | None:
    """The year of a date told without one: ``year``, or the year before when only that one puts
    it on the weekday the text gives ("Saturday, Sept. 12" in a January story: last September's)."""
    if weekday is None or year is None:
        return year
    want = WEEKDAYS.index(weekday.lower())
    this, before = _mk(year, month, day), _mk(year - 1, month, day)
    if this is not None and this.weekday() != want and before is not None and before.weekday() == want:
        return year - 1
    return year


def find_dates(text: str, published: date | None, reference: date | None = None) -> list[DateMention]:
    """Temporal expressions in ``text`` resolved to dates, in text order.

    ``published`` anchors "today", "yesterday", weekdays and "three days ago";
    ``reference`` (the last date the article gave) anchors "four days earlier"
    and "the following day".

    >>> pub = date(2019, 11, 20)
    >>> [(d.date.isoformat(), d.anchor) for d in find_dates("On Nov. 19, police fired", pub)]
    [('2019-11-19', 'text')]
    >>> find_dates("Four days earlier, nine died", pub, reference=date(2019, 11, 19))[0].date
    datetime.date(2019, 11, 15)
    >>> find_dates("workers marched on Thursday", date(2019, 11, 15))[0].date
    datetime.date(2019, 11, 14)
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []  # sorted, never overlapping: a new span can only meet its neighbours
    low = text.lower()
    hints = _HINT_WORDS.intersection(_WORD.findall(low))
    if not hints:
        return found
    same_offsets = len(low) == len(text)
    matches: list[tuple[str, re.Match]] = []
    for (kind, rx), fast in zip(EXPRESSIONS, _CASELESS):
        if hints.isdisjoint(_NEEDS[kind]):
            continue
        for m in (finditer(fast, low) if fast is not None and same_offsets else finditer(rx, text)):
            at = bisect.bisect_left(taken, m.span())
            if any(s < m.end() and m.start() < e for s, e in taken[max(0, at - 1):at + 1]):
                continue
            if kind == "absolute" and published is None and not m["year"] and _resolve(kind, m, None, None)[0] is None:
                continue
            taken.insert(at, m.span())
            matches.append((kind, m))
    # In text order: "died Sunday after being shot the night before" counts from Sunday.
    told_at = -1  # where this text gave the reference (-1: before it)
    for kind, m in sorted(matches, key=lambda km: km[1].start()):
        d, precision, anchor = _resolve(kind, m, published, reference)
        if kind == "ref_offset" and told_at >= 0 and d is not None and reference is not None \
                and m["dir"].lower() in ("after", "before") and _CLAUSE_AFTER.match(text, m.end()) \
                and not _SENTENCE_BREAK.search(text, told_at, m.start()):
            # "arrested Tuesday, five days after he shot ...": what follows "after" is five days before Tuesday
            d = shift(reference, (reference - d).days)
        found.append(DateMention(d, precision, m.start(), m.end(), anchor, text[m.start():m.end()]))
        if d is not None and precision == "day":
            reference, told_at = d, m.end()
    return found


_CLAUSE_AFTER = re.compile(r"\s+[\w’']")  # "five days after he ...", "... after the shooting" (not "five days after.")
_SENTENCE_BREAK = re.compile(r"[.!?]\s")


def _month_before(day: date) -> tuple[int, int]:
    """(year, month) of the month before ``day``'s."""
    return (day.year - 1, 12) if day.month == 1 else (day.year, day.month - 1)


def _resolve(kind: str, m: re.Match, published: date | None, reference: date | None):

    if kind == "absolute":
        month, day = month_number(m["month"]), int(m["day"])
        year = int(m["year"]) if m["year"] else _year_of_weekday(month, day, m.groupdict().get("weekday_of"),
                                                                 _year_for(month, published))
        if m.groupdict().get("last") and published is not None and month >= published.month:
            year = published.year - 1  # "last July", said in July: a year ago
        return (_mk(year, month, day) if year else None), "day", "text"
    if kind == "month":
        month = month_number(m["month"])
        year = int(m["year"]) if m["year"] else _year_for(month, published)
        if m.groupdict().get("last") and published is not None and month >= published.month:
            year = published.year - 1  # "last July", said in July: a year ago
        return (_mk(year, month, 15) if year else None), "month", "text"
    if kind in ("ref_offset", "ref_next", "ref_prev"):
        base = reference or published
        if base is None:
            return None, "day", "reference"
        if kind == "ref_next":
            return shift(base, 1), "day", "reference"
        if kind == "ref_prev":
            return shift(base, -1), "day", "reference"
        n = int(m["n"]) if m["n"].isdigit() else _NUM_VALUE[m["n"].lower()]
        sign = -1 if m["dir"].lower() in ("earlier", "before") else 1
        return shift(base, sign * n), "day", "reference"
    if published is None:
        return None, "day", "publication"
    if kind == "pub_offset":
        n = int(m["n"]) if m["n"].isdigit() else _NUM_VALUE[m["n"].lower()]
        return shift(published, -n), "day", "publication"
    if kind == "today":
        return published, "day", "publication"
    if kind == "yesterday":
        return shift(published, -1), "day", "publication"
    if kind == "weekday":
        if _UPCOMING.search(m.string, max(0, m.start() - 50), m.start()) and not m["last"]:
            ahead = (WEEKDAYS.index(m["weekday"].lower()) - published.weekday()) % 7
            return shift(published, ahead), "day", "publication"
        back = (published.weekday() - WEEKDAYS.index(m["weekday"].lower())) % 7
        if m["last"] and back == 0:
            back = 7
        return shift(published, -back), "day", "publication"
    if kind == "last_week":
        return shift(published, -7), "week", "publication"
    if kind == "weekday_last_week":
        monday = published.toordinal() - published.weekday() - 7
        return date.fromordinal(monday + WEEKDAYS.index(m["weekday"].lower())), "day", "publication"
    if kind == "this_month":
        year, month = _month_before(published) if m["last"] else (published.year, published.month)
        return _mk(year, month, 15), "month", "publication"
    if kind == "ordinal_day":
        day = int(m["day"])
        year, month = _month_before(published) if day > published.day else (published.year, published.month)
        return _mk(year, month, day), "day", "publication"
    if kind == "weekend":  # the last weekend up to publication, given as its Saturday
        return shift(published, -((published.weekday() - 5) % 7)), "week", "publication"
    if kind == "holiday":
        return holiday(m["holiday"], published), "day", "text"  # a named day, as "July 4" is
    raise AssertionError(kind)


# Holidays by (month, day), or (month, weekday, n-th; -1 the last) for those on a weekday.
_HOLIDAYS: dict[str, tuple[int, int] | tuple[int, int, int]] = {
    "christmas eve": (12, 24), "christmas": (12, 25), "christmas day": (12, 25), "new year's eve": (12, 31),
    "new year's day": (1, 1), "fourth of july": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "memorial day": (5, 0, -1), "labor day": (9, 0, 1),
    "martin luther king day": (1, 0, 3), "mlk day": (1, 0, 3), "mother's day": (5, 6, 2), "father's day": (6, 6, 3),
}


def holiday(name: str, published: date) -> date | None:
    """The last time the (US) holiday fell, up to ``published``.

    >>> holiday("Thanksgiving", date(2016, 11, 28)), holiday("Christmas", date(2017, 1, 3))
    (datetime.date(2016, 11, 24), datetime.date(2016, 12, 25))
    """
    key = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
    key = re.sub(r"martin luther king(?: jr\.?)? day", "martin luther king day", key)
    rule = _HOLIDAYS.get(key)
    if rule is None:
        return None
    for year in (published.year, published.year - 1):
        day = _mk(year, rule[0], rule[1]) if len(rule) == 2 else _nth_weekday(year, *rule)
        if day is not None and day <= published:
            return day
    return None


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1: the last) given weekday of a month."""
    first = date(year, month, 1)
    if n > 0:
        return date(year, month, 1 + (weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = date(year + month // 12, month % 12 + 1, 1)
    last = nxt.toordinal() - 1
    return date.fromordinal(last - (date.fromordinal(last).weekday() - weekday) % 7)


def shift(day: date | None, days: int) -> date | None:
    """``day`` moved by ``days``, or None past the calendar's ends ("3000000 days later").

    >>> shift(date(2019, 11, 20), -1), shift(date(1, 1, 1), -1)
    (datetime.date(2019, 11, 19), None)
    """
    from datetime import timedelta

    if day is None:
        return None
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def undated(published: date | None) -> tuple[date | None, str]:
    """The date of an event the text does not date: within the week up to publication, given
    as the publication day itself. News mostly reports an event on its day (then the day
    after), so that day is the likeliest single day; ``week`` says it is a guess.

    >>> undated(date(2019, 11, 18))
    (datetime.date(2019, 11, 18), 'week')
    """

    return published, "week"
