"""The geo command as a user runs it: real processes, exit codes, stdout vs stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import KANSAS_PAPER, ROOT, km


def geo(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


def test_geocode_prints_the_place():
    out = geo("geocode", "Huayllani, Cochabamba", "--json")
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout)
    assert km(r["lat"], r["lon"], -17.3964, -66.0570) < 5 and r["country"] == "BO"
    assert r["alternatives"] and all("score" in a for a in r["alternatives"])


def test_geocode_country_option():
    out = geo("geocode", "Santa Cruz", "--country", "bo")
    assert out.returncode == 0 and out.stdout.startswith("Santa Cruz de la Sierra (Santa Cruz, BO)")


@pytest.mark.parametrize("query", ["", "   "])
def test_blank_query_exits_1(query):
    out = geo("geocode", query)
    assert out.returncode == 1 and "empty place name" in out.stderr and out.stdout == ""


def test_unknown_name_exits_1_with_suggestions():
    out = geo("geocode", "Cochabamb")
    assert out.returncode == 1
    assert "not found" in out.stderr and "Cochabamba" in out.stderr and out.stdout == ""


def test_usage_errors_exit_2():
    assert geo("geocode", "x", "--country", "BOL").returncode == 2
    assert geo("geocode").returncode == 2
    assert geo("no-such-command").returncode == 2


@pytest.mark.parametrize("cmd", [[], ["geocode"]])
def test_help_has_examples(cmd):
    out = geo(*cmd, "--help")
    assert out.returncode == 0 and "Examples" in out.stdout and "geo geocode" in out.stdout


def test_places_json_contract():
    out = geo("places", "seeds", "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert [d["article"] for d in doc] == sorted(d["article"] for d in doc) and len(doc) == 5
    keys = {"text", "start", "end", "name", "lat", "lon", "country", "admin1", "feature", "gazetteer_id", "score",
            "in_title", "fuzzy"}
    for d in doc:
        assert d["published"] and all(set(m) == keys for m in d["mentions"])
    senkata = [m for d in doc for m in d["mentions"] if m["text"] == "Senkata"]
    assert senkata and km(senkata[0]["lat"], senkata[0]["lon"], -16.5805, -68.1915) < 5


def test_places_reports_bad_files_and_keeps_going(tmp_path):
    (tmp_path / "a.txt").write_text("Police fired on marchers in El Alto.")
    out = geo("places", str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"), "--published", "2019-11-19",
              "--json", "-o", str(tmp_path / "out.json"))
    assert out.returncode == 0 and "missing.txt" in out.stderr
    doc = json.loads((tmp_path / "out.json").read_text())
    assert doc[0]["published"] == "2019-11-19" and doc[0]["mentions"][0]["name"] == "El Alto"
    assert geo("places", str(tmp_path / "missing.txt")).returncode == 1  # nothing named is there: bad input
    assert geo("places", "seeds", "--published", "19-11-2019").returncode == 2


def write_articles(folder, texts):
    """Article files 0.txt, 1.txt, ... holding ``texts``; their paths."""
    for i, t in enumerate(texts):
        (folder / f"{i}.txt").write_text(t)
    return [str(folder / f"{i}.txt") for i in range(len(texts))]


def test_places_outlet_gives_local_articles_a_home(tmp_path):
    files = write_articles(tmp_path, KANSAS_PAPER + ["Manhattan police said the suspect fled."])

    def manhattan(*extra):
        out = geo("places", *files, "--published", "2009-03-20", "--json", *extra)
        assert out.returncode == 0, out.stderr
        return next(m for d in json.loads(out.stdout) if d["article"] == "3" for m in d["mentions"])

    assert manhattan()["admin1"] == "New York"
    assert manhattan("--outlet", "The Mercury")["admin1"] == "Kansas"


def test_extract_and_export_take_the_outlet_too(tmp_path):
    files = write_articles(tmp_path, KANSAS_PAPER + ["Police arrested three protesters in Manhattan on Friday."])

    def arrests(*extra):
        out = geo("extract", *files, "--published", "2009-03-20", "--json", *extra)
        assert out.returncode == 0, out.stderr
        return next(i for i in json.loads(out.stdout) if i["arrests"] == 3)

    assert arrests()["admin1"] == "New York"
    assert arrests("--outlet", "The Mercury")["admin1"] == "Kansas"
    out = geo("export", *files, "--no-curated", "--published", "2009-03-20", "--outlet", "The Mercury",
              "--format", "geojson", "-o", str(tmp_path / "out.geojson"))
    assert out.returncode == 0, out.stderr
    feats = json.loads((tmp_path / "out.geojson").read_text())["features"]
    lon, lat = next(f["geometry"]["coordinates"] for f in feats if f["properties"]["arrests"] == 3)
    assert km(lat, lon, 39.18, -96.57) < 15  # Manhattan, Kansas


def test_extract_json_and_csv(tmp_path):
    out = geo("extract", "seeds", "--json")
    assert out.returncode == 0, out.stderr
    incs = json.loads(out.stdout)
    senkata = [i for i in incs if i["location"] == "Senkata"]
    assert len(senkata) == 1 and len(senkata[0]["sources"]) == 2 and senkata[0]["event_date"] == "2019-11-19"
    assert all({"article", "quote", "start", "end", "fatalities", "injuries", "arrests"} <= set(s)
               for i in incs for s in i["sources"])
    out = geo("extract", "seeds", "--csv", "-o", str(tmp_path / "i.csv"))
    assert out.returncode == 0
    header = (tmp_path / "i.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("incident_id,event_date,date_precision,event_type")
    assert geo("extract", "seeds", "--csv", "--json").returncode == 2


def test_build_and_export_commands(tmp_path):
    out = geo("build", "--since", "2019-11-15", "--until", "2019-11-16", "-o", str(tmp_path / "m.html"))
    assert out.returncode == 0, out.stderr
    html = (tmp_path / "m.html").read_text(encoding="utf-8")
    assert "<script src=" not in html and "stylesheet" not in html  # nothing loaded from elsewhere
    out = geo("export", "--format", "geojson", "--until", "2019-11-15", "-o", str(tmp_path / "e.geojson"))
    assert out.returncode == 0, out.stderr
    dates = {f["properties"]["event_date"] for f in json.loads((tmp_path / "e.geojson").read_text())["features"]}
    assert dates and max(dates) <= "2019-11-15"
    assert geo("export", "--format", "shp", "-o", str(tmp_path / "x.shp")).returncode == 2
    assert geo("build", "--since", "2019-11-20", "--until", "2019-11-01").returncode == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("incident_id,event_date,event_type,location\nz1,2019-13-01,Protests,La Paz\n")
    out = geo("export", "--format", "csv", "--curated", str(bad), "-o", str(tmp_path / "o.csv"))
    assert out.returncode == 0 and "row 2" in out.stderr and "event_date" in out.stderr


def test_quiet_prints_only_warnings_and_errors_and_help_summaries_are_whole(tmp_path):
    loud = geo("extract", "seeds", "--json", "-o", str(tmp_path / "a.json"))
    quiet = geo("-q", "extract", "seeds", "--json", "-o", str(tmp_path / "b.json"))
    assert loud.returncode == quiet.returncode == 0 and "incident(s) from" in loud.stderr
    assert quiet.stderr == "" and (tmp_path / "a.json").read_text() == (tmp_path / "b.json").read_text()
    warned = geo("-q", "places", "seeds", str(tmp_path / "missing.txt"), "--json")
    assert warned.returncode == 0 and [line.split(":")[1] for line in warned.stderr.splitlines()] == [" warning"]
    listing = subprocess.run([sys.executable, "-m", "geo", "--help"], capture_output=True, text=True, cwd=ROOT,
                             timeout=60, env={**os.environ, "COLUMNS": "80"}).stdout
    commands = listing.split("Commands:")[1]
    assert "Extract incidents, one per event, each source kept." in commands and "..." not in commands
