"""Errors of the online geocoder and its answer cache (defined in :mod:`geo.errors`, named here too)."""

from geo.errors import AnswerCacheError, OnlineGeocodingError

__all__ = ["AnswerCacheError", "OnlineGeocodingError"]
