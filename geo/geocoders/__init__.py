"""Geocoders, one per module, each a geopy-style class.

* :class:`~geo.geocoders.offline.OfflineGeocoder`: the shipped gazetteer, as a geopy
  ``Geocoder`` (works with geopy's ``RateLimiter`` and anything else that takes one).
* :class:`~geo.geocoders.nominatim.CachedNominatim`: geopy's Nominatim behind a
  rate limit and a persistent answer cache; opt-in, used only as a fallback.

Their settings live in :data:`geo.options.options`. The classes are imported when first named
(``from geo.geocoders import OfflineGeocoder``): importing the package, or only its errors,
does not import geopy (170 ms), which an offline run never needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from geo.geocoders.errors import AnswerCacheError, OnlineGeocodingError

if TYPE_CHECKING:
    from geo.geocoders.cache import AnswerCache
    from geo.geocoders.nominatim import CachedNominatim
    from geo.geocoders.offline import OfflineGeocoder

__all__ = ["AnswerCache", "AnswerCacheError", "CachedNominatim", "OfflineGeocoder", "OnlineGeocodingError"]


def __getattr__(name: str) -> Any:
    if name == "AnswerCache":
        from geo.geocoders.cache import AnswerCache
        return AnswerCache
    if name == "CachedNominatim":
        from geo.geocoders.nominatim import CachedNominatim
        return CachedNominatim
    if name == "OfflineGeocoder":
        from geo.geocoders.offline import OfflineGeocoder
        return OfflineGeocoder
    raise AttributeError(f"module 'geo.geocoders' has no attribute {name!r}")
