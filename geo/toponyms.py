"""Toponyms: find the place names an article uses and resolve each to a place.

Recognition is gazetteer-driven and rule-checked. Capitalised runs of words are
cut into the longest names the gazetteer knows; a name then has to survive the
context around it:

* inside an organisation or a facility ("Mexico Hospital", "Santa Cruz Civic
  Committee", "El País") it is not a place;
* after a given name or a title ("Carlos Mesa", "President Morales"), or before
  "said"/"told", it is a person, and the same word later in the article is that
  person too;
* a single word that names only small places must have a cue: "in"/"at"/"from"
  before it, a ", Department" or ", Country" qualifier after it, or a place noun
  ("the community of Huayllani");
* abbreviations are matched exactly ("U.S.", "W.Va."; "Ky." after a town), and
  streets and waters by their type word ("Memphis Street", "Red River"), placed at
  the town the article names most.

Resolution uses the document first: the article's focus country (the countries its
names point at, its outlet's home and web domain), the other countries it names,
"X, Y" qualifiers, one sense per name per article, and nearness to the other places
the article names; then the gazetteer's own ranking (feature class, population).
:meth:`Toponymer.find_all` reads the articles of one outlet together, to find where
the outlet is based (:mod:`geo.outlets`).

>>> from geo.articles import Article
>>> art = Article.from_text("Police fired on protesters in Huayllani, Cochabamba, on Friday. "
...                         "Carlos Mesa spoke. Later Mesa left for La Paz.")
>>> [(m.text, m.name) for m in find_places(art)]
[('Huayllani', 'Huayllani'), ('Cochabamba', 'Cochabamba'), ('La Paz', 'La Paz')]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache, cache
from typing import Callable, Iterable

import numpy as np

from geo.articles import Article
from geo.distance import haversine_km, haversine_km_many
from geo.gazetteer import Gazetteer, GeocodeResult, default_gazetteer
from geo.lexicon import (DEMONYMS, GIVEN_NAMES, LOCATIVE_CUES, ORG_WORDS, ORGANISATIONS, PERSON_TITLES,
                         PERSON_VERBS, PLACE_ABBREVIATIONS, PLACE_NOUNS, STOPWORDS)
from geo.normalize import normalize_name
from geo.place import Place
from geo.spans import SpanIndex
from geo.outlets import HOME_KM, TOWN_FEATURES, domain_country, domain_name, is_domain, outlet_homes

MAX_NAME_WORDS = 6
_LOOSE_CONNECTORS = frozenset("on upon sur y".split())
CONNECTORS = frozenset("de del la las los el y of the da do dos das di du von van al upon on sur".split())
# A word: capitalised or lower-case letters, with inner hyphens/apostrophes/periods (U.S., Al-Jazeera).
# A possessive 's is not part of the name ("Bolivia's"), nor a lower-case hyphen suffix ("Montreal-area").
_WORD_BODY = r"(?:[A-Z]\.){2,}|%s[^\W\d_](?:[\w]|-(?=[A-ZÁÉÍÓÚÑ])|['’](?!s\b)(?=[^\W\d_])|\.(?=[A-Z]\.))*"
_WORD = re.compile(_WORD_BODY % "")
# The words the recogniser looks at: the _WORD matches that do not start with a lower-case
# ASCII letter, unless they may be connectors. Lower-case prose only ends a run of names,
# which the gap between two tokens shows as well, so the scan skips it in C, not Python.
# The look-behinds start a token only where _WORD would: not inside a word ("pro-Morales").
_TOKEN = re.compile(r"(?<![^\W\d_])(?<![^\W\d_]['’])(?!(?<=[^\W\d_]-)[A-ZÁÉÍÓÚÑ])(?!(?<=[^\W\d_]\.)[A-Z]\.)(?:"
                    + _WORD_BODY % (r"(?:(?![a-z])|(?=(?:%s)\b))" % "|".join(sorted(CONNECTORS, key=len, reverse=True)))
                    + ")")
_CONTRACTION = re.compile(r"['’](?:ve|m|re|ll|d|t)$", re.IGNORECASE)  # "I’ve", "We’re", "Don't": words
_POSSESSIVE = re.compile(r"^['’]s?\b")
# Prominence above which a single-word name needs no cue: capitals, regions, big cities, countries.
_PROMINENT_FEATURES = frozenset({"country", "admin1", "continent", "region", "city"})
_NOUN_FIRST = frozenset("ciudad provincia departamento distrito municipio region región estado comunidad "
                        "barrio zona pueblo".split())
_CAP_WORD = r"[A-ZÁÉÍÓÚÑ][\w’'-]+"
_NAMED_PLACE = re.compile(
    rf"\b(?:city|town|village|community|hamlet|district|province|department|municipality|neighbou?rhood|suburb|"
    rf"comunidad|localidad|municipio|provincia|departamento)\s+of\s+"
    rf"(?P<name>{_CAP_WORD}(?:\s+(?:(?:de|del|la|las|los|el|y)\s+)?{_CAP_WORD}){{0,3}})"
    rf"|\b(?P<name2>{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,2}})\s+Province\b")
_FOCUS_TOWN = 20_000  # a town this big in the article's country needs no cue ("an Alexandria man")
_OPENER_FEATURES = frozenset({"country", "admin1", "continent", "region"})
_OPENER_CITY = 250_000  # a city this big may open a sentence ("Ottawa has said", "Toronto police")...
_PROSE_NEXT = re.compile(r"\s+(?:the|a|an|to|of|for|with|and|or|in|on|at|from|by|that|this|it|you|me|us)\b")
# ...unless prose follows, as after a word ("Reading the report", "Nice to meet you")
_NAME_ABBREVIATIONS = frozenset({"st", "ste", "mt", "ft", "pt"})
_DIRECTIONS = frozenset("""northern southern eastern western central greater upper lower north south east west
northeast northwest southeast southwest northeastern northwestern southeastern southwestern""".split())
_NEAR_KM = 400.0
_OPTIONS = 8  # readings kept per name
_NAME_CACHE = 200_000  # names remembered as known or not, before starting afresh
_MANY_OPTIONS = 60  # when they tie ("Madison County" is in 20 states), for nearness to choose from
_ABBREVIATION = re.compile(r"(?<![\w.])(?:%s)(?!\w)" % "|".join(
    re.escape(k) for k in sorted(PLACE_ABBREVIATIONS, key=len, reverse=True)))
# A dateline: "ATLANTA —", "MANSFIELD --", "SACABA, Bolivia (AP) —".
_DATELINE = re.compile(r"(?:,\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})?\s*(?:\([A-Z][\w ]*\)\s*)?(?:-{1,3}|—|–)\s")
# Streets, roads and waters, which a gazetteer of settlements does not hold: known by their
# type word ("Memphis Street", "Neches River", "Lake Lanier", "Avenida Juan Pablo II").
_LOCAL_WORD = r"[A-ZÁÉÍÓÚÑ][\w’'-]*"
_LOCAL_FEATURE = re.compile(
    rf"(?<![\w’'-])(?:{_LOCAL_WORD}\s+){{1,3}}(?:Street|Avenue|Road|Drive|Boulevard|Lane|Parkway|Pike|River|Creek)\b"
    rf"|\b(?:Lake|Avenida|Calle|Plaza|Río)\s+(?:(?:de|del|la|las|los|el)\s+)?{_LOCAL_WORD}(?:\s+{_LOCAL_WORD}){{0,2}}")
_COUNTY_WORDS = {"counties": "county", "parishes": "parish"}
# Items need a separator (", ", " and "), so a run of capitalised words has one parse, not 2^n.
_COUNTY_LIST = re.compile(r"(?:(?:,\s+(?:(?:and|or|&)\s+)?|\s+(?:and|or|to|&)\s+)[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?)*"
                          r",?\s+((?i:counties|parishes))\b")
_COUNTY_LIST_REACH = 600  # characters
_CONTEXT_WORDS = 8  # capitalised words of a run on either side of a name that judge it
_LIST_SEPARATOR = re.compile(r",|\b(?:and|or|to)\b|&")  # "Ellsworth to Riley counties" too
_LIST_ITEM_BEFORE = re.compile(r"[A-Z][\w’'.-]*(?:,\s+(?:(?:and|or|&)\s+)?|\s+(?:and|or|to|&)\s+)$")
_LIST_GOES_ON = re.compile(r"(?P<sep>,?\s+(?:(?:and|or)\s+)?)(?P<next>[A-ZÁÉÍÓÚÑ][\w’'-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w’'-]*)?)")
_AFTER_TOWN = re.compile(r"[A-Z][\w’'.-]*,\s+$")
_BONUS_NEAR = 25.0
_BONUS_NAMED = 60.0  # as much as the focus country's (the gazetteer's +60): a named country is in play too
_BONUS_HOME = 25.0
_NAMESAKE_TOWN = 1_000  # a country's name read as a town of the focus country ("Palestine", Texas)...
_NAMESAKE_KM = 50.0  # ...when it lies this near a place the article names
_OUTLET_TOWN_MIN = 4  # letters of a town name read out of an outlet's ("athens" in athensreview.com)


@dataclass
class Mention:
    """A place name as written in an article, and the place it resolved to (None: unresolved)."""

    text: str
    start: int
    end: int
    place: Place | None = None
    # Offsets in the article's clean text, for later stages (not part of the JSON contract).
    clean_start: int = field(default=0, repr=False, compare=False)
    clean_end: int = field(default=0, repr=False, compare=False)

    @classmethod
    def of(cls, result: GeocodeResult, text: str, start: int, end: int,
           clean_start: int = 0, clean_end: int = 0) -> "Mention":
        """The mention ``text`` (raw offsets ``start``:``end``) resolved to ``result``."""
        return cls(text=text, start=start, end=end, place=Place.of(result), clean_start=clean_start,
                   clean_end=clean_end)

    # What the place says, or None when unresolved (coordinates only through ``place``).
    @property
    def name(self) -> str | None:
        return self.place.name if self.place else None

    @property
    def country(self) -> str | None:
        return self.place.country if self.place else None

    @property
    def admin1(self) -> str | None:
        return self.place.admin1 if self.place else None

    @property
    def feature(self) -> str | None:
        return self.place.feature if self.place else None

    @property
    def gazetteer_id(self) -> str | None:
        return self.place.gazetteer_id if self.place else None

    def to_dict(self) -> dict:
        """The mention as in ``geo places --json`` (flat; unresolved: null name and coordinates)."""
        p = self.place
        return {"text": self.text, "start": self.start, "end": self.end, "name": p.name if p else None,
                "lat": p.lat if p else None, "lon": p.lon if p else None, "country": p.country if p else None,
                "admin1": p.admin1 if p else None, "feature": p.feature if p else None,
                "gazetteer_id": p.gazetteer_id if p else None, "score": p.score if p else None}


@dataclass
class _Token:
    text: str
    start: int  # clean-text offsets
    end: int
    capital: bool = field(init=False)  # computed once: the recogniser asks for them many times
    lower: str = field(init=False)

    def __post_init__(self) -> None:
        self.capital = self.text[:1].isupper()
        self.lower = self.text.lower()


@dataclass
class _Candidate:
    start: int  # clean-text offsets of the name
    end: int
    key: str
    qualifier: str | None = None
    needs_cue: bool = False
    opener: bool = False
    result: GeocodeResult | None = None
    ends_name: bool = False  # ends another name ("CTV Edmonton", "Skate Canada"): only prominent places count
    local: bool = False  # a street or water: placed at the article's home town, not looked up
    fixed: bool = False  # resolved when recognised (abbreviations, demonyms): context does not re-resolve it
    listed: bool = False  # an item of a list ("Moscow, Kiev, Minsk"): its qualifier may be the next item


@dataclass
class _Recognised:
    """What recognition found in one article, kept for :meth:`Toponymer.find_all`'s second pass."""

    cands: list[_Candidate]
    local: list[_Candidate]  # streets and waters
    persons: set[str]
    demonyms: list[_Candidate]  # already resolved (only with demonyms=True)
    demonym_votes: Counter[str]
    named: list[tuple[int, int, str]]  # "the town of X": spans and keys, for names the gazetteer lacks


