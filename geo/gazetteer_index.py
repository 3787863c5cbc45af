"""The gazetteer's SQLite index: compiled once from the shipped files, then only read.

``build_index`` merges ``places.tsv.gz`` with the curated ``supplement.csv`` (new places and
overrides) and the ``areas.geojson`` outlines, ranks every place by its static prominence
and writes one row per name it goes by. The index is named after a hash of its sources and
of the ranking (``sources_hash``), so a change of either builds a new one.
"""

from __future__ import annotations

from collections import Counter
import csv
import gzip
import hashlib
import json
import math
import os
import re
import sqlite3
from pathlib import Path
from typing import Any

from geo.errors import GazetteerError
from geo.normalize import normalize_name, spelling
from geo.tempfiles import temp_name

INDEX_FORMAT = "16"
SOURCE_FILES = ("places.tsv.gz", "supplement.csv", "areas.geojson")

COUNTRY_CODES = {"PCLI", "PCLD", "PCLS", "PCLF", "PCLIX", "PCL", "TERR"}
_FEATURE_WEIGHT = {
    "PPLC": 90, "PPLG": 90, "ADM1": 70, "RGN": 75, "CONT": 150, "PPLA": 50, "PPLA2": 45,
    "PPLA3": 42, "PPLA4": 42, "PPL": 40, "PPLX": 38, "INDS": 35, "ADM2": 35,
    "PPLQ": 5, "PPLH": 5, "PPLW": 5, "PPLL": 30,
}
# Words that name a kind of place: "Cochabamba Department", "Provincia de Chapare".
ADMIN_WORDS = r"department|departamento|province|provincia|state|estado|region|región|county|district|municipality|municipio"
TYPE_AFTER = re.compile(rf"^(?P<name>.+?)\s+(?P<kind>{ADMIN_WORDS})$")
TYPE_BEFORE = re.compile(rf"^(?P<kind>{ADMIN_WORDS})\s+(?:of\s+|de\s+|del\s+)?(?P<name>.+)$")


def feature_class(code: str, population: int = 0) -> str:
    """The plain word for a GeoNames feature code.

    >>> feature_class("PCLI"), feature_class("ADM1"), feature_class("PPLA"), feature_class("PPL", 50)
    ('country', 'admin1', 'city', 'town')
    """
    if code in COUNTRY_CODES:
        return "country"
    if code == "CONT":
        return "continent"
    if code in ("ADM1", "ADM2"):
        return "admin" + code[-1]
    if code == "RGN":
        return "region"
    if code == "PPLX":
        return "district"
    if code.startswith("PPL"):
        return "city" if code in ("PPLC", "PPLG", "PPLA", "PPLA2") or population >= 100_000 else "town"
    return "site"


_SMALL_CAPITAL = 100_000  # a national capital smaller than this weighs as a provincial one


def prominence(code: str, population: int, region_population: float | None = None) -> float:
    """Static rank of a place before any context: feature class plus population. An admin-1
    region of a country of small regions (``region_population``, its country's people per
    region, under a million) weighs as a town of that many people does: the Charlotte parish
    of Saint Vincent (110,000 people in six) is no rival to Charlotte, North Carolina.

    >>> prominence("PPLC", 0) > prominence("ADM1", 0) > prominence("PPL", 1000)
    True
    >>> prominence("ADM1", 0, 18_000) < prominence("PPLA2", 900_000)
    True
    >>> prominence("ADM1", 0, 6_000_000) == prominence("ADM1", 0)
    True
    """
    if code in COUNTRY_CODES:
        return 200.0
    weight = float(_FEATURE_WEIGHT.get(code, 20))
    if code in ("PPLC", "PPLG") and 0 < population < _SMALL_CAPITAL:
        weight = _FEATURE_WEIGHT["PPLA"]  # Hamilton, Bermuda (900 people) is no rival to Hamilton, Ontario
    if code.startswith("PPL") or code == "INDS":
        weight += 5.0 * math.log10(1 + max(population, 0))
    elif code == "ADM1" and region_population:
        weight = min(weight, _FEATURE_WEIGHT["PPL"] + 5.0 * math.log10(1 + region_population))
    return float(weight)


