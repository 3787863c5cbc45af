"""Geocoders, one per module, each a geopy-style class.

* :class:`~geo.geocoders.offline.OfflineGeocoder`: the shipped gazetteer, as a geopy
  ``Geocoder`` (works with geopy's ``RateLimiter`` and anything else that takes one).
* :class:`~geo.geocoders.nominatim.CachedNominatim`: geopy's Nominatim behind a
  rate limit and a persistent answer cache; opt-in, used only as a fallback.

Their settings live in :data:`geo.options.options`.
"""

from geo.geocoders.cache import AnswerCache
from geo.geocoders.errors import AnswerCacheError, OnlineGeocodingError
from geo.geocoders.nominatim import CachedNominatim
from geo.geocoders.offline import OfflineGeocoder

__all__ = ["AnswerCache", "AnswerCacheError", "CachedNominatim", "OfflineGeocoder", "OnlineGeocodingError"]
