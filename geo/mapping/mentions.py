"""The place mentions the map draws, one row per place and article (so each is dated by its
article), read from what the dataset already found: the map never runs the geoparser.

A row: ``{"name", "lat", "lon", "article": article id, "count": mentions in it, "snippets": [...]}``.
The snippets come from the article's text when the dataset holds it, else from those made
where the article was read (``dataset.snippets``: the default ``snippets`` and ``width`` only).
"""

from __future__ import annotations

from geo.snippets import SNIPPETS, WIDTH, place_key, snippets_of


def mention_rows(dataset, snippets: int = SNIPPETS, width: int = WIDTH) -> list[dict]:
    """Every resolved place each article of ``dataset`` names (``dataset.places``)."""
    rows: dict[tuple[str, str], dict] = {}
    texts = {a.article_id: a.text for a in dataset.articles if a.text}
    made = (getattr(dataset, "snippets", None) or {}) if (snippets, width) == (SNIPPETS, WIDTH) else {}
    for article_id, found in dataset.places.items():
        text = texts.get(article_id)
        said = snippets_of(text, found, snippets, width) if text else made.get(article_id, {})
        for m in found:
            p, key = m.place, place_key(m)
            if p is None or key is None:
                continue
            row = rows.setdefault((key, article_id), {"name": p.name, "lat": p.lat, "lon": p.lon, "article": article_id,
                                                      "count": 0, "snippets": list(said.get(key, ())), "key": key})
            row["count"] += 1
    return list(rows.values())
