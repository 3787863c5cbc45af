"""The geoparser on the five seeds, checked against the development gold (tests/gold)."""

from __future__ import annotations

import json

import pytest

from geo.articles import load_articles
from geo.normalize import normalize_name
from geo.toponyms import places_of
from tests.conftest import ROOT, km

GOLD = json.loads((ROOT / "tests/gold/seeds_gold.json").read_text())


@pytest.fixture(scope="module")
def parsed():
    articles = {a.article_id: a for a in load_articles([ROOT / "seeds"])}
    return articles, {d["article"]: d for d in places_of(list(articles.values()))}


def within(m: dict, place: dict) -> bool:
    points = [(place["lat"], place["lon"], place["tolerance_km"])]
    points += [(p["lat"], p["lon"], p["tolerance_km"]) for p in place.get("alt_points", [])]
    return m["lat"] is not None and any(km(m["lat"], m["lon"], la, lo) <= tol for la, lo, tol in points)


@pytest.mark.parametrize("article_id", sorted(GOLD["articles"]))
def test_every_required_place_is_found_and_resolved(parsed, article_id):
    _, doc = parsed
    mentions = doc[article_id]["mentions"]
    for place in GOLD["articles"][article_id]["required"]:
        hits = [m for m in mentions if normalize_name(m["text"]) == normalize_name(place["surface"])]
        assert hits, f"{place['surface']} not found"
        assert all(within(m, place) for m in hits), \
            f"{place['surface']} resolved to {[(m['name'], m['lat'], m['lon']) for m in hits]}"


@pytest.mark.parametrize("article_id", sorted(GOLD["articles"]))
def test_optional_places_that_come_out_are_resolved_right(parsed, article_id):
    # "their masters in Washington" is the US capital, not a hamlet of La Paz that shares its name.
    _, doc = parsed
    mentions = doc[article_id]["mentions"]
    for place in GOLD["articles"][article_id]["optional"]:
        for m in mentions:
            if normalize_name(m["text"]) == normalize_name(place["surface"]):
                assert within(m, place), f"{m['text']} resolved to {m['name']} ({m['country']})"


@pytest.mark.parametrize("article_id", sorted(GOLD["articles"]))
def test_nothing_outside_required_and_optional(parsed, article_id):
    _, doc = parsed
    gold = GOLD["articles"][article_id]
    allowed = gold["required"] + gold["optional"]
    for m in doc[article_id]["mentions"]:
        same_surface = any(normalize_name(m["text"]) == normalize_name(p["surface"]) for p in allowed)
        same_place = any(within(m, p) and m["feature"] == ("country" if p["kind"] == "country" else m["feature"])
                         for p in allowed)
        assert same_surface or same_place, f"unexpected place {m['text']!r} -> {m['name']} ({m['country']})"


def test_no_not_place_word_comes_out(parsed):
    _, doc = parsed
    banned = {normalize_name(w) for w in GOLD["not_places"]}
    for art in doc.values():
        for m in art["mentions"]:
            assert normalize_name(m["text"]) not in banned, f"{m['text']} in {art['article']}"


def test_raw_offsets_give_the_mention(parsed):
    articles, doc = parsed
    n = 0
    for aid, art in doc.items():
        raw = articles[aid].raw
        assert raw == (ROOT / "seeds" / f"{aid}.txt").read_text(encoding="utf-8")
        for m in art["mentions"]:
            assert raw[m["start"]:m["end"]] == m["text"]
            n += 1
    assert n > 80


def test_a_name_broken_across_lines_spans_the_break(parsed):
    articles, doc = parsed
    broken = [m for a in doc.values() for m in a["mentions"] if "\n" in m["text"]]
    for m in broken:
        assert normalize_name(m["text"]) in {"el alto", "la paz", "santa cruz", "buenos aires", "latin america"}
