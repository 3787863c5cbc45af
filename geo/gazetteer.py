"""The cached gazetteer: every place geo knows, indexed by normalised name in SQLite.

The shipped files in ``data/gazetteer/`` (``places.tsv.gz``, ``supplement.csv``,
``areas.geojson``) are compiled on first use into a SQLite index in the cache
directory (see :func:`geo.paths.cache_dir`). The index is named after a hash of
those files, so editing the supplement rebuilds it; an index that is missing,
stale or unreadable is rebuilt, never trusted.

Ranking of candidates for one name (points, higher wins):

* prominence: feature class (country 200, continent 150, capital or seat of
  government 90, named region 75 (only curated regions carry this code), admin-1
  region 70, seat of a region 50, populated place 40, admin-2 35, abandoned or
  historical 5) plus ``5 * log10(1 + population)`` for populated places, so a big
  city outranks the region named after it (Buenos Aires, Santa Cruz de la Sierra)
  but a state outranks a mid-sized town of its name (Virginia) and no city
  outranks a country;
* the name is the place's main name, not an alternate: +5;
* a focus country (``country=``), or one a curated region spans: +60 (enough for a
  regional city to beat a foreign capital, not for a village to);
* an "X, Y" qualifier that Y contains (admin-1, country) or is near (a city,
  within 50 km): +100;
* a type word ("Cochabamba Department", "Provincia X") and a place of that type: +100.

>>> gaz = Gazetteer()
>>> r = gaz.lookup("Huayllani, Cochabamba")
>>> (r.name, r.admin1, round(r.lat, 2), round(r.lon, 2))
('Huayllani', 'Cochabamba', -17.4, -66.06)
"""

from __future__ import annotations

import csv
import glob
import gzip
import hashlib
import json
import math
import operator
import os
import re
import sqlite3
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache, cache
from pathlib import Path

from geo import cachefiles, errors
from geo.errors import GazetteerError
from geo.tempfiles import temp_name
from geo.distance import haversine_km  # noqa: F401  (also imported from here)
from geo.lexicon import PLACE_ABBREVIATIONS
from geo.normalize import normalize_name
from geo.options import options
from geo.paths import GAZETTEER_DIR, cache_dir

INDEX_FORMAT = "7"
SOURCE_FILES = ("places.tsv.gz", "supplement.csv", "areas.geojson")
MAX_CANDIDATES = 200

COUNTRY_CODES = {"PCLI", "PCLD", "PCLS", "PCLF", "PCLIX", "PCL", "TERR"}
_FEATURE_WEIGHT = {
    "PPLC": 90, "PPLG": 90, "ADM1": 70, "RGN": 75, "CONT": 150, "PPLA": 50, "PPLA2": 45,
    "PPLA3": 42, "PPLA4": 42, "PPL": 40, "PPLX": 38, "INDS": 35, "ADM2": 35,
    "PPLQ": 5, "PPLH": 5, "PPLW": 5, "PPLL": 30,
}
_BONUS_PRIMARY = 5.0
_BONUS_FOCUS = 60.0
_BONUS_QUALIFIER = 100.0
_BONUS_TYPE = 100.0
_QUALIFIER_NEAR_KM = 50.0

# Words that name a kind of place: "Cochabamba Department", "Provincia de Chapare".
_ADMIN_WORDS = r"department|departamento|province|provincia|state|estado|region|región|county|district|municipality|municipio"
_TYPE_AFTER = re.compile(rf"^(?P<name>.+?)\s+(?P<kind>{_ADMIN_WORDS})$")
_TYPE_BEFORE = re.compile(rf"^(?P<kind>{_ADMIN_WORDS})\s+(?:of\s+|de\s+|del\s+)?(?P<name>.+)$")
_ADMIN_FEATURES = ("admin1", "admin2", "region")
_first = operator.itemgetter(0)
_TYPE_WORDS = frozenset(_ADMIN_WORDS.replace("ó", "o").split("|"))


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


