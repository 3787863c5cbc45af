"""Exports for GIS tools: GeoJSON (RFC 7946), GeoPackage, CSV, GeoParquet; geo's schema or ACLED's.

Every format gets the same typed table: dates are dates (a GeoPackage ``DATE`` column, ISO
text in GeoJSON and CSV), figures are integers whether or not a value is missing (nullable
``INTEGER`` columns, never REAL or TEXT), coordinates are the geometry (and columns in CSV).
A GeoPackage is written as version 1.2 (``application_id`` GPKG, ``user_version`` 10200),
which every GDAL since 2.0 opens without a warning (GDAL 3.6 warns about 1.4's), and names
its data's sources in its description.

Writes go through :mod:`geo.atomic`: a file is replaced atomically, ``-`` is standard
output, a FIFO or device is written through.

>>> import tempfile, pathlib, json
>>> from geo.dataset import build_dataset
>>> from geo.paths import DEMO_CURATED, SEEDS_DIR
>>> out = pathlib.Path(tempfile.mkdtemp()) / "incidents.geojson"
>>> _ = export(build_dataset([SEEDS_DIR], curated=DEMO_CURATED), out, "geojson")
>>> doc = json.loads(out.read_text())
>>> "crs" in doc, doc["features"][0]["geometry"]["type"]
(False, 'Point')
"""

from __future__ import annotations

import csv
import errno
import json
import os
import time
from pathlib import Path

from geo.atomic import atomic_write, output_path
from geo.records import COLUMNS, Incident, csv_safe

FORMATS = ("geojson", "gpkg", "csv", "parquet")
SCHEMAS = ("geo", "acled")
_INTEGERS = ("geo_precision", "fatalities", "injuries", "arrests", "n_sources")
# geo's own schema: the incident record's columns, and how many reports each incident has.
GEO_COLUMNS = [(name, "date" if name == "event_date" else "float" if name in ("latitude", "longitude")
                else "int" if name in _INTEGERS else "str") for name in COLUMNS + ["n_sources"]]
# RFC 7946: lon/lat WGS84, no "crs" member, 7 decimals at most.
_GDAL = {"geojson": {"driver": "GeoJSON", "layer_options": {"RFC7946": "YES", "WRITE_NAME": "NO"}},
         "gpkg": {"driver": "GPKG", "dataset_options": {"VERSION": "1.2"}}}
CREDITS = ("Incidents geocoded by geo with data from GeoNames (CC BY 4.0), Who's On First (CC0) and "
           "Natural Earth (public domain); see data/README.md.")


def columns(schema: str = "geo") -> list[tuple[str, str]]:
    """The export's (column, kind) pairs; kinds are str, int, float and date."""
    from geo.acled import ACLED_COLUMNS

    if schema not in SCHEMAS:
        raise ValueError(f"unknown export schema {schema!r}: use one of {', '.join(SCHEMAS)}")
    return ACLED_COLUMNS if schema == "acled" else GEO_COLUMNS


def rows(incidents: list[Incident], schema: str = "geo") -> list[dict]:
    """The incidents as the schema's rows (None for an unknown value; dates as ``date``)."""
    from geo.acled import acled_row

    if schema == "acled":
        now = int(time.time())
        return [acled_row(inc, now) for inc in incidents]
    out = []
    for inc in incidents:
        row = inc.to_dict()
        row["event_date"] = inc.event_date
        row["sources"] = json.dumps(row["sources"], ensure_ascii=False, separators=(",", ":"))
        row["n_sources"] = len(inc.sources)
        out.append(row)
    return out


def export(dataset, path: str | Path, fmt: str | None = None, schema: str = "geo") -> Path:
    """Write the dataset's incidents to ``path`` as ``fmt`` (default: from the suffix) in ``schema``."""
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    cols, table = columns(schema), rows(dataset.incidents, schema)
    if fmt == "csv":
        with atomic_write(path) as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow([name for name, _ in cols])
            for row in table:
                w.writerow([_cell(row[name]) for name, _ in cols])
        return Path(path)
    # GDAL (or Arrow) creates the file itself; the suffix spares the GPKG driver's warning about names.
    with output_path(path, suffix=f".{fmt}") as tmp:
        if fmt == "parquet":
            write_geoparquet(tmp, cols, table, [i.place for i in dataset.incidents])
        else:
            write_gdal(tmp, fmt, cols, table, [i.place for i in dataset.incidents])
    return Path(path)


