"""The words around the places an article names, as the map's mention layer shows them.

Made where the article is read (in a task, beside its places), so the map needs no article
text: a corpus read on workers never sends its texts back.

>>> from geo.articles import Article
>>> from geo.geoparse import default_geoparser
>>> art = Article.from_text("Police met marchers in La Paz, Bolivia, on Monday. The march went on to La Paz.")
>>> snippets_of(art.text, default_geoparser().find(art), width=12)["gn:3911925"]  # La Paz, named twice
['marchers in La Paz, Bolivia, o', 'went on to La Paz.']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geo.geoparse import Mention

SNIPPETS = 2  # snippets kept per place and article
WIDTH = 70  # characters of context either side of the name


def place_key(mention: Mention) -> str | None:
    """The place a mention is of, as the map groups them (its gazetteer id, else its name); None: unresolved."""
    place = mention.place
    return None if place is None else (place.gazetteer_id or place.name)


def snippets_of(text: str, mentions: Sequence[Mention], snippets: int = SNIPPETS,
                width: int = WIDTH) -> dict[str, list[str]]:
    """Per place (:func:`place_key`) the first ``snippets`` passages naming it, ``width``
    characters either side, whitespace collapsed."""
    out: dict[str, list[str]] = {}
    if not text:
        return out
    for m in mentions:
        key = place_key(m)
        if key is None:
            continue
        got = out.setdefault(key, [])
        if len(got) < snippets:
            s, e = max(0, m.clean_start - width), min(len(text), m.clean_end + width)
            got.append(" ".join(text[s:e].split()))
    return out
