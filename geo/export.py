"""Exports for GIS tools: GeoJSON (RFC 7946), GeoPackage, CSV.

All writes are atomic: a temporary file beside the target, renamed when complete.

>>> import tempfile, pathlib, json
>>> from geo.dataset import build_dataset
>>> out = pathlib.Path(tempfile.mkdtemp()) / "incidents.geojson"
>>> _ = export(build_dataset(), out, "geojson")
>>> doc = json.loads(out.read_text())
>>> "crs" in doc, doc["features"][0]["geometry"]["type"]
(False, 'Point')
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

FORMATS = ("geojson", "gpkg", "csv")


def _atomic_target(path: Path):
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    os.unlink(tmp)  # GDAL wants to create the file itself
    return Path(tmp)


def export(dataset, path: str | Path, fmt: str | None = None) -> Path:
    """Write the dataset's incidents to ``path`` as ``fmt`` (default: from the suffix)."""
    from geo.records import write_incidents_csv

    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        write_incidents_csv(dataset.incidents, path)
        return path
    gdf = dataset.gdf
    tmp = _atomic_target(path)
    try:
        if fmt == "geojson":
            # RFC 7946: lon/lat WGS84, no "crs" member, 7 decimals at most.
            gdf.to_file(tmp, driver="GeoJSON", engine="pyogrio", RFC7946="YES", WRITE_NAME="NO")
        else:
            gdf.to_file(tmp, driver="GPKG", engine="pyogrio", layer="incidents")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        for leftover in (tmp, Path(str(tmp) + "-journal"), Path(str(tmp) + "-wal")):
            leftover.unlink(missing_ok=True)
    return path
