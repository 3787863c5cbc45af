"""Real folders of news: places without coordinates, odd files, clashing ids, long articles."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from hypothesis import given, settings
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


# -- folders: ids, odd entries, manifests, file names --------------------------------------

SACABA = "Police killed two people in Sacaba on Monday, Nov. 18, 2019."
MONTERO = "Police killed five people in Montero on Monday, Nov. 18, 2019."


def incidents_by_article(stdout: str) -> dict[str, str]:
    return {s["article"]: inc["location"] for inc in json.loads(stdout) for s in inc["sources"]}


def test_same_file_names_in_two_folders_keep_their_own_places(tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.txt").write_text(SACABA)
    (tmp_path / "b" / "story.txt").write_text(MONTERO)
    out = geo("extract", str(tmp_path / "a"), str(tmp_path / "b"), "--json")
    assert out.returncode == 0, out.stderr
    assert incidents_by_article(out.stdout) == {"a/story": "Sacaba", "b/story": "Montero"}
    assert "article id 'story' is shared by 2 articles" in out.stderr


def test_manifest_rows_sharing_an_id_stay_two_articles(tmp_path):
    (tmp_path / "one.txt").write_text(SACABA)
    (tmp_path / "two.txt").write_text(MONTERO)
    (tmp_path / "articles.csv").write_text("article_id,file,published\nx,one.txt,2019-11-19\nx,two.txt,2019-11-19\n")
    out = geo("extract", str(tmp_path), "--json")
    assert out.returncode == 0, out.stderr
    assert incidents_by_article(out.stdout) == {"x": "Sacaba", "x-2": "Montero"}
    assert "shared by 2 articles" in out.stderr


def test_entries_that_are_not_regular_files_are_skipped_and_named(tmp_path):
    import os

    folder = write_articles(tmp_path / "news", [SACABA, "x" * 3000])
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    (folder / ".hidden.txt").write_text(MONTERO)
    (folder / "inner").mkdir()
    (folder / "inner" / "deep.txt").write_text(MONTERO)
    out = geo("places", str(folder), "--json", "--max-size", "0.002")
    assert out.returncode == 0, out.stderr
    assert [a["article"] for a in json.loads(out.stdout)] == ["story0"]
    for name, why in [("loop.txt", "a symbolic link that loops"), ("pipe.txt", "a FIFO"),
                      ("zero.txt", "a character device"), ("gone.txt", "a symbolic link to nothing"),
                      ("story1.txt", "over the cap of 0.002 MB"), ("inner", "pass --recursive"),
                      (".hidden.txt", "a hidden file, not read")]:
        assert any(line.startswith("geo: warning: ") and name in line and why in line
                   for line in out.stderr.splitlines()), (name, out.stderr)
    deep = geo("places", str(folder), "--json", "--recursive")
    assert [a["article"] for a in json.loads(deep.stdout)] == ["story0", "story1", "deep"]


def test_a_manifest_geo_cannot_read_stops_the_run_naming_it(tmp_path):
    write_articles(tmp_path, [SACABA])
    manifest = tmp_path / "articles.csv"
    for content, why in [(b"\x00\x01PK\x03\x04binary", "a binary file"),
                         ("file,title\nstory0.txt,Caf\xe9\n".encode("cp1252"), "not valid UTF-8 (byte 25)"),
                         (b"<html><body>not a manifest</body></html>\n", "the header lacks the column 'file'")]:
        manifest.write_bytes(content)
        out = geo("places", str(tmp_path), "--json")
        assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
        assert f"geo: error: {manifest}: {why}" in out.stderr, out.stderr


def test_manifest_files_outside_the_folder_are_refused(tmp_path):
    (tmp_path / "secret.txt").write_text("The secret meeting in Oruro on Nov. 18, 2019.")
    folder = write_articles(tmp_path / "news", [SACABA])
    (folder / "articles.csv").write_text(
        f"article_id,file,date\nleak,../secret.txt,2019-11-19\nabs,{tmp_path / 'secret.txt'},2019-11-19\n"
        "ok,story0.txt,2019-11-19\n")
    out = geo("places", str(folder), "--json")
    assert out.returncode == 0, out.stderr
    assert [a["article"] for a in json.loads(out.stdout)] == ["ok"] and "Oruro" not in out.stdout
    assert "row 2: file '../secret.txt' is outside" in out.stderr and "row 3: file '/" in out.stderr
    assert "column 'date' is not one geo reads" in out.stderr and "did you mean 'published'?" in out.stderr


def test_file_names_that_are_not_utf8_reach_every_output(tmp_path):
    import os

    folder = tmp_path / "news"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "w") as fh:
        fh.write(SACABA)
    for args in (["extract", "--json", "-o", str(tmp_path / "out.json")],
                 ["build", "--no-curated", "-o", str(tmp_path / "map.html")],
                 ["export", "--no-curated", "-f", "gpkg", "-o", str(tmp_path / "out.gpkg")]):
        out = geo(args[0], str(folder), *args[1:])
        assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
        assert "the file name is not valid UTF-8; its article id is 'bad\ufffd'" in out.stderr
    assert incidents_by_article((tmp_path / "out.json").read_text()) == {"bad\ufffd": "Sacaba"}


def test_a_runaway_number_in_an_article_is_no_figure(tmp_path):
    folder = write_articles(tmp_path / "news", ["Police said 12345678901234567890 people were killed in Sacaba "
                                                "on Monday, Nov. 18, 2019, and 3 were injured."])
    out = geo("export", str(folder), "--no-curated", "-f", "gpkg", "-o", str(tmp_path / "out.gpkg"))
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    import pyogrio

    df = pyogrio.read_dataframe(tmp_path / "out.gpkg")
    assert df["injuries"].tolist() == [3] and df["fatalities"].tolist() == [0]


# -- what a hostile-input sweep found ----------------------------------------------------------

def test_a_renamed_id_never_takes_an_id_another_article_has(tmp_path):
    for name in ("a", "b", "c"):
        (tmp_path / name).mkdir()
    (tmp_path / "a" / "story.txt").write_text("Police killed two people in Sacaba on Nov. 18, 2019.")
    (tmp_path / "b" / "story.txt").write_text("Soldiers killed nine people in Senkata on Nov. 19, 2019.")
    (tmp_path / "c" / "other.txt").write_text("Police killed a man in Montero on Nov. 12, 2019.")
    (tmp_path / "c" / "articles.csv").write_text("article_id,file\na/story,other.txt\n")
    out = geo("extract", *(str(tmp_path / n) for n in "abc"), "--json")
    assert out.returncode == 0, out.stderr
    assert incidents_by_article(out.stdout) == {"a/story-2": "Sacaba", "b/story": "Senkata", "a/story": "Montero"}


def test_a_file_given_beside_its_folder_keeps_its_manifest_row(tmp_path):
    (tmp_path / "a.txt").write_text("Soldiers killed nine people in Senkata yesterday.")
    (tmp_path / "articles.csv").write_text("article_id,file,title,outlet,published\nS-1,a.txt,T,X,2019-11-20\n")
    out = geo("extract", str(tmp_path / "a.txt"), str(tmp_path), "--json")
    assert out.returncode == 0, out.stderr
    [inc] = json.loads(out.stdout)
    assert (inc["event_date"], inc["sources"][0]["article"], inc["sources"][0]["title"]) == ("2019-11-19", "S-1", "T")


def test_a_manifest_naming_a_column_twice_is_refused(tmp_path):
    write_articles(tmp_path, [SACABA])
    (tmp_path / "articles.csv").write_text("file,title,published,title\nstory0.txt,Real,2019-11-19,\n")
    out = geo("places", str(tmp_path), "--json")
    assert out.returncode == 1 and "column 'title' appears twice in the header" in out.stderr, out.stderr


def test_old_mac_line_endings_and_decomposed_accents_read_as_any_text(tmp_path):
    import unicodedata

    lf = "Bolivia\nNovember 20, 2019\nPolice killed six people in Potosí on Nov. 19. They marched in México.\n"
    (tmp_path / "lf.txt").write_text(lf)
    (tmp_path / "cr.txt").write_text(lf.replace("\n", "\r"), newline="")
    (tmp_path / "nfd.txt").write_text(unicodedata.normalize("NFD", lf))
    out = geo("extract", str(tmp_path), "--json")
    assert out.returncode == 0, out.stderr
    [inc] = json.loads(out.stdout)  # one event, told three times
    assert (inc["event_date"], inc["fatalities"], len(inc["sources"])) == ("2019-11-19", 6, 3)
    places = geo("places", str(tmp_path / "nfd.txt"), "--json")
    raw = (tmp_path / "nfd.txt").read_text()
    spans = {raw[m["start"]:m["end"]] for m in json.loads(places.stdout)[0]["mentions"]}
    assert unicodedata.normalize("NFD", "México") in spans and unicodedata.normalize("NFD", "Potosí") in spans


def test_utf16_articles_and_odd_file_names(tmp_path):
    (tmp_path / "u16.txt").write_bytes(SACABA.encode("utf-16"))
    (tmp_path / "two\nlines.txt").write_bytes(b"\x00binary")
    out = geo("places", str(tmp_path), "--json")
    assert out.returncode == 0, out.stderr
    assert [a["article"] for a in json.loads(out.stdout)] == ["u16"]
    assert all(line.startswith("geo: ") for line in out.stderr.splitlines()), out.stderr
    assert "two\\nlines.txt" in out.stderr


def test_dates_past_the_calendars_ends_are_no_dates(tmp_path):
    (tmp_path / "far.txt").write_text("November 20, 2019\n\nPolice killed two in Sacaba 3000000 days later. "
                                      "Nine died in Oruro " + "9" * 5000 + " days ago.")
    (tmp_path / "old.txt").write_text("Police killed two people in Sacaba yesterday.")
    for args in ([str(tmp_path / "far.txt")], [str(tmp_path / "old.txt"), "--published", "0001-01-01"],
                 [str(tmp_path / "old.txt"), "--published", "9999-12-31"]):
        out = geo("extract", *args, "--json")
        assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr


def test_size_caps_beyond_memory_and_folders_nested_deep(tmp_path):
    folder = write_articles(tmp_path / "news", [SACABA])
    for cap in ("inf", "30000"):
        out = geo("places", str(folder), "--max-size", cap, "--json")
        assert out.returncode == 0 and len(json.loads(out.stdout)) == 1, out.stderr
    deep = tmp_path / "deep"
    leaf = deep
    for _ in range(1000):  # deeper than Python's recursion limit
        leaf = leaf / "d"
        leaf.mkdir(parents=True)
    (leaf / "story.txt").write_text(MONTERO)
    try:
        out = geo("places", str(deep), "--recursive", "--json")
    finally:  # bottom up: shutil.rmtree (and pytest's cleanup of old runs) recurse, and would fail here
        (leaf / "story.txt").unlink()
        while leaf != deep:
            leaf.rmdir()
            leaf = leaf.parent
    assert out.returncode == 0 and [a["article"] for a in json.loads(out.stdout)] == ["story"], out.stderr[-500:]


def test_curated_files_that_never_end_or_nest_too_deep(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.csv")
    for bad, why in [(tmp_path / "pipe.csv", "a FIFO"), (Path("/dev/zero"), "a character device")]:
        out = geo("export", "--curated", str(bad), "-f", "csv", "-o", str(tmp_path / "o.csv"))
        assert out.returncode == 1 and f"geo: error: {bad}: {why}" in out.stderr, out.stderr
    header = ("incident_id,event_date,date_precision,event_type,sub_event_type,actor1,actor2,location,admin1,"
              "admin2,country,latitude,longitude,geo_precision,fatalities,injuries,arrests,sources,notes,status\n")
    row = 'x1,2019-11-19,day,Protests,Peaceful protest,,,La Paz,,,BO,-16.5,-68.15,1,0,,,"' + "[" * 1500 + "]" * 1500
    (tmp_path / "deep.csv").write_text(header + row + '",,reviewed\n')
    out = geo("export", "--curated", str(tmp_path / "deep.csv"), "-f", "csv", "-o", str(tmp_path / "o.csv"))
    assert out.returncode == 0 and "row 2, field sources: nested too deeply" in out.stderr, out.stderr

_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                     lambda kids: st.lists(kids) | st.dictionaries(st.text(), kids), max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(_JSON, max_size=4))
def test_the_json_array_written_is_json_dumps_text(items):
    # extract --json writes its incidents one at a time by its own encoder: json.dumps's text to the byte.
    import json

    from geo.cli_output import json_array

    assert "".join(json_array(items)) == json.dumps(items, ensure_ascii=False, indent=1)
