"""Incident reports: the sentences of an article that report an event, as records.

For each sentence the extractor looks for event words (killings, shootings,
massacres, marches, protests, blockades and sieges, clashes, burnings, arrests),
drops what is not a point event (totals "since Nov. 10", plans and threats,
negations, mentions of an event already reported: "repudiating the massacre"),
binds the event to the place the sentence puts it in ("in", "at", "into",
"across", "around" before "to", before "from"/"near"; the most specific of
nearby places), and to the date the sentence gives (absolute, relative to the
publication, or to the last date the article gave), and reads the casualty
figures from the sentence and the sentences that continue it.

>>> from geo.articles import Article
>>> from datetime import date
>>> art = Article.from_text("On Nov. 19, police fired on protesters in El Alto. Six people were killed.",
...                         published=date(2019, 11, 20))
>>> [(r.event_date.isoformat(), r.location, r.sub_event_type, r.fatalities) for r in extract_reports(art)]
[('2019-11-19', 'El Alto', 'Excessive force against protesters', 6)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from geo.articles import Article
from geo.dates import AGGREGATE, DateMention, find_dates, undated
from geo.lexicon import STOPWORDS
from geo.normalize import normalize_name
from geo.numbers import find_counts
from geo.place import Place, same_place
from geo.spans import SpanIndex, within
from geo.records import Incident, Source, geo_precision_of
from geo.toponyms import Mention, Toponymer, default_toponymer

# Event words, strongest first: the first kind found in a sentence names its event.
TRIGGERS = [
    ("kill", re.compile(r"\b(?:massacre[ds]?|killed|killings?|shot\s+dead|shot\s+and\s+killed|gunned\s+down|"
                        r"murdered|slain|fired\s+(?:\w+\s+){0,3}?(?:on|at|into)|opened\s+fire|repression|"
                        r"were\s+shot|died)\b", re.I)),
    ("riot", re.compile(r"\b(?:burn(?:ed|t)?\s+down|burned|torched|set\s+fire|ransacked|looted|clash(?:ed|es)?|"
                        r"riot(?:s|ed|ing)?)\b", re.I)),
    ("block", re.compile(r"\b(?:blockad(?:e|es|ed|ing)|sieges?|barricad(?:e|es|ed|ing)|"
                         r"block(?:ed|ing)\s+(?:the\s+)?(?:roads?|highways?|streets?|access))\b", re.I)),
    ("arrest", re.compile(r"\b(?:arrested|detained|arrests)\b", re.I)),
    ("protest", re.compile(r"\b(?:march(?:ed|es|ing)?|protest(?:s|ed|ing)?|demonstrations?|rall(?:y|ies|ied)|"
                           r"general\s+strike|strikes?|mobilizations?|mobilisations?)\b", re.I)),
]
PROTEST_CONTEXT = re.compile(r"\b(?:protest\w*|demonstrat\w*|march\w*|blockad\w*|sieges?|rall(?:y|ies)|crowds?|"
                             r"strik\w*|mobiliz\w*)\b", re.I)
INTERVENTION = re.compile(r"\b(?:repression|tear\s*gas|confront\w*|fired|dispers\w*|clash\w*|attack\w*|beat(?:en)?)\b", re.I)
FUTURE = re.compile(r"\b(?:will|would|plans?\s+to|planned|planning|announced\s+plans|threat(?:en(?:ed|s)?)?(?:\s+\w+){0,3}\s+to|"
                    r"threat\s+of|call(?:ed|ing|s)?\s+(?:for|on)|urg(?:ed|ing|es)\s+|if|could|may|might|"
                    r"prepar(?:e|ing)\s+to|intend\w*\s+to|to\s+call|vow(?:ed|s)?\s+to)\b", re.I)
# "announced plans to blockade", "will stage a general strike": an event word the sentence only plans.
PLANNED = re.compile(FUTURE.pattern + r"[^.;]{0,40}?(?:" + "|".join(rx.pattern for _, rx in TRIGGERS) + ")", re.I)
ONGOING = re.compile(r"\b(?:are|is)\s+(?:still\s+|now\s+)?(?!being\b)\w+ing\b|\bcontinue[sd]?\s+to\b", re.I)
NEGATION = re.compile(r"\b(?:not|no|never|without)\s+(?:a\s+|an\s+|any\s+)?$", re.I)
DEFINITE = re.compile(r"\b(?:the|this|that|these|those|their|its|his|her)\s+(?:[\w-]+\s+)?$", re.I)
SUBORDINATE = re.compile(r"^(?:while|as|when|whereas|although|though)\b", re.I)
CASUALTY = re.compile(
    r"^(?P<more>\s+more)?(?:\s+[\w’'-]+){0,8}?\s*\[?\s*(?:(?:were|was|have\s+been|had\s+been|are|been|be)\s+)?"
    r"(?:(?:confirmed|reportedly|reported|allegedly)\s+)?"
    r"(?P<what>killed|dead|shot\s+dead|murdered|slain|died|have\s+died|wounded|injured|hurt|arrested|detained)\b",
    re.I)
CASUALTY_BEFORE = re.compile(r"\b(?P<what>killed|killing|killing\s+at\s+least|wounded|wounding|injured|injuring|"
                             r"arrested|arresting|detained|detaining)\s+$", re.I)
_KIND = {"killed": "fatalities", "dead": "fatalities", "shot dead": "fatalities", "murdered": "fatalities",
         "slain": "fatalities", "died": "fatalities", "have died": "fatalities", "killing": "fatalities",
         "wounded": "injuries", "injured": "injuries", "hurt": "injuries", "wounding": "injuries",
         "injuring": "injuries", "arrested": "arrests", "detained": "arrests", "arresting": "arrests",
         "detaining": "arrests"}
_ABBREVIATIONS = re.compile(r"\b(?:Nov|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|"
                            r"Lt|Col|Capt|St|Mt|Ft|No|Vol|vs|etc|Inc|Jr|Sr|[A-Z])\.$")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’)\]]*(?=\s)|\n")
# Where a preposition puts an event: in/at/into a place beats to, which beats from/near.
CUE_WEIGHT = {"in": 3.0, "at": 3.0, "into": 3.0, "across": 3.0, "around": 3.0, "inside": 3.0, "throughout": 3.0,
              "on": 2.0, "to": 2.0, "toward": 2.0, "towards": 2.0, "outside": 2.0, "from": 0.5, "near": 0.5,
              "of": None, "en": 3.0}
NEAR_CUES = ("near", "outside", "suburb", "outskirts", "surrounding", "outside")
MAX_TRIGGER_DISTANCE = 150  # characters between an event word and the place it happened
SENTENCE_DATE_SPAN = 25  # a date this close to a sentence's start ("On Nov. 19, ...") dates all of it
NEAR_DATE = 60
_AREA_PENALTY = {"country": 2.0, "continent": 2.0, "region": 2.0, "admin1": 1.0}
SPECIFICITY = {"site": 5, "district": 4, "town": 3.5, "city": 3, "local": 2.5, "admin2": 2, "admin1": 1, "region": 1,
               "country": 0, "continent": 0}
SAME_PLACE_KM = 15.0


@dataclass
class Report:
    """One article's report of one event (before merging with other articles')."""

    article: str
    event_type: str
    sub_event_type: str
    event_date: date | None
    date_precision: str
    mention: Mention  # where the article puts it (its place may be unresolved)
    geo_precision: int | None  # None: unresolved, no point to be precise about
    quote: str
    start: int  # raw offsets of the quote
    end: int
    fatalities: int | None = None
    injuries: int | None = None
    arrests: int | None = None
    fatalities_max: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def place(self) -> Place | None:
        return self.mention.place

    @property
    def location(self) -> str:
        return " ".join(self.mention.text.split())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in clean text; abbreviations such as "Nov." or "U.S." do not end one.

    >>> t = "On Nov. 19, police fired. The U.S. Embassy said so."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['On Nov. 19, police fired.', 'The U.S. Embassy said so.']
    """
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        piece = text[start:end].rstrip()
        if m.group() != "\n" and (_ABBREVIATIONS.search(piece) or re.search(r"(?:[A-Z]\.){2,}$", piece)):
            # After "Nov." or "U.S." a new sentence starts only with a word that starts sentences.
            nxt = re.match(r"\s*([\w’']+)", text[end:end + 30])
            if not nxt or nxt.group(1).lower() not in STOPWORDS or re.search(
                    r"\b(?:Nov|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|St)\.$", piece):
                continue
        if text[start:end].strip():
            lead = len(text[start:end]) - len(text[start:end].lstrip())
            spans.append((start + lead, start + len(piece)))
        start = end
    if text[start:].strip():
        lead = len(text[start:]) - len(text[start:].lstrip())
        spans.append((start + lead, len(text.rstrip())))
    return spans


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"“[^”]*”?|\"[^\"\n]*\"", text)]


