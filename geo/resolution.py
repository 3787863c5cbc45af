"""Resolution: each recognised name to its reading, by focus country, qualifiers, nearness and home."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import numpy as np

from geo.articles import Article
from geo.distance import haversine_km, haversine_km_many
from geo.gazetteer import GeocodeResult
from geo.lexicon import (ORG_WORDS, ORGANISATIONS, PLACE_NOUNS, STOPWORDS)
from geo.place import Place
from geo.spans import SpanIndex
from geo.outlets import HOME_KM, TOWN_FEATURES, domain_country
from geo.toponym_rules import (
    _BONUS_HOME, _BONUS_NAMED, _BONUS_NEAR, _Candidate, _DATELINE, _DIRECTIONS, _FOCUS_TOWN, _NAMESAKE_KM,
    _NAMESAKE_TOWN, _NEAR_KM, _OPENER_CITY, _OPENER_FEATURES, _OPTIONS, _PROMINENT_FEATURES, _PROSE_NEXT,
    _Recognised)
from geo.mentions import Mention
from geo.toponym_names import NamesView


class Resolution(NamesView):
    """Choosing readings and assembling mentions (streets at their town, unknown named places kept)."""

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
