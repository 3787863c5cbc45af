"""A curated incidents CSV with problems, as a user meets it: ``geo export`` / ``geo build
--curated FILE``, the messages on stderr, the exit status and the exported file.

Good rows are used (exit 0, a warning per bad row naming file, row and field, and a count
of the rows kept out); a file that cannot be used at all is an error (exit 1).
"""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys

import pyogrio
import pytest

from geo.records import COLUMNS
from tests.conftest import ROOT

HEADER = ",".join(COLUMNS)


def row(incident_id: str, **cells: str) -> str:
    """A valid curated row (a protest in La Paz), with some cells replaced."""
    values = {"incident_id": incident_id, "event_date": "2019-11-19", "date_precision": "day",
              "event_type": "Protests", "sub_event_type": "Peaceful protest", "location": "La Paz",
              "country": "BO", "latitude": "-16.5", "longitude": "-68.15", "fatalities": "0", "sources": "[]",
              "status": "reviewed", **cells}
    return ",".join(values.get(c, "") for c in COLUMNS)


def write(tmp_path, *rows: str, name: str = "curated.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def geo(*args: str) -> subprocess.CompletedProcess:
    out = subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True, cwd=ROOT,
                         timeout=300, check=False)
    # Every line a user sees on stderr is geo's own, never a Python traceback.
    assert "Traceback" not in out.stderr and all(line.startswith("geo: ") for line in out.stderr.splitlines()), \
        out.stderr
    return out


def export_csv(tmp_path, curated) -> tuple[subprocess.CompletedProcess, dict[str, dict]]:
    """Run ``geo export --format csv --curated FILE``; the exported rows by incident id."""
    target = tmp_path / "out.csv"
    out = geo("export", "--curated", str(curated), "--format", "csv", "-o", str(target))
    text = target.read_text(encoding="utf-8") if target.exists() else ""
    rows = {r["incident_id"]: r for r in csv.DictReader(io.StringIO(text, newline=""))}
    return out, rows


def warned(out, path, number: int, field: str | None = None) -> str:
    """The warning about row ``number`` (and ``field``), asserting there is exactly one."""
    head = f"geo: warning: {path}, row {number}" + (f", field {field}" if field else "")
    lines = [line for line in out.stderr.splitlines() if line.startswith(head) and line[len(head)] in ":,"]
    assert len(lines) == 1, out.stderr
    return lines[0]


def kept_out(out, path, bad: int, total: int) -> None:
    assert f"geo: warning: {path}: {bad} of {total} row(s) kept out (see above)" in out.stderr.splitlines(), \
        out.stderr


# -- quoting -------------------------------------------------------------------------------

@pytest.mark.parametrize("later", [
    row("x4"),                                                       # the quote runs on to the end of the file
    row("x4", sources='"[{""article"":""a1"",""quote"":""q""}]"'),  # a later quoted field ends it
    row("x4", notes='a 12"'),                                        # a stray quote closes it cleanly
], ids=["to-eof", "closed-by-quoted-field", "closed-cleanly"])
def test_unterminated_quote_keeps_the_row_out_and_the_rows_after_it(tmp_path, later):
    path = write(tmp_path, row("x1"), row("x2", notes='"Marchers blocked the road'), row("x3"), later)
    out, rows = export_csv(tmp_path, path)
    assert out.returncode == 0
    assert "quote" in warned(out, path, 3, "notes")
    kept_out(out, path, 1, 4)
    assert {"x1", "x3", "x4"} <= set(rows) and "x2" not in rows
    assert not any("\n" in r["notes"] for r in rows.values())


def test_text_after_a_closing_quote_names_its_field(tmp_path):
    path = write(tmp_path, row("x1"), row("x2", notes='"blocked" the road'), row("x3"))
    out, rows = export_csv(tmp_path, path)
    assert out.returncode == 0 and "closing quote" in warned(out, path, 3, "notes")
    kept_out(out, path, 1, 3)
    assert {"x1", "x3"} <= set(rows) and "x2" not in rows


def test_extra_values_keep_the_row_out(tmp_path):
    path = write(tmp_path, row("x1"), row("x2") + ",surplus", row("x3"))
    out, rows = export_csv(tmp_path, path)
    assert out.returncode == 0 and "'surplus'" in warned(out, path, 3)
    kept_out(out, path, 1, 3)
    assert {"x1", "x3"} <= set(rows) and "x2" not in rows


# -- the file as a whole ---------------------------------------------------------------------

def test_windows_1252_file_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "cp1252.csv"
    path.write_bytes("\n".join([HEADER, row("x1"), row("x2", notes="Peña – roadblock")]).encode("cp1252") + b"\n")
    out, rows = export_csv(tmp_path, path)
    assert out.returncode == 0
    assert f"geo: warning: {path}, line 3: not valid UTF-8" in out.stderr and "Windows-1252" in out.stderr
    assert rows["x2"]["notes"] == "Peña – roadblock"


