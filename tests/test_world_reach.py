"""World reach: the geoparser on short sentences of the kind world news is made of (issue 12)."""

from __future__ import annotations

import pytest

from geo.articles import Article
from geo.geoparse import Geoparser


@pytest.fixture(scope="module")
def geoparser(gazetteer):
    return Geoparser(gazetteer)


def found(geoparser, text, **kw):
    return [(m.text, m.name, m.country) for m in geoparser.find(Article.from_text(text, **kw))]


def test_a_country_whose_name_holds_an_organisation_word(geoparser):
    got = found(geoparser, "Cases rose in Angola, Chad and the Democratic Republic of the Congo this year.")
    assert ("Democratic Republic of the Congo", "Democratic Republic of the Congo", "CD") in got


def test_a_possessive_before_a_number_is_still_the_place(geoparser):
    assert [c for _, _, c in found(geoparser, "All of Peru's 240 blood banks were closed.")] == ["PE"]


def test_a_capital_before_said_after_of_is_a_place(geoparser):
    got = found(geoparser, "A clinic in the east of Nairobi said that six people had died.")
    assert ("Nairobi", "Nairobi", "KE") in got


def test_a_sentence_opening_adjective_before_a_country(geoparser):
    assert [c for _, _, c in found(geoparser, "Neighbouring Uganda has closed its border.")] == ["UG"]


def test_a_currency_is_no_place(geoparser):
    assert found(geoparser, "The fee rose to US$5,000 last week.") == []


def test_short_names_news_writes_for_regions_and_countries(geoparser):
    got = found(geoparser, "Flu spread among horses in NSW, while aid flights reached Darfur and the DRC.")
    assert [(t, c) for t, _, c in got] == [("NSW", "AU"), ("Darfur", "SD"), ("DRC", "CD")]