class Toponymer:
    """Finds and resolves the place names of articles against a gazetteer.

    >>> from geo.articles import Article
    >>> t = Toponymer()
    >>> [m.name for m in t.find(Article.from_text("SACABA, Bolivia (AP) — Police fired."))]
    ['Sacaba', 'Bolivia']
    """

    def __init__(self, gazetteer: Gazetteer | None = None, demonyms: bool = False, modifiers: bool = False):
        self.gazetteer = gazetteer or default_gazetteer()
        self.demonyms = demonyms
        # LGL-style annotation: a place naming something else ("Ohio State University",
        # "Alexandria Police") counts as a mention. Off by default: "Mexico Hospital" is in Sacaba.
        self.modifiers = modifiers
        self._names: dict[str, bool] = {}  # normalised span -> whether the gazetteer has it
        self._readings = lru_cache(maxsize=110_000)(self._lookup)
        self._within = lru_cache(maxsize=20_000)(  # readings of a name in its "X, Y" qualifier
            lambda key, qualifier, focus: tuple(self.gazetteer.lookup_within(key, qualifier, focus, _OPTIONS)))
        self._country = lru_cache(maxsize=512)(self.gazetteer.country)
        self._region = lru_cache(maxsize=512)(self.gazetteer.region)

    # -- gazetteer access (cached: names repeat across articles) ------------------
    def _known(self, key: str) -> bool:
        """Whether some place is called ``key`` (a normalised name)."""
        known = self._names.get(key)
        if known is None:
            self._learn_names([key])
            known = self._names[key]
        return known

    def _learn_names(self, keys: Iterable[str]) -> None:
        """Ask the gazetteer about many names at once (an article's spans, in one query)."""
        new = list({k for k in keys if k not in self._names})
        if len(self._names) + len(new) > _NAME_CACHE:
            self._names.clear()
        found = self.gazetteer.known_names(new)
        self._names.update((k, k in found) for k in new)

    def _usual_feature(self, key: str) -> str | None:
        """The kind of place a name's best reading is, without context ("kansas": admin1)."""
        best = self._best(key, None) if self._known(key) else ()
        return best[0].feature if best else None

    def _is_region(self, key: str) -> bool:
        """True for names with a country or admin-1 reading among their best (valid qualifiers)."""
        options = self._best(key, None) if self._known(key) else ()
        return any(r.feature in ("country", "admin1") for r in options)

    def _lookup(self, query: str, country: str | None, limit: int) -> tuple[GeocodeResult, ...]:
        return tuple(self.gazetteer.lookup_all(query, country=country, limit=limit))

    def _best(self, query: str, country: str | None) -> tuple[GeocodeResult, ...]:
        """The best few readings of a name, best first (cached: names repeat across articles)."""
        return self._readings(query, country, _OPTIONS)

    def _many(self, query: str, country: str | None) -> tuple[GeocodeResult, ...]:
        """Many readings, for names with many equals ("Madison County")."""
        return self._readings(query, country, _MANY_OPTIONS)

    # -- recognition -------------------------------------------------------------
    def _runs(self, text: str) -> list[list[_Token]]:
        """Runs of capitalised words (with connectors between them), split at punctuation."""
        runs: list[list[_Token]] = []
        run: list[_Token] = []
        prev_end = -1
        for m in _TOKEN.finditer(text):
            word = m.group()
            if not word[:1].isupper() and word not in CONNECTORS:
                # Lower-case prose the scan could not skip ("über", "delta"): it only ends a run.
                if run:
                    runs.append(run)
                    run = []
                prev_end = m.end()
                continue
            tok = _Token(word, m.start(), m.end())
            gap = text[prev_end:tok.start] if prev_end >= 0 else " "
            # Brackets inside a name ("[Luis Fernando] Camacho") do not end it, nor does
            # the period of "St. Louis".
            joined = prev_end >= 0 and run and (gap in (" ", "-", "] ", " [")
                                                or (gap == ". " and run[-1].lower in _NAME_ABBREVIATIONS))
            shouting = len(tok.text) > 1 and tok.text.isupper()  # "US", "SACABA"
            # A capitalised function word ("Texas A white ...", "Toronto Saturday") ends a name.
            if tok.capital and not (tok.lower in STOPWORDS and not shouting) and not _CONTRACTION.search(tok.text):
                if not joined:
                    if run:
                        runs.append(run)
                    run = []
                run.append(tok)
            elif joined and tok.lower in CONNECTORS:
                run.append(tok)
            else:
                if run:
                    runs.append(run)
                run = []
            prev_end = tok.end
        if run:
            runs.append(run)
        # Trailing connectors are not part of a name.
        return [r[:max(i for i, t in enumerate(r) if t.capital) + 1] for r in runs]

    @staticmethod
    def _span_keys(run: list[_Token]) -> dict[tuple[int, int], str]:
        """The normalised name of every span of a run that starts and ends with a capital."""
        return {(i, j): normalize_name(" ".join(t.text for t in run[i:j]))
                for i in range(len(run)) if run[i].capital
                for j in range(i + 1, min(len(run), i + MAX_NAME_WORDS) + 1) if run[j - 1].capital}

    def _cut(self, run: list[_Token], keys: dict[tuple[int, int], str]) -> list[tuple[int, int]]:
        """Longest gazetteer names in a run, left to right, as token index pairs."""
        out, i = [], 0
        while i < len(run):
            if not run[i].capital:
                i += 1
                continue
            for j in range(min(len(run), i + MAX_NAME_WORDS), i, -1):
                if not run[j - 1].capital:
                    continue
                key = keys[(i, j)]
                if key and self._known(key):
                    out.append((i, j))
                    i = j
                    break
            else:
                i += 1
        return out

    def recognise(self, text: str, persons: set[str] | None = None) -> list[_Candidate]:
        """Candidate place names in clean text, with the context verdicts applied."""
        persons = set() if persons is None else persons
        runs = self._runs(text)
        keys = [self._span_keys(run) for run in runs]
        self._learn_names(k for spans in keys for k in spans.values() if k)
        # People first, so "Mesa" is known as a person before its bare uses are judged.
        for run in runs:
            words = [t.lower for t in run]
            for k, w in enumerate(words[:-1]):
                if (w in PERSON_TITLES or w in GIVEN_NAMES) and run[k + 1].capital:
                    for t in run[k + 1:k + 4]:
                        if not t.capital:
                            break  # "Steven Sachs of Alexandria": the name ends before "of"
                        key = normalize_name(t.text)
                        if self._usual_feature(key) != "country":
                            persons.add(key)
        found = self._abbreviation_candidates(text) + self._local_candidates(text)
        taken = SpanIndex((c.start, c.end) for c in found)
        for run, spans in zip(runs, keys):
            whole = normalize_name(" ".join(t.text for t in run))
            if whole in ORGANISATIONS or any(normalize_name(t.text) in ORGANISATIONS for t in run):
                continue
            # "Police Department", "City Hospital", "Santa Cruz Civic Committee": an organisation.
            # Place nouns ("Cochabamba Department") do not make one.
            if not self.modifiers and any(t.lower in ORG_WORDS and t.lower not in PLACE_NOUNS for t in run):
                continue
            cut = self._cut(run, spans)
            if not cut and self._listed_county(text, run[0].start, run[-1].end, spans.get((0, len(run)), "")):
                cut = [(0, len(run))]  # "Clarke" names only a county
            for i, j in cut:
                cand = self._judge(text, run, i, j, persons)
                if cand is not None and not taken.meets(cand.start, cand.end):
                    found.append(cand)
        found.sort(key=lambda c: c.start)
        return found

    def _abbreviated(self, abbreviation: str) -> GeocodeResult | None:
        """The country or region an abbreviation stands for ("Ky." -> Kentucky)."""
        iso, admin1 = PLACE_ABBREVIATIONS[abbreviation]
        return self._region(iso, admin1) if admin1 else self._country(iso)

    def _abbreviation_candidates(self, text: str) -> list[_Candidate]:
        """"U.S.", "W.Va.", and "Ky." after a town ("Louisville, Ky."): already resolved."""
        out = []
        for m in _ABBREVIATION.finditer(text):
            abbreviation = m.group()
            if abbreviation.count(".") == 1 and not _AFTER_TOWN.search(text[max(0, m.start() - 40):m.start()]):
                continue  # alone, "Miss." is a title, "Ind." a party, "Cal." a name
            if not self.modifiers and _institution_follows(text, m.end()):
                continue  # "U.S. Army", "U.S. Senate": an institution
            result = self._abbreviated(abbreviation)
            if result is not None:
                out.append(_Candidate(m.start(), m.end(), normalize_name(result.name), result=result, fixed=True))
        return out

    def _local_candidates(self, text: str) -> list[_Candidate]:
        """Streets and waters by their type word; resolved later, against the article's home town."""
        out = []
        for m in _LOCAL_FEATURE.finditer(text):
            start, words = m.start(), m.group().split()
            # Leading function words and owners are not part of the name: "On Main Street",
            # "Warden’s Memphis Street".
            while len(words) > 2 and (words[0].lower() in STOPWORDS or words[0].endswith(("’s", "'s"))):
                start = text.index(words[1], start + len(words[0]))
                words = words[1:]
            key = normalize_name(" ".join(words))
            if key in ORGANISATIONS or (not self.modifiers and _institution_follows(text, m.end())):
                continue  # "Wall Street", "Main Street Bank"
            if re.match(r"\s+(?:\d|[A-Z][a-z])", text[m.end():m.end() + 3]):
                continue  # part of a longer name: "County Road 43", "Red River Valley"
            out.append(_Candidate(start, m.end(), key, local=True))
        return out

    def _list_goes_on(self, text: str, at: int) -> bool:
        """Whether another name follows at ``at`` as the next item of a list (", Dayton",
        " and Cincinnati"), not as the region of an address ("Huayllani, Sacaba, Cochabamba")."""
        more = _LIST_GOES_ON.match(text, at)
        return more is not None and not (more.group("sep").strip() == ","
                                         and self._is_region(normalize_name(more.group("next"))))

    def _listed_county(self, text: str, start: int, end: int, key: str) -> str | None:
        """"Clarke, Madison and Oconee counties": the county name ("madison county") of a name
        listed before "counties" or "parishes", if there is one; None for a state ("Kansas counties"),
        and for a name alone ("the four metro Athens counties" are the counties around Athens)."""
        # A list of counties ends within a few hundred characters: a bounded window keeps a long
        # run of names ("Sacaba, Sacaba, ...") from being scanned again for each of them.
        listed = _COUNTY_LIST.match(text, end, end + _COUNTY_LIST_REACH) if key else None
        if listed is None or not (_LIST_SEPARATOR.search(text, end, listed.start(1))
                                  or _LIST_ITEM_BEFORE.search(text[max(0, start - 60):start])):
            return None
        county = f"{key} {_COUNTY_WORDS[listed.group(1).lower()]}"
        return county if self._known(county) and self._usual_feature(key) not in _OPENER_FEATURES else None

    def _judge(self, text: str, run: list[_Token], i: int, j: int, persons: set[str]) -> _Candidate | None:
        name_toks = run[i:j]
        key = normalize_name(" ".join(t.text for t in name_toks))
        start, end = name_toks[0].start, name_toks[-1].end
        if (key in persons or key in ORGANISATIONS or key in PERSON_TITLES or key in _NAME_ABBREVIATIONS
                or key in ORG_WORDS or key in _DIRECTIONS):
            return None  # "Council", "North": words that happen to name a village somewhere
        if key in DEMONYMS:
            return None  # "Canadian" is not the Texan town: a demonym, mapped to its country or not at all
        # The words around a name that can change its reading are near it: a bounded window keeps
        # a run of thousands of capitalised words ("El El El ...") from being copied for each name.
        before = run[max(0, i - _CONTEXT_WORDS):i]
        after = run[j:j + _CONTEXT_WORDS]
        # "Egypt on Palestine", "Oruro y La Paz": joined only in case they made one name
        # ("Newcastle upon Tyne"); they did not, so each stands alone.
        if before and before[-1].lower in _LOOSE_CONNECTORS:
            before = []
        if after and after[0].lower in _LOOSE_CONNECTORS:
            after = []
        adjective_before = modifier = ends_name = False
        if before and any(t.capital for t in before):
            # "Evo Morales", "Bolivian President Áñez": a name inside someone's name.
            first = before[-1].lower
            adjective_before = first.endswith(("ian", "an", "ese", "ish")) and first not in GIVEN_NAMES
            # Spanish puts the place noun first ("Provincia Chapare"); English "City Hall" is a
            # building, but "City of Montreal" is the city.
            # "Steven Sachs of Alexandria": a person's home town.
            of_place = first == "of" and len(before) > 1 and (
                before[-2].lower in PLACE_NOUNS or (self.modifiers and before[-2].lower in ORG_WORDS)
                or (before[0].lower in GIVEN_NAMES and not any(t.lower in ORG_WORDS for t in before)))
            if not (first in _NOUN_FIRST or adjective_before or first in _DIRECTIONS or of_place):
                # With modifiers counted, a place ending a name counts ("Environment Canada",
                # "CTV Edmonton") unless the name is a person's ("Evo Morales").
                if not self.modifiers or any(t.lower in GIVEN_NAMES or t.lower in PERSON_TITLES for t in before):
                    return None
                ends_name = True
        if after and any(t.capital for t in after):
            # "Mexico Hospital", "Santa Cruz Civic Committee": a place naming something else.
            # With modifiers counted, any name leading a run is one ("Fargo Mayor", "Minnesota
            # House"), unless it is someone's given name ("Jordan Smith").
            if after[0].lower not in PLACE_NOUNS and after[0].lower not in _COUNTY_WORDS:
                if not self.modifiers or key in GIVEN_NAMES:
                    return None
                modifier = True  # weak evidence: "Ford Motor", "Bell Helicopter" need the place to be known

        tail = text[end:end + 40]
        owner = False
        if possessive := _POSSESSIVE.match(tail):
            tail = tail[possessive.end():]
            owner = bool(re.match(r"\s+[A-Z]", tail))  # "Moore's Ford", "Hope's Wings": a name's first part
        if len(name_toks) == 1 and re.match(r"\s+\d", tail):
            return None  # "Section 2AA", "Pack 122": a numbered thing, not a place
        following = re.match(r"\s+(\w+)", tail)
        next_word = following.group(1).lower() if following else ""
        if next_word in PERSON_VERBS and len(name_toks) == 1 and not self._is_region(key):
            persons.add(key)  # "Morales said" is the man; "Russia said" is still Russia
            return None
        qualifier, listed = None, False
        # "Wintersville, Ohio": the qualifier of a place name, or a place with a qualifier.
        before_comma = re.search(r"([A-Z][\w’'.-]+),\s*$", text[max(0, start - 40):start])
        county = self._listed_county(text, start, end, key)  # "Douglas, Sarpy and Lancaster counties": a list
        q = re.match(r",\s+((?:[A-ZÁÉÍÓÚÑ][\w’'-]*)(?:\s+(?:de\s+|del\s+)?[A-ZÁÉÍÓÚÑ][\w’'-]*){0,3})", text[end:end + 60])
        if q and county is None:
            qualifier = q.group(1)
            abbreviation = _ABBREVIATION.match(text, end + q.start(1))
            region = self._abbreviated(abbreviation.group()) if abbreviation else None
            if region is not None and region.feature == "admin1":
                qualifier = region.name  # "Paris, Tenn." is Paris, Tennessee
            elif normalize_name(qualifier) in _DIRECTIONS:
                qualifier = None  # "Kansas City, North": a part of it
            else:
                listed = bool(before_comma) or self._list_goes_on(text, end + q.end())
                if listed and not self._is_region(normalize_name(qualifier)):
                    qualifier = None  # "Cleveland, Columbus, Dayton and Cincinnati": a list, not Columbus near Dayton
        head = text[max(0, start - 40):start].lower()
        prev = re.findall(r"[\w’']+", head)
        if prev and prev[-1] in ("the", "a", "an") and len(prev) > 1:
            prev = prev[:-1]  # "around the Senkata plant"
        cue = bool(prev) and (prev[-1] in LOCATIVE_CUES or prev[-1] in PLACE_NOUNS
                              or (len(prev) > 1 and prev[-1] == "of" and prev[-2] in PLACE_NOUNS))
        cue = (cue or (qualifier is not None and self._is_region(normalize_name(qualifier)))
               or bool(before_comma and before_comma.group(1).lower() not in STOPWORDS
                       and self._known(normalize_name(before_comma.group(1)))))
        if len(key) > 2 and text[start:end].isupper() and _DATELINE.match(text, end):
            cue = True
        if county is not None:  # each name of the list is a county ("Kansas counties" are Kansas's)
            key, cue = county, True
        # A sentence's first word is capitalised anyway: alone, it is weak evidence ("Man is mortal").
        opener = len(name_toks) == 1 and not cue and (start == 0 or bool(re.search(r"[.!?:\n][\"“”’')\]]*\s*$",
                                                                                  text[max(0, start - 4):start])))
        # A word in quotes ("freeing Bolivia from “Satan”") is a term being quoted, not a cue'd place.
        quoted = text[start - 1:start] in "“\"‘'" and start > 0 and text[end:end + 1] in "”\"’'"
        weak = adjective_before or modifier or ends_name or quoted or owner
        return _Candidate(start, end, key, qualifier=qualifier, needs_cue=weak or not cue, opener=opener,
                          ends_name=ends_name, listed=listed)

    def _demonyms(self, text: str) -> tuple[Counter[str], list[_Candidate]]:
        """"Bolivian", "Chilean": votes for their countries, and (only with ``demonyms=True``)
        mentions of them."""
        votes: Counter[str] = Counter()
        out = []
        for m in re.finditer(r"\b[A-Z][a-z]+\b", text):
            iso = DEMONYMS.get(m.group().lower())
            if iso:
                votes[iso] += 1
                if self.demonyms and (country := self._country(iso)) is not None:
                    out.append(_Candidate(m.start(), m.end(), m.group().lower(), result=country, fixed=True))
        return votes, out

    # -- resolution --------------------------------------------------------------
    def find(self, article: Article, home: Place | None = None) -> list[Mention]:
        """Place mentions of one article, resolved, in text order (raw offsets).

        ``home``, the town the article's outlet is based in, counts as one more place the
        article names when choosing among namesakes (see :meth:`find_all`).
        """
        return self._resolve(article, self._recognised(article), home=home)

    def find_all(self, articles: list[Article], label: str = "finding places") -> dict[str, list[Mention]]:
        """Place mentions of many articles (article id -> mentions).

        Articles of one local outlet share a home: when at least three of an outlet's articles
        name places that cluster (see :func:`outlet_homes`), the cluster is where it is based, and a
        second pass resolves every name of those articles with it in view ("Manhattan" in a
        Kansas paper is Manhattan, Kansas). Wire services and national outlets, whose places
        scatter, get none; so do articles without an outlet. And an outlet's stories share the
        sense one of them settled for a name the others leave without context (see
        :meth:`_outlet_senses`), where that sense lies at the outlet's home.
        """
        from geo.progress import progress

        recognised, found = {}, {}
        for a in progress(articles, label):
            recognised[a.article_id] = self._recognised(a)
            found[a.article_id] = self._resolve(a, recognised[a.article_id])
        # Where an outlet is based is judged with its stories read as one (_outlet_senses)...
        follow = self._outlet_senses(articles, recognised)
        read_as_one = {a.article_id: self._resolve(a, recognised[a.article_id], senses=follow[a.article_id])
                       if a.article_id in follow else found[a.article_id] for a in articles}
        homes = outlet_homes(articles, read_as_one, self)
        for a in articles:
            home_mention = homes.get(a.outlet) if a.outlet else None
            home = home_mention.place if home_mention else None
            if home_mention is None or home is None:
                continue
            # ...but a story follows another's sense of a name only at home: one Richmond Times-
            # Dispatch story about Richmond, California does not move the paper's Richmond.
            senses = {k: r for k, r in follow.get(a.article_id, {}).items()
                      if haversine_km(r.lat, r.lon, home.lat, home.lon) <= HOME_KM}
            # And the paper's own town is itself: "Woodstock" in the Woodstock Sentinel-Review.
            senses.update((k, r) for k in {normalize_name(home_mention.text), normalize_name(home.name)} if k
                          for r in self._many(k, None) if r.gazetteer_id == home.gazetteer_id)
            found[a.article_id] = self._resolve(a, recognised[a.article_id], home=home, senses=senses)
        return found

    def _outlet_senses(self, articles: list[Article],
                       recognised: dict[str, _Recognised]) -> dict[str, dict[str, GeocodeResult]]:
        """One sense per outlet: article id -> {name: reading} for the towns it names without
        context of its own, where another article of its outlet settled the name by context
        ("London" after "Canada" in one London Free Press story is London, Ontario, in the
        paper's stories that say only "London"). Read after the first resolution pass."""
        settled: dict[str, dict[str, GeocodeResult | None]] = {}
        plain: dict[str, set[str]] = {}  # article -> names it left at their usual reading, unsupported
        for a in articles:
            if not a.outlet:
                continue
            mine = settled.setdefault(a.outlet, {})
            rec = recognised[a.article_id]
            names_in: dict[str, set[str]] = {}  # country -> the story's names resolved there
            for c in rec.cands + rec.demonyms:
                if c.result is not None:
                    names_in.setdefault(c.result.country or "", set()).add(c.key)
            for c in rec.cands:
                r = c.result
                if r is None or c.fixed or r.feature not in TOWN_FEATURES:
                    continue
                usual = self._best(c.key, None)[:1]
                if usual and r.gazetteer_id == usual[0].gazetteer_id:
                    # Usual, and nothing else in the story is in its country: the story did not
                    # choose it ("Jerusalem" among Israeli places did).
                    if c.qualifier is None and not names_in[r.country or ""] - {c.key}:
                        plain.setdefault(a.article_id, set()).add(c.key)
                else:  # settled by context; stories that settle it apart leave the outlet no sense
                    prior = mine.get(c.key, r)
                    mine[c.key] = r if prior is not None and prior.gazetteer_id == r.gazetteer_id else None
        return {a.article_id: follow for a in articles if a.outlet and (follow := {
            k: r for k in plain.get(a.article_id, ()) if (r := settled[a.outlet].get(k)) is not None})}

    def outlet_town(self, outlet: str, support: Callable[[float, float], int]) -> Mention | None:
        """The town an outlet is named after, if ``support(lat, lon)`` (how many of the towns its
        articles name lie near) reaches two for one of that name's readings; else None."""
        if is_domain(outlet):
            stem = re.sub(r"[^a-z]", "", domain_name(outlet))  # "palestineherald"
            keys = [stem[:n] for n in range(len(stem), _OUTLET_TOWN_MIN - 1, -1)]  # longest first
        else:
            words = re.findall(r"[^\W\d_]+", outlet)
            keys = [normalize_name(" ".join(words[i:j])) for i in range(len(words))
                    for j in range(min(len(words), i + 3), i, -1)]
        for key in keys:
            if len(key) < _OUTLET_TOWN_MIN or key in STOPWORDS or key in ORG_WORDS or not self._known(key):
                continue
            best = max((o for o in self._many(key, None) if o.feature in ("city", "town")),
                       key=lambda o: support(o.lat, o.lon), default=None)
            if best is not None and support(best.lat, best.lon) >= 2:
                return Mention.of(best, key, 0, 0)
        return None

    def _recognised(self, article: Article) -> _Recognised:
        persons: set[str] = set()
        cands = self.recognise(article.text, persons)
        votes, demonyms = self._demonyms(article.text)
        named = []
        for m in _NAMED_PLACE.finditer(article.text):
            group = "name" if m.group("name") else "name2"
            named.append((*m.span(group), normalize_name(m.group(group))))
        return _Recognised(
            cands=[c for c in cands if c.key not in persons and not c.local], local=[c for c in cands if c.local],
            persons=persons, demonyms=demonyms, demonym_votes=votes, named=named)

    def _resolve(self, article: Article, rec: _Recognised, home: Place | None = None,
                 senses: dict[str, GeocodeResult] | None = None) -> list[Mention]:
        cands, local, demonyms = rec.cands, rec.local, rec.demonyms
        if not cands and not local and not demonyms:
            return []
        for c in cands:  # resolved afresh on every call (find_all resolves twice)
            if not c.fixed:
                c.result = None
        # Focus country: the country the article's confidently-resolved names point at, and
        # the country of its outlet's web domain (".co.uk", ".ca").
        # Counted first, the outlet's countries win ties (most_common keeps insertion order).
        votes: Counter[str] = Counter()
        if home is not None and home.country:
            votes[home.country] += 2  # a local paper writes about its own country unless it says otherwise
        if (outlet_cc := domain_country(article.outlet)) and self._country(outlet_cc):
            votes[outlet_cc] += 2
        votes.update(rec.demonym_votes)
        by_key: dict[str, Counter[str]] = {}  # what each name contributed, to judge it without itself
        named: set[str] = set()
        # Each name votes once: a name repeated through a story ("Dublin" in Ohio local news)
        # must not outvote the many other names that place it.
        for c in {c.key: c for c in cands}.values():
            best = self._best(c.key, None)
            if best and best[0].country:
                # Countries count double, small places half: local news names few countries.
                weight = 2 if best[0].feature == "country" else (
                    1 if best[0].feature in _PROMINENT_FEATURES or best[0].feature == "admin2" else 0.5)
                votes[best[0].country] += weight  # type: ignore[assignment]  # Counter of float weights
                by_key.setdefault(c.key, Counter())[best[0].country] += weight  # type: ignore[assignment]
                if best[0].feature == "country":
                    named.add(best[0].country)
        focus = votes.most_common(1)[0][0] if votes else None
        named.discard(focus)

        def rank(r: GeocodeResult) -> float:
            """A reading's score, raised in the countries the article names besides its focus:
            "their masters in Washington" after "the U.S." is the capital, not a Bolivian hamlet."""
            return r.score + (_BONUS_NAMED if r.country in named else 0.0)
        # The outlet's senses, for names this story does not qualify itself ("London, England").
        qualified = {c.key for c in cands if c.qualifier}
        sense: dict[str, GeocodeResult] = {k: r for k, r in (senses or {}).items() if k not in qualified}
        decided: set[str] = set(sense)  # names already judged: later uses share the answer
        # Qualified names first ("Huayllani, Cochabamba"): they fix the sense of later bare uses.
        for c in sorted(cands, key=lambda c: c.qualifier is None):
            if c.fixed:
                continue
            if c.key in sense and c.qualifier is None:
                c.result = sense[c.key]
                continue
            options: tuple[GeocodeResult, ...] = ()
            if c.qualifier:
                options = self._within(c.key, c.qualifier, focus)
                # "Holliday, Missouri": a town the gazetteer lacks, in a region it has. The region
                # says where it is; a Holliday in Texas would not.
                region = None if options or c.listed or self._usual_feature(c.key) in _OPENER_FEATURES else next(
                    (r for r in self._best(c.qualifier, focus) if r.feature in ("country", "admin1")), None)
                if region is not None:
                    c.result = region
                    continue
            if not options:
                options = self._best(c.key, focus)
            if not options:
                continue
            c.result = max(options, key=rank)
            if c.key not in sense or c.qualifier:
                sense.setdefault(c.key, c.result)
        # Nearness: among close alternatives, prefer the one near the article's other places:
        # near what they resolved to, or near any of their own readings in the focus country
        # ("Paris" and "Henry County" are both in Tennessee, whichever each first chose).
        readings: dict[str, set[tuple[float, float]]] = {"": {(home.lat, home.lon)}} if home else {}
        for c in cands:
            if c.result is None or c.result.feature in ("country", "continent", "region"):
                continue
            points = readings.setdefault(c.key, set())
            points.add((c.result.lat, c.result.lon))
            if not (c.fixed or c.qualifier):
                points.update((o.lat, o.lon) for o in self._best(c.key, focus)[:5]
                              if o.country == focus and o.feature not in _OPENER_FEATURES)
        for c in cands:
            if c.result is None or c.qualifier or c.fixed:
                continue
            if c.key in decided:
                c.result = sense[c.key]
                continue
            options = self._best(c.key, focus)
            # Countries and the focus country's regions keep their name; a foreign region may
            # yield to a namesake among the article's places ("Delta" near Vancouver, not Nigeria's).
            if len(options) < 2 or (options[0].feature in _OPENER_FEATURES
                                    and not (options[0].feature == "admin1" and options[0].country != focus)):
                continue
            reach = _BONUS_NEAR + (_BONUS_HOME if home else 0.0)
            if len(options) == _OPTIONS and options[-1].score == options[0].score:
                # Equals beyond the first few ("Madison County" in 20 states): all of them.
                options = tuple(o for o in self._many(c.key, focus) if o.score == options[0].score)
            elif home is not None and len(options) == _OPTIONS and options[-1].score > options[0].score - reach:
                # A local paper's "Clinton" may be the country's twentieth: every namesake the
                # home could still lift to the top.
                options = tuple(o for o in self._many(c.key, focus) if o.score > options[0].score - reach)
            fixed = sense.get(c.key)
            if fixed is not None and fixed.gazetteer_id != options[0].gazetteer_id:
                c.result = fixed  # a qualifier, or this name's first use, already chose
                continue
            choices = options[:5] if len(options) < _OPTIONS else options
            ranks = [rank(o) for o in choices]
            top = max(ranks)
            if sum(r > top - reach for r in ranks) == 1:  # nearness cannot close the gap
                sense[c.key] = c.result = choices[ranks.index(top)]
                decided.add(c.key)
                continue
            others = [a for k, points in readings.items() if k != c.key for a in points]
            if not others:
                continue
            # Each choice's distance to its nearest other place, all choices at once.
            lats, lons = np.array(others).T
            at = np.array([(r.lat, r.lon) for r in choices])
            km = haversine_km_many(at[:, :1], at[:, 1:], lats, lons).min(axis=1)
            score = np.array(ranks) + _BONUS_NEAR * np.exp(-km / _NEAR_KM)
            if home is not None:  # the outlet's own town weighs more than guesses about other names
                score += _BONUS_HOME * np.exp(-haversine_km_many(at[:, 0], at[:, 1], home.lat, home.lon) / HOME_KM)
            sense[c.key] = c.result = choices[int(np.argmax(score))]  # the first best, as max() would
            decided.add(c.key)
        # "Georgia" in an article about the US is the state, and "Palestine" in a Texas paper
        # that names Anderson County is the town: a region of the focus country, or a town of
        # it near the article's other places, beats a foreign country of the same name that the
        # article otherwise ignores.
        places = [(r.lat, r.lon) for c in cands if (r := c.result) is not None and r.feature in TOWN_FEATURES]
        places += [(home.lat, home.lon)] if home else []
        for c in cands:
            r = c.result
            if r is None or c.fixed or r.feature != "country":
                continue
            rest = votes - by_key.get(c.key, Counter())
            usual = rest.most_common(1)[0][0] if rest else None  # the focus without this name
            if usual and r.country != usual and rest[usual] >= 2 and rest[r.country or ""] == 0:
                region = next((o for o in self._best(c.key, usual) if o.country == usual
                               and o.feature == "admin1"), None)
                # A town needs to be one (1,000 people) and to sit among the places the article
                # names: "Uruguay" and "Perú" are hamlets in Bolivia too.
                home_reading = region or next((o for o in self._many(c.key, usual) if o.country == usual
                                               and o.feature in ("city", "town") and o.population >= _NAMESAKE_TOWN
                                               and any(haversine_km(o.lat, o.lon, la, lo) <= _NAMESAKE_KM
                                                       for la, lo in places)), None)
                if home_reading is not None:
                    c.result = home_reading
        # A new list: the caller's candidates are resolved again in find_all's second pass.
        cands = sorted(cands + demonyms, key=lambda c: c.start)
        mentions = []
        cued = {c.key for c in cands if not c.needs_cue}
        for c in cands:
            r = c.result
            if r is None:
                continue
            # "MAS", "COB": a short all-caps word is an acronym unless it names a country ("US")
            # or opens a dateline ("WACO, Texas —").
            if not c.fixed and c.end - c.start <= 4 and article.text[c.start:c.end].isupper() \
                    and r.feature != "country" and not _DATELINE.match(article.text, c.end):
                continue
            if c.opener and c.key not in cued and r.feature not in _OPENER_FEATURES \
                    and not (max(r.population, self._best(c.key, None)[0].population) >= _OPENER_CITY
                             and " " not in c.key and not _PROSE_NEXT.match(article.text, c.end)):
                continue
            if c.ends_name and r.feature not in _PROMINENT_FEATURES and c.key not in cued:
                continue
            # A single word that names only a small place needs a cue to count, once per
            # article: after "in Huayllani", a bare "Huayllani" is the same place.
            # A name is recognised if any reading of it is prominent ("Paris" in Texas news is
            # still a place, even when context then picks Paris, Texas).
            if c.needs_cue and " " not in c.key and r.feature not in _PROMINENT_FEATURES \
                    and self._best(c.key, None)[0].feature not in _PROMINENT_FEATURES \
                    and c.key not in cued and not (r.country == focus and (r.feature in ("admin2", "district")
                                                                           or r.population >= _FOCUS_TOWN)):
                continue
            start, end = article.raw_span(c.start, c.end)
            mentions.append(Mention.of(r, article.raw[start:end], start, end, c.start, c.end))
        mentions += self._local_places(article, mentions, local)
        mentions += self._unknown_places(article, mentions, rec)
        mentions.sort(key=lambda m: m.clean_start)
        return mentions

    @staticmethod
    def _local_places(article: Article, known: list[Mention], local: list[_Candidate]) -> list[Mention]:
        """Streets and waters, placed at the article's home town (the settlement it names most;
        the first named on a tie): a point a reader can find them near, not their exact place.
        With no town in the article they stay unresolved, and are kept."""
        towns = Counter(m.gazetteer_id for m in known if m.feature in ("city", "town", "district"))
        firsts: dict[str | None, Mention] = {}
        for m in known:
            firsts.setdefault(m.gazetteer_id, m)
        town = firsts[max(towns, key=lambda g: (towns[g], -firsts[g].clean_start))] if towns else None
        out = []
        for c in local:
            start, end = article.raw_span(c.start, c.end)
            place = None
            if town is not None and town.place is not None:
                place = replace(town.place, name=f"{' '.join(article.text[c.start:c.end].split())}, {town.place.name}",
                                feature="local", gazetteer_id=None, score=None)
            out.append(Mention(text=article.raw[start:end], start=start, end=end, place=place,
                               clean_start=c.start, clean_end=c.end))
        return out

    def _unknown_places(self, article: Article, known: list[Mention], rec: _Recognised) -> list[Mention]:
        """Names the text plainly calls places ("the town of X", "X Province") that the
        gazetteer lacks: kept as unresolved mentions (no coordinates), never dropped."""
        # The named spans come from one regex scan, so they never overlap one another.
        taken = SpanIndex((m.clean_start, m.clean_end) for m in known)
        out = []
        for s, e, key in rec.named:
            words = key.split()
            if (taken.meets(s, e) or self._known(key) or key in rec.persons
                    or key in ORGANISATIONS or words[0] in STOPWORDS
                    or any(w in ORG_WORDS or w in PLACE_NOUNS or w in _DIRECTIONS for w in words)):
                continue
            rs, re_ = article.raw_span(s, e)
            out.append(Mention(text=article.raw[rs:re_], start=rs, end=re_, clean_start=s, clean_end=e))
        return out