def _cue(text: str, start: int) -> tuple[float, bool]:
    """(weight, near) of the preposition that introduces the place starting at ``start``."""
    words = re.findall(r"[\w’'-]+", text[max(0, start - 60):start].lower())
    near = False
    for w in reversed(words[-6:]):
        if w in NEAR_CUES or w == "suburb":
            near = True
        weight = CUE_WEIGHT.get(w)
        if weight is not None:
            return weight, near or w in ("near", "outside")
    return 1.0, near


def _counts(sentence: str) -> list[tuple[str, int, str | None, bool]]:
    """(kind, value, hedge, additive) casualty figures in one sentence."""
    out = []
    for c in find_counts(sentence):
        after = CASUALTY.match(sentence[c.end:c.end + 120])
        before = CASUALTY_BEFORE.search(sentence[max(0, c.start - 30):c.start])
        if after and not re.search(r"[;:.]", sentence[c.end:c.end + after.start("what")]):
            # The casualty word must not belong to a nearer number ("one ... and six were killed").
            out.append((_KIND[re.sub(r"\s+", " ", after.group("what").lower())], c.value, c.hedge,
                        bool(after.group("more"))))
        elif before:
            out.append((_KIND[re.sub(r"\s+", " ", before.group("what").lower()).split(" at")[0]], c.value,
                        c.hedge, False))
    return out


