"""Curated incident records: validation, unresolved places, the GeoDataFrame join."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest

from geo.dataset import build_dataset, reconcile
from geo.lookup import geocode
from geo.paths import DEMO_CURATED, SEEDS_DIR
from geo.place import Place
from geo.records import COLUMNS, RecordError, load_incidents, to_geodataframe
from tests.conftest import km

HEADER = ",".join(COLUMNS)
GOOD = "x1,2019-11-19,day,Protests,Peaceful protest,,,La Paz,,,BO,,,,0,,,[],,reviewed"


def write(tmp_path, *rows):
    p = tmp_path / "incidents.csv"
    p.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return p


def test_shipped_curated_records_load_clean():
    problems: list[str] = []
    incs = load_incidents(DEMO_CURATED, on_problem=problems.append, geocode=geocode)
    assert problems == [] and len(incs) == 10
    assert all(i.status == "reviewed" and i.resolved and i.sources for i in incs)
    senkata = next(i for i in incs if i.location == "Senkata")
    assert km(senkata.latitude, senkata.longitude, -16.5805, -68.1915) < 5 and senkata.fatalities == 8
    assert {s.article: s.fatalities for s in senkata.sources} == {"001_a9ffa14dafb5799f": 1, "004_26b54f6d74c6cf47": 8}


@pytest.mark.parametrize("row,field,words", [
    ("x2,19/11/2019,day,Protests,,,,La Paz,,,BO,,,,0,,,[],,reviewed", "event_date", "not a date"),
    ("x2,2019-11-19,day,Parade,,,,La Paz,,,BO,,,,0,,,[],,reviewed", "event_type", "unknown type"),
    ("x2,2019-11-19,day,Protests,Sit-in,,,La Paz,,,BO,,,,0,,,[],,reviewed", "sub_event_type", "not a sub-type"),
    ("x2,2019-11-19,day,Protests,,,,La Paz,,,BO,,,,-3,,,[],,reviewed", "fatalities", "negative"),
    ("x2,2019-11-19,day,Protests,,,,La Paz,,,BO,95,-68,,0,,,[],,reviewed", "latitude", "out of range"),
    ("x2,2019-11-19,fortnight,Protests,,,,La Paz,,,BO,,,,0,,,[],,reviewed", "date_precision", "not one of"),
    ("x1,2019-11-19,day,Protests,,,,La Paz,,,BO,,,,0,,,[],,reviewed", "incident_id", "duplicate"),
])
def test_bad_rows_are_reported_by_file_row_and_field(tmp_path, row, field, words):
    path = write(tmp_path, GOOD, row)
    problems: list[str] = []
    incs = load_incidents(path, on_problem=problems.append, geocode=geocode)
    assert [i.incident_id for i in incs] == ["x1"]
    assert len(problems) == 2 and problems[1] == f"{path}: 1 of 2 row(s) kept out (see above)"
    assert str(path) in problems[0] and "row 3" in problems[0] and f"field {field}" in problems[0]
    assert words in problems[0]


def test_unknown_place_is_kept_unresolved_and_listed(tmp_path):
    path = write(tmp_path, GOOD, "x3,2019-11-19,day,Protests,,,,Villa Inexistente,,,BO,,,,0,,,[],,reviewed")
    problems: list[str] = []
    incs = load_incidents(path, on_problem=problems.append, geocode=geocode)
    assert [i.incident_id for i in incs] == ["x1", "x3"]
    assert incs[0].resolved and km(incs[0].latitude, incs[0].longitude, -16.5, -68.15) < 10
    assert not incs[1].resolved and "Villa Inexistente" in problems[0] and "unresolved" in problems[0]
    gdf = to_geodataframe(incs)
    assert len(gdf) == 2 and gdf.geometry.iloc[1] is None


def test_missing_required_column_is_an_error(tmp_path):
    p = tmp_path / "i.csv"
    p.write_text("incident_id,location\nx,La Paz\n")
    with pytest.raises(RecordError, match="event_date"):
        load_incidents(p)


def test_geodataframe_of_the_seeds():
    ds = build_dataset([SEEDS_DIR], curated=DEMO_CURATED)
    gdf = ds.gdf
    assert gdf.crs.to_epsg() == 4326 and len(gdf) == len(ds.incidents) == gdf["incident_id"].nunique()
    assert set(gdf.geometry.geom_type) == {"Point"}
    assert set(COLUMNS) <= set(gdf.columns)
    row = gdf[gdf["location"] == "Huayllani"].iloc[0]
    assert km(row.geometry.y, row.geometry.x, -17.3964, -66.0570) < 5
    assert row["geo_precision"] == 1 and json.loads(row["sources"])[0]["article"]


def test_reviewed_records_absorb_extracted_duplicates():
    ds = build_dataset([SEEDS_DIR], curated=DEMO_CURATED)
    # 10 reviewed events; of the 11 the seeds yield, only the vague "towns surrounding La Paz"
    # report is not among them and joins as extracted.
    assert sorted(i.status for i in ds.incidents) == ["extracted"] + ["reviewed"] * 10
    assert [i.location for i in ds.incidents if i.status == "extracted"] == ["La Paz"]
    senkata = [i for i in ds.incidents if km(i.latitude, i.longitude, -16.5805, -68.1915) < 10
               and i.event_date == date(2019, 11, 19) and i.sub_event_type == "Excessive force against protesters"]
    assert len(senkata) == 1 and senkata[0].status == "reviewed"
    assert {s.article for s in senkata[0].sources} == {"001_a9ffa14dafb5799f", "004_26b54f6d74c6cf47"}


def test_reconcile_adds_new_sources_to_the_reviewed_record():
    reviewed = load_incidents(DEMO_CURATED, geocode=geocode)
    huayllani = next(i for i in reviewed if i.location == "Huayllani")
    huayllani.sources = huayllani.sources[:1]  # as if the curator had read one article only
    extracted = build_dataset([SEEDS_DIR]).incidents
    merged = reconcile(reviewed, extracted)
    assert len([i for i in merged if i.location == "Huayllani"]) == 1
    assert len(huayllani.sources) == 3


def test_csv_output_is_safe_against_formulas(tmp_path):
    from geo.records import Incident, Source, write_incidents_csv
    inc = Incident("=cmd", date(2019, 11, 19), "day", "Protests", "Peaceful protest", "@SUM(A1)",
                   place=Place("x", -16.5, -68.15), sources=[Source("a", "+1 quote")], notes="-danger")
    path = tmp_path / "out.csv"
    write_incidents_csv([inc], path)
    with open(path, encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["incident_id"] == "'=cmd" and row["location"] == "'@SUM(A1)" and row["notes"] == "'-danger"
    assert row["longitude"] == "-68.15"


def test_a_source_as_json_has_every_field_in_order():
    # Source.to_dict names its fields (faster than dataclasses.asdict): a field added must be written too.
    from dataclasses import astuple, fields

    from geo.records import Source

    src = Source("a1", "Two were shot.", 3, 17, 1, 1, None, "Title", "Outlet")
    assert list(src.to_dict()) == [f.name for f in fields(Source)]
    assert list(src.to_dict().values()) == list(astuple(src))
