"""Online fallback: geopy's Nominatim, rate-limited and cached.

Nominatim's usage policy asks for at most one request per second and a
User-Agent that names the application; both are the defaults here.
"""

from __future__ import annotations

import functools

from geopy.adapters import RequestsAdapter
from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim

from geo import __version__
from geo.gazetteer import GeocodeResult
from geo.geocoders.cache import AnswerCache
from geo.normalize import normalize_name

USER_AGENT = f"geo-incident-mapper/{__version__} (crisis news geoparser; offline-first)"
PROVIDER = "nominatim"


class OnlineGeocodingError(RuntimeError):
    """The online geocoder did not answer usably (timeout, HTTP error, bad JSON)."""


def result_from_nominatim(raw: dict) -> GeocodeResult:
    """A :class:`GeocodeResult` from one Nominatim JSON place."""
    try:
        lat, lon = float(raw["lat"]), float(raw["lon"])
    except (KeyError, TypeError, ValueError) as exc:
        raise OnlineGeocodingError(f"Nominatim answer has no usable lat/lon: {str(raw)[:200]}") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise OnlineGeocodingError(f"Nominatim answer has coordinates out of range: {lat}, {lon}")
    address = raw.get("address") or {}
    name = raw.get("name") or str(raw.get("display_name", "")).split(",")[0]
    kind = raw.get("addresstype") or raw.get("type") or "place"
    return GeocodeResult(
        name=name, lat=lat, lon=lon,
        country=(address.get("country_code") or "").upper() or None,
        admin1=address.get("state"), feature="country" if kind == "country" else kind,
        feature_code=f"{raw.get('class', '')}:{raw.get('type', '')}", population=0,
        gazetteer_id=f"osm:{raw.get('osm_type', '')}/{raw.get('osm_id', '')}",
        score=round(100 * float(raw.get("importance") or 0), 2))


class CachedNominatim:
    """Nominatim through geopy, at most one request per ``min_delay_seconds``, every answer cached.

    >>> online = CachedNominatim(domain="127.0.0.1:8080", scheme="http")  # doctest: +SKIP
    >>> online.geocode("Senkata, El Alto")  # doctest: +SKIP
    """

    provider = PROVIDER

    def __init__(self, cache: AnswerCache | None = None, *, domain: str = "nominatim.openstreetmap.org",
                 scheme: str = "https", timeout: float = 10.0, min_delay_seconds: float = 1.0,
                 user_agent: str = USER_AGENT):
        self.cache = cache if cache is not None else AnswerCache()  # an empty cache is falsy
        self.domain = domain
        # No transport-level retries: each retry would be a request the rate limit never saw.
        self._nominatim = Nominatim(user_agent=user_agent, domain=domain, scheme=scheme, timeout=timeout,
                                    adapter_factory=functools.partial(RequestsAdapter, max_retries=0))
        self.timeout = timeout
        self._geocode = RateLimiter(self._nominatim.geocode, min_delay_seconds=min_delay_seconds,
                                    max_retries=0, swallow_exceptions=False)
        self.requests_sent = 0

    def geocode(self, query: str, country: str | None = None) -> GeocodeResult | None:
        """The best online answer for ``query`` (None when Nominatim knows none).

        Cached answers, "not found" included, are returned without a request.
        Raises :class:`OnlineGeocodingError` on timeouts, HTTP errors and bad JSON;
        nothing is cached then, so the next call asks again.
        """
        key = normalize_name(query) + (f"|{country.upper()}" if country else "")
        hit, raw = self.cache.get(key, self.provider)
        if not hit:
            self.requests_sent += 1
            try:
                location = self._geocode(query, exactly_one=True, addressdetails=True, language="en",
                                         country_codes=country.lower() if country else None)
            except GeopyError as exc:
                what = (f"timed out after {self.timeout:g} s" if "timed out" in str(exc).lower()
                        else f"{type(exc).__name__}: {exc}")
                raise OnlineGeocodingError(f"online geocoder {self.domain} failed for {query!r}: {what}; "
                                           "nothing was cached, try again later or without --online") from exc
            except (TypeError, ValueError, AttributeError) as exc:  # JSON of the wrong shape
                raise OnlineGeocodingError(
                    f"online geocoder {self.domain} gave a malformed answer for {query!r}: {exc}") from exc
            raw = location.raw if location is not None else None
            if raw is not None:
                result_from_nominatim(raw)  # validate before caching
            self.cache.put(key, self.provider, raw)
        return result_from_nominatim(raw) if raw is not None else None
