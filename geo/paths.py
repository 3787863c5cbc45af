"""Where geo finds its shipped data and keeps its caches."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
BOUNDARIES_DIR = DATA_DIR / "boundaries"
SEEDS_DIR = PROJECT_ROOT / "seeds"


def cache_dir() -> Path:
    """The folder for caches geo rebuilds at will (gazetteer index, online answers).

    ``$GEO_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/geo``, else ``~/.cache/geo``.
    """
    if env := os.environ.get("GEO_CACHE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "geo"