def sources_hash(source_dir: Path) -> str:
    """The identity of an index: its format, the ranking weights and the bytes of its sources."""
    # The ranking weights are baked into the index, so they are part of its identity.
    h = hashlib.sha256((INDEX_FORMAT + repr(sorted(_FEATURE_WEIGHT.items()))).encode())
    for name in SOURCE_FILES:
        p = source_dir / name
        if not p.exists():
            raise GazetteerError(f"gazetteer source file {p} is missing: restore it from git "
                                 "or rebuild it with `python scripts/build_gazetteer.py --shared ../shared`")
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _read_supplement(path: Path) -> tuple[list[dict], list[dict]]:
    """New places and overrides of existing ones, with row numbers for errors."""
    new, overrides = [], []
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), start=2):
            row["_where"] = f"{path}:{lineno}"
            if row.get("overrides"):
                overrides.append(row)
            elif row.get("gazetteer_id") and row.get("name"):
                new.append(row)
            else:
                raise GazetteerError(f"{path}, row {lineno}: needs gazetteer_id and name, or overrides")
    return new, overrides


def _merged_places(source_dir: Path, areas: dict[str, dict]) -> dict[str, dict]:
    """The places of ``places.tsv.gz`` with the supplement's new places and overrides applied."""
    from shapely.geometry import shape

    from geo.geometry import inside_point

    places: dict[str, dict] = {}
    with gzip.open(source_dir / "places.tsv.gz", "rt", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            places[row["gazetteer_id"]] = row
    new, overrides = _read_supplement(source_dir / "supplement.csv")
    for row in new:
        if row.get("area") and not row.get("lat"):
            if row["area"] not in areas:
                raise GazetteerError(f"{row['_where']}: area {row['area']!r} is not in areas.geojson")
            pt = inside_point(shape(areas[row["area"]]))
            row["lat"], row["lon"] = f"{pt.y:.5f}", f"{pt.x:.5f}"
        row["source"] = "supplement: " + row["source"]
        places[row["gazetteer_id"]] = row
    for row in overrides:
        base = places.get(row["overrides"])
        if base is None:
            raise GazetteerError(f"{row['_where']}: overrides unknown place {row['overrides']!r}")
        for k in ("name", "lat", "lon", "country", "admin1", "feature_code", "population"):
            if row.get(k):
                base[k] = row[k]
        if row.get("alternate_names"):
            base["alternate_names"] = "|".join(filter(None, [base.get("alternate_names", ""), row["alternate_names"]]))
        base["source"] = f"{base['source']}; supplement: {row['source']}"
    return places


# (Not "St." for "Saint": "St. Patrick" and "St. Mark" are more often the saints than the villages.)
_ABBREVIATED_FIRST = {"mount": "mt", "mt": "mount", "fort": "ft", "ft": "fort", "port": "pt", "point": "pt"}


def _bare_counties(places: dict[str, dict]) -> set[str]:
    """The counties news names without the word: those of two words or more ("Miami-Dade",
    "Prince George's", "Anne Arundel") that no other place and no other county is named, and
    that do not start with a given name ("Jeff Davis County": a bare "Jeff Davis" is the man)."""
    from geo.lexicon import GIVEN_NAMES

    taken: Counter[str] = Counter()
    bare: dict[str, list[str]] = {}
    for p in places.values():
        keys = {normalize_name(n) for n in [p["name"]] + (p.get("alternate_names") or "").split("|")} - {""}
        taken.update(keys)
        if p["feature_code"] == "ADM2":
            for key in keys:
                if (m := TYPE_AFTER.match(key)) and m.group("kind") == "county" and " " in m.group("name"):
                    bare.setdefault(m.group("name"), []).append(p["gazetteer_id"])
    return {ids[0] for name, ids in bare.items() if len(ids) == 1 and not taken[name]
            and name.split()[0] not in GIVEN_NAMES}


def _index_rows(places: dict[str, dict], areas: dict[str, dict]) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """The rows of the ``places``, ``names`` and ``spellings`` tables (a place's accented
    spellings of a name: "Cañada" for the Argentine town, none for Canada)."""
    admin1_names = {(p["country"], p["admin1"]): p["name"] for p in places.values() if p["feature_code"] == "ADM1"}
    regions = Counter(country for country, _ in admin1_names)
    per_region = {p["country"]: int(p.get("population") or 0) / regions[p["country"]] for p in places.values()
                  if p["feature_code"] in COUNTRY_CODES and regions[p["country"]]}
    place_rows: list[tuple] = []
    name_rows: list[tuple] = []
    spelled_rows: list[tuple] = []
    bare_counties = _bare_counties(places)
    for i, p in enumerate(places.values(), start=1):
        code = p["feature_code"] or "PPL"
        pop = int(p.get("population") or 0)
        prom = prominence(code, pop, per_region.get(p["country"]) if code == "ADM1" else None)
        gid = p["gazetteer_id"]
        area_key = p.get("area") or gid
        place_rows.append((i, gid, p["name"], float(p["lat"]), float(p["lon"]), p["country"] or None,
                           p["admin1"] or None, admin1_names.get((p["country"], p["admin1"])),
                           code, feature_class(code, pop), pop, prom, int(area_key in areas), p["source"],
                           p.get("countries") or p["country"] or None))
        seen: dict[str, set[str]] = {}  # key -> the accented spellings of it the place goes by
        for j, n in enumerate([p["name"]] + (p.get("alternate_names") or "").split("|")):
            key = normalize_name(n)
            if key and key not in seen:
                seen[key] = set()
                name_rows.append((key, -prom, i, p["country"] or None, int(j == 0)))
            if key and (spelled := spelling(n)):
                seen[key].add(spelled)
        spelled_rows.extend((i, key, "|".join(sorted(s))) for key, s in seen.items() if s)
        # "Mt. Pleasant", "Ft. Worth": news abbreviates the first word of a place's name where the
        # gazetteer spells it out, and the other way round (its own name only: Denver was once
        # "Saint Charles", which does not make it St. Charles).
        first, _, rest = normalize_name(p["name"]).partition(" ")
        if (other := _ABBREVIATED_FIRST.get(first)) and rest and f"{other} {rest}" not in seen:
            seen[f"{other} {rest}"] = set()
            name_rows.append((f"{other} {rest}", -prom, i, p["country"] or None, 0))
        # Admin regions are also named without their type word ("Provincia Chapare" -> "chapare"),
        # but not counties: news writes "Ford County", and a bare "Ford" is a car.
        if code in ("ADM1", "ADM2"):
            for key in list(seen):
                m = TYPE_BEFORE.match(key) or TYPE_AFTER.match(key)
                if m and m.group("name") not in seen and (m.group("kind") != "county" or gid in bare_counties):
                    seen[m.group("name")] = set()
                    name_rows.append((m.group("name"), -prom, i, p["country"] or None, 0))
    return place_rows, name_rows, spelled_rows


def build_index(source_dir: Path, target: Path) -> None:
    """Compile the shipped gazetteer files into a SQLite index at ``target`` (atomically)."""
    areas = {f["properties"]["gazetteer_id"]: f["geometry"]
             for f in json.loads((source_dir / "areas.geojson").read_text(encoding="utf-8"))["features"]}
    places = _merged_places(source_dir, areas)
    place_rows, name_rows, spelled_rows = _index_rows(places, areas)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_name(target)  # carries our pid: the next start removes it if we get killed
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE places(id INTEGER PRIMARY KEY, gid TEXT UNIQUE, name TEXT, lat REAL, lon REAL,
                country TEXT, admin1 TEXT, admin1_name TEXT, feature_code TEXT, feature TEXT,
                population INTEGER, prominence REAL, has_area INTEGER, source TEXT, countries TEXT);
            CREATE TABLE names(norm TEXT, neg_prominence REAL, place INTEGER, country TEXT, is_primary INTEGER,
                PRIMARY KEY(norm, neg_prominence, place)) WITHOUT ROWID;
            CREATE TABLE areas(gid TEXT PRIMARY KEY, geojson TEXT);
            CREATE TABLE spellings(norm TEXT, place INTEGER, spelled TEXT, PRIMARY KEY(norm, place)) WITHOUT ROWID;
        """)
        db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
        db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?,?)", name_rows)
        db.executemany("INSERT OR IGNORE INTO spellings VALUES (?,?,?)", [(k, i, s) for i, k, s in spelled_rows])
        db.executemany("INSERT INTO areas VALUES (?,?)", [
            (p["gazetteer_id"], json.dumps(areas[p.get("area") or p["gazetteer_id"]]))
            for p in places.values() if (p.get("area") or p["gazetteer_id"]) in areas])
        db.execute("CREATE INDEX names_country ON names(norm, country)")
        db.execute("CREATE INDEX names_by_country ON names(country, norm)")  # a country's names, for variants
        db.execute("CREATE INDEX places_code ON places(feature_code, country)")
        db.executemany("INSERT INTO meta VALUES (?,?)", [
            ("format", INDEX_FORMAT), ("sources", sources_hash(source_dir)), ("places", str(len(place_rows)))])
        db.commit()
        db.execute("VACUUM")
    except BaseException:
        tmp.unlink(missing_ok=True)  # a failed build leaves nothing behind (POSIX: even while open)
        raise
    finally:
        db.close()
    os.replace(tmp, target)


# -- the queries it answers ----------------------------------------------------------

BONUS_PRIMARY = 5.0  # a place's main name over its alternate names
PLACE_COLUMNS = ("p.id, p.gid, p.name, p.lat, p.lon, p.country, p.admin1, p.admin1_name, "
                  "p.feature_code, p.feature, p.population, p.prominence, p.has_area, n.is_primary, p.countries")
KEYS_PER_QUERY = 500  # SQLite allows 999 parameters in older builds
SQL_BY_NAME = (f"SELECT {PLACE_COLUMNS} FROM names n JOIN places p ON p.id = n.place "
                "WHERE n.norm = ? ORDER BY n.neg_prominence LIMIT ?")
# The best reading of a bare name: prominence plus the main-name bonus, ties in prominence order.
SQL_BEST_BY_NAME = (f"SELECT {PLACE_COLUMNS}, {BONUS_PRIMARY} * n.is_primary - n.neg_prominence AS score "
                     "FROM names n JOIN places p ON p.id = n.place WHERE n.norm = ? "
                     "ORDER BY score DESC, n.neg_prominence, n.place LIMIT 1")
SQL_SPELLED = ("SELECT p.gid FROM spellings s JOIN places p ON p.id = s.place WHERE s.norm = ? "
               "AND ('|' || s.spelled || '|') LIKE ('%|' || ? || '|%')")


def spelled_ids(db: sqlite3.Connection, key: str, spelled: str) -> frozenset[str]:
    """The ids of the places called ``key`` that go by the accented spelling ``spelled``."""
    return frozenset(r[0] for r in db.execute(SQL_SPELLED, (key, spelled)))


SQL_BY_NAME_IN = (f"SELECT {PLACE_COLUMNS} FROM names n JOIN places p ON p.id = n.place "
                   "WHERE n.norm = ? AND n.country = ? ORDER BY n.neg_prominence LIMIT ?")


_OWN_NAME_CITY = 100_000  # a city this big that bears a name outright beats a capital once so called


def own_name_first(scored: list[tuple[float, tuple]]) -> list[tuple[float, tuple]]:
    """"Philadelphia" is the American city, not Amman's ancient name: when the best reading
    holds the name only as an alternate and a bigger city of 100,000+ bears it as its own, that
    city goes first."""
    if not scored or scored[0][1][13]:
        return scored
    least = max(_OWN_NAME_CITY, scored[0][1][10] or 0)  # and bigger than the capital of old ("Santa Cruz" stays Bolivia's)
    own = next((i for i, (_, r) in enumerate(scored) if r[13] and r[9] in ("city", "town") and (r[10] or 0) >= least), None)
    if own is None or scored[0][1][9] not in ("city", "town"):
        return scored
    return [scored[own]] + scored[:own] + scored[own + 1:]


class RunnersUp:
    """Runners-up of a bare-name lookup, ranked only when someone asks for them."""

    __slots__ = ("gazetteer", "query")

    def __init__(self, gazetteer: Any, query: str):
        self.gazetteer, self.query = gazetteer, query

    def __call__(self) -> tuple:
        return tuple(self.gazetteer._ranked(self.query, None, 6)[1][1:6])