def _institution_follows(text: str, end: int) -> bool:
    """True when the capitalised words after ``end`` name an institution ("... Army", "... Bank")."""
    following = re.match(r"\s+((?:[A-Z][\w’'-]*\s*)+)", text[end:end + 60])
    return following is not None and any(w.lower() in ORG_WORDS for w in following.group(1).split())


@cache
def default_toponymer() -> Toponymer:
    """The process-wide toponymer over the default gazetteer (its caches shared by every stage)."""
    return Toponymer()


def find_places(article: Article, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """The resolved place mentions of one article (see :class:`Toponymer`)."""
    return (Toponymer(gazetteer) if gazetteer is not None else default_toponymer()).find(article)


def places_of(articles: list[Article], toponymer: Toponymer | None = None) -> list[dict]:
    """The ``geo places --json`` document: one object per article with its mentions.

    >>> from geo.articles import load_articles
    >>> doc = places_of(load_articles(["seeds/004_26b54f6d74c6cf47.txt"]))
    >>> "Senkata" in {m["text"] for m in doc[0]["mentions"]}
    True
    """
    found = (toponymer or default_toponymer()).find_all(articles)
    return [{"article": a.article_id, "published": a.published.isoformat() if a.published else None,
             "mentions": [m.to_dict() for m in found[a.article_id]]} for a in articles]


def summarise_places(articles: list[Article], toponymer: Toponymer | None = None,
                     snippets: int = 3, width: int = 70, found: dict[str, list[Mention]] | None = None) -> list[dict]:
    """Every resolved place the articles name: where, how many articles, a few snippets.

    ``found`` (article id -> mentions) reuses places already found instead of finding them again.

    >>> from geo.articles import load_articles
    >>> places = summarise_places(load_articles(["seeds"]))
    >>> max(places, key=lambda p: p["articles"])["name"]
    'Bolivia'
    """
    if found is None:
        found = (toponymer or default_toponymer()).find_all(articles)
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
