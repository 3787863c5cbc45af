"""Countries by ISO 3166 code: English name, alpha-3 and numeric codes (GeoNames' country
information, shipped as package data in ``geo/data/countries.csv``, built by
``scripts/build_countries.py``).

>>> country_name("BO"), country("US").iso_numeric, country_name("ZZ")
('Bolivia', 840, None)
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Country:
    """One country or territory."""

    iso2: str
    iso3: str
    iso_numeric: int
    name: str


@cache
def countries() -> dict[str, Country]:
    """Every country, by its alpha-2 code."""
    text = resources.files("geo").joinpath("data", "countries.csv").read_text(encoding="utf-8")
    return {r["iso2"]: Country(r["iso2"], r["iso3"], int(r["numeric"]), r["name"]) for r in csv.DictReader(io.StringIO(text))}


def country(iso2: str | None) -> Country | None:
    """The country with this alpha-2 code (any case), or None."""
    return countries().get(iso2.upper()) if iso2 else None


def country_name(iso2: str | None) -> str | None:
    """The English name of the country with this alpha-2 code, or None."""
    found = country(iso2)
    return found.name if found else None
