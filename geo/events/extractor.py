"""The sentence loop: every point-event report of one article, in text order.

For each sentence: its event words (:mod:`geo.events.triggers`), unless it gives a total
("since Nov. 10") or a plan; the place and date it gives them (:mod:`geo.events.binding`);
the type (:mod:`geo.events.classify`); the figures of the sentence and of the sentences that
go on about the same place (:mod:`geo.events.casualties`). An event word without a place
carries over to the next sentence ("There have been demonstrations ... Some of the largest
have been in São Paulo").

>>> from datetime import date
>>> from geo.articles import Article
>>> from geo.toponyms import default_toponymer
>>> art = Article.from_text("On Nov. 19, police fired on protesters in El Alto. Six people were killed.",
...                         published=date(2019, 11, 20))
>>> [(r.event_date.isoformat(), r.location, r.sub_event_type, r.fatalities)
...  for r in extract_reports(art, default_toponymer().find(art))]
[('2019-11-19', 'El Alto', 'Excessive force against protesters', 6)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from geo.articles import Article
from geo.caseless import caseless
from geo.dates import AGGREGATE, find_dates, shift
from geo.events.actors import actors
from geo.events.binding import CARE_AFTER, SENTENCE_DATE_SPAN, Sentence, StoryDate, bind_date, bind_places
from geo.events.casualties import with_figures
from geo.events.clauses import event_clauses
from geo.events.classify import classify
from geo.events.report import VIOLENT_TYPES, Report
from geo.events.sentences import quote_spans, split_sentences
from geo.events.storydate import page_day, stamp_date
from geo.events.storyplace import at_town, misplaced, stated_place, story_place, with_capital
from geo.events.titles import title_apart, with_title_figures
from geo.events.triggers import BACKGROUND, FUTURE, ONGOING, PLANNED, PROTEST_CONTEXT, VIOLENT, anaphoric_violence, find_triggers
from geo.events.unnumbered import LATER_DEATH
from geo.fastscan import finditer, search
from geo.place import same_place
from geo.records import geo_precision_of
from geo.spans import SpanIndex, within
from geo.toponyms import Mention

_AGGREGATE, _FUTURE, _ONGOING, _BACKGROUND = (caseless(rx) for rx in (AGGREGATE, FUTURE, ONGOING, BACKGROUND))
_TOTAL = re.compile(r"\btotal\b")
SAME_EVENT_KM = 15.0  # a street or building this near an event's place is part of its story
HISTORY_DAYS = 60  # an event this long before publication is background, not news


@dataclass(frozen=True)
class _Article:
    """What every sentence of one article shares."""

    article: Article
    sentences: list[tuple[int, int]]
    protest: bool  # an article about protests
    anchor: Mention | None  # where the story is (its dateline, else the town it names most)
    dateline: bool  # the anchor is the story's dateline
    places: list[Mention]  # the story's resolved places


def extract_reports(article: Article, mentions: list[Mention], elsewhere: Mention | None = None) -> list[Report]:
    """Every point-event report of ``article``; ``mentions`` are its places, in text order;
    ``elsewhere`` (a town its title names, or its outlet's home) is where the story is when its text
    names no town.
    Its weekdays are read from the day its page says it was put out (:func:`page_day`)."""
    text = article.text
    if (day := page_day(text, article.published)) != article.published:
        article = replace(article, published=day)
    mentions = with_capital(text, mentions)
    quotes = SpanIndex(quote_spans(text))
    anchor, dateline = story_place(text, mentions)
    anchor = anchor or elsewhere
    ctx = _Article(article, split_sentences(text), sum(1 for _ in finditer(PROTEST_CONTEXT, text)) >= 3, anchor, dateline,
                   [m for m in mentions if m.place is not None])
    starts = [m.clean_start for m in mentions]
    reference: date | None = None
    news_date = StoryDate(text, article.published, quotes)
    reports: list[Report] = []
    last: int | None = None  # index in reports of the report later sentences may add figures to
    pending: str | None = None
    violent = False
    for idx, (s, e) in enumerate(ctx.sentences):
        sentence = text[s:e]
        # A page's "Posted: Sunday, July 27" is when the story was put up, not a day of its events.
        dates = [d for d in find_dates(sentence, article.published, reference)
                 if d.date and not stamp_date(text, s + d.start, s + d.end)]
        sent = Sentence(sentence, s, mentions[within(starts, s, e)], dates, quotes, reference, article.published,
                        news_date)
        low = sentence.lower()  # the patterns below are matched in lower case (see geo.caseless)
        aggregate = bool(search(_AGGREGATE, low)) or bool(search(_TOTAL, low))
        # "huge marches are converging on La Paz": an ongoing trend, not a point event.
        # (FUTURE first: PLANNED, a future word followed by an event word, is slow to scan for)
        future = (bool(search(_FUTURE, low)) and bool(search(PLANNED, sentence))) or \
            (not dates and bool(search(_ONGOING, low)))
        background = bool(search(_BACKGROUND, low)) and not any(d.precision == "day" for d in dates)
        triggers = [] if aggregate or future or background else find_triggers(sentence)
        violent = violent or any(kind in VIOLENT for kind, _ in triggers)
        new = _clause_reports(ctx, sent, idx, triggers, pending, first=not reports) if triggers or pending else []
        pending = None
        if not new and triggers:
            pending = triggers[0][0]
        if new:
            reports.extend(new)
            last = len(reports) - 1
        elif last is not None and not aggregate and all(_goes_on(p, reports[last]) or _care_place(text, p)
                                                         for p in sent.places):
            reports[last] = _goes_on_with(reports[last], sentence)
        elif last is not None and not aggregate and (there := stated_place(sentence, sent.places, reports[last].place)):
            reports[last] = _moved_to(reports[last], there, sentence)
        elif aggregate or sent.places:
            last = None
        elif reports and reports[-1].event_type in VIOLENT_TYPES and LATER_DEATH.search(sentence):
            # "Police later confirmed that the boy had died": of the victim the story told last
            reports[-1] = _goes_on_with(reports[-1], sentence)
        for d in dates:
            if not quotes.holds(s + d.start):
                reference = d.date
    if not violent and news_date.event_day is not None:
        reports += _violence_told_as_known(ctx, mentions, starts, quotes, news_date)
    return with_title_figures(_regions_at_their_town(reports), title_apart(article))


_AREAS = frozenset({"admin1", "country"})


def _regions_at_their_town(reports: list[Report]) -> list[Report]:
    """Violence a story tells at a region ("shot Monday in a Northern Kentucky community") placed
    at the one town in that region where it tells violence on the same day (Highland Heights):
    one event, told twice."""
    out = []
    for rep in reports:
        if rep.event_type in VIOLENT_TYPES and rep.mention.feature in _AREAS and rep.place is not None:
            towns = {(r.location, r.mention.gazetteer_id): r for r in reports
                     if r.event_type in VIOLENT_TYPES and r.event_date == rep.event_date and r.place is not None
                     and r.mention.feature not in _AREAS and r.place.country == rep.place.country
                     and (rep.mention.feature == "country" or r.place.admin1 == rep.place.admin1)}
            if len(towns) == 1:
                town = next(iter(towns.values()))
                rep = replace(rep, mention=town.mention, geo_precision=town.geo_precision)
        out.append(rep)
    return out


def _clause_reports(ctx: _Article, sent: Sentence, idx: int, triggers: list[tuple[str, re.Match]],
                    pending: str | None, first: bool) -> list[Report]:
    """The reports of a sentence, clause by clause where it tells an event at a place in each
    (:func:`~geo.events.clauses.event_clauses`)."""
    spans = event_clauses(sent.text, [m.clean_start - sent.offset for m in sent.places]) if triggers else []
    if len(spans) < 2:
        return _sentence_reports(ctx, sent, idx, triggers, pending, first)
    out: list[Report] = []
    for a, b in spans:
        clause = _clause(sent, a, b)
        out += _sentence_reports(ctx, clause, idx, find_triggers(clause.text), None, first and not out)
    return out


def _clause(sent: Sentence, a: int, b: int) -> Sentence:
    """The clause ``a``:``b`` of a sentence as a sentence of its own: its places, its dates, or
    the date that opens the sentence ("On Sunday, ..., and ...") when it gives none."""
    own = [replace(d, start=d.start - a, end=d.end - a) for d in sent.dates if a <= d.start < b]
    leading = [replace(d, start=0, end=0) for d in sent.dates if d.start < SENTENCE_DATE_SPAN] if a else []
    return replace(sent, text=sent.text[a:b], offset=sent.offset + a, dates=own or leading,
                   places=[m for m in sent.places if a <= m.clean_start - sent.offset < b])


def _violence_told_as_known(ctx: _Article, mentions: list[Mention], starts: list[int], quotes: SpanIndex,
                            news_date: StoryDate) -> list[Report]:
    """A later story's own violence ("arrested in the fatal shooting of a teenager ... The shooting
    happened on Jan. 30"), when it tells it only as an event the reader knows and gives its day:
    the first such sentence's report, dated by the story."""
    text, published = ctx.article.text, ctx.article.published
    for idx, (s, e) in enumerate(ctx.sentences):
        found = anaphoric_violence(text[s:e])
        if found is not None:
            sent = Sentence(text[s:e], s, mentions[within(starts, s, e)], [], quotes, None, published, news_date)
            return _sentence_reports(ctx, sent, idx, [found], None, first=True)
    return []


def _goes_on_with(rep: Report, sentence: str) -> Report:
    """The report with the figures a later sentence adds; its quote then holds that sentence too."""
    more = with_figures(rep, sentence)
    if (more.figures, more.unknown) != (rep.figures, rep.unknown):
        more = replace(more, quote=f"{rep.quote} […] {sentence}")
    return more


def _moved_to(rep: Report, there: Mention, sentence: str) -> Report:
    """The report placed where a later sentence says its event happened (its quote holding it)."""
    more = _goes_on_with(rep, sentence)
    quote = more.quote if more.quote != rep.quote else f"{rep.quote} […] {sentence}"
    return replace(more, mention=there, geo_precision=geo_precision_of(there.feature), quote=quote)


# "taken to a hospital in Nashville", "flown to Tampa": where the victims were cared for, not another event.
_CARE_BEFORE = re.compile(r"\b(?:hospital|medical\s+cent(?:er|re)|trauma\s+cent(?:er|re)|clinic|taken|flown|"
                          r"transported|rushed|airlifted)\b[^.;]{0,40}?\b(?:in|at|to)\s+(?:the\s+)?$", re.I)


def _care_place(text: str, place: Mention) -> bool:
    """True when the sentence names ``place`` as where victims were cared for ("taken to a
    hospital in Nashville", "pronounced dead at Miami Valley Hospital")."""
    return bool(_CARE_BEFORE.search(text, max(0, place.clean_start - 70), place.clean_start)
                or CARE_AFTER.match(text, place.clean_end))


def _goes_on(place: Mention, rep: Report) -> bool:
    """Whether a sentence naming ``place`` can go on about ``rep``'s event: the same place, one
    within it ("the 6900 block of South Stewart", the same city's hospital), or the county, state
    or country it lies in, but not another town."""
    if place.name == rep.mention.name:
        return True
    if place.place is None or rep.place is None:
        return False
    if place.feature == "country":
        return place.country == rep.place.country
    if place.feature in ("admin1", "admin2"):  # "the Cook County medical examiner": the area it lies in
        return place.admin1 is not None and place.admin1 == rep.place.admin1
    return place.feature in ("local", "district", "site") and same_place(place.place, rep.place, SAME_EVENT_KM)


def _sentence_reports(ctx: _Article, sent: Sentence, idx: int, triggers: list[tuple[str, re.Match]],
                      pending: str | None, first: bool) -> list[Report]:
    """The reports one sentence gives (one per place of a list), from its event words (``triggers``)
    or the event word the sentence before left without a place (``pending``)."""
    if triggers:
        kind, at = triggers[0][0], _event_word_at(triggers)
    elif pending and sent.places:
        kind, at = pending, 0
    else:
        return []
    if kind not in VIOLENT:  # a march or a strike told without a date may be any day of the week
        sent = replace(sent, story_date=None)
    chosen = bind_places(sent, at) if sent.places else []
    here = replace(ctx.anchor, clean_start=sent.offset + at, clean_end=sent.offset + at) if ctx.anchor else None
    concrete = not re.match(r"repression", triggers[0][1].group(), re.I) if triggers else False
    if not chosen and kind in VIOLENT and concrete and here is not None and (first or sent.dates):
        # "A man was found shot to death Monday" in a CHARLOTTE, N.C. story: where the story is.
        chosen = [(here, True)]
    elif kind in VIOLENT and here is not None:
        # A local story's shooting far from where the story is: a misread name ("Trinity", "Logan"),
        # or, without a dateline, a small town abroad ("Guzman" in Panama for a New York story).
        chosen = [(here, True) if misplaced(m, here, ctx.dateline, ctx.places) else (m, near)
                  for m, near in chosen]
    if not chosen:
        return []
    if kind in VIOLENT and len(chosen) > 1:
        # A shooting happens in one place: of a sentence's several, the one nearest its event word.
        chosen = [min(chosen, key=lambda c: abs(c[0].clean_start - sent.offset - at))]
    if ctx.anchor is not None and ctx.anchor.place is not None:
        chosen = [(at_town(m, ctx.anchor.place), near) if m.place is None else (m, near) for m, near in chosen]
    nxt = ctx.sentences[min(len(ctx.sentences) - 1, idx + 1)][1]
    # (what follows from the whole sentence's start: a clause's "soldiers shot at a crowd" after protesters)
    etype, sub = classify(kind, sent.text, ctx.article.text[ctx.sentences[idx][0]:nxt], ctx.protest)
    published, out = ctx.article.published, []
    for place, near in chosen:
        when, precision = bind_date(sent, place, chosen, at, follow_up=kind == "arrest")
        cutoff = shift(published, -HISTORY_DAYS)
        if when and cutoff and when < cutoff and not _story_is_about(sent, when, precision):
            continue  # background history, not this crisis' event (unless the story is about it: a trial's)
        raw_s, raw_e = ctx.article.raw_span(sent.offset, sent.offset + len(sent.text))
        actor1, actor2 = actors(etype, sub, sent.text, place.country)
        rep = Report(article=ctx.article.article_id, event_type=etype, sub_event_type=sub, event_date=when,
                     actor1=actor1, actor2=actor2,
                     date_precision=precision, mention=place,
                     geo_precision=geo_precision_of(place.feature, near=near) if place.place else None,
                     quote=sent.text, start=raw_s, end=raw_e)
        out.append(with_figures(rep, sent.text) if len(chosen) == 1 else rep)
    return out


def _event_word_at(triggers: list[tuple[str, re.Match]]) -> int:
    """Where the event word the place and date go with is: the strongest's, but for a death told
    with the violence that caused it ("died Sunday after being shot Saturday night"): the violence's."""
    first = triggers[0][1]
    if first.group().lower() == "died":
        later = [m for kind, m in triggers[1:] if kind in VIOLENT and m.group().lower() != "died"]
        if later:
            return later[0].start()
    return first.start()


def _story_is_about(sent: Sentence, when: date, precision: str) -> bool:
    """True when an old date is the story's own date for its news (a trial story's shooting), which
    is read only then: most events are recent and never ask."""
    return sent.story_date is not None and (when, precision) == sent.story_date.value
