"""Errors of the online geocoder and its answer cache (caught by the command line as one line each)."""


class OnlineGeocodingError(RuntimeError):
    """The online geocoder did not answer usably (timeout, HTTP error, bad JSON, redirect)."""


class AnswerCacheError(OnlineGeocodingError):
    """The online answer cache cannot be used now (locked by another process too long, unwritable)."""
