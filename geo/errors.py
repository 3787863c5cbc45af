"""geo's exceptions: one small tree, so callers catch what they can report.

Every message names the file, row or field, and says what to do; the CLI prints it as
``geo: error: ...`` and exits 1.
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
