"""The geoparser's one cached view of the gazetteer: which names exist, and their readings.

Names repeat across articles, so every answer is remembered here, and only here; the stages
ask this view, never the gazetteer itself.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from geo.gazetteer import Gazetteer, GeocodeResult, default_gazetteer
from geo.gazetteer_index import spelled_ids
from geo.normalize import without_article

OPTIONS = 8  # readings kept per name
MANY_OPTIONS = 60  # when they tie ("Madison County" is in 20 states), for nearness to choose from
_NAME_CACHE = 200_000  # names remembered as known or not, before starting afresh


def _spelled_alike(r: GeocodeResult, spelled: str) -> bool:
    """Countries and continents go by their names with or without accents ("México", "Panamá":
    the gazetteer lists few of their foreign spellings), but not with a letter of their own:
    an "ñ" makes "Cañada" a town, not Canada."""
    return r.feature in ("country", "continent") and ("ñ" not in spelled or "ñ" in r.name.lower())


class Names:
    """Cached gazetteer access shared by every stage of one geoparser."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or default_gazetteer()
        self._names: dict[str, bool] = {}  # normalised span -> whether the gazetteer has it
        self._readings = lru_cache(maxsize=110_000)(self._lookup)
        self._within = lru_cache(maxsize=20_000)(  # readings of a name in its "X, Y" qualifier
            lambda key, qualifier, focus: tuple(self.gazetteer.lookup_within(key, qualifier, focus, OPTIONS)))
        self._spelled = lru_cache(maxsize=20_000)(lambda key, spelled: spelled_ids(self.gazetteer.db, key, spelled))
        self._keys_in: dict[tuple[str, str], dict[str, str]] = {}
        self.country = lru_cache(maxsize=512)(self.gazetteer.country)
        self.region = lru_cache(maxsize=512)(self.gazetteer.region)

    def known(self, key: str) -> bool:
        """Whether some place is called ``key`` (a normalised name)."""
        known = self._names.get(key)
        if known is None:
            self.learn([key])
            known = self._names[key]
        return known

    def learn(self, keys: Iterable[str]) -> None:
        """Ask the gazetteer about many names at once (an article's spans, in one query)."""
        new = list({k for k in keys if k not in self._names})
        if len(self._names) + len(new) > _NAME_CACHE:
            self._names.clear()
        found = self.gazetteer.known_names(new)
        self._names.update((k, k in found) for k in new)

    def usual_feature(self, key: str) -> str | None:
        """The kind of place a name's best reading is, without context ("kansas": admin1)."""
        best = self.best(key, None) if self.known(key) else ()
        return best[0].feature if best else None

    def is_region(self, key: str) -> bool:
        """True for names with a country or admin-1 reading among their best (valid qualifiers)."""
        options = self.best(key, None) if self.known(key) else ()
        return any(r.feature in ("country", "admin1") for r in options)

    def _lookup(self, query: str, country: str | None, limit: int) -> tuple[GeocodeResult, ...]:
        return tuple(self.gazetteer.lookup_all(query, country=country, limit=limit))

    def best(self, query: str, country: str | None) -> tuple[GeocodeResult, ...]:
        """The best few readings of a name, best first."""
        return self._readings(query, country, OPTIONS)

    def many(self, query: str, country: str | None) -> tuple[GeocodeResult, ...]:
        """Many readings, for names with many equals ("Madison County")."""
        return self._readings(query, country, MANY_OPTIONS)

    def within(self, key: str, qualifier: str, focus: str | None) -> tuple[GeocodeResult, ...]:
        """The readings of a name inside the place its "X, Y" qualifier names."""
        return self._within(key, qualifier, focus)

    def as_spelled(self, options: tuple[GeocodeResult, ...], key: str, spelled: str | None,
                   widen: bool = True) -> tuple[GeocodeResult, ...]:
        """The readings that go by the name's accents as written ("Cañada": the towns, not Canada),
        looked for among all of the name's readings when ``widen``; all of ``options`` when the
        accents are none or no reading has them."""
        if not spelled:
            return options
        ids = self._spelled(key, spelled)
        if not ids:
            return options
        kept = tuple(o for o in options if o.gazetteer_id in ids or _spelled_alike(o, spelled))
        return kept or (tuple(o for o in self.many(key, None) if o.gazetteer_id in ids) if widen else ()) or options

    def keys_in(self, country: str, initial: str) -> dict[str, str]:
        """The names (keys) of one country's places that start with ``initial``, each with its
        spelling for fuzzy matching (without an Arabic article): read once per geoparser."""
        keys = self._keys_in.get((country, initial))
        if keys is None:
            keys = self._keys_in[(country, initial)] = {r[0]: without_article(r[0]) for r in self.gazetteer.db.execute(
                "SELECT DISTINCT norm FROM names WHERE country = ? AND norm >= ? AND norm < ?",
                (country, initial, initial[:-1] + chr(ord(initial[-1]) + 1)))}
        return keys
