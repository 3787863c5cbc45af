"""Shared test setup: an isolated cache directory and helpers that measure distance."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Tests never touch the user's ~/.cache; the gazetteer index is built once here and reused.
os.environ.setdefault("GEO_CACHE_DIR", str(ROOT / ".cache" / "geo-test"))
os.environ.pop("GEO_ONLINE", None)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (independent of geo's own helper)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@pytest.fixture(scope="session")
def gazetteer():
    from geo.gazetteer import default_gazetteer

    return default_gazetteer()


# Three articles of a Kansas paper that place it around Manhattan, Kansas (outlet tests).
KANSAS_PAPER = ["Flooding closed roads in Junction City, Kan., and Wamego, Kan.",
                "Riley County commissioners met in Manhattan, Kan., on Monday.",
                "A Wamego man was arrested in Junction City, Kan."]


# The map's browser tests: one Chromium and one seeds page per test module.
@pytest.fixture(scope="module")
def browser():
    from geo.mapping.browser import launch

    with launch() as b:
        yield b


@pytest.fixture(scope="module")
def seeds_map(tmp_path_factory):
    from geo.dataset import build_dataset
    from geo.mapping import save_map
    from geo.paths import DEMO_CURATED, SEEDS_DIR

    return save_map(build_dataset([SEEDS_DIR], curated=DEMO_CURATED), tmp_path_factory.mktemp("map") / "seeds.html")
