"""The geoparser's one cached view of the gazetteer: which names exist, their readings."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable


from geo.gazetteer import Gazetteer, GeocodeResult, default_gazetteer
from geo.toponym_rules import (
    _MANY_OPTIONS, _NAME_CACHE, _OPTIONS)


class NamesView:
    """Cached gazetteer access shared by the recognition and resolution stages."""

    def __init__(self, gazetteer: Gazetteer | None = None, demonyms: bool = False, modifiers: bool = False):
        self.gazetteer = gazetteer or default_gazetteer()
        self.demonyms = demonyms
        # LGL-style annotation: a place naming something else ("Ohio State University",
        # "Alexandria Police") counts as a mention. Off by default: "Mexico Hospital" is in Sacaba.
        self.modifiers = modifiers
        self._names: dict[str, bool] = {}  # normalised span -> whether the gazetteer has it
        self._readings = lru_cache(maxsize=110_000)(self._lookup)
        self._within = lru_cache(maxsize=20_000)(  # readings of a name in its "X, Y" qualifier
            lambda key, qualifier, focus: tuple(self.gazetteer.lookup_within(key, qualifier, focus, _OPTIONS)))
        self._country = lru_cache(maxsize=512)(self.gazetteer.country)
        self._region = lru_cache(maxsize=512)(self.gazetteer.region)

    # -- gazetteer access (cached: names repeat across articles) ------------------
    def _known(self, key: str) -> bool:
        """Whether some place is called ``key`` (a normalised name)."""
        known = self._names.get(key)
        if known is None:
            self._learn_names([key])
            known = self._names[key]
        return known

    def _learn_names(self, keys: Iterable[str]) -> None:
        """Ask the gazetteer about many names at once (an article's spans, in one query)."""
        new = list({k for k in keys if k not in self._names})
        if len(self._names) + len(new) > _NAME_CACHE:
            self._names.clear()
        found = self.gazetteer.known_names(new)
        self._names.update((k, k in found) for k in new)

    def _usual_feature(self, key: str) -> str | None:
        """The kind of place a name's best reading is, without context ("kansas": admin1)."""
        best = self._best(key, None) if self._known(key) else ()
        return best[0].feature if best else None

    def _is_region(self, key: str) -> bool:
        """True for names with a country or admin-1 reading among their best (valid qualifiers)."""
        options = self._best(key, None) if self._known(key) else ()
        return any(r.feature in ("country", "admin1") for r in options)

    def _lookup(self, query: str, country: str | None, limit: int) -> tuple[GeocodeResult, ...]:
        return tuple(self.gazetteer.lookup_all(query, country=country, limit=limit))

    def _best(self, query: str, country: str | None) -> tuple[GeocodeResult, ...]:
        """The best few readings of a name, best first (cached: names repeat across articles)."""
        return self._readings(query, country, _OPTIONS)

    def _many(self, query: str, country: str | None) -> tuple[GeocodeResult, ...]:
        """Many readings, for names with many equals ("Madison County")."""
        return self._readings(query, country, _MANY_OPTIONS)

    # -- recognition -------------------------------------------------------------
