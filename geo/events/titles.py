"""A story's title, where its text does not hold it: figures the text leaves untold, and the
event of a story whose text tells none ("Four shot outside corner store in East Germantown"
over a text about the neighbours' fears).

The title is no part of the article's text, so a report told in it alone has no offsets:
its quote is the title, and it says so in its notes.

>>> from datetime import date
>>> from geo.articles import Article
>>> from geo.toponyms import default_toponymer
>>> art = Article.from_text("Neighbours said they were afraid.", published=date(2016, 2, 15),
...                         title="Four shot outside a corner store in Dayton on Sunday")
>>> [(r.location, r.event_date.isoformat(), r.injured, r.start) for r in
...  title_reports(art, default_toponymer().find_title(art))]
[('Dayton', '2016-02-14', 4, None)]
"""

from __future__ import annotations

from dataclasses import replace

from geo.articles import Article
from geo.dates import find_dates
from geo.events.actors import actors
from geo.events.binding import SAME_PLACE_KM, Sentence, StoryDate, bind_date, bind_places
from geo.events.casualties import with_figures
from geo.events.classify import classify
from geo.events.report import VIOLENT_TYPES, Report
from geo.events.storydate import page_day
from geo.events.triggers import VIOLENT, find_triggers
from geo.place import same_place
from geo.records import geo_precision_of
from geo.spans import SpanIndex
from geo.toponyms import Mention

TITLE_NOTE = "told in the title only"


def title_apart(article: Article) -> str | None:
    """The article's title when its text does not begin with it (most web stories as saved)."""
    title = " ".join((article.title or "").split())
    return title if title and title[:40] not in " ".join(article.text[:len(title) + 200].split()) else None


def with_title_figures(reports: list[Report], title: str | None) -> list[Report]:
    """A story of one violent event (its violent reports all at one place: a headline, a lead and
    a later paragraph) whose text leaves a figure untold takes it from its title ("Child among 2
    injured in shooting at 22nd, Grand"), noted on its first report, as its quote cannot hold it; a
    round-up's title may sum its events and gives none."""
    violent = [i for i, r in enumerate(reports) if r.event_type in VIOLENT_TYPES]
    if not title or not violent or not all(same_place(reports[i].place, reports[violent[0]].place, SAME_PLACE_KM)
                                          for i in violent):
        return reports  # no violence, or several events (a round-up's title may sum them)
    rep = reports[violent[0]]
    told = with_figures(rep, title)
    if told.figures == rep.figures:
        return reports
    noted = replace(told, notes=[*told.notes, f"figures from the title: {title}"])
    return reports[:violent[0]] + [noted] + reports[violent[0] + 1:]


def title_reports(article: Article, mentions: list[Mention]) -> list[Report]:
    """The violent event a title tells (``mentions``: its places, offsets into the title), for a
    story whose text tells none; dated by the title, else by the story."""
    title = title_apart(article)
    triggers = [t for t in find_triggers(title) if t[0] in VIOLENT] if title else []
    if not title or not triggers:
        return []
    kind, match = triggers[0]
    published = page_day(article.text, article.published)
    dates = [d for d in find_dates(title, published, None) if d.date]
    sent = Sentence(title, 0, [m for m in mentions if m.place is not None], dates, SpanIndex([]), None,
                    published, StoryDate(article.text, published, SpanIndex([])))
    chosen = bind_places(sent, match.start())
    if not chosen:
        return []
    place, near = min(chosen, key=lambda c: abs(c[0].clean_start - match.start()))
    when, precision = bind_date(sent, place, [(place, near)], match.start())
    etype, sub = classify(kind, title, title, False)
    actor1, actor2 = actors(etype, sub, title, place.country)
    rep = Report(article=article.article_id, event_type=etype, sub_event_type=sub, event_date=when,
                 actor1=actor1, actor2=actor2,
                 date_precision=precision, mention=place, geo_precision=geo_precision_of(place.feature, near=near),
                 quote=title, start=None, end=None, notes=[TITLE_NOTE])
    return [with_figures(rep, title)]
