"""Loading and cleaning articles: dates, raw offsets, and bad input."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings, strategies as st

from geo.articles import Article, clean_text, load_articles
from geo.dates import find_publication_date
from geo.toponyms import Toponymer
from tests.conftest import ROOT


def test_manifest_dates_and_basis():
    arts = {a.article_id: a for a in load_articles([ROOT / "seeds"])}
    assert len(arts) == 5
    assert arts["002_2425c39e6c4ac482"].published == date(2019, 11, 15)
    assert all(a.published_basis == "manifest" for a in arts.values())
    assert arts["004_26b54f6d74c6cf47"].title.startswith("Protests continue")


def test_dates_from_text_when_no_manifest(tmp_path):
    for name in ("001_a9ffa14dafb5799f.txt", "000_f0bddc0a2dccaad2.txt"):
        (tmp_path / name).write_bytes((ROOT / "seeds" / name).read_bytes())
    arts = {a.article_id: a for a in load_articles([tmp_path])}
    assert arts["001_a9ffa14dafb5799f"].published == date(2019, 11, 20)
    assert arts["001_a9ffa14dafb5799f"].published_basis == "text: date line"
    # "Nov. 18 −" names no year and the text gives none: unknown, not guessed.
    assert arts["000_f0bddc0a2dccaad2"].published is None
    assert arts["000_f0bddc0a2dccaad2"].published_basis == "unknown"


def test_date_forms():
    assert find_publication_date("Sunday, November 17, 2019\nLa Paz")[0] == date(2019, 11, 17)
    assert find_publication_date("By AP\n15 November 2019\nText")[0] == date(2019, 11, 15)
    assert find_publication_date("EL ALTO, Nov. 20 (AP) — Police ... in 2019 ...")[0] == date(2019, 11, 20)
    assert find_publication_date("No date here at all.") is None


def test_cleaning_keeps_a_way_back_to_raw():
    raw = "Title\n\nMarchers left El \n\nAlto for [La Paz](#) and Cocha-\nbamba.\n\nSimple Share Buttons\nShare this\n"
    art = Article.from_text(raw)
    assert "El Alto" in art.text and "La Paz" in art.text and "Cochabamba" in art.text
    assert "Share" not in art.text and "](#)" not in art.text
    for word in ("El Alto", "La Paz", "Cochabamba"):
        i = art.text.index(word)
        s, e = art.raw_span(i, i + len(word))
        assert raw[s:e].replace("\n", "").replace(" ", "").replace("-", "") == word.replace(" ", "")


def test_photo_credit_is_dropped():
    text, _ = clean_text("March in La Paz, Bolivia [Credit: AP Photo/Natacha \n\nPisarenko]\n\nNext.")
    assert "Pisarenko" not in text and "La Paz, Bolivia" in text


def test_bad_inputs_are_reported_and_the_rest_loaded(tmp_path):
    (tmp_path / "good.txt").write_text("Protesters marched in El Alto.", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Marcha en Potosí y Perú.".encode("cp1252"))
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (tmp_path / "articles.csv").write_text(
        "article_id,file,title,outlet,published\n"
        "g,good.txt,Good,Outlet,2019-11-20\n"
        "m,missing.txt,Missing,Outlet,2019-11-20\n"
        "b,latin1.txt,Bad date,Outlet,20/11/2019\n", encoding="utf-8")
    problems: list[str] = []
    arts = load_articles([tmp_path, tmp_path / "nope.txt"], on_problem=problems.append)
    ids = {a.article_id for a in arts}
    assert ids == {"g", "b"}
    text = "\n".join(problems)
    assert "missing.txt" in text and "row 3" in text
    assert "row 4" in text and "20/11/2019" in text
    assert "empty.txt" in text and "binary.txt" in text and "nope.txt" in text
    assert "latin1.txt" in text and "UTF-8" in text
    latin = next(a for a in arts if a.article_id == "b")
    assert "Potosí" in latin.text and latin.published is None


def test_directory_without_articles(tmp_path):
    (tmp_path / "notes.md").write_text("x")
    problems: list[str] = []
    assert load_articles([tmp_path], on_problem=problems.append) == []
    assert "no *.txt" in problems[0]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_cleaner_and_recogniser_never_crash(gazetteer, raw):
    art = Article.from_text(raw)
    assert len(art.offsets) == len(art.text)
    assert all(0 <= o < len(raw) for o in art.offsets)
    assert art.offsets == sorted(art.offsets)
    for m in Toponymer(gazetteer).find(art):
        assert raw[m.start:m.end] == m.text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["El", "Alto", "La", "Paz", "\n\n", " ", "-", "[", "](#)", "Mesa", "said",
                                 "in", "Huayllani", ",", "Cochabamba", "’s", "U.S.", "“", "”", "Carlos"]),
                max_size=60))
def test_recogniser_on_name_soup(gazetteer, parts):
    raw = " ".join(parts)
    art = Article.from_text(raw)
    for m in Toponymer(gazetteer).find(art):
        assert raw[m.start:m.end] == m.text
