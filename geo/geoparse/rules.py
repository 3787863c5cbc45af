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
