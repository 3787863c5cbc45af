"""Merging part by part (what a re-run with the cache does): the groups of merging all at once,
and a re-run groups again only the parts its new reports fall in."""

from __future__ import annotations

import hashlib
import json

import pytest

from geo.articles import load_articles
from geo.events.merge import group_reports
from geo.events.parts import grouped
from geo.pipeline import Run, incidents_of
from tests.scale_corpus import write_corpus


@pytest.fixture
def reports(tmp_path, gazetteer):
    from geo.pipeline.work import _geoparser, read_group

    articles = load_articles([write_corpus(tmp_path / "news", n=200, seed=11)], on_problem=lambda msg: None)
    out = []
    for a in articles:
        (res,) = read_group("reports", _geoparser("reports"), [a])
        out += res[3][1]
    return out


def _ids(groups):
    return [[id(r) for r in g] for g in groups]


def test_grouping_part_by_part_gives_the_groups_of_grouping_all_at_once(reports):
    ids = [hashlib.sha256(b"%d" % i).digest() for i in range(len(reports))]
    kept: dict = {}

    def known(keys):
        return {k: kept[k] for k in keys if k in kept}
    first, new = grouped(reports, ids, known)
    assert _ids(first) == _ids(group_reports(reports)) and len(new) > 1
    kept.update(new)
    again, none = grouped(reports, ids, known)
    assert _ids(again) == _ids(first) and none == []
    ids[5] = None  # a report of a result not kept: its part is grouped again, the others found
    third, one = grouped(reports, ids, known)
    assert _ids(third) == _ids(first) and one == []


def test_a_rerun_groups_again_only_the_parts_its_new_reports_fall_in(tmp_path, monkeypatch, gazetteer):
    import geo.events.parts as parts

    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "cache"))
    articles = load_articles([write_corpus(tmp_path / "news", n=120, seed=5)], on_problem=lambda msg: None)
    seen: list[int] = []
    group = parts.group_reports
    monkeypatch.setattr(parts, "group_reports", lambda reps: seen.append(len(reps)) or group(reps))
    incidents_of(articles[:-3], cache=True, places=False)
    every = sum(seen)  # nothing kept yet: every part grouped
    seen.clear()
    run = Run()
    cached = incidents_of(articles, cache=True, places=False, run=run)[1]
    assert run.read < 30 and 0 < sum(seen) < every / 3
    plain = incidents_of(articles, cache=False, places=False)[1]
    assert json.dumps([i.to_dict() for i in cached]) == json.dumps([i.to_dict() for i in plain])
