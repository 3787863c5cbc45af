"""Recognition: candidate place names in clean text, with the context verdicts applied."""

from __future__ import annotations

import re
from collections import Counter


from geo.articles import Article
from geo.gazetteer import GeocodeResult
from geo.lexicon import (DEMONYMS, GIVEN_NAMES, LOCATIVE_CUES, ORG_WORDS, ORGANISATIONS, PERSON_TITLES,
                         PERSON_VERBS, PLACE_ABBREVIATIONS, PLACE_NOUNS, STOPWORDS)
from geo.normalize import normalize_name
from geo.spans import SpanIndex
from geo.toponym_rules import (
    CONNECTORS, MAX_NAME_WORDS, _ABBREVIATION, _AFTER_TOWN, _CONTEXT_WORDS, _CONTRACTION, _COUNTY_LIST,
    _COUNTY_LIST_REACH, _COUNTY_WORDS, _Candidate, _DATELINE, _DIRECTIONS, _LIST_GOES_ON, _LIST_ITEM_BEFORE,
    _LIST_SEPARATOR, _LOCAL_FEATURE, _LOOSE_CONNECTORS, _NAMED_PLACE, _NAME_ABBREVIATIONS, _NOUN_FIRST,
    _OPENER_FEATURES, _POSSESSIVE, _Recognised, _TOKEN, _Token, _institution_follows)
from geo.toponym_names import NamesView


class Recognition(NamesView):
    """Spotting names: tokens, the longest-known-name cut, abbreviations, streets, persons, demonyms."""

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
