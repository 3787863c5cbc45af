"""Online fallback: geopy's Nominatim, rate-limited and cached.

Nominatim's usage policy asks for at most one request per second and a
User-Agent that names the application; both are the defaults here. Each
:class:`CachedNominatim` has one rate limiter for all its lookups, and
:func:`geo.lookup.default_online` gives a process one geocoder, so a whole
``geo build`` keeps the rate. Requests go through
:class:`~geo.geocoders.transport.GuardedAdapter`: a total deadline, a size cap, no
redirects. Only a well-formed answer is cached; a cached "not found" expires.
"""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections.abc import Iterator

from geopy.exc import (
    GeocoderParseError,
    GeocoderQueryError,
    GeocoderTimedOut,
    GeopyError,
)
from geopy.geocoders import Nominatim

from geo.gazetteer import GeocodeResult
from geo.geocoders.cache import AnswerCache
from geo.geocoders.errors import OnlineGeocodingError
from geo.geocoders.transport import GuardedAdapter
from geo.normalize import normalize_name
from geo.options import options
from geo.version import __version__

USER_AGENT = f"geo-incident-mapper/{__version__} (crisis news geoparser; offline-first)"
PROVIDER = "nominatim"

__all__ = ["CachedNominatim", "OnlineGeocodingError", "result_from_nominatim"]


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


class _StrictNominatim(Nominatim):
    """Nominatim whose /search answer must be a JSON list of objects.

    geopy reads any empty JSON value (``{}``, ``null``, ``""`` as a string) as "not found",
    which would then be cached; a server error page of that shape is not an answer.
    """

    def _parse_json(self, places, exactly_one):
        if isinstance(places, dict) and "error" in places:
            raise GeocoderQueryError(str(places["error"])[:200])
        if not isinstance(places, list) or not all(isinstance(p, dict) for p in places):
            raise GeocoderParseError(f"answer is not a list of places: {str(places)[:200]!r}")
        return super()._parse_json(places, exactly_one)


class RateLimit:
    """One request at a time, each starting ``min_delay_seconds`` after the previous one *ended*.

    geopy's RateLimiter spaces the starts of requests; spacing from the end means the
    server sees the gap too, even when one request was slow to reach it. A failed or
    timed-out request counts like any other.
    """

    def __init__(self, min_delay_seconds: float):
        self.min_delay_seconds = min_delay_seconds
        self._lock = threading.Lock()
        self._last_end: float | None = None

    @contextlib.contextmanager
    def slot(self) -> Iterator[None]:
        """Wait for the next free slot and hold it for the block (a request)."""
        with self._lock:
            if self._last_end is not None:
                wait = self._last_end + self.min_delay_seconds - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
            try:
                yield
            finally:
                self._last_end = time.monotonic()


class CachedNominatim:
    """Nominatim through geopy, at most one request per ``min_delay_seconds``, every answer cached.

    Settings left as None come from :data:`geo.options.options`.

    >>> online = CachedNominatim(domain="127.0.0.1:8080", scheme="http")  # doctest: +SKIP
    >>> online.geocode("Senkata, El Alto")  # doctest: +SKIP
    """

    provider = PROVIDER

    def __init__(self, cache: AnswerCache | None = None, *, domain: str = "nominatim.openstreetmap.org",
                 scheme: str = "https", timeout: float | None = None, min_delay_seconds: float | None = None,
                 user_agent: str = USER_AGENT, max_bytes: int | None = None, not_found_days: float | None = None):
        self.cache = cache if cache is not None else AnswerCache()  # an empty cache is falsy
        self.domain = domain
        self.timeout = options.online_timeout if timeout is None else timeout
        self.not_found_days = options.not_found_days if not_found_days is None else not_found_days
        adapter = functools.partial(GuardedAdapter, max_bytes=max_bytes or options.online_max_bytes)
        self._nominatim = _StrictNominatim(user_agent=user_agent, domain=domain, scheme=scheme,
                                           timeout=self.timeout, adapter_factory=adapter)
        delay = options.online_min_delay if min_delay_seconds is None else min_delay_seconds
        # One limiter for every lookup of this geocoder, and no retries anywhere (geopy's
        # adapter is ours): each retry would be a request the limiter never saw.
        self.rate_limit = RateLimit(delay)
        self.requests_sent = 0

    def geocode(self, query: str, country: str | None = None) -> GeocodeResult | None:
        """The best online answer for ``query`` (None when Nominatim knows none).

        Cached answers are returned without a request; a "not found" only until it is
        ``not_found_days`` old. Raises :class:`OnlineGeocodingError` on timeouts, HTTP
        errors, redirects, oversized or malformed answers; nothing is cached then, so the
        next call asks again.
        """
        key = normalize_name(query) + (f"|{country.upper()}" if country else "")
        hit, raw = self.cache.get(key, self.provider, not_found_max_age=self.not_found_days * 86400)
        if not hit:
            raw = self._ask(query, country)
            if raw is not None:
                result_from_nominatim(raw)  # validate before caching
            self.cache.put(key, self.provider, raw)
        return result_from_nominatim(raw) if raw is not None else None

    def _ask(self, query: str, country: str | None) -> dict | None:
        """The raw answer of one rate-limited request (None: not found)."""
        self.requests_sent += 1
        try:
            with self.rate_limit.slot():
                location = self._nominatim.geocode(query, exactly_one=True, addressdetails=True, language="en",
                                                   country_codes=country.lower() if country else None)
        except GeopyError as exc:
            timed_out = isinstance(exc, GeocoderTimedOut) and "status code" not in str(exc)
            what = f"timed out after {self.timeout:g} s" if timed_out else f"{type(exc).__name__}: {exc}"
            raise OnlineGeocodingError(f"online geocoder {self.domain} failed for {query!r}: {what}; "
                                       "nothing was cached, try again later or without --online") from exc
        except (TypeError, ValueError, AttributeError, KeyError) as exc:  # JSON of the wrong shape
            raise OnlineGeocodingError(
                f"online geocoder {self.domain} gave a malformed answer for {query!r}: {exc}") from exc
        return location.raw if location is not None else None