def prominence(code: str, population: int) -> float:
    """Static rank of a place before any context: feature class plus population.

    >>> prominence("PPLC", 0) > prominence("ADM1", 0) > prominence("PPL", 1000)
    True
    """
    if code in COUNTRY_CODES:
        return 200.0
    weight = float(_FEATURE_WEIGHT.get(code, 20))
    if code.startswith("PPL") or code == "INDS":
        weight += 5.0 * math.log10(1 + max(population, 0))
    return float(weight)


@dataclass(frozen=True, slots=True)
class GeocodeResult:
    """One place a query resolved to.

    ``score`` is the ranking score in points (see the module docstring): higher
    is better, and it compares candidates of one query. ``alternatives`` are the
    next best candidates, best first. ``area`` is the GeoJSON geometry of a
    region that resolves to an area (Media Luna, Gran Chaco, departments).
    """

    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature: str
    feature_code: str
    population: int
    gazetteer_id: str
    score: float
    matched: str = ""
    has_area: bool = False
    area: dict | None = field(default=None, repr=False)
    # Runners-up as raw (score, row) pairs, or a function that ranks them: most callers
    # never look at them, so they are found and built only when asked for.
    ranked_rest: object = field(default=(), repr=False, compare=False)

    @property
    def alternatives(self) -> tuple["GeocodeResult", ...]:
        """The next best candidates, best first (ranked on first use when deferred)."""
        rest = self.ranked_rest() if isinstance(self.ranked_rest, _Deferred) else self.ranked_rest
        return tuple(Gazetteer._result(r, s, self.matched) for s, r in rest)  # type: ignore[attr-defined]

    def to_dict(self, alternatives: bool = True) -> dict:
        """Plain JSON-ready dict (the ``--json`` output of ``geo geocode``)."""
        out = {k: getattr(self, k) for k in (
            "name", "lat", "lon", "country", "admin1", "feature", "feature_code",
            "population", "gazetteer_id", "score")}
        if alternatives:
            out["alternatives"] = [a.to_dict(alternatives=False) for a in self.alternatives]
        return out


class _Deferred:
    """Runners-up of a bare-name lookup, ranked only when someone asks for them."""

    __slots__ = ("gazetteer", "query")

    def __init__(self, gazetteer: "Gazetteer", query: str):
        self.gazetteer, self.query = gazetteer, query

    def __call__(self) -> tuple:
        return tuple(self.gazetteer._ranked(self.query, None, 6)[1][1:6])


class PlaceNotFound(errors.PlaceNotFound):
    """No place of that name; ``suggestions`` holds the closest names known.

    Suggestions cost a scan of similar names, so they are found when first asked for.
    """

    def __init__(self, query: str, suggest=None):
        super().__init__(query)
        self.query = query
        self._suggest = suggest if callable(suggest) else (lambda: list(suggest or []))
        self._suggestions: list[str] | None = None

    @property
    def suggestions(self) -> list[str]:
        if self._suggestions is None:
            self._suggestions = self._suggest()
        return self._suggestions

    def __str__(self) -> str:
        hint = f"; closest names: {', '.join(self.suggestions)}" if self.suggestions else ""
        return f"{self.query!r} not found in the gazetteer{hint}"


def _sources_hash(source_dir: Path) -> str:
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


