"""geo.fastscan finds what ``re`` finds: every compiled pattern of geo, on texts written for the test."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import geo
from geo import fastscan

TEXTS = [
    "CHARLOTTE, N.C. — A 23-year-old man was found shot to death Monday morning in the 5500 block of "
    "Firelight Lane, police said. Two others were wounded and taken to a hospital in critical condition.",
    "Wednesday, June 8, 2016\nOn Nov. 19, police fired on protesters in El Alto; nine died. Four days "
    "earlier, a march reached La Paz. The shooting happened on Jan. 30 at about 10:30 p.m.",
    "the 100 block of W. 96th St. and Lake Lanier, on Chicago's South Side; Louisville, Ky., and "
    "U.S. Army officers.  Many more have been killed;\n\n dozens were hurt. No one was arrested.",
    "último día: 15 de noviembre de 2019, en Sacaba (Cochabamba) — la marcha; İstanbul, Al-Minya, Egypt",
    "", "   \n", "x", "Shot! SHOT? shot... killed-Monday killed James; the boy, 15, and a girl, 7, were shot.",
]


def _patterns() -> dict[re.Pattern, str]:
    found: dict[re.Pattern, str] = {}
    for info in pkgutil.walk_packages(geo.__path__, "geo."):
        if info.name.endswith("__main__"):
            continue
        for name, value in vars(importlib.import_module(info.name)).items():
            items = value if isinstance(value, (list, tuple)) else [value]
            for item in items:
                for rx in (item if isinstance(item, tuple) else (item,)):
                    if isinstance(rx, re.Pattern) and isinstance(rx.pattern, str):
                        found.setdefault(rx, f"{info.name}.{name}")
    return found


@pytest.mark.parametrize("text", TEXTS)
def test_the_same_matches_as_re(text):
    for rx, name in _patterns().items():
        for subject in (text, text.lower(), text * 3):
            want = [(m.span(), m.groups()) for m in rx.finditer(subject)]
            assert [(m.span(), m.groups()) for m in fastscan.finditer(rx, subject)] == want, name
            first = rx.search(subject)
            found = fastscan.search(rx, subject)
            assert (found and (found.span(), found.groups())) == (first and (first.span(), first.groups())), name


def test_patterns_it_cannot_read_are_scanned_as_they_are():
    for pattern in (r"(?:a|\d)*", r".x", r"[^a]b", r"(a)\1", r"^\s*x", r"\Wx"):
        rx = re.compile(pattern, re.M)
        assert fastscan._finder(rx) is None
        assert [m.span() for m in fastscan.finditer(rx, "aa1 xb\n x")] == [m.span() for m in rx.finditer("aa1 xb\n x")]
    rx = re.compile(r"\b(?:last\s+)?(?i:monday)")
    assert fastscan._finder(rx) is None  # the set would have to fold case itself
