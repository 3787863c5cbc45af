"""The cached gazetteer: every place geo knows, indexed by normalised name in SQLite.

The shipped files in ``geo/data/gazetteer/`` (package data) are compiled on first use into a SQLite index
in the cache directory (:mod:`geo.gazetteer_index`, :mod:`geo.index_file`); an index that
is missing, stale or unreadable is rebuilt, never trusted.

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

import json
import operator
import os
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache, cache
from pathlib import Path

from geo.distance import haversine_km  # noqa: F401  (also imported from here)
from geo.errors import GazetteerError, PlaceNotFound  # noqa: F401  (part of this module's API)
from geo.gazetteer_index import (  # noqa: F401  (build_index, feature_class, prominence: this module's API too)
    ADMIN_WORDS, BONUS_PRIMARY, KEYS_PER_QUERY, PLACE_COLUMNS, SQL_BEST_BY_NAME, SQL_BY_NAME, SQL_BY_NAME_IN, TYPE_AFTER,
    TYPE_BEFORE, RunnersUp, build_index, feature_class, own_name_first, prominence, sources_hash)
from geo.index_file import IndexFile
from geo.lexicon import PLACE_ABBREVIATIONS
from geo.normalize import normalize_name
from geo.paths import GAZETTEER_DIR, cache_dir

MAX_CANDIDATES = 200

_BONUS_FOCUS = 60.0
_BONUS_QUALIFIER = 100.0
_BONUS_TYPE = 100.0
_QUALIFIER_NEAR_KM = 50.0

_ADMIN_FEATURES = ("admin1", "admin2", "region")
_COUNTY_WORDS = frozenset({"county", "parish", "borough"})
_first = operator.itemgetter(0)
_TYPE_WORDS = frozenset(ADMIN_WORDS.replace("ó", "o").split("|"))
_TYPED_LAST = _TYPE_WORDS | _COUNTY_WORDS  # a last word that sends a name to the full ranking


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
        rest = self.ranked_rest() if isinstance(self.ranked_rest, RunnersUp) else self.ranked_rest
        return tuple(Gazetteer._result(r, s, self.matched) for s, r in rest)  # type: ignore[attr-defined]

    def to_dict(self, alternatives: bool = True) -> dict:
        """Plain JSON-ready dict (the ``--json`` output of ``geo geocode``)."""
        out = {k: getattr(self, k) for k in (
            "name", "lat", "lon", "country", "admin1", "feature", "feature_code",
            "population", "gazetteer_id", "score")}
        if alternatives:
            out["alternatives"] = [a.to_dict(alternatives=False) for a in self.alternatives]
        return out


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
        sources = sources_hash(self.source_dir)
        self.index_path = Path(index_path) if index_path else cache_dir() / f"gazetteer-{sources}.sqlite"
        self.verbose = verbose
        self._index = IndexFile(self.source_dir, self.index_path, sources, verbose)
        self._local = threading.local()
        self._remembered = lru_cache(maxsize=100_000)(self._lookup)
        # Rows by name: a geoparser asks for a name with and without a focus country.
        self._rows = lru_cache(maxsize=50_000)(lambda sql, params: tuple(self._query(sql, params)))

    # -- the index ---------------------------------------------------------
    def _log(self, msg: str) -> None:
        self._index.log(msg)

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's read-only connection to the index (built first if need be)."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = self._index.open()
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
            self._local.db = self._index.rebuild(damaged=True)
            return self.db.execute(sql, params).fetchall()

    def clear_caches(self) -> None:
        """Forget remembered answers (the index is rebuilt, or a benchmark starts cold)."""
        self._remembered.cache_clear()
        self._rows.cache_clear()

    # -- lookup ------------------------------------------------------------
    def candidates(self, name: str, country: str | None = None, limit: int = MAX_CANDIDATES) -> list[tuple]:
        """Raw candidate rows for one normalised name, most prominent first."""
        rows = list(self._rows(SQL_BY_NAME, (name, limit)))
        if country:
            have = {r[0] for r in rows}
            rows += [r for r in self._rows(SQL_BY_NAME_IN, (name, country, limit)) if r[0] not in have]
        return rows

    def known_names(self, keys: Iterable[str]) -> set[str]:
        """The normalised names among ``keys`` that some place carries (one query per 500 keys:
        the geoparser asks about every span of capitalised words).

        >>> sorted(Gazetteer().known_names(["el alto", "tuesday morning"]))
        ['el alto']
        """
        keys, found = list(keys), set[str]()
        for i in range(0, len(keys), KEYS_PER_QUERY):
            chunk = tuple(keys[i:i + KEYS_PER_QUERY])
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
            typed = TYPE_AFTER.match(key) or TYPE_BEFORE.match(key)
            if typed:
                # "Cochabamba Department": the admin region named Cochabamba, not the city.
                typed_rows = [r for r in self.candidates(typed.group("name"), country) if r[9] in _ADMIN_FEATURES]
        typed_ids = {r[0] for r in typed_rows}

        def rank(rows: list[tuple]) -> list[tuple[float, tuple]]:
            typed: set | frozenset = typed_ids
            if any(r[9] in _ADMIN_FEATURES for r in rows):
                # "Douglas County" names US counties outright: no need to guess, but a county's word
                # says it is one ("St. Mary Parish" is Louisiana's, not a hamlet of Antigua named so).
                typed = frozenset(r[0] for r in rows if r[9] in _ADMIN_FEATURES) if words[-1] in _COUNTY_WORDS \
                    else frozenset()
            elif typed_rows:
                have = {r[0] for r in rows}
                rows = rows + [r for r in typed_rows if r[0] not in have]
            if country is None and inside is None and not typed:  # the common case, kept lean
                scored = [(r[11] + BONUS_PRIMARY if r[13] else r[11], r) for r in rows]
            else:
                scored = []
                for r in rows:
                    score = r[11] + (BONUS_PRIMARY if r[13] else 0.0)
                    if country and (r[5] == country or (r[14] and country in r[14])):
                        score += _BONUS_FOCUS
                    if inside is not None and inside(r):
                        score += _BONUS_QUALIFIER
                    if r[0] in typed:
                        score += _BONUS_TYPE
                    scored.append((score, r))
            scored.sort(key=_first, reverse=True)  # stable: equal scores keep prominence order
            return own_name_first(scored)

        # Most names have few homonyms and the most prominent wins: fetch a few, and fetch
        # them all only when an unfetched candidate could still climb into the top `limit`.
        first = limit + 2
        rows = self.candidates(key, country, limit=first) if key else []
        scored = rank(rows)
        if len(rows) >= first:
            reach = BONUS_PRIMARY + (_BONUS_QUALIFIER if inside else 0.0) + (_BONUS_FOCUS if country else 0.0)
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
            rows = self._query(SQL_BY_NAME, (key, 3))
            if not rows:
                return None
            score, r = max(((row[11] + BONUS_PRIMARY if row[13] else row[11]), -k, row)
                           for k, row in enumerate(rows))[::2]
            if len(rows) == 3 and rows[-1][11] + BONUS_PRIMARY >= score:
                rows = self._query(SQL_BEST_BY_NAME, (key,))  # a close call: let SQLite rank them all
                r, score = rows[0][:-1], rows[0][-1]
            rest: object = RunnersUp(self, query)
            if not r[13]:  # "Philadelphia": the city so named, not Amman's old name
                own = own_name_first([(0.0, r)] + [(0.0, row) for row in rows if row[0] != r[0]])[0][1]
                if own is not r:
                    r, score = own, own[11] + BONUS_PRIMARY
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
        if not key or (len(words) > 1 and (words[0] in _TYPE_WORDS or words[-1] in _TYPED_LAST)):
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
        columns = PLACE_COLUMNS.replace("n.is_primary", "1")
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
