"""What a GIS or ACLED user sees in the exports: ACLED's columns and codes (--schema acled),
typed GeoPackage columns (DATE, nullable INTEGER), a GeoPackage version GDAL 3.6 reads
without a warning, and geo's own schema with n_sources in CSV too."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import subprocess
import sys
import time

import pyogrio
import pytest

from tests.conftest import ROOT
from tests.own_articles import LEKKI_ID, QUITO_ID, write_articles

ACLED = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
         "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
         "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
         "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]
# The analyst's reviewed record of the Lekki shooting, with ACLED's actor names.
REVIEWED = ("incident_id,event_date,date_precision,event_type,sub_event_type,actor1,actor2,location,admin1,country,"
            "latitude,longitude,geo_precision,fatalities,status\n"
            f"{LEKKI_ID},2020-10-20,day,Protests,Excessive force against protesters,Military Forces of Nigeria (2015-),"
            "Protesters (Nigeria),Lekki,Lagos,NG,6.44632,3.47717,1,12,reviewed\n")


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    """Every format in both schemas, exported once from the two articles and the reviewed record."""
    tmp = tmp_path_factory.mktemp("exports")
    mine = write_articles(tmp / "mine")
    (tmp / "reviewed.csv").write_text(REVIEWED, encoding="utf-8")
    out = {}
    for schema in ("geo", "acled"):
        for fmt in ("csv", "gpkg", "geojson", "parquet"):
            path = tmp / f"{schema}.{fmt}"
            run = subprocess.run([sys.executable, "-m", "geo", "export", str(mine), "--curated", str(tmp / "reviewed.csv"),
                                  "--schema", schema, "-f", fmt, "-o", str(path)], capture_output=True, text=True, cwd=ROOT,
                                 timeout=300)
            assert run.returncode == 0 and run.stderr == f"geo: 2 incident(s) written to {path}\n", run.stderr
            out[schema, fmt] = path
    return out


def csv_rows(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_acled_csv_has_acleds_columns_in_order_filled_where_known(exports):
    rows = csv_rows(exports["acled", "csv"])
    assert list(rows[0]) == ACLED
    quito, lekki = rows
    assert {k: lekki[k] for k in ACLED if k not in ("notes", "timestamp")} == {
        "event_id_cnty": LEKKI_ID, "event_date": "2020-10-20", "year": "2020", "time_precision": "1",
        "disorder_type": "Political violence; Demonstrations", "event_type": "Protests",
        "sub_event_type": "Excessive force against protesters", "actor1": "Military Forces of Nigeria (2015-)",
        "assoc_actor_1": "", "inter1": "1", "actor2": "Protesters (Nigeria)", "assoc_actor_2": "", "inter2": "6",
        "interaction": "16", "civilian_targeting": "", "iso": "566", "region": "Western Africa", "country": "Nigeria",
        "admin1": "Lagos", "admin2": "", "admin3": "", "location": "Lekki", "latitude": "6.44632", "longitude": "3.47717",
        "geo_precision": "1", "source": "Shooting at Lekki", "source_scale": "", "fatalities": "12", "tags": ""}
    assert lekki["notes"].startswith("LAGOS, Nigeria — Soldiers opened fire on protesters")
    assert abs(int(lekki["timestamp"]) - time.time()) < 600
    assert (quito["event_id_cnty"], quito["iso"], quito["country"], quito["region"], quito["fatalities"]) == \
        (QUITO_ID, "218", "Ecuador", "South America", "0")
    # Extracted actors, as ACLED names them: tear gas at a march is a protest with intervention.
    assert (quito["sub_event_type"], quito["actor1"], quito["inter1"], quito["actor2"], quito["inter2"],
            quito["interaction"]) == ("Protest with intervention", "Protesters (Ecuador)", "6", "Police Forces of Ecuador",
                                      "1", "16")
    assert (quito["assoc_actor_1"], quito["admin2"]) == ("", "")  # not known: empty


def test_geo_csv_keeps_geos_columns_and_gains_n_sources(exports):
    rows = csv_rows(exports["geo", "csv"])
    assert list(rows[0])[-3:] == ["notes", "status", "n_sources"] and "injuries" in rows[0] and "arrests" in rows[0]
    assert [(r["incident_id"], r["status"], r["injuries"], r["arrests"], r["n_sources"]) for r in rows] == \
        [(QUITO_ID, "extracted", "20", "", "1"), (LEKKI_ID, "reviewed", "", "", "1")]


def declared_types(path) -> dict[str, str]:
    with sqlite3.connect(path) as db:
        return {name: kind for _, name, kind, *_ in db.execute('PRAGMA table_info("incidents")')}


@pytest.mark.parametrize("schema", ["geo", "acled"])
def test_geopackage_types_what_a_gis_user_filters_on(exports, schema):
    path = exports[schema, "gpkg"]
    with sqlite3.connect(path) as db:
        # GeoPackage 1.2: GDAL 3.6 warns only on files newer than 1.3.
        assert db.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47  # "GPKG"
        assert db.execute("PRAGMA user_version").fetchone()[0] == 10200
        [description] = db.execute("SELECT description FROM gpkg_contents WHERE table_name = 'incidents'").fetchone()
        assert "GeoNames (CC BY 4.0)" in description and "Natural Earth" in description
    types = declared_types(path)
    counts = ("fatalities", "injuries", "arrests") if schema == "geo" else ("fatalities", "iso", "inter1", "timestamp")
    assert types["event_date"] == "DATE" and all(types[c] == "INTEGER" for c in counts), types
    info = pyogrio.read_info(path, layer="incidents")
    ogr = dict(zip(info["fields"], info["ogr_types"]))
    assert ogr["event_date"] == "OFTDate" and ogr["fatalities"] == "OFTInteger64"
    with sqlite3.connect(path) as db:
        if schema == "geo":  # arrests: all unknown, still INTEGER (NULL), not TEXT
            got = db.execute("SELECT incident_id, event_date, fatalities, injuries, arrests, n_sources FROM incidents "
                             "ORDER BY event_date").fetchall()
            # Lekki: the reviewed record, which absorbed the article's report (its one source)
            assert got == [(QUITO_ID, "2019-10-08", 0, 20, None, 1), (LEKKI_ID, "2020-10-20", 12, None, None, 1)]
        else:
            got = db.execute("SELECT event_id_cnty, event_date, year, time_precision, iso, inter1, inter2, interaction, "
                             "admin3 FROM incidents ORDER BY event_date").fetchall()
            assert got == [(QUITO_ID, "2019-10-08", 2019, 1, 218, 6, 1, 16, None),
                           (LEKKI_ID, "2020-10-20", 2020, 1, 566, 1, 6, 16, None)]
    df = pyogrio.read_dataframe(path)
    assert str(df["event_date"].dtype).startswith("datetime64") and len(df) == 2


def test_acled_geojson_properties_are_acleds(exports):
    doc = json.loads(exports["acled", "geojson"].read_text(encoding="utf-8"))
    assert "crs" not in doc
    quito, lekki = (f["properties"] for f in doc["features"])
    assert list(lekki) == ACLED
    assert (lekki["event_date"], lekki["iso"], lekki["inter1"], lekki["interaction"], lekki["admin3"]) == \
        ("2020-10-20", 566, 1, 16, None)
    assert quito["inter1"] == 6 and quito["admin2"] is None and quito["fatalities"] == 0
    assert doc["features"][1]["geometry"]["coordinates"] == [3.47717, 6.44632]


def test_an_unknown_schema_is_a_usage_error():
    out = subprocess.run([sys.executable, "-m", "geo", "export", "seeds", "--schema", "ucdp", "-f", "csv", "-o", "-"],
                         capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 2 and out.stderr == "geo: error: --schema must be one of geo, acled, not 'ucdp'\n"


@pytest.mark.skipif(shutil.which("ogrinfo") is None, reason="needs GDAL's ogrinfo (Debian: apt-get install gdal-bin)")
def test_ogrinfo_of_the_systems_gdal_reads_the_geopackage_without_a_warning(exports):
    out = subprocess.run(["ogrinfo", "-so", str(exports["geo", "gpkg"]), "incidents"], capture_output=True, text=True,
                         timeout=60)
    fields = dict(line.split(": ", 1) for line in out.stdout.splitlines() if ": " in line and "(" in line)
    assert out.returncode == 0 and "Warning" not in out.stderr + out.stdout, out.stderr
    assert fields["event_date"].startswith("Date") and fields["fatalities"].startswith("Integer")
    assert fields["injuries"].startswith("Integer") and fields["arrests"].startswith("Integer")


def test_geoparquet_reads_back_in_geopandas_typed_with_the_same_rows_and_its_credits(exports):
    import geopandas as gpd
    import pyarrow.parquet as pq

    for schema in ("geo", "acled"):
        path = exports[schema, "parquet"]
        got, same = gpd.read_parquet(path), gpd.read_file(exports[schema, "gpkg"])
        key = "incident_id" if schema == "geo" else "event_id_cnty"
        assert sorted(got[key]) == sorted(same[key]) == sorted([QUITO_ID, LEKKI_ID])
        assert got.crs is not None and got.crs.equals("OGC:CRS84")
        lekki = got.set_index(key).loc[LEKKI_ID]
        assert (lekki.geometry.x, lekki.geometry.y) == (3.47717, 6.44632) and lekki["fatalities"] == 12
        schema_ = pq.read_schema(path)
        assert str(schema_.field("event_date").type) == "date32[day]" and str(schema_.field("fatalities").type) == "int64"
        assert b"GeoNames (CC BY 4.0)" in schema_.metadata[b"geo:credits"]
