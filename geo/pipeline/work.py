"""What a task does, in whichever process runs it: jobs on articles, each read as a corpus reads it.

A task carries articles, or only their sources (:class:`~geo.articles.ArticleSource`: the
file and its manifest row), which it reads itself; it returns compact results (an article's
metadata without its text, its result, its outlet evidence), never the text. Jobs:

- ``group``: an outlet's articles (or one without an outlet) read together, outlet pass and
  all: per article (metadata, evidence, towns as read with its outlet's senses, result);
- ``evidence``: one article's share of its outlet's evidence (its first reading), and, given a
  guess of what its outlet decides, its towns and result as read with that guess;
- ``towns``: the towns it names read with the outlet's senses;
- ``final``: its result once its outlet's home and senses are known.

The geoparser of a process is made once (:func:`functools.cache`): a worker opens the
gazetteer once, read-only, from its own cache folder; no gazetteer travels with a task.
"""

from __future__ import annotations

import pickle
from functools import cache
from typing import Any

from geo.articles import Article, ArticleError, ArticleSource
from geo.geoparse import Geoparser, Mention
from geo.geoparse.evidence import follows, home_of, senses_of, settled_of
from geo.offsets import Offsets

Item = Article | ArticleSource
Failed = str  # an article that could not be read: why


@cache
def _geoparser(kind: str, demonyms: bool = False, modifiers: bool = False) -> Geoparser:
    if kind in ("incidents", "reports"):
        from geo.incidents import event_toponymer

        return event_toponymer()
    from geo.geoparse import default_geoparser

    return Geoparser(demonyms=demonyms, modifiers=modifiers) if demonyms or modifiers else default_geoparser()


_NO_TEXT = Offsets.identity(0)  # read-only: one for every article without its text
Meta = tuple  # (published, published_basis, warnings): what reading an article adds to its source


def meta_of(art: Article) -> Meta:
    """What reading the article told of it beyond its source: its date (and how it was found), its warnings."""
    return art.published, art.published_basis, tuple(art.warnings)


def article_of(item: Item, meta: Meta) -> Article:
    """The article without its text (what the corpus steps after the tasks need of it)."""
    published, basis, warnings = meta
    return Article(item.article_id, "", offsets=_NO_TEXT, path=item.path, title=item.title, outlet=item.outlet,
                   url=item.url, published=published, published_basis=basis, warnings=list(warnings))


def result_of(kind: str, geoparser: Geoparser, art: Article, mentions: list[Mention], home: Mention | None = None) -> Any:
    """An article's result: ``geo places --json``'s object, or (its places, reports), or (None,
    reports). Its places: (mentions, the map's snippets of them: :func:`geo.snippets.snippets_of`)
    pickled, so what needs only the reports (extract, cached) never unpickles them. ``home``, its
    outlet's, is where a story is that names no town (see :func:`geo.incidents.reports_of`)."""
    if kind in ("incidents", "reports"):
        from geo.incidents import reports_of

        reports = reports_of(art, mentions, geoparser, home)
        if kind == "reports":
            return None, reports
        from geo.snippets import snippets_of

        return pickle.dumps((mentions, snippets_of(art.text, mentions)), protocol=pickle.HIGHEST_PROTOCOL), reports
    return {"article": art.article_id, "published": art.published.isoformat() if art.published else None,
            "mentions": [m.to_dict() for m in mentions],
            "title_mentions": [m.to_dict() for m in geoparser.find_title(art)]}


def _open(item: Item) -> Article | Failed:
    if isinstance(item, Article):
        return item
    try:
        return item.open()
    except ArticleError as exc:
        return str(exc)


def read_group(kind: str, geoparser: Geoparser, items: list[Item], keep: bool = True) -> list[tuple | Failed]:
    """An outlet's articles (or one without an outlet) read as a corpus: each alone, then the
    outlet pass; per article (metadata, evidence, towns read with its senses or None, result), the
    evidence and towns only if ``keep``."""
    from geo.geoparse.outlets import outlet_readings

    opened = [_open(item) for item in items]
    arts = [a for a in opened if isinstance(a, Article)]
    recs = [geoparser.recognise(a) for a in arts]
    first = [geoparser.resolve(a, r) for a, r in zip(arts, recs)]
    evidence: list[Any] = [None] * len(arts)
    towns: list[Any] = [None] * len(arts)
    found = [f.mentions for f in first]
    home = None
    if arts and arts[0].outlet:
        readings = outlet_readings(arts[0].outlet, geoparser.names)
        evidence = [geoparser.evidence(r, f, readings) for r, f in zip(recs, first)]
        follow = senses_of(evidence)
        towns = [geoparser.towns(a, r, s) if s else None for a, r, s in zip(arts, recs, follow)]
        home = home_of(readings, [t if t is not None else e.towns for t, e in zip(towns, evidence)], len(arts))
        found = [geoparser.at_home(a, r, f, home, s) for a, r, f, s in zip(arts, recs, first, follow)]
        if not keep:  # no cache to keep them in: not sent back
            evidence, towns = [None] * len(arts), [None] * len(arts)
    out: list[tuple | Failed] = []
    done = iter(zip(arts, evidence, towns, found))
    for o in opened:
        if isinstance(o, Article):
            a, e, t, m = next(done)
            out.append((meta_of(a), e, t, result_of(kind, geoparser, a, m, home)))
        else:
            out.append(o)
    return out


def _one(kind: str, geoparser: Geoparser, job: tuple) -> Any:
    what, item, *more = job
    art = _open(item)
    if not isinstance(art, Article):
        return art
    rec = geoparser.recognise(art)
    first = geoparser.resolve(art, rec)
    if what == "evidence":
        from geo.geoparse.outlets import outlet_readings

        evidence = geoparser.evidence(rec, first, outlet_readings(art.outlet or "", geoparser.names))
        if not more:
            return meta_of(art), evidence
        # What its outlet's known stories settled and the towns they name: its outlet's home and
        # senses guessed with its own, and the story read with them now; it need not be read again
        # when they come out so (see geo.pipeline.rounds).
        settled, named, stories = more
        senses = follows(evidence, settled_of([evidence], settled))
        towns = geoparser.towns(art, rec, senses) if senses else None
        home = home_of(evidence.readings, [*named, towns if towns is not None else evidence.towns], stories)
        result = result_of(kind, geoparser, art, geoparser.at_home(art, rec, first, home, senses), home)
        return meta_of(art), evidence, (home, senses, towns, (meta_of(art), result))
    if what == "towns":
        return geoparser.towns(art, rec, more[0])
    home, senses = more
    return meta_of(art), result_of(kind, geoparser, art, geoparser.at_home(art, rec, first, home, senses), home)


def warm(kind: str, demonyms: bool = False, modifiers: bool = False) -> None:
    """What a process needs before its first task: the geoparser (and the gazetteer), the extractor."""
    _geoparser(kind, demonyms, modifiers)
    if kind in ("incidents", "reports"):
        import geo.events  # noqa: F401


def run_jobs(jobs: list[tuple], kind: str, keep: bool, demonyms: bool = False, modifiers: bool = False) -> list[Any]:
    """The result of every job of a task (see the module's docstring), in order; ``keep``: the
    evidence of groups too (for the cache)."""
    geoparser = _geoparser(kind, demonyms, modifiers)
    return [read_group(kind, geoparser, job[1], keep) if job[0] == "group" else _one(kind, geoparser, job)
            for job in jobs]
