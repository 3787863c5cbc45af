"""Binding: the place and the date a sentence gives its event.

The place: the mention a preposition puts the event in ("in", "at", "into" beat "to", which
beats "from"/"near", which beats a name without one: "a Fort Worth man"), nearest the event
word; a list under one preposition is one event per place; an area (a country, a region) only
on a given day. The date: the one nearest the place, unless it dates something else (a lead
clause, a quote's "yesterday", a date far away).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from geo.dates import DateMention, undated
from geo.lexicon import PLACE_NOUNS
from geo.events.storydate import FOLLOW_UP, NAMES_VIOLENCE, StoryDate, telling_date
from geo.place import same_place
from geo.spans import SpanIndex
from geo.toponyms import Mention

# Where a preposition puts an event: in/at/into a place beats to, which beats from/near.
CUE_WEIGHT = {"in": 3.0, "at": 3.0, "into": 3.0, "across": 3.0, "around": 3.0, "inside": 3.0, "throughout": 3.0,
              "on": 2.0, "to": 2.0, "toward": 2.0, "towards": 2.0, "outside": 2.0, "from": 0.5, "near": 0.5,
              "of": None, "en": 3.0}
# A name no preposition introduces ("a Fort Worth man", "Tulsa police") says less of where it
# happened than "near Azle" does.
_NO_CUE = 0.3
NEAR_CUES = ("near", "outside", "suburb", "outskirts", "surrounding", "outside")
MAX_TRIGGER_DISTANCE = 150  # characters between an event word and the place it happened
_DATES_WHAT_FOLLOWS = re.compile(r"\b(?:after|before)$", re.I)  # "five days after": the day of what follows it
SENTENCE_DATE_SPAN = 25  # a date this close to a sentence's start ("On Nov. 19, ...") dates all of it
NEAR_DATE = 60
_AREA_PENALTY = {"country": 2.0, "continent": 2.0, "region": 2.0, "admin1": 1.0}
SPECIFICITY = {"site": 5, "district": 4, "town": 3.5, "city": 3, "local": 2.5, "admin2": 2, "admin1": 1, "region": 1,
               "country": 0, "continent": 0}
SAME_PLACE_KM = 15.0
_AUTHORITY_PENALTY = 1.5
# "Cincinnati police said", "Dallas County sheriff's deputies": who speaks or acts, not where.
_AUTHORITY_AFTER = re.compile(r"\s+(?:police|officers?|officials?|authorities|sheriff|sheriff['’]s|deputies|"
                              r"fire\s+(?:department|officials|chief)|mayor|governor|(?:state\s+)?government|prosecutors?|coroner|"
                              r"medical\s+examiner)\b",
                              re.I)
# "Weir, a small town in central Williamson County": the second place qualifies the first.
_APPOSITION = re.compile(r",\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|suburb|community|"
                         r"neighbou?rhood|area|capital|county|seat|township|borough)\b", re.I)
_CARE_BEFORE = re.compile(r"\b(?:taken|transported|flown|airlifted|rushed|driven|drove\s+\w+|brought|treated|"
                          r"admitted|hospitali[sz]ed)\s+(?:to|at|in)\s+(?:a\s+|an\s+|the\s+)?(?:\w+\s+){0,2}"
                          r"(?:in\s+)?$", re.I)  # ("taken to University Health in Shreveport": the hospital's town)
# "taken to Christ Medical Center in Oak Lawn": the town of the hospital the wounded went to.
_CARE_IN = re.compile(r"\b(?:hospitals?|medical\s+cent(?:er|re)|trauma\s+cent(?:er|re)|health\s+(?:center|system)|"
                      r"clinic|infirmary)\s+in\s+$", re.I)
# "Steven Sachs of Alexandria", "Cleveland Smith, 31, of Euclid", "a tattoo artist from Baton Rouge":
# where someone lives, not where it happened.
_RESIDENCE = re.compile(r"(?:(?!(?:City|Town|Village|County|Province|State|Department|District|Region|Republic|"
                        r"Kingdom|Municipality|Borough|Township|Parish|Gulf|Bay|Isle|Port|Mayor)\b)(?-i:[A-Z][a-z]+)|"
                        r"\d{1,3},|(?:man|woman|boy|girl|teen|teenager|resident|native|student|artist|father|mother|"
                        r"son|daughter|victim|couple|family)),?\s+(?:of|from)\s+(?:the\s+)?$")
CARE_AFTER = re.compile(r"[\s'’s]*(?:\w+\s+){0,3}?(?:hospitals?|medical\s+cent(?:er|re)|trauma\s+cent(?:er|re)|"
                         r"health\s+(?:center|system)|clinic|infirmary)\b", re.I)



@dataclass(frozen=True)
class Sentence:
    """One sentence in its article: its text, where it starts, what it names and dates."""

    text: str
    offset: int  # clean-text offset of its first character
    places: list[Mention]
    dates: list[DateMention]
    quotes: SpanIndex  # the article's quotations
    reference: date | None  # the last date the article gave before it
    published: date | None
    story_date: StoryDate | None = None  # the date the story gives its news, read when first needed


def _cue(text: str, start: int) -> tuple[float, bool]:
    """(weight, near) of the preposition that introduces the place starting at ``start``."""
    words = re.findall(r"[\w’'-]+", text[max(0, start - 60):start].lower())
    near = False
    if len(words) > 1 and words[-1] == "of" and words[-2] in PLACE_NOUNS:
        return 3.0, False  # "attacked the town of El Geneina in West Darfur": the town, as after "in"
    for w in reversed(words[-6:]):
        if w in NEAR_CUES or w == "suburb":
            near = True
        weight = CUE_WEIGHT.get(w)
        if weight is not None:
            return weight, near or w in ("near", "outside")
    return _NO_CUE, near


def bind_places(sent: Sentence, at: int) -> list[tuple[Mention, bool]]:
    """(mention, near) for each place the event word at ``at`` happened in (several for a list)."""
    sentence, offset, places, dates = sent.text, sent.offset, sent.places, sent.dates
    candidates: list[tuple[Mention, float, float, bool, int]] = []  # (mention, score, cue weight, near, offset)
    prev_end = None
    for m in places:
        rel = m.clean_start - offset
        # "Huayllani, Cochabamba": the second name only qualifies the first.
        if prev_end is not None and re.fullmatch(r",\s*", sentence[prev_end:rel]) and candidates \
                and candidates[-1][0].admin1 and m.name in (candidates[-1][0].admin1, candidates[-1][0].country):
            prev_end = m.clean_end - offset
            continue
        prev_end = m.clean_end - offset
        if re.match(r"[-‐]", sentence[m.clean_end - offset:m.clean_end - offset + 1]):
            continue  # "U.S.-backed": a modifier, not where anything happened
        if _CARE_BEFORE.search(sentence[max(0, rel - 40):rel]) or CARE_AFTER.match(sentence[m.clean_end - offset:]) \
                or _CARE_IN.search(sentence[max(0, rel - 60):rel]):
            continue  # "flown to a Knoxville trauma center": where the wounded went, not where it happened
        if at and abs(rel - at) > MAX_TRIGGER_DISTANCE:
            continue
        if _RESIDENCE.search(sentence, max(0, rel - 60), rel):
            continue  # "Michael Oehme of Council Bluffs, Iowa, was killed": where he lived
        authority = bool(_AUTHORITY_AFTER.match(sentence, m.clean_end - offset))
        if candidates and authority:
            continue
        weight, near = _cue(sentence, rel)
        score = weight - _AREA_PENALTY.get(m.feature or "", 0) - abs(rel - at) / 150
        if authority:  # "A Polk County sheriff's deputy was wounded near Fosston": who, not where
            score -= _AUTHORITY_PENALTY
        candidates.append((m, score, weight, near, rel))
    if not candidates:
        return []
    best = _street_of(max(candidates, key=lambda c: c[1]), candidates)
    if not at and best[2] < 3:
        return []  # an event carried over from the sentence before needs "in"/"at" a place
    if best[0].feature in _AREA_PENALTY and (best[2] < 3 or not any(d.precision == "day" for d in dates)
                                             or abs(best[4] - at) > NEAR_DATE):
        return []  # "protests continue across Bolivia": an area is a point event's place only on a given day
    # A list of places under one preposition ("in São Paulo, Guatemala City, Caracas, and
    # today in Buenos Aires") is one event per place.
    listed = [best]
    for c in candidates:
        if c is best or c[2] < 3 or c[0].feature in ("country", "continent"):
            continue
        lo, hi = sorted([c[4], best[4]])
        between = sentence[lo:hi]
        if len(between) < 120 and re.fullmatch(r"[^.;:]*", between) and re.search(r",|\band\b", between) and \
                not re.search(r"\b(?:near|from|the\s+\w+\s+of)\b", between) and not _APPOSITION.search(between):
            listed.append(c)
    # Places that are really one place ("the Senkata plant in El Alto") keep the most specific.
    kept: list = []
    for c in sorted(listed, key=lambda c: -SPECIFICITY.get(c[0].feature or "", 0)):
        if any(same_place(c[0].place, k[0].place, SAME_PLACE_KM, (c[0].text, k[0].text)) for k in kept):
            continue
        kept.append(c)
    if len(kept) > 1 and best not in kept:
        kept = [best]
    return [(c[0], c[3]) for c in sorted(kept, key=lambda c: c[4])]

def _street_of(best: tuple, candidates: list[tuple]) -> tuple:
    """The street (or neighbourhood) of the town chosen, if the sentence puts the event at one
    ("shot on Firelight Lane in Charlotte": Firelight Lane, placed at Charlotte); else the town."""
    town = best[0]
    if town.feature not in ("city", "town") or town.place is None:
        return best
    return next((c for c in candidates if c[0].feature == "local" and c[2] >= 2 and c[0].place is not None
                 and c[0].place.point == town.place.point), best)


def bind_date(sent: Sentence, place: Mention, chosen: list[tuple[Mention, bool]], at: int,
              follow_up: bool = False) -> tuple[date | None, str]:
    """(date, precision) of the event at ``place``: the date nearest it that dates this event.
    Unless the event is itself a ``follow_up`` (an arrest), the day of an arrest, a hearing or a
    vigil the sentence names ("was arrested Wednesday in the shooting") does not date it."""
    sentence, offset, dates, quotes, reference = sent.text, sent.offset, sent.dates, sent.quotes, sent.reference
    rel = place.clean_start - offset
    others = [p.clean_start - offset for p, _ in chosen if p is not place]
    lead_end = sentence.rfind(",", 0, at) if re.match(r"(?:following|after|before|since|despite|until|unlike|amid)\b",
                                                       sentence, re.I) else -1
    if not follow_up:
        # "arrested Thursday in connection with a March 7 shooting": the day the event is named by
        named = next((d for d in dates if d.date and NAMES_VIOLENCE.match(sentence, d.end)
                      and not quotes.holds(offset + d.start)), None)
        if named is not None and FOLLOW_UP.search(sentence):
            return _story_day_in(named, sent) or (named.date, named.precision)
    told = None  # the day the news was told ("reported last night"): the event's day at the latest
    # Nearest the place, or the event word when a dateline puts the place far from it ("CAMPBELL,
    # Ohio — a boy remains in the hospital Monday after an accidental shooting on Sunday").
    for d in sorted(dates, key=lambda d: min(abs(d.start - rel), abs(d.start - at) if at else abs(d.start - rel))):
        if d.end <= lead_end:
            continue  # "Following the election in October, workers protested": the election's date
        if d.start > SENTENCE_DATE_SPAN and min(abs(d.start - rel), abs(d.end - rel), abs(d.start - at),
                                                abs(d.end - at)) > NEAR_DATE:
            continue  # a date far from both the event word and the place dates something else
        # A date belongs to the place it stands nearest to, unless it leads them all ("on Monday
        # in São Paulo, Caracas and Lima").
        if others and d.end > min(others + [rel]) and min(abs(d.start - o) for o in others) < abs(d.start - rel):
            continue
        if not follow_up and FOLLOW_UP.search(sentence[max(0, d.start - 30):d.start]) \
                and not NAMES_VIOLENCE.match(sentence, d.end) and not _DATES_WHAT_FOLLOWS.search(d.text):
            continue  # "arrested Friday in the shooting" (but "arrested in the Fourth of July shooting",
            # "in custody Tuesday, five days after he shot": the day of what follows)
        if telling_date(sentence, d.start, d.end):
            told = told or (d.date, d.precision)
            continue
        if quotes.holds(offset + d.start) and d.anchor != "text":
            if reference is not None:
                return reference, "day"  # "yesterday" in a quote: the day the context gave
            continue
        return _story_day_in(d, sent) or (d.date, d.precision)
    return told or (sent.story_date.value if sent.story_date else None) or undated(sent.published)


def _story_day_in(d: DateMention, sent: Sentence) -> tuple[date, str] | None:
    """The day the story gives its event, when ``d`` is a month it lies in ("in a gun battle
    earlier this month", "a July 2014 shooting")."""
    if d.precision == "month" and d.date and sent.story_date is not None and (day := sent.story_date.event_day) \
            and day[1] == "day" and (day[0].year, day[0].month) == (d.date.year, d.date.month):
        return day
    return None
