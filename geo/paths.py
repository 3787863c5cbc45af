"""Where geo finds its shipped data and keeps its caches.

The gazetteer, the basemap's boundaries and the map's web assets are package data
(``geo/data/``, ``geo/static/``), read through :mod:`importlib.resources`, so an installed
wheel finds them as a checkout does. The seed articles and their curated records are not
part of the package: only the command line, run in a checkout, offers them as its demo
(:func:`checkout_demo`); library functions are given their paths.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path


def package_dir(*parts: str) -> Path:
    """A folder of geo's package data as a file system path (``geo/data/gazetteer``, ...).

    geo reads its data with SQLite and GDAL, which need real files: a geo imported from a
    zip archive is refused with a message rather than half working.
    """
    where = files("geo").joinpath(*parts)
    if not isinstance(where, Path):
        raise RuntimeError(f"geo's package data ({'/'.join(parts)}) is not on the file system ({where!r}): "
                           "install geo as a regular (unzipped) package")
    return where


GAZETTEER_DIR = package_dir("data", "gazetteer")
BOUNDARIES_DIR = package_dir("data", "boundaries")
STATIC_DIR = package_dir("static")

# A source checkout: the folder above the package, when it holds the project (not site-packages).
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
DEMO_CURATED = PROJECT_ROOT / "data" / "incidents.csv"


def checkout_demo() -> tuple[Path, Path] | None:
    """The seeds demo of a source checkout: (the seeds folder, its curated records), else None.

    >>> demo = checkout_demo()
    >>> demo is None or (demo[0].name, demo[1].name) == ("seeds", "incidents.csv")
    True
    """
    if (PROJECT_ROOT / "pyproject.toml").is_file() and (SEEDS_DIR / "articles.csv").is_file() and DEMO_CURATED.is_file():
        return SEEDS_DIR, DEMO_CURATED
    return None


def cache_dir() -> Path:
    """The folder for caches geo rebuilds at will (gazetteer index, online answers).

    ``$GEO_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/geo``, else ``~/.cache/geo``.
    """
    from geo.options import options

    if (chosen := options.cache_dir) is not None:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"  # the XDG convention, not geo's own
    return Path(base) / "geo"
