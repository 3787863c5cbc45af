"""``geocode``: one place name to one place, offline first, online only if asked."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from geo.gazetteer import Gazetteer, GeocodeResult, PlaceNotFound, default_gazetteer
from geo.options import options
from geo.paths import cache_dir


def online_enabled() -> bool:
    """True when the user opted in to the online fallback (``options.online``, ``GEO_ONLINE=1``)."""
    return bool(options.online)


def default_online():
    """The process's online geocoder for the current settings (``GEO_NOMINATIM_URL`` and friends).

    One instance per settings, so every lookup of a process shares its rate limiter:
    a new geocoder per lookup would start each with a fresh limit.
    """
    cache = options.answer_cache or cache_dir() / "online-answers.sqlite"
    return _online(options.nominatim_url, options.online_min_delay, options.online_timeout,
                   options.online_max_bytes, options.not_found_days, Path(cache).absolute())


@lru_cache(maxsize=8)
def _online(url: str, delay: float, timeout: float, max_bytes: int, not_found_days: float, cache: Path):
    from geo.geocoders.cache import AnswerCache
    from geo.geocoders.nominatim import CachedNominatim

    scheme, _, domain = url.partition("://")
    return CachedNominatim(AnswerCache(cache), domain=domain.rstrip("/"), scheme=scheme, min_delay_seconds=delay,
                           timeout=timeout, max_bytes=max_bytes, not_found_days=not_found_days)


def geocode(query: str, country: str | None = None, *, online: bool | None = None,
            gazetteer: Gazetteer | None = None, online_geocoder=None) -> GeocodeResult:
    """Resolve a place name to its most likely place.

    The shipped gazetteer answers first. Only when it knows no such name and
    ``online`` is true (or ``GEO_ONLINE=1``) is the online geocoder asked; its
    answer is cached. Raises :class:`~geo.gazetteer.PlaceNotFound` with
    suggestions when nothing matches, ``ValueError`` for an empty query, and
    :class:`~geo.geocoders.OnlineGeocodingError` when the online fallback fails.

    >>> r = geocode("Huayllani, Cochabamba")
    >>> r.name, r.admin1
    ('Huayllani', 'Cochabamba')
    >>> geocode("Santa Cruz", country="BO").name
    'Santa Cruz de la Sierra'
    """
    gaz = gazetteer or default_gazetteer()
    try:
        return gaz.lookup(query, country=country)
    except PlaceNotFound:
        if not (online if online is not None else online_enabled()):
            raise
        service = online_geocoder or default_online()
        found = service.geocode(query, country=country)
        if found is None:
            raise
        return found
