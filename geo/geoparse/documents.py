"""The geoparser's documents: ``geo places --json`` per article, and every place summarised."""

from __future__ import annotations

from geo.articles import Article
from geo.geoparse.geoparser import Geoparser, default_geoparser
from geo.geoparse.mentions import Mention


def places_of(articles: list[Article], geoparser: Geoparser | None = None) -> list[dict]:
    """The ``geo places --json`` document: one object per article with its mentions, and those
    of its title (``title_mentions``: offsets into the title, ``in_title`` true).

    >>> from geo.articles import load_articles
    >>> doc = places_of(load_articles(["seeds/004_26b54f6d74c6cf47.txt"]))
    >>> "Senkata" in {m["text"] for m in doc[0]["mentions"]}
    True
    """
    geoparser = geoparser or default_geoparser()
    found = geoparser.find_all(articles)
    return [{"article": a.article_id, "published": a.published.isoformat() if a.published else None,
             "mentions": [m.to_dict() for m in found[a.article_id]],
             "title_mentions": [m.to_dict() for m in geoparser.find_title(a)]} for a in articles]


def summarise_places(articles: list[Article], geoparser: Geoparser | None = None,
                     snippets: int = 3, width: int = 70, found: dict[str, list[Mention]] | None = None) -> list[dict]:
    """Every resolved place the articles name: where, how many articles, a few snippets.

    ``found`` (article id -> mentions) reuses places already found instead of finding them again.

    >>> from geo.articles import load_articles
    >>> places = summarise_places(load_articles(["seeds"]))
    >>> max(places, key=lambda p: p["articles"])["name"]
    'Bolivia'
    """
    if found is None:
        found = (geoparser or default_geoparser()).find_all(articles)
    by_place: dict[str, dict] = {}
    for art in articles:
        for m in found[art.article_id]:
            p = m.place
            if p is None:
                continue
            entry = by_place.setdefault(p.gazetteer_id or p.name, {"name": p.name, "lat": p.lat, "lon": p.lon,
                                                                   "ids": set(), "count": 0, "snippets": []})
            entry["ids"].add(art.article_id)
            entry["count"] += 1
            if len(entry["snippets"]) < snippets:
                s, e = max(0, m.clean_start - width), min(len(art.text), m.clean_end + width)
                entry["snippets"].append(" ".join(art.text[s:e].split()))
    out = []
    for entry in by_place.values():
        entry["articles"] = len(entry.pop("ids"))
        out.append(entry)
    return sorted(out, key=lambda e: (-e["articles"], e["name"]))
