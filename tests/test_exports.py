"""Exports a GIS tool opens as is: GeoJSON (RFC 7946), GeoPackage, CSV; with date filters."""

from __future__ import annotations

import csv
import json
import re
from datetime import date

import jsonschema
import pandas as pd
import pyogrio
import pytest

from geo.dataset import build_dataset
from geo.export import export
from geo.paths import DEMO_CURATED, SEEDS_DIR
from geo.records import COLUMNS
from tests.conftest import ROOT, km

SCHEMA = json.loads((ROOT / "tests/schemas/geojson-rfc7946.json").read_text())


@pytest.fixture(scope="module")
def dataset():
    return build_dataset([SEEDS_DIR], curated=DEMO_CURATED)


def test_geojson_is_rfc7946(dataset, tmp_path):
    path = export(dataset, tmp_path / "incidents.geojson")
    text = path.read_text(encoding="utf-8")
    doc = json.loads(text)
    jsonschema.validate(doc, SCHEMA)
    assert "crs" not in doc
    decimals = [len(d) for d in re.findall(r"-?\d+\.(\d+)", json.dumps([f["geometry"] for f in doc["features"]]))]
    assert max(decimals) <= 7
    senkata = next(f for f in doc["features"] if f["properties"]["location"] == "Senkata")
    lon, lat = senkata["geometry"]["coordinates"]
    assert km(lat, lon, -16.5805, -68.1915) < 5  # lon/lat order
    assert senkata["properties"]["event_date"] == "2019-11-19"
    sources = senkata["properties"]["sources"]  # GDAL writes the JSON text as a native array
    sources = json.loads(sources) if isinstance(sources, str) else sources
    assert {s["article"]: s["fatalities"] for s in sources}["004_26b54f6d74c6cf47"] == 8


def test_geojson_reads_back_with_pyogrio(dataset, tmp_path):
    path = export(dataset, tmp_path / "incidents.geojson")
    df = pyogrio.read_dataframe(path)
    assert len(df) == len(dataset.incidents)
    assert df.crs.to_epsg() == 4326
    mine = {i.incident_id: i for i in dataset.incidents}
    for _, row in df.iterrows():
        inc = mine[row["incident_id"]]
        assert str(row["event_date"])[:10] == inc.event_date.isoformat()
        assert (pd.isna(row["fatalities"]) if inc.fatalities is None else row["fatalities"] == inc.fatalities)
        assert row["event_type"] == inc.event_type and row["location"] == inc.location
        assert abs(row.geometry.x - inc.longitude) < 1e-6 and abs(row.geometry.y - inc.latitude) < 1e-6


def test_geopackage_reads_back(dataset, tmp_path):
    path = export(dataset, tmp_path / "incidents.gpkg")
    assert pyogrio.list_layers(path)[0][0] == "incidents"
    df = pyogrio.read_dataframe(path, layer="incidents")
    assert len(df) == len(dataset.incidents) and df.crs.to_epsg() == 4326
    assert set(df["incident_id"]) == {i.incident_id for i in dataset.incidents}


def test_csv_has_the_schema(dataset, tmp_path):
    path = export(dataset, tmp_path / "incidents.csv")
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    assert list(rows[0]) == COLUMNS + ["n_sources"] and len(rows) == len(dataset.incidents)
    assert [int(r["n_sources"]) for r in rows] == [len(json.loads(r["sources"])) for r in rows]


def test_date_filters(tmp_path):
    ds = build_dataset([SEEDS_DIR], curated=DEMO_CURATED, since=date(2019, 11, 15), until=date(2019, 11, 16))
    assert ds.incidents and all(date(2019, 11, 15) <= i.event_date <= date(2019, 11, 16) for i in ds.incidents)
    doc = json.loads(export(ds, tmp_path / "f.geojson").read_text())
    assert {f["properties"]["event_date"] for f in doc["features"]} <= {"2019-11-15", "2019-11-16"}


def test_failed_export_leaves_the_old_file(dataset, tmp_path, monkeypatch):
    path = tmp_path / "incidents.geojson"
    path.write_text("old")
    import pyogrio.raw

    def broken(filename, *args, **kwargs):
        open(filename, "w").write('{"type": "FeatureCollection", "features": [')  # half written
        raise OSError("disk full")

    monkeypatch.setattr(pyogrio.raw, "write", broken)
    with pytest.raises(OSError):
        export(dataset, path)
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["incidents.geojson"]


def test_unknown_format(dataset, tmp_path):
    with pytest.raises(ValueError, match="geojson, gpkg, csv"):
        export(dataset, tmp_path / "x.shp")
