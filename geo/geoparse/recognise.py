"""Recognition: an article's candidate place names, with the context verdicts applied.

Capitalised runs are cut into the longest names the gazetteer knows and each name is judged
by its context (:mod:`geo.geoparse.context`); the spotters add what the runs cannot hold
(abbreviations, streets and waters, county lists, "the town of X", demonyms).
"""

from __future__ import annotations

from geo.articles import Article
from geo.geoparse import districts, people, spotters, tokens
from geo.geoparse.tokens import MAX_NAME_WORDS
from geo.geoparse.context import judge
from geo.geoparse.names import Names
from geo.geoparse.records import Candidate, Recognised, Token
from geo.lexicon import ORG_WORDS, ORGANISATIONS, PLACE_NOUNS
from geo.normalize import normalize_name
from geo.spans import SpanIndex


def _organisation(run: list[Token], modifiers: bool, names: Names) -> bool:
    """"Police Department", "City Hospital", "Santa Cruz Civic Committee": a run naming an
    organisation, which holds no place (place nouns, "Cochabamba Department", do not make one)."""
    whole = normalize_name(" ".join(t.text for t in run))
    if not (whole in ORGANISATIONS or any(normalize_name(t.text) in ORGANISATIONS for t in run)
            or (not modifiers and any(t.lower in ORG_WORDS and t.lower not in PLACE_NOUNS for t in run))):
        return False
    # "Democratic Republic of the Congo", "Central African Republic": a country, whatever its words
    return not (len(run) <= MAX_NAME_WORDS and names.known(whole) and names.usual_feature(whole) == "country")


def recognise(text: str, names: Names, modifiers: bool = False) -> tuple[list[Candidate], set[str]]:
    """Candidate place names in clean text, in text order, and the persons the text names."""
    runs = tokens.runs(text)
    keys = [tokens.span_keys(run) for run in runs]
    names.learn(k for spans in keys for k in spans.values() if k)
    # People first, so "Mesa" is known as a person before its bare uses are judged.
    persons = people.persons_by_title(runs, names) | people.persons_by_role(text, names) | \
        people.persons_by_age(text, names)
    parts = districts.districts(text, names)
    found = spotters.abbreviations(text, names, modifiers) + spotters.streets_and_waters(text, modifiers, names)
    found += [c for c in parts if not SpanIndex((f.start, f.end) for f in found).meets(c.start, c.end)]
    taken = SpanIndex((c.start, c.end) for c in found)
    for run, spans in zip(runs, keys):
        if _organisation(run, modifiers, names):
            continue
        cut = tokens.cut(run, spans, names)
        if not cut and spotters.listed_county(text, run[0].start, run[-1].end, spans.get((0, len(run)), ""), names):
            cut = [(0, len(run))]  # "Clarke" names only a county
        for i, j in cut:
            verdict = judge(text, run, i, j, persons, names, modifiers)
            if verdict.person is not None:
                persons = persons | {verdict.person}
            cand = verdict.candidate
            if cand is not None and not taken.meets(cand.start, cand.end):
                found.append(cand)
    found.sort(key=lambda c: c.start)
    return districts.bare_uses(found, parts), persons


def recognised(article: Article, names: Names, demonyms: bool = False, modifiers: bool = False) -> Recognised:
    """What recognition finds in one article: its places to resolve, streets and waters, persons,
    demonyms (mentions only when ``demonyms``; votes always) and the places it calls so."""
    cands, persons = recognise(article.text, names, modifiers)
    votes, mentioned = spotters.demonyms(article.text, names, demonyms)
    return Recognised(
        cands=people.without_persons([c for c in cands if not c.local], persons),
        local=[c for c in cands if c.local], persons=persons, demonyms=mentioned, demonym_votes=votes,
        named=spotters.named_places(article.text))
