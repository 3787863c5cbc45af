"""Real folders of news: places without coordinates, odd files, clashing ids, long articles."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from geo.articles import Article
from geo.incidents import extract_incidents
from tests.conftest import ROOT

STREET_STORIES = ["A man was shot and killed on Firelight Lane on Monday, police said.",
                  "A woman was killed on Firelight Lane on Monday night."]


def geo(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300, env={"PYTHONPATH": str(ROOT), **__import__("os").environ})


def write_articles(folder: Path, texts: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"story{i}.txt").write_text(text, encoding="utf-8")
    return folder


def test_unresolved_streets_merge_by_name_and_never_with_a_point():
    arts = [Article.from_text(t, article_id=f"a{i}", published=date(2019, 11, 20))
            for i, t in enumerate(STREET_STORIES + ["Two people were killed in Sacaba on Monday."])]
    incidents = extract_incidents(arts)
    street = [i for i in incidents if i.location == "Firelight Lane"]
    assert len(street) == 1 and len(street[0].sources) == 2
    assert street[0].latitude is None and street[0].geo_precision is None
    assert street[0].event_date == date(2019, 11, 18)
    sacaba = [i for i in incidents if i.location == "Sacaba"]
    assert len(sacaba) == 1 and sacaba[0].latitude is not None and sacaba[0].geo_precision == 1


def test_unresolved_incidents_reach_every_export_and_the_map(tmp_path):
    folder = write_articles(tmp_path / "news", STREET_STORIES)
    for fmt in ("csv", "geojson", "gpkg"):
        out = geo("export", str(folder), "--published", "2019-11-20", "--no-curated", "-f", fmt,
                  "-o", str(tmp_path / f"out.{fmt}"))
        assert out.returncode == 0, out.stderr
        assert "unresolved place" in out.stderr
    rows = list(csv.DictReader(open(tmp_path / "out.csv", encoding="utf-8")))
    assert [(r["location"], r["latitude"], json.loads(r["sources"])[1]["article"]) for r in rows] == \
        [("Firelight Lane", "", "story1")]
    feature = json.loads((tmp_path / "out.geojson").read_text())["features"][0]
    assert feature["geometry"] is None and feature["properties"]["location"] == "Firelight Lane"
    out = geo("build", str(folder), "--published", "2019-11-20", "--no-curated", "-o", str(tmp_path / "m.html"))
    assert out.returncode == 0, out.stderr


@given(spans=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=12),
       pos=st.integers(-2, 95), width=st.integers(0, 9))
def test_span_index_answers_as_a_scan_of_every_span(spans, pos, width):
    from geo.spans import SpanIndex

    spans = [(s, s + n) for s, n in spans]
    index = SpanIndex(spans)
    assert index.holds(pos) == any(s < pos < e for s, e in spans)
    assert index.meets(pos, pos + width) == any(s < pos + width and pos < e for s, e in spans)
