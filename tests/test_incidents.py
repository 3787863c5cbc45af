"""Incident extraction and merging on the seeds, against the development gold."""

from __future__ import annotations

import json
from datetime import date

import pytest

from geo.articles import Article, load_articles
from geo.dates import find_dates
from geo.incidents import Extractor, merge_reports, split_sentences
from geo.numbers import find_counts, parse_count
from tests.conftest import ROOT, km

GOLD = json.loads((ROOT / "tests/gold/seeds_gold.json").read_text())
SPAN = {"day": 0, "week": 3, "month": 15}


@pytest.fixture(scope="module")
def seeds():
    return load_articles([ROOT / "seeds"])


@pytest.fixture(scope="module")
def reports(seeds):
    ex = Extractor()
    return {a.article_id: ex.reports(a) for a in seeds}


def near(report, place) -> bool:
    points = [(place["lat"], place["lon"], place["tolerance_km"])]
    points += [(p["lat"], p["lon"], p["tolerance_km"]) for p in place.get("alt_points", [])]
    return any(km(report.place.lat, report.place.lon, la, lo) <= tol for la, lo, tol in points)


REQUIRED = [(aid, i) for aid, a in GOLD["articles"].items() for i in a["incidents"] if i["need"] == "required"]


def test_there_are_fourteen_required_incidents():
    assert len(REQUIRED) == 14


@pytest.mark.parametrize("aid,gold", REQUIRED, ids=[f"{a[:3]}-{g['place']['surface']}-{g['date']}" for a, g in REQUIRED])
def test_required_incident_is_found(reports, aid, gold):
    places = [gold["place"]] + gold.get("alt_places", [])
    want = date.fromisoformat(gold["date"])
    hits = [r for r in reports[aid] if any(near(r, p) for p in places) and r.event_type == gold["event_type"]
            and r.event_date is not None
            and abs((r.event_date - want).days) <= SPAN[gold["date_precision"]] + SPAN[r.date_precision]]
    assert hits, f"no {gold['event_type']} at {gold['place']['surface']} on {gold['date']}: " \
                 f"{[(r.event_date, r.location, r.event_type) for r in reports[aid]]}"
    if gold["date_precision"] == "day":
        assert any(r.event_date == want and r.date_precision == "day" for r in hits)
    low, high = gold.get("fatalities_accept") or [gold.get("fatalities") or 0] * 2
    if gold.get("fatalities") is not None:
        assert any(low <= (r.fatalities or 0) <= high for r in hits), [r.fatalities for r in hits]
    if gold.get("injuries"):
        assert any(r.injuries == gold["injuries"] for r in hits)


def test_plans_strikes_and_totals_are_not_point_incidents(reports):
    everything = [r for rs in reports.values() for r in rs]
    assert not [r for r in everything if "announced plans" in r.quote]
    assert not [r for r in everything if r.place.country == "CO" or "general strike" in r.quote]
    assert not [r for r in everything if r.fatalities in (24, 32, 10, 3, 500) or "In all" in r.quote
                or "total" in r.quote.lower()]


def test_merging_the_seeds_gives_the_gold_events(seeds, reports):
    incidents = merge_reports([r for rs in reports.values() for r in rs], {a.article_id: a for a in seeds})
    events = json.loads((ROOT / "tests/gold/seeds_events.json").read_text())["events"]
    senkata = [i for i in incidents if km(i.latitude, i.longitude, -16.5805, -68.1915) < 10
               and i.event_date == date(2019, 11, 19) and i.sub_event_type == "Excessive force against protesters"]
    huayllani = [i for i in incidents if km(i.latitude, i.longitude, -17.3964, -66.0570) < 5]
    assert len(senkata) == 1 and len(huayllani) == 1
    by_event = {e["event"]: e for e in events}
    assert {s.article for s in senkata[0].sources} == set(by_event["Senkata gas plant, El Alto"]["reports"])
    assert {s.article for s in huayllani[0].sources} == set(by_event["Huayllani, Sacaba, Cochabamba"]["reports"])
    tolls = {s.article: s.fatalities for s in senkata[0].sources}
    assert tolls["004_26b54f6d74c6cf47"] == 8 and 1 <= tolls["001_a9ffa14dafb5799f"] <= 6
    assert senkata[0].fatalities == 8 and "fatalities 1–8" in senkata[0].notes
    tolls = {s.article: s.fatalities for s in huayllani[0].sources}
    assert tolls["001_a9ffa14dafb5799f"] == 9 and 7 <= tolls["004_26b54f6d74c6cf47"] <= 9
    for s in huayllani[0].sources + senkata[0].sources:
        raw = (ROOT / "seeds" / f"{s.article}.txt").read_text(encoding="utf-8")
        assert s.title and raw[s.start:s.end].split()[:3] == s.quote.split()[:3]
    # The single-source events of the gold are there, on their dates.
    singles = [("march El Alto to La Paz", date(2019, 11, 14), -16.5, -68.15),
               ("rural teachers march, La Paz", date(2019, 11, 19), -16.5, -68.15),
               ("march across Cochabamba", date(2019, 11, 16), -17.3895, -66.1568)]
    for name, when, lat, lon in singles:
        match = [i for i in incidents if i.event_date == when and km(i.latitude, i.longitude, lat, lon) < 15
                 and i.event_type == "Protests" and i.sub_event_type != "Excessive force against protesters"]
        assert match, name
        assert {s.article for s in match[0].sources} == set(by_event[name]["reports"])
    buenos_aires = [i for i in incidents if km(i.latitude, i.longitude, -34.61, -58.38) < 25]
    assert len(buenos_aires) == 1 and len(buenos_aires[0].sources) == 2


