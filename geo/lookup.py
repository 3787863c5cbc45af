"""``geocode``: one place name to one place, offline first, online only if asked."""

from __future__ import annotations

import os

from geo.gazetteer import Gazetteer, GeocodeResult, PlaceNotFound, default_gazetteer


def online_enabled() -> bool:
    """True when the user opted in to the online fallback with ``GEO_ONLINE=1``."""
    return os.environ.get("GEO_ONLINE", "").strip().lower() in ("1", "true", "yes", "on")


def default_online():
    """The online fallback configured by the environment (``GEO_NOMINATIM_URL``)."""
    from geo.geocoders.nominatim import CachedNominatim

    url = os.environ.get("GEO_NOMINATIM_URL", "https://nominatim.openstreetmap.org")
    scheme, _, domain = url.partition("://")
    delay = float(os.environ.get("GEO_ONLINE_MIN_DELAY", "1.0"))
    return CachedNominatim(domain=domain.rstrip("/"), scheme=scheme, min_delay_seconds=delay)


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
    except PlaceNotFound as offline_miss:
        if not (online if online is not None else online_enabled()):
            raise
        service = online_geocoder or default_online()
        found = service.geocode(query, country=country)
        if found is None:
            raise offline_miss
        return found
