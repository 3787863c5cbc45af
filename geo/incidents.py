"""Incidents of many articles: the pipeline's wiring of the geoparser and :mod:`geo.events`.

For each sentence the extractor looks for event words (killings, shootings,
massacres, marches, protests, blockades and sieges, clashes, burnings, arrests),
drops what is not a point event (totals "since Nov. 10", plans and threats,
negations, mentions of an event already reported: "repudiating the massacre"),
binds the event to the place the sentence puts it in ("in", "at", "into",
"across", "around" before "to", before "from"/"near"; the most specific of
nearby places), and to the date the sentence gives (absolute, relative to the
publication, or to the last date the article gave), and reads the casualty
figures from the sentence and the sentences that continue it. Reports of one
event are then merged (:func:`geo.events.merge_reports`).

>>> from datetime import date
>>> from geo.articles import Article
>>> art = Article.from_text("On Nov. 19, police fired on protesters in El Alto. Six people were killed.",
...                         published=date(2019, 11, 20))
>>> [(r.event_date.isoformat(), r.location, r.sub_event_type, r.fatalities) for r in Extractor().reports(art)]
[('2019-11-19', 'El Alto', 'Excessive force against protesters', 6)]
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from geo.articles import Article
from geo.events import (Report, dates_compatible, extract_reports, incident_id, merge_reports, same_event,
                        split_sentences, types_compatible)
from geo.events.binding import SAME_PLACE_KM
from geo.events.report import VIOLENT_TYPES
from geo.events.storyplace import town_of
from geo.events.titles import title_apart, title_reports
from geo.records import Incident
from geo.toponyms import Mention, Toponymer

__all__ = ["SAME_PLACE_KM", "Extractor", "event_toponymer", "Report", "dates_compatible", "extract_incidents", "incident_id",
           "merge_reports", "reports_of", "same_event", "split_sentences", "types_compatible"]


@cache
def event_toponymer() -> Toponymer:
    """The process-wide geoparser incidents are read with: places named only as modifiers count
    ("Joplin police confirmed", "a Tucson home"), for local news often names an event's town no
    other way. The map's place layer shows the same mentions (one geoparse per run)."""
    return Toponymer(modifiers=True)


class Extractor:
    """Reports of articles, with the geoparser that finds their places (given, or the default)."""

    def __init__(self, toponymer: Toponymer | None = None):
        self.toponymer = toponymer or event_toponymer()

    def reports(self, article: Article, mentions: list[Mention] | None = None) -> list[Report]:
        """Every point-incident report in one article (``mentions``: its places, if already found)."""
        return reports_of(article, self.toponymer.find(article) if mentions is None else mentions, self.toponymer)


def reports_of(article: Article, mentions: list[Mention], toponymer: Toponymer, home: Mention | None = None) -> list[Report]:
    """An article's reports from its text's places (``mentions``), or, when its text tells no
    violence, the violence its title tells. The title's places (read by ``toponymer`` only when
    needed) also say where a story is whose text names no town ("Boy, 2 men hurt in Baltimore
    shootings" over streets alone); when its title names none either, its outlet's ``home`` does."""
    titled = title_apart(article) is not None
    townless = not any(town_of(m) for m in mentions)
    title_places = toponymer.find_title(article) if titled and townless else None
    elsewhere = next((m for m in title_places or [] if town_of(m)), None)
    reports = extract_reports(article, mentions, elsewhere or (home if townless else None))
    if elsewhere is None and townless and home is not None:
        reports = [replace(r, at_outlet_home=True) if _at(r, home) else r for r in reports]
    if any(r.event_type in VIOLENT_TYPES for r in reports) or not titled:
        return reports
    return reports + title_reports(article, toponymer.find_title(article) if title_places is None else title_places)


def _at(rep: Report, home: Mention) -> bool:
    """True when the report stands at ``home``'s point: at it, or a street placed at it."""
    return rep.place is not None and home.place is not None and (rep.place.lat, rep.place.lon) == (home.place.lat, home.place.lon)


def extract_incidents(articles: list[Article], extractor: Extractor | None = None,
                      found: dict[str, list[Mention]] | None = None) -> list[Incident]:
    """Incidents of many articles: every report extracted, then merged across articles.
    ``found`` (article id -> mentions) reuses places already found; without it they are
    found for all the articles together.

    >>> from geo.articles import load_articles
    >>> incs = extract_incidents(load_articles(["seeds"]))
    >>> max(len(i.sources) for i in incs)
    3
    """
    from geo.progress import progress

    ex = extractor or Extractor()
    if found is None:  # read together, so an outlet's articles get its home (see Geoparser.find_all)
        found = ex.toponymer.find_all(articles)
    reports = [r for a in progress(articles, "extracting incidents") for r in ex.reports(a, found.get(a.article_id))]
    return merge_reports(reports, {a.article_id: a for a in articles})
