"""What a task does, in whichever process runs it: each group of articles read as a corpus.

The geoparser of a process is made once (:func:`functools.cache`): a worker opens the
gazetteer once, read-only, from its own cache folder; no gazetteer travels with a task.
"""

from __future__ import annotations

from functools import cache

from geo.articles import Article
from geo.geoparse import Geoparser, Mention


@cache
def _geoparser(demonyms: bool, modifiers: bool) -> Geoparser:
    from geo.geoparse import default_geoparser

    return Geoparser(demonyms=demonyms, modifiers=modifiers) if demonyms or modifiers else default_geoparser()


@cache
def _event_geoparser() -> Geoparser:
    from geo.incidents import event_toponymer

    return event_toponymer()


def read_group(geoparser: Geoparser, group: list[Article]) -> dict[str, list[Mention]]:
    """The mentions of one group read as a corpus: each article alone, then the outlet pass
    (what :meth:`Geoparser.find_all` does, without its progress line: a task has many groups)."""
    recs = {a.article_id: geoparser.recognise(a) for a in group}
    first = {a.article_id: geoparser.resolve(a, recs[a.article_id]) for a in group}
    return geoparser.outlet_pass(group, recs, first)


def places_task(groups: list[list[Article]], demonyms: bool, modifiers: bool) -> list[list[dict]]:
    """The ``geo places --json`` object of every article of every group."""
    geoparser = _geoparser(demonyms, modifiers)
    out = []
    for group in groups:
        found = read_group(geoparser, group)
        out.append([{"article": a.article_id, "published": a.published.isoformat() if a.published else None,
                     "mentions": [m.to_dict() for m in found[a.article_id]],
                     "title_mentions": [m.to_dict() for m in geoparser.find_title(a)]} for a in group])
    return out


def incidents_task(groups: list[list[Article]]) -> list[list[tuple]]:
    """(mentions, reports) of every article of every group, read as incidents are."""
    from geo.events import extract_reports

    geoparser = _event_geoparser()
    out = []
    for group in groups:
        found = read_group(geoparser, group)
        out.append([(found[a.article_id], extract_reports(a, found[a.article_id])) for a in group])
    return out
