"""The shipped gazetteer as a geopy geocoder."""

from __future__ import annotations

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from geo.gazetteer import Gazetteer, GeocodeResult, default_gazetteer


def to_location(result: GeocodeResult) -> Location:
    """A geopy ``Location`` for a gazetteer result (``raw`` holds every field)."""
    address = ", ".join(filter(None, [result.name, result.admin1, result.country]))
    return Location(address, (result.lat, result.lon), result.to_dict())


class OfflineGeocoder(Geocoder):
    """Offline geocoder over geo's gazetteer, with geopy's ``geocode`` interface.

    It never touches the network, so ``timeout`` and friends are accepted and ignored.

    >>> from geopy.extra.rate_limiter import RateLimiter
    >>> geocode = RateLimiter(OfflineGeocoder().geocode, min_delay_seconds=0)
    >>> loc = geocode("Huayllani, Cochabamba")
    >>> round(loc.latitude, 2), round(loc.longitude, 2)
    (-17.4, -66.06)
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, country_bias: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.gazetteer = gazetteer or default_gazetteer()
        self.country_bias = country_bias

    def geocode(self, query: str, *, exactly_one: bool = True, timeout=DEFAULT_SENTINEL,
                country_codes: str | list[str] | None = None, limit: int | None = None):
        """Locations for ``query``: one (``exactly_one``) or a list, best first; None if unknown.

        ``country_codes`` restricts the answers to those ISO-2 countries.
        """
        if isinstance(country_codes, str):
            country_codes = [country_codes]
        wanted = {c.upper() for c in country_codes or []}
        focus = next(iter(wanted)) if len(wanted) == 1 else self.country_bias
        results = self.gazetteer.lookup_all(query, country=focus, limit=max(limit or 10, 10))
        if wanted:
            results = [r for r in results if r.country in wanted]
        if not results:
            return None
        locations = [to_location(r) for r in results[: limit or len(results)]]
        return locations[0] if exactly_one else locations
