"""The place mentions the map draws, one row per place and article (so each is dated by its
article), read from what the dataset already found: the map never runs the geoparser.

A row: ``{"name", "lat", "lon", "article": article id, "count": mentions in it, "snippets": [...]}``.
"""

from __future__ import annotations


def mention_rows(dataset, snippets: int = 2, width: int = 70) -> list[dict]:
    """Every resolved place each article of ``dataset`` names (``dataset.places``)."""
    rows: dict[tuple[str, str], dict] = {}
    texts = {a.article_id: a.text for a in dataset.articles}
    for article_id, found in dataset.places.items():
        text = texts.get(article_id, "")
        for m in found:
            p = m.place
            if p is None:
                continue
            key = (p.gazetteer_id or p.name, article_id)
            row = rows.setdefault(key, {"name": p.name, "lat": p.lat, "lon": p.lon, "article": article_id,
                                        "count": 0, "snippets": [], "key": key[0]})
            row["count"] += 1
            if len(row["snippets"]) < snippets and text:
                s, e = max(0, m.clean_start - width), min(len(text), m.clean_end + width)
                row["snippets"].append(" ".join(text[s:e].split()))
    return list(rows.values())