@pytest.mark.parametrize("content,words", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
    (HEADER.encode("utf-16"), "UTF-16"),
    (b"", "empty file"),
    (b"incident_id\x81\x8d", "neither UTF-8 nor Windows-1252"),
], ids=["png", "utf-16", "empty", "undecodable"])
def test_unusable_file_is_an_error_naming_it(tmp_path, content, words):
    path = tmp_path / "incidents.csv"
    path.write_bytes(content)
    out = geo("export", "--curated", str(path), "--format", "csv", "-o", str(tmp_path / "out.csv"))
    assert out.returncode == 1 and out.stderr.startswith(f"geo: error: {path}: ") and words in out.stderr
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("command", ["export", "build"])
def test_a_directory_as_the_curated_file_is_an_error(tmp_path, command):
    args = ["--format", "csv", "-o", str(tmp_path / "out.csv")] if command == "export" else \
        ["-o", str(tmp_path / "map.html")]
    out = geo(command, "--curated", str(tmp_path), *args)
    assert out.returncode == 1 and out.stderr == f"geo: error: {tmp_path}: is a directory, not a CSV file of incidents\n"


# -- cells ----------------------------------------------------------------------------------

@pytest.mark.parametrize("sources,words", [
    ('"[{""article"":""a1"",""quote"":""q"",""fatalities"":NaN}]"', "NaN"),
    ('"[{""article"":""a1"",""quote"":""q"",""injuries"":Infinity}]"', "Infinity"),
    ('"[{""article"":5,""quote"":""q""}]"', "article"),
    ('"[{""article"":""a1"",""quote"":""q"",""fatalities"":1e23}]"', "fatalities"),
    ('"[{""article"":""a1"",""quote"":""q"",""arrests"":true}]"', "arrests"),
    ('"{""article"":""a1""}"', "JSON list"),
], ids=["nan", "infinity", "article-number", "figure-1e23", "figure-true", "not-a-list"])
def test_bad_sources_json_keeps_the_row_out(tmp_path, sources, words):
    path = write(tmp_path, row("x1"), row("x2", sources=sources))
    out, rows = export_csv(tmp_path, path)
    assert out.returncode == 0 and words in warned(out, path, 3, "sources")
    kept_out(out, path, 1, 2)
    assert "x1" in rows and "x2" not in rows


def test_three_letter_country_code_keeps_the_row_out(tmp_path):
    path = write(tmp_path, row("x1"), row("x2", country="BOL"))
    out, rows = export_csv(tmp_path, path)
    assert out.returncode == 0 and "alpha-2" in warned(out, path, 3, "country")
    kept_out(out, path, 1, 2)
    assert rows["x1"]["country"] == "BO" and "x2" not in rows


def test_bad_figures_are_kept_out_and_figure_columns_stay_integers(tmp_path):
    path = write(tmp_path, row("x1"), row("x2", fatalities="1e23"), row("x3", fatalities="1" + "0" * 23),
                 row("x4", injuries="2.5"), row("x5", arrests="-1"), row("x6", fatalities="", arrests="12"))
    target = tmp_path / "out.gpkg"
    out = geo("export", "--curated", str(path), "--format", "gpkg", "-o", str(target))
    assert out.returncode == 0
    for number, field in [(3, "fatalities"), (4, "fatalities"), (5, "injuries"), (6, "arrests")]:
        warned(out, path, number, field)
    kept_out(out, path, 4, 6)
    types = dict(sqlite3.connect(target).execute("SELECT name, type FROM pragma_table_info('incidents')").fetchall())
    assert {types[c] for c in ("fatalities", "injuries", "arrests", "geo_precision")} == {"INTEGER"}
    info = pyogrio.read_info(target, layer="incidents")
    assert {dt for f, dt in zip(info["fields"], info["dtypes"]) if f in ("fatalities", "injuries", "arrests")} == \
        {"int64"}
    df = pyogrio.read_dataframe(target, layer="incidents")
    assert {"x1", "x6"} <= set(df["incident_id"]) and not {"x2", "x3", "x4", "x5"} & set(df["incident_id"])
    assert df.set_index("incident_id").loc["x6", "arrests"] == 12


def test_csv_export_figures_are_whole_numbers(tmp_path):
    path = write(tmp_path, row("x1", injuries="3"), row("x2", fatalities="100000000000000000000000"))
    out, rows = export_csv(tmp_path, path)
    assert out.returncode == 0 and "implausibly large" in warned(out, path, 3, "fatalities")
    assert "x2" not in rows
    for r in rows.values():
        assert all(r[c] == "" or r[c].isdigit() for c in ("fatalities", "injuries", "arrests")), r
    assert rows["x1"]["injuries"] == "3"


def test_build_uses_the_good_rows_of_a_file_with_bad_ones(tmp_path):
    path = write(tmp_path, row("x1"), row("x2", notes='"never closed'), row("x3", country="BOL"), row("x4"))
    out = geo("build", "--curated", str(path), "-o", str(tmp_path / "map.html"))
    assert out.returncode == 0 and (tmp_path / "map.html").exists()
    warned(out, path, 3, "notes")
    warned(out, path, 4, "country")  # read again on its own after the runaway quote of row 3
    kept_out(out, path, 2, 4)