def _cell(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return csv_safe(value)


def write_gdal(target: Path, fmt: str, cols: list[tuple[str, str]], table: list[dict], places) -> None:
    """One point layer ``incidents`` with typed fields: DATE, nullable INTEGER, REAL, TEXT."""
    import numpy as np
    import pyogrio.errors
    import pyogrio.raw
    import shapely

    from geo import __version__

    arrays: list = []
    masks: list = []  # per field: a mask of missing values, or None (NaN, NaT and None say it)
    for name, kind in cols:
        values = [row[name] for row in table]
        missing = np.array([v is None for v in values], dtype=bool)
        if kind == "int":
            arrays.append(np.array([0 if v is None else v for v in values], dtype=np.int64))
            masks.append(missing)
        elif kind == "float":
            arrays.append(np.array([np.nan if v is None else v for v in values], dtype=np.float64))
            masks.append(None)
        elif kind == "date":
            arrays.append(np.array([v.isoformat() if v is not None else "NaT" for v in values], dtype="datetime64[D]"))
            masks.append(None)
        else:
            arrays.append(np.array(values, dtype=object))
            masks.append(None)
    geometry = np.array([shapely.to_wkb(shapely.Point(p.lon, p.lat)) if p is not None else None for p in places],
                        dtype=object)
    options = _GDAL[fmt]
    metadata = {"layer_metadata": {"DESCRIPTION": f"{CREDITS} geo {__version__}."}} if fmt == "gpkg" else {}
    try:
        pyogrio.raw.write(str(target), geometry, arrays, [name for name, _ in cols], field_mask=masks, layer="incidents",
                          driver=options["driver"], geometry_type="Point", crs="EPSG:4326",
                          dataset_options=options.get("dataset_options"), layer_options=options.get("layer_options"),
                          **metadata)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, pyogrio.errors.FieldError) as exc:
        raise _gdal_failure(target, exc) from exc


def write_geoparquet(target: Path, cols: list[tuple[str, str]], table: list[dict], places) -> None:
    """GeoParquet 1.0 (WKB points, lon/lat WGS84), typed as the other formats: ``date32`` dates,
    nullable ``int64`` counts; the file's metadata names its data's sources (``geo:credits``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    import shapely
    from pyproj import CRS

    from geo import __version__

    kinds = {"int": pa.int64(), "float": pa.float64(), "date": pa.date32(), "str": pa.string()}
    arrays = [pa.array([row[name] for row in table], type=kinds[kind]) for name, kind in cols]
    wkb = [shapely.to_wkb(shapely.Point(p.lon, p.lat)) if p is not None else None for p in places]
    arrays.append(pa.array(wkb, type=pa.binary()))
    lons = [p.lon for p in places if p is not None]
    lats = [p.lat for p in places if p is not None]
    geo_meta = {"version": "1.0.0", "primary_column": "geometry", "columns": {"geometry": {
        "encoding": "WKB", "geometry_types": ["Point"], "crs": CRS("OGC:CRS84").to_json_dict(),  # lon/lat WGS84
        **({"bbox": [min(lons), min(lats), max(lons), max(lats)]} if lons else {})}}}
    schema = pa.schema([pa.field(name, kinds[kind]) for name, kind in cols] + [pa.field("geometry", pa.binary())],
                       metadata={"geo": json.dumps(geo_meta), "geo:credits": f"{CREDITS} geo {__version__}."})
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema), target)


def _gdal_failure(tmp: Path, exc: Exception) -> OSError:
    """GDAL's error as an OSError; GDAL hides errno, so a full disk is recognised by its free space."""
    try:
        st = os.statvfs(tmp.parent)
        full = st.f_bavail * st.f_frsize < 1 << 20
    except OSError:
        full = False
    if full:
        return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
    return OSError(errno.EIO, f"GDAL: {reason if len(reason) < 160 else '…' + reason[-120:]}")
