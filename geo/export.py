"""Exports for GIS tools: GeoJSON (RFC 7946), GeoPackage, CSV.

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

import errno
import os
from pathlib import Path

from geo.atomic import output_path

FORMATS = ("geojson", "gpkg", "csv")
# RFC 7946: lon/lat WGS84, no "crs" member, 7 decimals at most.
_GDAL = {"geojson": {"driver": "GeoJSON", "RFC7946": "YES", "WRITE_NAME": "NO"},
         "gpkg": {"driver": "GPKG", "layer": "incidents"}}


def export(dataset, path: str | Path, fmt: str | None = None) -> Path:
    """Write the dataset's incidents to ``path`` as ``fmt`` (default: from the suffix)."""
    import pyogrio.errors

    from geo.records import write_incidents_csv

    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "csv":
        write_incidents_csv(dataset.incidents, path)
        return Path(path)
    gdf = dataset.gdf
    # GDAL creates the file itself; the suffix spares us the GPKG driver's warning about names.
    with output_path(path, suffix=f".{fmt}") as tmp:
        try:
            gdf.to_file(tmp, engine="pyogrio", **_GDAL[fmt])
        except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
            raise _gdal_failure(tmp, exc) from exc
    return Path(path)


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
