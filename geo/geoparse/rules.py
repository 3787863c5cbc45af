"""The thresholds and word sets several stages of the geoparser share (each stage keeps its own)."""

from __future__ import annotations

import re

# Prominence above which a single-word name needs no cue: capitals, regions, big cities, countries.
PROMINENT_FEATURES = frozenset({"country", "admin1", "continent", "region", "city"})
# Kinds of place that may open a sentence, and that keep their name against namesakes.
OPENER_FEATURES = frozenset({"country", "admin1", "continent", "region"})
# Kinds of place a town-sized reading is (a home, a namesake, a place near others).
TOWN_FEATURES = frozenset({"city", "town", "district", "admin2", "local"})
HOME_KM = 150.0  # an outlet's home reaches this far
NAME_ABBREVIATIONS = frozenset({"st", "ste", "mt", "ft", "pt"})
DIRECTIONS = frozenset("""northern southern eastern western central greater upper lower north south east west
northeast northwest southeast southwest northeastern northwestern southeastern southwestern""".split())
# A dateline: "ATLANTA —", "MANSFIELD --", "SACABA, Bolivia (AP) —".
DATELINE = re.compile(r"(?:,\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})?\s*(?:\([A-Z][\w ]*\)\s*)?(?:-{1,3}|—|–)\s")


def title_case(line: str) -> bool:
    """Whether most words of a line are capitalised, as in a headline ("Police Shoot Man In Roxbury").

    >>> title_case("4 Women, Man Shot At Vigil In West Baltimore"), title_case("A man was shot in Roxbury")
    (True, False)
    """
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) > 2 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)