class Extractor:
    """Extracts incident reports from articles (see the module docstring)."""

    def __init__(self, toponymer: Toponymer | None = None):
        self.toponymer = toponymer or default_toponymer()

    def reports(self, article: Article, mentions: list[Mention] | None = None) -> list[Report]:
        """Every point-incident report in one article, in text order (``mentions``: its
        places, if already found)."""
        text = article.text
        if mentions is None:
            mentions = self.toponymer.find(article)
        mentions = self._with_capital(text, mentions)
        quotes = SpanIndex(_quote_spans(text))
        sentences = split_sentences(text)
        starts = [m.clean_start for m in mentions]  # in text order
        reference: date | None = None
        reports: list[Report] = []
        last: Report | None = None
        pending: str | None = None
        # In an article about protests, a killing is force against protesters unless shown otherwise.
        protest_article = len(PROTEST_CONTEXT.findall(text)) >= 3
        for idx, (s, e) in enumerate(sentences):
            sentence = text[s:e]
            dates = [d for d in find_dates(sentence, article.published, reference) if d.date]
            places = mentions[within(starts, s, e)]
            aggregate = bool(AGGREGATE.search(sentence)) or bool(re.search(r"\btotal\b", sentence, re.I))
            following = text[s:sentences[min(len(sentences) - 1, idx + 1)][1]]
            future = bool(PLANNED.search(sentence))
            # "huge marches are converging on La Paz": an ongoing trend, not a point event.
            future = future or (not dates and bool(ONGOING.search(sentence)))
            new = [] if aggregate or future else self._sentence_reports(
                article, sentence, s, places, dates, quotes, reference, following, protest_article, pending)
            pending = None
            if not new and not aggregate and not future:
                # "There have been demonstrations ... Some of the largest have been in São Paulo":
                # an event word without a place carries over to the next sentence.
                trig = self._triggers(sentence)
                pending = trig[0][0] if trig else None
            if new:
                reports.extend(new)
                last = new[-1]
            elif last is not None and not aggregate and not [p for p in places if p.name != last.mention.name]:
                self._continue(last, sentence)
            elif aggregate or places:
                last = None
            for d in dates:
                if not quotes.holds(s + d.start):
                    reference = d.date
        return reports

    # -- one sentence -------------------------------------------------------------
    def _sentence_reports(self, article, sentence, offset, places, dates, quotes, reference, following,
                          protest_article, pending) -> list[Report]:
        if not places:
            return []
        triggers = self._triggers(sentence)
        if triggers:
            kind, at = triggers[0][0], triggers[0][1].start()
        elif pending:
            kind, at = pending, 0
        else:
            return []
        chosen = self._bind_places(sentence, offset, at, places, dates)
        if not chosen:
            return []
        etype, sub = self._classify(kind, sentence, following, protest_article)
        out = []
        for place, near in chosen:
            when, precision = self._bind_date(sentence, offset, place, chosen, dates, quotes, reference,
                                              article.published, at)
            if when and article.published and when < article.published - timedelta(days=60):
                continue  # background history, not this crisis' event
            raw_s, raw_e = article.raw_span(offset, offset + len(sentence))
            rep = Report(article=article.article_id, event_type=etype, sub_event_type=sub, event_date=when,
                         date_precision=precision, mention=place,
                         geo_precision=geo_precision_of(place.feature, near=near) if place.place else None,
                         quote=sentence, start=raw_s, end=raw_e)
            if len(chosen) == 1:
                self._continue(rep, sentence)
            out.append(rep)
        return out

    def _triggers(self, sentence: str) -> list[tuple[str, re.Match]]:
        found = []
        main_start = 0
        if SUBORDINATE.match(sentence) and "," in sentence:
            main_start = sentence.index(",") + 1  # "While X happened, Y did": Y is this sentence's event
        for kind, rx in TRIGGERS:
            for m in rx.finditer(sentence):
                if m.start() < main_start:
                    continue
                before = sentence[max(0, m.start() - 60):m.start()]
                clause = re.split(r"[,;—–:]|\band\b", before)[-1]
                if NEGATION.search(before) or FUTURE.search(clause):
                    continue
                if DEFINITE.search(before[-20:]) and not re.match(r"\s+(?:in|at)\s+[A-Z]", sentence[m.end():m.end() + 12]):
                    continue  # "repudiating the massacre": an event already reported
                if kind == "arrest" and not _counts(sentence):
                    continue
                found.append((kind, m))
        return found

    def _bind_places(self, sentence, offset, at: int, places: list[Mention],
                     dates: list[DateMention]) -> list[tuple[Mention, bool]]:
        candidates = []
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
            if at and abs(rel - at) > MAX_TRIGGER_DISTANCE:
                continue
            weight, near = _cue(sentence, rel)
            score = weight - _AREA_PENALTY.get(m.feature or "", 0) - abs(rel - at) / 150
            candidates.append((m, score, weight, near, rel))
        if not candidates:
            return []
        best = max(candidates, key=lambda c: c[1])
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
            if re.fullmatch(r"[^.;:]*", between) and len(re.findall(r",|\band\b", between)) >= 1 and \
                    len(between) < 120 and not re.search(r"\b(?:near|from|the\s+\w+\s+of)\b", between):
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

    @staticmethod
    def _classify(kind: str, sentence: str, following: str, protest_article: bool) -> tuple[str, str]:
        if kind == "kill":
            if protest_article or PROTEST_CONTEXT.search(following):
                return "Protests", "Excessive force against protesters"
            return "Violence against civilians", "Attack"
        if kind == "riot":
            if re.search(r"\bmobs?\b", sentence, re.I):
                return "Riots", "Mob violence"
            if re.search(r"\b(?:protest\w*|demonstrat\w*|crowds?|rioters|marchers)\b", sentence, re.I) or "clash" in sentence.lower():
                return "Riots", "Violent demonstration"
            return "Strategic developments", "Looting/property destruction"
        if kind == "block":
            return "Riots", "Violent demonstration"
        if kind == "arrest":
            return "Strategic developments", "Arrests"
        if INTERVENTION.search(following):
            return "Protests", "Protest with intervention"
        return "Protests", "Peaceful protest"

    @staticmethod
    def _bind_date(sentence, offset, place, chosen, dates: list[DateMention], quotes, reference, published, at):
        rel = place.clean_start - offset
        others = [p.clean_start - offset for p, _ in chosen if p is not place]
        lead_end = sentence.rfind(",", 0, at) if re.match(r"(?:following|after|before|since|despite|until|unlike|amid)\b",
                                                           sentence, re.I) else -1
        for d in sorted(dates, key=lambda d: abs(d.start - rel)):
            if d.end <= lead_end:
                continue  # "Following the election in October, workers protested": the election's date
            if d.start > SENTENCE_DATE_SPAN and min(abs(d.start - rel), abs(d.end - rel), abs(d.start - at),
                                                    abs(d.end - at)) > NEAR_DATE:
                continue  # a date far from both the event word and the place dates something else
            # A date belongs to the place it stands nearest to.
            if others and min(abs(d.start - o) for o in others) < abs(d.start - rel):
                continue
            if quotes.holds(offset + d.start) and d.anchor != "text":
                if reference is not None:
                    return reference, "day"  # "yesterday" in a quote: the day the context gave
                continue
            return d.date, d.precision
        return undated(published)

    @staticmethod
    def _continue(rep: Report, sentence: str) -> None:
        """Add a sentence's casualty figures to a report ("Two more have died since")."""
        figures = _counts(sentence)
        if not figures:
            return
        fat = [f for f in figures if f[0] == "fatalities"]
        if fat and any(h in ("possibly as many as", "as many as", "up to") for _, _, h, _ in fat) and len(fat) > 1:
            low, high = min(v for _, v, _, _ in fat), max(v for _, v, _, _ in fat)
            rep.fatalities, rep.fatalities_max = low, high
            rep.notes.append(f"fatalities {low}–{high} in the source")
            figures = [f for f in figures if f[0] != "fatalities"]
        for kind, value, _hedge, additive in figures:
            current = getattr(rep, kind)
            if additive and current is not None:
                setattr(rep, kind, current + value)
                rep.notes.append(f"{kind}: {current} + {value} more")
            elif current is None:
                setattr(rep, kind, value)

    @staticmethod
    def _with_capital(text: str, mentions: list[Mention]) -> list[Mention]:
        """Add "the capital" as a mention of the capital the article names ("the capital, La Paz")."""
        capital = None
        for m in mentions:
            before, after = text[max(0, m.clean_start - 20):m.clean_start], text[m.clean_end:m.clean_end + 15]
            if re.search(r"\bcapital(?:,| of)\s+$", before) or re.match(r",\s+the\s+capital\b", after):
                capital = m
                break
        if capital is None:
            return mentions
        extra = []
        for said in re.finditer(r"\bthe\s+capital\b(?!,|\s+of\b)", text):
            extra.append(replace(capital, clean_start=said.start(), clean_end=said.end()))
        return sorted(mentions + extra, key=lambda m: m.clean_start)


