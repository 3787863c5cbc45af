"""The per-article result cache: a re-run reads only what changed, and never uses a stale result."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import date

import pytest

from geo.articles import Article, load_articles
from geo.pipeline import Run, incidents_of, places_doc
from tests.scale_corpus import write_corpus


@pytest.fixture
def articles(tmp_path, monkeypatch, gazetteer):
    # The results file in a folder of its own; the gazetteer (opened first) keeps the shared index.
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "cache"))
    return load_articles([write_corpus(tmp_path / "news", n=60, seed=3)], on_problem=lambda msg: None)


def _incidents(articles, **how) -> tuple[Run, str]:
    run = Run()
    found, incidents = incidents_of(articles, run=run, **how)
    return run, json.dumps([i.to_dict() for i in incidents]) + json.dumps(
        {k: [m.to_dict() for m in v] for k, v in found.items()})


def test_a_rerun_reads_only_new_articles_and_gives_the_same(articles):
    first, plain = _incidents(articles, cache=True)
    assert (first.read, first.cached) == (60, 0)
    again, cached = _incidents(articles, cache=True)
    assert (again.read, again.cached) == (0, 60) and cached == plain
    new = [Article.from_text(f"A man was shot in Oruro on Tuesday. Case {k}.", article_id=f"new{k}") for k in range(10)]
    more, _ = _incidents(articles + new, cache=True)
    assert (more.read, more.cached) == (10, 60)
    assert _incidents(articles + new, cache=False)[1] == _incidents(articles + new, cache=True)[1]


def test_a_changed_article_is_read_again_alone_when_its_outlet_evidence_stays(articles):
    _incidents(articles, cache=True)
    loose = next(i for i, a in enumerate(articles) if not a.outlet)
    changed = list(articles)
    changed[loose] = replace(articles[loose], raw=articles[loose].raw + " Police fired on protesters in Sacaba.")
    run, out = _incidents(changed, cache=True)
    assert run.read == 1 and out == _incidents(changed, cache=False)[1]
    local = next(i for i, a in enumerate(articles) if a.outlet)
    outlet = [a for a in articles if a.outlet == articles[local].outlet]
    assert len(outlet) > 3
    changed[local] = replace(articles[local], title="Another title")  # its outlet's home and senses stay
    run, out = _incidents(changed, cache=True)
    assert run.read == 1 and out == _incidents(changed, cache=False)[1]


_TOWN_TALK = ["A man was shot in Alexandria, La., on Tuesday.", "Police arrested two men in Pineville on Monday.",
              "Alexandria, La., mourns a teacher.", "A fire in Pineville on Friday.", "Manhattan was quiet on Sunday."]


def _outlet_stories(texts: list[str]) -> list[Article]:
    return [Article.from_text(t, article_id=f"tt{k}", outlet="The Town Talk", published=date(2020, 3, 2))
            for k, t in enumerate(texts)]


def test_a_new_story_that_gives_its_outlet_a_home_reads_the_outlet_again(tmp_path, monkeypatch, gazetteer):
    from geo.geoparse.outlets import outlet_homes
    from geo.pipeline.work import _geoparser

    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "cache"))
    two, three = _outlet_stories(_TOWN_TALK[:2]), _outlet_stories(_TOWN_TALK[:3])
    g = _geoparser("incidents")
    assert not outlet_homes(two, {a.article_id: g.find(a) for a in two}, g.names)  # two stories: no home
    assert _incidents(two, cache=True)[0].read == 2
    run, out = _incidents(three, cache=True)  # the third gives it one (Alexandria): every story read with it
    assert run.read == 3 and out == _incidents(three, cache=False)[1]
    run, out = _incidents(_outlet_stories(_TOWN_TALK[:4]), cache=True)  # a fourth at home: only it is read
    assert run.read == 1 and out == _incidents(_outlet_stories(_TOWN_TALK[:4]), cache=False)[1]
    everything = _outlet_stories(_TOWN_TALK)
    run, out = _incidents(everything, cache=True)
    assert run.read == 1 and out == _incidents(everything, cache=False)[1]
    assert _incidents(everything, cache=True)[0].read == 0


def test_a_changed_code_version_reads_everything(articles, monkeypatch):
    places = places_doc(articles, cache=True)
    run = Run()
    assert places_doc(articles, cache=True, run=run) == places and run.read == 0
    monkeypatch.setattr("geo.pipeline.cache.code_version", lambda: "another version")
    run = Run()
    assert places_doc(articles, cache=True, run=run) == places and run.read == 60
    run = Run()
    places_doc(articles, demonyms=True, cache=True, run=run)  # other options: other results
    assert run.read == 60


def test_a_damaged_cache_file_is_started_afresh(articles, tmp_path):
    (tmp_path / "cache").mkdir(exist_ok=True)
    (tmp_path / "cache" / "results.sqlite").write_bytes(b"not a database" * 100)
    run, out = _incidents(articles, cache=True)
    assert run.read == 60 and out == _incidents(articles)[1]
    assert _incidents(articles, cache=True)[0].read == 0


def test_the_code_version_covers_the_word_lists(tmp_path):
    # A changed word list (the given names) changes results as a changed module does.
    from geo.pipeline.cache import version_of

    root = tmp_path / "geo"
    (root / "data").mkdir(parents=True)
    (root / "stage.py").write_text("RULE = 1\n")
    (root / "data" / "given_names.txt").write_text("ann\n")
    first = version_of(root, "gazetteer-1.sqlite")
    (root / "data" / "given_names.txt").write_text("ann\nbob\n")
    assert version_of(root, "gazetteer-1.sqlite") != first
    assert version_of(root, "gazetteer-2.sqlite") != version_of(root, "gazetteer-1.sqlite")


def test_a_source_carried_to_a_cluster_is_keyed_by_the_bytes_it_carries(tmp_path):
    # Carried, its file is read once: the key is made from the bytes carried (the same key as the
    # file's), so it is cached even if the file is gone from here by then.
    from geo.articles import article_sources
    from geo.pipeline.cache import source_key

    (tmp_path / "a.txt").write_text("A man was shot in Dayton, Ohio, on Sunday.", encoding="utf-8")
    (source,) = article_sources([tmp_path])
    carried = source.carried()
    (tmp_path / "a.txt").unlink()
    assert source_key(source) is None and source_key(carried) is not None
    (tmp_path / "a.txt").write_text("A man was shot in Dayton, Ohio, on Sunday.", encoding="utf-8")
    assert source_key(carried) == source_key(source)


def test_a_rerun_that_finds_everything_leaves_the_file_as_it_was_but_marks_old_entries_used(articles, tmp_path):
    # Found entries are marked used (old versions' entries go GEO_INDEX_KEEP_DAYS after their last
    # use), but not at every run: a re-run of 10,000 articles spent 0.24 s rewriting every mark.
    import sqlite3

    _incidents(articles, cache=True)
    path = tmp_path / "cache" / "results.sqlite"
    before = path.read_bytes()
    assert _incidents(articles, cache=True)[0].read == 0 and path.read_bytes() == before
    with sqlite3.connect(path) as db:
        db.execute("UPDATE results SET used = used - 2 * 86400")
    assert _incidents(articles, cache=True)[0].read == 0
    with sqlite3.connect(path) as db:
        now = time.time()  # the marks are Unix seconds
        ages = [now - used for (used,) in db.execute("SELECT used FROM results")]
    assert sum(age < 3600 for age in ages) > 60  # the entries this run used: marked again


def test_a_new_story_that_changes_neither_home_nor_senses_is_read_once(tmp_path, monkeypatch, gazetteer):
    # Its evidence and its result in one reading (the outlet's home and senses guessed from its known
    # stories' evidence and its own): it was read for its evidence, then again for its result.
    from geo.geoparse import Geoparser

    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "cache"))
    assert _incidents(_outlet_stories(_TOWN_TALK[:3]), cache=True)[0].read == 3
    readings: list[str] = []
    recognise = Geoparser.recognise
    monkeypatch.setattr(Geoparser, "recognise", lambda self, art, *a, **k: readings.append(art.article_id)
                        or recognise(self, art, *a, **k))
    four = _outlet_stories(_TOWN_TALK[:4])
    run, out = _incidents(four, cache=True)
    assert run.read == 1 and readings == ["tt3"]
    assert out == _incidents(four, cache=False)[1]


def test_a_rerun_that_reads_a_few_articles_starts_no_process(tmp_path, monkeypatch, gazetteer):
    # Two processes cost a second of both cores (beside this one's hashing of every file): more than
    # they save on the 150 articles a re-run after 1 % new ones reads. A first run starts them.
    from geo.pipeline.execute import LocalPool

    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "cache"))
    articles = load_articles([write_corpus(tmp_path / "news", n=150, seed=4)], on_problem=lambda msg: None)
    started: list[int] = []
    get = LocalPool.get
    monkeypatch.setattr(LocalPool, "get", lambda self: started.append(self.workers) or get(self))
    first, plain = _incidents(articles[:-40], cache=True, workers=2)
    assert first.read == 110 and started
    started.clear()
    run, out = _incidents(articles, cache=True, workers=2)  # two tasks or more, of 16 articles or more
    assert 40 <= run.read < 100 and not started
    assert out == _incidents(articles, cache=False, workers=2)[1]


def test_the_merge_runs_without_cyclic_collection_and_leaves_it_on(articles, monkeypatch):
    # Python's full collections went through every article's results again while the merge made its
    # groups (0.3 s of 0.7 s at 10,100 articles); they are on again afterwards.
    import gc

    import geo.events

    seen: list[bool] = []
    merge = geo.events.merge_reports
    monkeypatch.setattr(geo.events, "merge_reports", lambda *a, **k: seen.append(gc.isenabled()) or merge(*a, **k))
    assert gc.isenabled()
    _incidents(articles, cache=True)
    assert seen == [False] and gc.isenabled()
