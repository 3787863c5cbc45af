"""Temporal expressions: publication dates found in article text.

>>> find_publication_date("Bolivia resists\\nNovember 20, 2019\\nOn Nov. 19, police fired")
(datetime.date(2019, 11, 20), 'text: date line')
>>> find_publication_date("Nov. 18 − Despite massacres ... the Oct. 20, 2019 election")
(datetime.date(2019, 11, 18), 'text: dateline, year from a date in the text')
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
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