def extract_reports(article: Article, extractor: Extractor | None = None) -> list[Report]:
    """The incident reports of one article (see :class:`Extractor`)."""
    return (extractor or Extractor()).reports(article)


# -- merging ------------------------------------------------------------------------------

_COMPATIBLE = [{"Violent demonstration", "Mob violence"},
               {"Peaceful protest", "Protest with intervention"}]
_SPAN = {"day": 0, "week": 3, "month": 15}
# A merged incident is typed by its gravest report.
_SEVERITY = {"Excessive force against protesters": 0, "Attack": 0, "Mob violence": 1,
             "Violent demonstration": 1, "Protest with intervention": 2}


def dates_compatible(a: date | None, pa: str, b: date | None, pb: str) -> bool:
    """True when two dates of the given precisions can name the same day.

    >>> dates_compatible(date(2019, 11, 18), "day", date(2019, 11, 15), "month")
    True
    >>> dates_compatible(date(2019, 11, 15), "day", date(2019, 11, 16), "day")
    False
    """
    if a is None or b is None:
        return a is None and b is None
    return abs((a - b).days) <= _SPAN[pa] + _SPAN[pb]


def types_compatible(a: tuple[str, str], b: tuple[str, str]) -> bool:
    if a == b:
        return True
    return a[0] == b[0] and any({a[1], b[1]} <= pair for pair in _COMPATIBLE)


