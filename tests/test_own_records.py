"""A user's own articles: curated records only when asked (--curated, repeatable), and the
review loop (extract to CSV, mark rows reviewed or rejected, build with the file)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

from tests.conftest import ROOT
from tests.own_articles import LEKKI_ID, QUITO_ID, map_incidents, write_articles


def geo(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    out = subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True, cwd=cwd, timeout=300)
    assert "Traceback" not in out.stderr, out.stderr
    return out


def rows(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_users_folder_gets_only_its_own_incidents(tmp_path):
    mine = write_articles(tmp_path / "mine")
    out = geo("build", str(mine), "-o", str(tmp_path / "m.html"))
    assert out.returncode == 0, out.stderr
    assert "map of 2 incident(s) from 2 article(s)" in out.stderr
    assert sorted(map_incidents((tmp_path / "m.html").read_text())) == [QUITO_ID, LEKKI_ID]
    out = geo("export", str(mine), "-f", "csv", "-o", str(tmp_path / "m.csv"))
    assert out.returncode == 0, out.stderr
    assert [r["incident_id"] for r in rows(tmp_path / "m.csv")] == [QUITO_ID, LEKKI_ID]


def test_curated_files_are_added_when_asked_and_the_option_repeats(tmp_path):
    mine = write_articles(tmp_path / "mine")
    header = "incident_id,event_date,event_type,sub_event_type,location,country,latitude,longitude,status\n"
    (tmp_path / "a.csv").write_text(header + "EC-a,2019-10-09,Protests,Peaceful protest,Guayaquil,EC,-2.19,-79.89,reviewed\n")
    (tmp_path / "b.csv").write_text(header + "NG-b,2020-10-22,Protests,Peaceful protest,Abuja,NG,9.06,7.49,reviewed\n")
    out = geo("export", str(mine), "--curated", str(tmp_path / "a.csv"), "--curated", str(tmp_path / "b.csv"),
              "-f", "csv", "-o", str(tmp_path / "out.csv"))
    assert out.returncode == 0, out.stderr
    got = {r["incident_id"]: r["status"] for r in rows(tmp_path / "out.csv")}
    assert got == {QUITO_ID: "extracted", "EC-a": "reviewed", LEKKI_ID: "extracted", "NG-b": "reviewed"}
    out = geo("build", str(mine), "--curated", str(tmp_path / "a.csv"), "--no-curated", "-o", str(tmp_path / "m.html"))
    assert out.returncode == 2 and out.stderr.startswith("geo: error: --no-curated and --curated contradict")
    out = geo("build", str(mine), "--curated", str(tmp_path / "nope.csv"), "-o", str(tmp_path / "m.html"))
    assert out.returncode == 1 and out.stderr == f"geo: error: --curated {tmp_path / 'nope.csv'}: no such curated records file\n"
    assert not (tmp_path / "m.html").exists()


def test_the_review_loop(tmp_path):
    """extract --csv, reject one row, correct and review the other, build and export with the file."""
    mine = write_articles(tmp_path / "mine")
    review = tmp_path / "review.csv"
    out = geo("extract", str(mine), "--csv", "-o", str(review))
    assert out.returncode == 0, out.stderr
    extracted = rows(review)
    assert [(r["incident_id"], r["status"]) for r in extracted] == [(QUITO_ID, "extracted"), (LEKKI_ID, "extracted")]
    # The analyst: Quito is not an incident to keep; Lekki is, with the toll the analyst checked.
    quito, lekki = extracted
    quito["status"] = "rejected"
    lekki.update(status="reviewed", fatalities="13", actor1="Military Forces of Nigeria", actor2="Protesters (Nigeria)")
    with open(review, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(extracted[0]))
        w.writeheader()
        w.writerows([quito, lekki])

    out = geo("build", str(mine), "--curated", str(review), "-o", str(tmp_path / "m.html"))
    assert out.returncode == 0, out.stderr
    assert "map of 1 incident(s) from 2 article(s)" in out.stderr
    assert map_incidents((tmp_path / "m.html").read_text()) == {
        LEKKI_ID: {"status": "reviewed", "location": "Lekki", "fatalities": 13}}

    out = geo("export", str(mine), "--curated", str(review), "-f", "csv", "-o", str(tmp_path / "out.csv"))
    assert out.returncode == 0, out.stderr
    [row] = rows(tmp_path / "out.csv")
    assert (row["incident_id"], row["status"], row["fatalities"], row["actor1"]) == \
        (LEKKI_ID, "reviewed", "13", "Military Forces of Nigeria")
    sources = json.loads(row["sources"])
    assert [(s["article"], s["fatalities"]) for s in sources] == [("lagos", 12)]  # the article's own figure kept

    # The next round: the reviewed row stands, the rejected one stays in the file (and off the map).
    out = geo("extract", str(mine), "--curated", str(review), "--csv", "-o", str(tmp_path / "round2.csv"))
    assert out.returncode == 0, out.stderr
    assert [(r["incident_id"], r["status"], r["fatalities"]) for r in rows(tmp_path / "round2.csv")] == \
        [(LEKKI_ID, "reviewed", "13"), (QUITO_ID, "rejected", "0")]


def test_rows_left_extracted_are_not_used_and_counted(tmp_path):
    mine = write_articles(tmp_path / "mine")
    review = tmp_path / "review.csv"
    assert geo("extract", str(mine), "--csv", "-o", str(review)).returncode == 0
    out = geo("export", str(mine), "--curated", str(review), "-f", "csv", "-o", str(tmp_path / "out.csv"))
    assert out.returncode == 0, out.stderr
    assert f"geo: warning: {review}: 2 row(s) with status 'extracted' not used" in out.stderr
    assert [(r["incident_id"], r["status"]) for r in rows(tmp_path / "out.csv")] == \
        [(QUITO_ID, "extracted"), (LEKKI_ID, "extracted")]  # once each: the articles' extraction


def test_a_bad_status_is_named_by_file_row_and_field(tmp_path):
    mine = write_articles(tmp_path / "mine")
    review = tmp_path / "review.csv"
    assert geo("extract", str(mine), "--csv", "-o", str(review)).returncode == 0
    text = review.read_text(encoding="utf-8")
    review.write_text(text.replace(",extracted\n", ",ok\n", 1).replace(",extracted\n", ",Rejected\n"), encoding="utf-8")
    out = geo("export", str(mine), "--curated", str(review), "-f", "csv", "-o", str(tmp_path / "out.csv"))
    assert out.returncode == 0, out.stderr
    assert f"geo: warning: {review}, row 2, field status: 'ok' is not one of extracted, reviewed, rejected" in out.stderr
    # "Rejected" as a spreadsheet capitalises it is rejected: Lekki is left out.
    assert [r["incident_id"] for r in rows(tmp_path / "out.csv")] == [QUITO_ID]