def build_index(source_dir: Path, target: Path) -> None:
    """Compile the shipped gazetteer files into a SQLite index at ``target`` (atomically)."""
    from shapely.geometry import shape

    from geo.geometry import inside_point

    areas = {f["properties"]["gazetteer_id"]: f["geometry"]
             for f in json.loads((source_dir / "areas.geojson").read_text(encoding="utf-8"))["features"]}
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

    admin1_names = {(p["country"], p["admin1"]): p["name"] for p in places.values() if p["feature_code"] == "ADM1"}
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
        """)
        place_rows, name_rows = [], []
        for i, p in enumerate(places.values(), start=1):
            code = p["feature_code"] or "PPL"
            pop = int(p.get("population") or 0)
            prom = prominence(code, pop)
            gid = p["gazetteer_id"]
            area_key = p.get("area") or gid
            place_rows.append((i, gid, p["name"], float(p["lat"]), float(p["lon"]), p["country"] or None,
                               p["admin1"] or None, admin1_names.get((p["country"], p["admin1"])),
                               code, feature_class(code, pop), pop, prom, int(area_key in areas), p["source"],
                               p.get("countries") or p["country"] or None))
            seen = set()
            for j, n in enumerate([p["name"]] + (p.get("alternate_names") or "").split("|")):
                key = normalize_name(n)
                if key and key not in seen:
                    seen.add(key)
                    name_rows.append((key, -prom, i, p["country"] or None, int(j == 0)))
            # Admin regions are also named without their type word ("Provincia Chapare" -> "chapare"),
            # but not counties: news writes "Ford County", and a bare "Ford" is a car.
            if code in ("ADM1", "ADM2"):
                for key in list(seen):
                    m = _TYPE_BEFORE.match(key) or _TYPE_AFTER.match(key)
                    if m and m.group("name") not in seen and m.group("kind") != "county":
                        seen.add(m.group("name"))
                        name_rows.append((m.group("name"), -prom, i, p["country"] or None, 0))
        db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
        db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?,?)", name_rows)
        db.executemany("INSERT INTO areas VALUES (?,?)", [
            (p["gazetteer_id"], json.dumps(areas[p.get("area") or p["gazetteer_id"]]))
            for p in places.values() if (p.get("area") or p["gazetteer_id"]) in areas])
        db.execute("CREATE INDEX names_country ON names(norm, country)")
        db.execute("CREATE INDEX places_code ON places(feature_code, country)")
        db.executemany("INSERT INTO meta VALUES (?,?)", [
            ("format", INDEX_FORMAT), ("sources", _sources_hash(source_dir)), ("places", str(len(place_rows)))])
        db.commit()
        db.execute("VACUUM")
    except BaseException:
        tmp.unlink(missing_ok=True)  # a failed build leaves nothing behind (POSIX: even while open)
        raise
    finally:
        db.close()
    os.replace(tmp, target)


_PLACE_COLUMNS = ("p.id, p.gid, p.name, p.lat, p.lon, p.country, p.admin1, p.admin1_name, "
                  "p.feature_code, p.feature, p.population, p.prominence, p.has_area, n.is_primary, p.countries")
_KEYS_PER_QUERY = 500  # SQLite allows 999 parameters in older builds
_SQL_BY_NAME = (f"SELECT {_PLACE_COLUMNS} FROM names n JOIN places p ON p.id = n.place "
                "WHERE n.norm = ? ORDER BY n.neg_prominence LIMIT ?")
# The best reading of a bare name: prominence plus the main-name bonus, ties in prominence order.
_SQL_BEST_BY_NAME = (f"SELECT {_PLACE_COLUMNS}, {_BONUS_PRIMARY} * n.is_primary - n.neg_prominence AS score "
                     "FROM names n JOIN places p ON p.id = n.place WHERE n.norm = ? "
                     "ORDER BY score DESC, n.neg_prominence, n.place LIMIT 1")
_SQL_BY_NAME_IN = (f"SELECT {_PLACE_COLUMNS} FROM names n JOIN places p ON p.id = n.place "
                   "WHERE n.norm = ? AND n.country = ? ORDER BY n.neg_prominence LIMIT ?")


class Gazetteer:
    """Offline place lookup over the shipped gazetteer.

    >>> gaz = Gazetteer()
    >>> gaz.lookup("Perú").feature
    'country'
    >>> gaz.lookup("Santa Cruz", country="BO").name
    'Santa Cruz de la Sierra'
    """

    def __init__(self, source_dir: str | os.PathLike | None = None, index_path: str | os.PathLike | None = None,
                 verbose: bool = True):
        self.source_dir = Path(source_dir) if source_dir else GAZETTEER_DIR
        self._sources = _sources_hash(self.source_dir)
        self.index_path = Path(index_path) if index_path else cache_dir() / f"gazetteer-{self._sources}.sqlite"
        self.verbose = verbose
        self._local = threading.local()
        self._remembered = lru_cache(maxsize=100_000)(self._lookup)
        # Rows by name: a geoparser asks for a name with and without a focus country.
        self._rows = lru_cache(maxsize=50_000)(lambda sql, params: tuple(self._query(sql, params)))

    # -- the index ---------------------------------------------------------
    def _log(self, msg: str) -> None:
        if self.verbose:
            print(f"geo: {msg}", file=sys.stderr)

    def _open_checked(self, log: bool = True) -> sqlite3.Connection | None:
        """The index if it exists and belongs to these source files, else None."""
        if not self.index_path.exists():
            return None
        try:
            # A quoted URI: a folder named "a#b" or "100%" must not cut the path short.
            db = sqlite3.connect(cachefiles.sqlite_uri(self.index_path), uri=True, check_same_thread=False)
            # Reading through mmap spares a read() syscall per page on the hot path.
            db.execute("PRAGMA mmap_size = 268435456")
            meta = dict(db.execute("SELECT key, value FROM meta"))
            if meta.get("format") == INDEX_FORMAT and meta.get("sources") == self._sources:
                cachefiles.mark_used(self.index_path)  # so the cleanup of other versions' indexes spares it
                return db
            db.close()
            why = "is stale"
        except sqlite3.DatabaseError as exc:
            why = f"is unreadable ({exc})"
        if log:
            self._log(f"gazetteer index {self.index_path} {why}; rebuilding it")
        return None

    def _remove_orphans(self, locked: bool) -> None:
        """Remove temp files of builds killed midway (all of ours when we hold the build lock)."""
        folder, own = self.index_path.parent, self.index_path if locked else None
        for pattern in dict.fromkeys(["gazetteer-*.sqlite", glob.escape(self.index_path.name)]):
            for part in cachefiles.remove_orphans(folder, pattern, own):
                self._log(f"removed {part}, left by a build that did not finish")

    def _rebuild(self, damaged: bool = False) -> sqlite3.Connection:
        """Build the index, once across processes: others wait for the lock, then open it."""
        def waiting() -> None:
            self._log(f"waiting while another process builds the gazetteer index {self.index_path}")

        with cachefiles.build_lock(self.index_path, waiting):
            db = None if damaged else self._open_checked(log=False)  # built while we waited?
            if db is not None:
                return db
            self._remove_orphans(locked=True)
            self._log(f"building the gazetteer index in {self.index_path} (once, ~20 s)")
            build_index(self.source_dir, self.index_path)
        # Other checkouts or versions may share this folder: only long-unused indexes go.
        keep_days = options.index_keep_days
        for old in cachefiles.remove_unused(self.index_path.parent, "gazetteer-*.sqlite", self.index_path, keep_days):
            self._log(f"removed {old}, an index of another version unused for {keep_days:g} days")
        db = self._open_checked()
        if db is None:
            raise GazetteerError(f"could not build a readable gazetteer index at {self.index_path}")
        return db

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's read-only connection to the index (built first if need be)."""
        db = getattr(self._local, "db", None)
        if db is None:
            self._remove_orphans(locked=False)
            db = self._open_checked() or self._rebuild()
            self._local.db = db
        return db

    def _query(self, sql: str, params: tuple) -> list[tuple]:
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            # A file damaged after opening: rebuild once, then answer from the new index.
            self._log(f"gazetteer index {self.index_path} is damaged ({exc}); rebuilding it")
            damaged, self._local.db = getattr(self._local, "db", None), None
            if damaged is not None:
                damaged.close()
            self.clear_caches()
            self._local.db = self._rebuild(damaged=True)
            return self.db.execute(sql, params).fetchall()

    def clear_caches(self) -> None:
        """Forget remembered answers (the index is rebuilt, or a benchmark starts cold)."""
        self._remembered.cache_clear()
        self._rows.cache_clear()

    # -- lookup ------------------------------------------------------------
    def candidates(self, name: str, country: str | None = None, limit: int = MAX_CANDIDATES) -> list[tuple]:
        """Raw candidate rows for one normalised name, most prominent first."""
        rows = list(self._rows(_SQL_BY_NAME, (name, limit)))
        if country:
            have = {r[0] for r in rows}
            rows += [r for r in self._rows(_SQL_BY_NAME_IN, (name, country, limit)) if r[0] not in have]
        return rows

    def known_names(self, keys: Iterable[str]) -> set[str]:
        """The normalised names among ``keys`` that some place carries (one query per 500 keys:
        the geoparser asks about every span of capitalised words).

        >>> sorted(Gazetteer().known_names(["el alto", "tuesday morning"]))
        ['el alto']
        """
        keys, found = list(keys), set[str]()
        for i in range(0, len(keys), _KEYS_PER_QUERY):
            chunk = tuple(keys[i:i + _KEYS_PER_QUERY])
            sql = f"SELECT DISTINCT norm FROM names WHERE norm IN ({','.join('?' * len(chunk))})"
            found.update(r[0] for r in self._query(sql, chunk))
        return found

    def _qualifier_test(self, qualifier: str):
        """A predicate telling whether a candidate row lies in/near the qualifier Y of "X, Y"."""
        if (abbreviated := PLACE_ABBREVIATIONS.get(qualifier.strip())) is not None:
            iso, admin1 = abbreviated  # "Paris, Tenn.", "Windsor, Ont.": dots and case as written
            return lambda row: row[5] == iso and (not admin1 or row[6] == admin1)
        rows = self.candidates(normalize_name(qualifier), limit=50)
        if not rows:
            return None
        regions = {(r[5], r[6]) for r in rows if r[9] == "admin1"}
        countries = {r[5] for r in rows if r[9] == "country"}
        admin2_points = [(r[3], r[4]) for r in rows if r[9] in ("admin2", "region")]
        towns = [(r[3], r[4]) for r in rows if r[9] in ("city", "town", "district")][:10]

        def inside(row: tuple) -> bool:
            return (row[5] in countries or (row[5], row[6]) in regions
                    or any(haversine_km(row[3], row[4], la, lo) <= _QUALIFIER_NEAR_KM for la, lo in towns)
                    or any(haversine_km(row[3], row[4], la, lo) <= 2 * _QUALIFIER_NEAR_KM for la, lo in admin2_points))
        return inside

    def lookup_all(self, query: str, country: str | None = None, limit: int = 6) -> list[GeocodeResult]:
        """Every candidate for ``query``, best first (at most ``limit``); [] if none.

        >>> [r.country for r in Gazetteer().lookup_all("Santiago", limit=2)][0]
        'CL'
        """
        key, scored = self._ranked(query, country, limit)
        return [self._result(r, s, key) for s, r in scored[:limit]]

    def lookup_within(self, name: str, qualifier: str, country: str | None = None,
                      limit: int = 6) -> list[GeocodeResult]:
        """The readings of ``name`` that lie in or near ``qualifier`` (a region, or a town
        within 50 km), best first; [] when none does or the qualifier is unknown.

        >>> [r.admin1 for r in Gazetteer().lookup_within("Paris", "Tenn.")]
        ['Tennessee']
        """
        inside = self._qualifier_test(qualifier)
        if inside is None or not name.strip():
            return []
        key, scored = self._ranked(f"{name}, {qualifier}", country, limit)
        return [self._result(r, s, key) for s, r in scored if inside(r)][:limit]

    def _ranked(self, query: str, country: str | None, limit: int) -> tuple[str, list[tuple[float, tuple]]]:
        """(normalised name, [(score, row)] best first) for one query."""
        if not query or not query.strip():
            raise ValueError("empty place name: give a name such as 'El Alto' or 'Huayllani, Cochabamba'")
        country = country.upper() if country else None
        head, _, qualifier = query.partition(",")
        key = normalize_name(head)
        inside = None
        if qualifier.strip():
            inside = self._qualifier_test(qualifier)
            if inside is None:
                # "X, Y" where Y is unknown may itself be a name ("Washington, D.C.").
                key = normalize_name(query)
        typed_rows: list[tuple] = []
        words = key.split()
        if len(words) > 1 and (words[0] in _TYPE_WORDS or words[-1] in _TYPE_WORDS):
            typed = _TYPE_AFTER.match(key) or _TYPE_BEFORE.match(key)
            if typed:
                # "Cochabamba Department": the admin region named Cochabamba, not the city.
                typed_rows = [r for r in self.candidates(typed.group("name"), country) if r[9] in _ADMIN_FEATURES]
        typed_ids = {r[0] for r in typed_rows}

        def rank(rows: list[tuple]) -> list[tuple[float, tuple]]:
            typed: set | frozenset = typed_ids
            if any(r[9] in _ADMIN_FEATURES for r in rows):
                typed = frozenset()  # "Douglas County" names US counties outright: no need to guess
            elif typed_rows:
                have = {r[0] for r in rows}
                rows = rows + [r for r in typed_rows if r[0] not in have]
            if country is None and inside is None and not typed:  # the common case, kept lean
                scored = [(r[11] + _BONUS_PRIMARY if r[13] else r[11], r) for r in rows]
            else:
                scored = []
                for r in rows:
                    score = r[11] + (_BONUS_PRIMARY if r[13] else 0.0)
                    if country and (r[5] == country or (r[14] and country in r[14])):
                        score += _BONUS_FOCUS
                    if inside is not None and inside(r):
                        score += _BONUS_QUALIFIER
                    if r[0] in typed:
                        score += _BONUS_TYPE
                    scored.append((score, r))
            scored.sort(key=_first, reverse=True)  # stable: equal scores keep prominence order
            return scored

        # Most names have few homonyms and the most prominent wins: fetch a few, and fetch
        # them all only when an unfetched candidate could still climb into the top `limit`.
        first = limit + 2
        rows = self.candidates(key, country, limit=first) if key else []
        scored = rank(rows)
        if len(rows) >= first:
            reach = _BONUS_PRIMARY + (_BONUS_QUALIFIER if inside else 0.0) + (_BONUS_FOCUS if country else 0.0)
            floor = max(rows[first - 1][11], rows[-1][11])  # the least prominent row either query stopped at
            if floor + reach >= scored[min(limit, len(scored)) - 1][0]:
                scored = rank(self.candidates(key, country))
        if not scored and qualifier.strip() and key != normalize_name(query):
            # "Nanyou, Shenzhen" may be a name with a comma in it rather than X in Y.
            return self._ranked(query.replace(",", " "), country, limit)
        return key, scored

    def lookup(self, query: str, country: str | None = None) -> GeocodeResult:
        """The best place for ``query``, with the runners-up in ``alternatives``.

        Raises :class:`PlaceNotFound` (with suggestions) when no place has that name.
        Answers are remembered (news repeat their place names); results are immutable.

        >>> Gazetteer().lookup("Buenos Aires").country
        'AR'
        """
        found = self._remembered(query, country.upper() if country else None)
        if found is None:
            raise PlaceNotFound(query, lambda: self.suggest(query))
        return found

    def _lookup(self, query: str, country: str | None) -> GeocodeResult | None:
        if country is None and (key := self._plain_key(query)):
            # A bare name: the winner is among the few most prominent readings (the main-name
            # bonus moves a reading up by 5 points at most); runners-up are ranked if asked for.
            rows = self._query(_SQL_BY_NAME, (key, 3))
            if not rows:
                return None
            score, r = max(((row[11] + _BONUS_PRIMARY if row[13] else row[11]), -k, row)
                           for k, row in enumerate(rows))[::2]
            if len(rows) == 3 and rows[-1][11] + _BONUS_PRIMARY >= score:
                rows = self._query(_SQL_BEST_BY_NAME, (key,))  # a close call: let SQLite rank them all
                r, score = rows[0][:-1], rows[0][-1]
            rest: object = _Deferred(self, query)
        else:
            key, scored = self._ranked(query, country, 6)
            if not scored:
                return None
            (score, r), rest = scored[0], tuple(scored[1:6])
        area = self.area(r[1]) if r[12] else None
        return GeocodeResult(r[2], r[3], r[4], r[5], r[7], r[9], r[8], r[10], r[1], round(score, 2), key,
                             bool(r[12]), area, rest)

    @staticmethod
    def _plain_key(query: str) -> str | None:
        """The lookup key of a bare name, or None when the query needs the context rules
        (an "X, Y" qualifier, a type word such as "Department")."""
        if not query or "," in query:
            return None
        key = normalize_name(query)
        words = key.split()
        if not key or (len(words) > 1 and (words[0] in _TYPE_WORDS or words[-1] in _TYPE_WORDS)):
            return None
        return key

    def country(self, iso2: str) -> GeocodeResult | None:
        """The country with this ISO 3166 alpha-2 code, or None.

        >>> Gazetteer().country("BO").name
        'Bolivia'
        """
        return self._place_where("p.feature_code = 'PCLI' AND p.country = ?", (iso2.upper(),))

    def region(self, iso2: str, admin1: str) -> GeocodeResult | None:
        """The admin-1 region with this country code and GeoNames admin-1 code, or None.

        >>> Gazetteer().region("US", "KY").name, Gazetteer().region("BO", "02").name
        ('Kentucky', 'Cochabamba')
        """
        return self._place_where("p.feature_code = 'ADM1' AND p.country = ? AND p.admin1 = ?", (iso2.upper(), admin1))

    def _place_where(self, where: str, params: tuple) -> GeocodeResult | None:
        columns = _PLACE_COLUMNS.replace("n.is_primary", "1")
        rows = self._query(f"SELECT {columns} FROM places p WHERE {where} LIMIT 1", params)
        return self._result(rows[0], rows[0][11], normalize_name(rows[0][2])) if rows else None

    def area(self, gazetteer_id: str) -> dict | None:
        """GeoJSON geometry of a place that resolves to an area, else None."""
        rows = self._query("SELECT geojson FROM areas WHERE gid = ?", (gazetteer_id,))
        return json.loads(rows[0][0]) if rows else None

    def suggest(self, query: str, n: int = 5) -> list[str]:
        """Known names closest in spelling to ``query`` (for "did you mean" messages)."""
        import difflib

        key = normalize_name(query.partition(",")[0]) or normalize_name(query)
        if not key:
            return []
        pool: dict[str, str] = {}
        for prefix in dict.fromkeys([key[:3], key[:2], key[:1]]):
            hi = prefix[:-1] + chr(ord(prefix[-1]) + 1)
            rows = self._query(
                "SELECT n.norm, p.name FROM names n JOIN places p ON p.id = n.place "
                "WHERE n.norm >= ? AND n.norm < ? AND n.neg_prominence < -39 LIMIT 20000", (prefix, hi))
            for norm, name in rows:
                pool.setdefault(norm, name)
            if len(pool) > 200:
                break
        close = difflib.get_close_matches(key, list(pool), n=n, cutoff=0.6)
        return [pool[c] for c in close]

    @staticmethod
    def _result(r: tuple, score: float, matched: str) -> GeocodeResult:
        return GeocodeResult(
            name=r[2], lat=r[3], lon=r[4], country=r[5], admin1=r[7], feature=r[9],
            feature_code=r[8], population=r[10], gazetteer_id=r[1], score=round(score, 2), matched=matched,
            has_area=bool(r[12]))


@cache
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer over the shipped files (built on first use)."""
    return Gazetteer()