def merge_reports(reports: list[Report], articles: dict[str, Article] | None = None) -> list[Incident]:
    """Merge reports of the same event (place within ~15 km, compatible dates and types)
    into incidents; every article stays a source with its own figures and quote.

    The incident takes the finest date, the most precise place, the type of its
    strongest report, and the largest figure of any source (range in ``notes``).
    """
    groups: list[list[Report]] = []
    for rep in sorted(reports, key=lambda r: (_SPAN[r.date_precision], r.event_date or date.max)):
        for g in groups:
            head = g[0]
            if (types_compatible((head.event_type, head.sub_event_type), (rep.event_type, rep.sub_event_type))
                    and dates_compatible(head.event_date, head.date_precision, rep.event_date, rep.date_precision)
                    and same_place(head.place, rep.place, SAME_PLACE_KM, (head.location, rep.location))):
                g.append(rep)
                break
        else:
            groups.append([rep])
    incidents = []
    for g in groups:
        best_place = min(g, key=lambda r: (r.geo_precision or 9, -SPECIFICITY.get(r.mention.feature or "", 0)))
        best_date = min(g, key=lambda r: _SPAN[r.date_precision])
        best_type = min(g, key=lambda r: _SEVERITY.get(r.sub_event_type, 3))
        by_article: dict[str, Source] = {}
        notes: list[str] = []
        for r in g:
            meta = (articles or {}).get(r.article)
            src = by_article.get(r.article)
            if src is None:
                by_article[r.article] = Source(article=r.article, quote=r.quote, start=r.start, end=r.end,
                                               fatalities=r.fatalities, injuries=r.injuries, arrests=r.arrests,
                                               title=meta.title if meta else None,
                                               outlet=meta.outlet if meta else None)
            else:  # one article reporting the event twice: keep its largest figures, both quotes
                for k in ("fatalities", "injuries", "arrests"):
                    v = [x for x in (getattr(src, k), getattr(r, k)) if x is not None]
                    setattr(src, k, max(v) if v else None)
                src.quote = f"{src.quote} […] {r.quote}"
            notes += [f"{r.article}: {n}" for n in r.notes]
        p = best_place.place
        inc = Incident(
            incident_id="", event_date=best_date.event_date, date_precision=best_date.date_precision,
            event_type=best_type.event_type, sub_event_type=best_type.sub_event_type, location=best_place.location,
            country=p.country if p else None, admin1=p.admin1 if p else None, place=p,
            geo_precision=best_place.geo_precision, sources=list(by_article.values()), notes="; ".join(notes),
            status="extracted")
        inc.summarise_figures()
        incidents.append(inc)
    incidents.sort(key=lambda i: (i.event_date or date.max, i.location, i.sub_event_type))
    seen: dict[str, int] = {}
    for inc in incidents:
        base = incident_id(inc)
        seen[base] = seen.get(base, 0) + 1
        inc.incident_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
    return incidents


def incident_id(inc: Incident) -> str:
    """A stable id from date, place and type: the same event gets the same id on every run.

    >>> from geo.records import Incident
    >>> incident_id(Incident("", date(2019, 11, 19), "day", "Protests", "Peaceful protest", "La Paz",
    ...                      country="BO", place=Place("La Paz", -16.5, -68.15, gazetteer_id="gn:3911925")))
    'BO-20191119-la-paz-pro'
    """
    import hashlib

    place = normalize_name(inc.location or "x").replace(" ", "-")[:24]
    when = inc.event_date.strftime("%Y%m%d") if inc.event_date else "undated"
    base = f"{inc.country or 'XX'}-{when}-{place}-{inc.event_type[:3].lower()}"
    if inc.gazetteer_id is None:
        base += "-" + hashlib.sha1(inc.location.encode()).hexdigest()[:4]
    return base


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
    if found is None:  # read together, so an outlet's articles get its home (see Toponymer.find_all)
        found = ex.toponymer.find_all(articles)
    reports = [r for a in progress(articles, "extracting incidents") for r in ex.reports(a, found.get(a.article_id))]
    return merge_reports(reports, {a.article_id: a for a in articles})
