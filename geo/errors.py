"""geo's exceptions: one small tree, so a caller catches what it can report.

Every message names the file, row, field or setting, and says what to do; the command line
prints it as ``geo: error: ...`` and exits 1. ``except GeoError`` catches all of them.

    GeoError
    ├── InputError (ValueError)        input that cannot be used as given
    │   ├── ArticleError               an article or a manifest row
    │   │   └── ManifestError          a folder's articles.csv as a whole: the run stops
    │   ├── RecordError                a curated record (file, row, field)
    │   └── OptionError                a setting's environment variable
    ├── OutputError (OSError)          an output that cannot be written
    ├── GazetteerError (RuntimeError)  the gazetteer's files missing or unreadable
    ├── PlaceNotFound (LookupError)    no place of that name (geo.gazetteer: with suggestions)
    └── OnlineGeocodingError (RuntimeError)  the online geocoder gave no usable answer
        └── AnswerCacheError           its answer cache cannot be used now

>>> issubclass(ManifestError, ArticleError) and issubclass(RecordError, ValueError)
True
"""

from __future__ import annotations


class GeoError(Exception):
    """Base of geo's own errors."""


class InputError(GeoError, ValueError):
    """Input that cannot be used as given (a file, a row, a field)."""


class ArticleError(InputError):
    """An article or manifest row that cannot be used; the message names file/row and why."""


class ManifestError(ArticleError):
    """A folder's ``articles.csv`` that cannot be read at all: geo stops rather than guess the metadata."""


class RecordError(InputError):
    """A curated record that cannot be used as given; the message names file, row and field."""


class OptionError(InputError):
    """An environment variable of a setting holds a value of the wrong kind."""


class OutputError(GeoError, OSError):
    """An output that cannot be written; the message names it and says what to do."""


class GazetteerError(GeoError, RuntimeError):
    """The gazetteer's files are missing or unreadable."""


class PlaceNotFound(GeoError, LookupError):
    """No place of that name; ``suggestions`` holds the closest names known.

    Suggestions cost a scan of similar names, so they are found when first asked for.
    """

    def __init__(self, query: str, suggest=None):
        super().__init__(query)
        self.query = query
        self._suggest = suggest if callable(suggest) else (lambda: list(suggest or []))
        self._suggestions: list[str] | None = None

    @property
    def suggestions(self) -> list[str]:
        if self._suggestions is None:
            self._suggestions = self._suggest()
        return self._suggestions

    def __str__(self) -> str:
        hint = f"; closest names: {', '.join(self.suggestions)}" if self.suggestions else ""
        return f"{self.query!r} not found in the gazetteer{hint}"


class OnlineGeocodingError(GeoError, RuntimeError):
    """The online geocoder did not answer usably (timeout, HTTP error, bad JSON, redirect)."""


class AnswerCacheError(OnlineGeocodingError):
    """The online answer cache cannot be used now (locked by another process too long, unwritable)."""