# -- the pieces, on sentences written for the test ----------------------------------------

@pytest.mark.parametrize("text,value", [("nine", 9), ("at least 24", 24), ("more than thirty", 30),
                                        ("one hundred", 100), ("1,200", 1200), ("twenty-three", 23)])
def test_counts_in_words_and_digits(text, value):
    assert find_counts(text)[0].value == value


def test_parse_count_rejects_words():
    assert parse_count("several") is None


@pytest.mark.parametrize("text,expected", [
    ("On Nov. 19, police fired", "2019-11-19"), ("On November 15 marchers", "2019-11-15"),
    ("on 15 November 2019", "2019-11-15"), ("They marched on Thursday", "2019-11-14"),
    ("yesterday in Huayllani", "2019-11-19"), ("reported last night", "2019-11-19"),
    ("today in Buenos Aires", "2019-11-20"), ("three days ago", "2019-11-17"),
    ("on the 5th of November", "2019-11-05"), ("the 21st of September, 2019", "2019-09-21"),
    ("killed on the 12th", "2019-11-12"), ("killed on the 30th", "2019-10-30"),
    ("on Tuesday last week", "2019-11-12"), ("on Monday of last week", "2019-11-11")])
def test_dates_relative_to_publication(text, expected):
    assert find_dates(text, date(2019, 11, 20))[0].date.isoformat() == expected


@pytest.mark.parametrize("text, expected", [
    ("earlier this month", (date(2019, 11, 15), "month")), ("last month", (date(2019, 10, 15), "month")),
    ("on the 3rd floor", None), ("on the 12th of every month", None)])
def test_months_relative_to_publication_and_ordinals_that_are_no_dates(text, expected):
    found = find_dates(text, date(2019, 11, 20))
    assert ((found[0].date, found[0].precision) if found else None) == expected


def test_dates_relative_to_the_text():
    ref = date(2019, 11, 15)
    assert find_dates("The following day, they marched", date(2019, 11, 20), ref)[0].date == date(2019, 11, 16)
    assert find_dates("Four days earlier, nine died", date(2019, 11, 20), date(2019, 11, 19))[0].date == ref


def test_sentences_keep_abbreviations():
    text = "On Nov. 19, the U.S. Embassy spoke. Gen. Kaliman resigned. It was over."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "On Nov. 19, the U.S. Embassy spoke.", "Gen. Kaliman resigned.", "It was over."]


def article(text: str, published=date(2019, 11, 20)) -> Article:
    return Article.from_text(text, article_id="t", published=published)


def test_figures_add_up_across_sentences(gazetteer):
    reps = Extractor().reports(article(
        "On Nov. 15 police opened fire on marchers in Sacaba, killing seven people. "
        "More than one hundred were injured. Two more have died since."))
    assert len(reps) == 1
    assert (reps[0].fatalities, reps[0].injuries, reps[0].location) == (9, 100, "Sacaba")


def test_march_from_a_to_b_happens_at_b(gazetteer):
    reps = Extractor().reports(article("Thousands marched on Thursday from El Alto to La Paz."))
    assert [(r.location, r.event_date.isoformat(), r.sub_event_type) for r in reps] == \
        [("La Paz", "2019-11-14", "Peaceful protest")]


def test_future_negated_and_aggregate_are_not_incidents(gazetteer):
    text = ("Unions will stage a general strike in La Paz on Friday. "
            "Residents announced plans to blockade Oruro. "
            "At least 24 people have been killed in Bolivia since Nov. 10. "
            "It was not a clash in Cochabamba. ")
    assert Extractor().reports(article(text)) == []


def test_undated_event_gets_week_precision(gazetteer):
    reps = Extractor().reports(article("In Cochabamba, protesters burned down a police station.",
                                       published=date(2019, 11, 18)))
    assert [(r.event_date.isoformat(), r.date_precision, r.event_type) for r in reps] == \
        [("2019-11-18", "week", "Riots")]
