"""Qualifiers: "X, Y" after a name is an address ("Wintersville, Ohio") or a list
("Cleveland, Columbus, Dayton and Cincinnati")."""

from __future__ import annotations

import re

from geo.geoparse.names import Names
from geo.geoparse.rules import DIRECTIONS
from geo.geoparse.spotters import ABBREVIATION, abbreviated
from geo.normalize import normalize_name

_QUALIFIER = re.compile(r",\s+((?:[A-ZÁÉÍÓÚÑ][\w’'-]*)(?:\s+(?:de\s+|del\s+)?[A-ZÁÉÍÓÚÑ][\w’'-]*){0,3})")
_LIST_GOES_ON = re.compile(r"(?P<sep>,?\s+(?:(?:and|or)\s+)?)(?P<next>[A-ZÁÉÍÓÚÑ][\w’'-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w’'-]*)?)")


def list_goes_on(text: str, at: int, names: Names) -> bool:
    """Whether another name follows at ``at`` as the next item of a list (", Dayton",
    " and Cincinnati"), not as the region of an address ("Huayllani, Sacaba, Cochabamba")."""
    more = _LIST_GOES_ON.match(text, at)
    return more is not None and not (more.group("sep").strip() == ","
                                     and names.is_region(normalize_name(more.group("next"))))


def qualifier_of(text: str, end: int, item_before: bool, names: Names) -> tuple[str | None, bool]:
    """The qualifier of the name ending at ``end`` ("Paris, Tenn." -> "Tennessee"), if any, and
    whether the name is an item of a list (``item_before``: a name and a comma precede it)."""
    q = _QUALIFIER.match(text[end:end + 60])
    if not q:
        return None, False
    qualifier: str | None = q.group(1)
    abbreviation = ABBREVIATION.match(text, end + q.start(1))
    region = abbreviated(abbreviation.group(), names) if abbreviation else None
    if abbreviation is not None and region is not None and region.feature == "admin1":
        # "Paris, Tenn." is Paris, Tennessee; kept as written, for "Wash." is the state, and
        # "Washington" could be the capital next to Arlington, Virginia.
        return abbreviation.group(), False
    if normalize_name(q.group(1)) in DIRECTIONS:
        return None, False  # "Kansas City, North": a part of it
    listed = item_before or list_goes_on(text, end + q.end(), names)
    if listed and not names.is_region(normalize_name(q.group(1))):
        qualifier = None  # "Cleveland, Columbus, Dayton and Cincinnati": a list, not Columbus near Dayton
    return qualifier, listed
