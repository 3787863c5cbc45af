"""Datelines: the town a story says it was written in ("CHARLOTTE, N.C. —", "SAVANNAH (WSAV) –").

The geoparser places a story's streets there, and the event stages put the violence a story
tells without a place there.

>>> from geo.articles import Article
>>> from geo.geoparse import Geoparser
>>> art = Article.from_text("Sam Jones spoke.\\n\\nNEW ORLEANS — A man was shot on Desire Street.")
>>> dateline_place(art.text, Geoparser().find(art)).name
'New Orleans'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (the mentions module reads datelines: no cycle at run time)
    from geo.geoparse.mentions import Mention

# "(WSAV)", "(CBS13)", "(AP)": a station or an agency after the town; not a caption's credit,
# "Deonca Kennedy (Photo Courtesy: NOPD)".
_DATELINE_END = re.compile(r"[\s,.]*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s|[\s,.]*\([A-Z][^):]{0,40}\)")
_QUALIFIES = re.compile(r",?[ \t]{0,2}")  # between a town and its state: not ")\n" ("(Photo: Sam)\nNEW ORLEANS")
SETTLEMENTS = ("city", "town", "district", "admin2", "local")
_REACH = 200  # a dateline opens one of the story's first lines
_INDENT = 40  # ... at most this far into its line


def dateline_place(text: str, mentions: list[Mention]) -> Mention | None:
    """The settlement a dateline names, if the story opens with one (``mentions``: the story's,
    in text order, clean offsets into ``text``)."""
    resolved = [m for m in mentions if m.place is not None]
    for m in resolved:
        if m.clean_start > _REACH:
            break
        line_start = text.rfind("\n", 0, m.clean_start) + 1
        if m.clean_start - line_start > _INDENT:
            continue
        rest = text[m.clean_end:m.clean_end + 40]
        for other in resolved:  # "CHARLOTTE, N.C. —": the state qualifies the town (on its line)
            if other.clean_start >= m.clean_end and _QUALIFIES.fullmatch(text, m.clean_end, other.clean_start):
                rest = text[other.clean_end:other.clean_end + 40]
        if _DATELINE_END.match(rest) and m.feature in SETTLEMENTS:
            return m
    return None
