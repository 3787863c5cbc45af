"""A folder's ``articles.csv``: which files are its articles, with their ids, titles, outlets, dates.

The manifest is read strictly: a file geo cannot read as a UTF-8 CSV with a ``file`` column
stops the run (``ManifestError``) rather than lose every article's date in silence. Rows that
cannot be used are reported and skipped; columns geo does not read are named once.

>>> rows, notes = read_manifest(Path("seeds/articles.csv"))
>>> rows[0]["file"], rows[0]["_where"], notes
('000_f0bddc0a2dccaad2.txt', 'seeds/articles.csv, row 2', [])
"""

from __future__ import annotations

import csv
import difflib
import io
import os
from pathlib import Path

from geo.entries import problem, read_capped, shown
from geo.errors import ManifestError

MANIFEST = "articles.csv"
COLUMNS = ("article_id", "file", "title", "outlet", "published", "url", "published_basis")
# Names other tools give these columns: the warning says which one geo reads instead.
_SYNONYMS = {"date": "published", "pubdate": "published", "publication_date": "published", "published_at": "published",
             "id": "article_id", "filename": "file", "path": "file", "headline": "title", "source": "outlet",
             "publisher": "outlet", "link": "url", "published_by": "outlet"}
MAX_MANIFEST_BYTES = 200e6


def _text(path: Path) -> str:
    why = problem(path, MAX_MANIFEST_BYTES)
    if why:
        raise ManifestError(why.replace("; skipped", ""))
    try:
        data = read_capped(path, MAX_MANIFEST_BYTES)
    except OSError as exc:
        raise ManifestError(f"{shown(path)}: cannot read ({exc.strerror})") from None
    if b"\x00" in data[:65536]:
        raise ManifestError(f"{shown(path)}: a binary file, not a CSV manifest (expected a header such as "
                            f"{','.join(COLUMNS[:5])}); fix or remove it")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ManifestError(f"{shown(path)}: not valid UTF-8 (byte {exc.start}); save it as UTF-8 and run again") \
            from None


def _unknown_columns(path: Path, header: list[str]) -> list[str]:
    notes = []
    for name in header:
        if name in COLUMNS:
            continue
        hint = _SYNONYMS.get(name.strip().lower()) or next(iter(difflib.get_close_matches(name, COLUMNS, 1)), None)
        notes.append(f"{shown(path)}: column {name!r} is not one geo reads ({', '.join(COLUMNS)}); ignored"
                     + (f" (did you mean {hint!r}?)" if hint and hint not in header else ""))
    return notes


def _inside(name: str) -> bool:
    """True when ``name`` is a path inside the manifest's folder (not absolute, no way out with "..").

    >>> _inside("a.txt"), _inside("..a.txt"), _inside("../secret.txt"), _inside("/etc/passwd")
    (True, True, False, False)
    """
    if os.sep not in name and not (os.altsep and os.altsep in name) and ":" not in name:
        return name not in ("", ".", "..")  # a name of the folder's own (most rows): no path to take apart
    if os.path.isabs(name) or Path(name).drive:
        return False
    parts = Path(os.path.normpath(name)).parts
    return bool(parts) and parts[0] != ".."


def read_manifest(path: Path) -> tuple[list[dict], list[str]]:
    """The usable rows of a manifest (each with ``_where``: file and row) and the warnings met.

    Raises ``ManifestError`` when the file as a whole is unusable (binary, not UTF-8, not a
    CSV, no ``file`` column).
    """
    try:
        records = list(csv.reader(io.StringIO(_text(path), newline="")))
    except csv.Error as exc:
        raise ManifestError(f"{shown(path)}: not a readable CSV file ({exc})") from None
    if not records or "file" not in [h.strip() for h in records[0]]:
        found = ", ".join(repr(h) for h in (records[0] if records else [])[:6]) or "nothing"
        raise ManifestError(f"{shown(path)}: the header lacks the column 'file' (found {found}); the header must "
                            f"name {','.join(COLUMNS[:5])}")
    header = [h.strip() for h in records[0]]
    twice = next((h for k, h in enumerate(header) if h and h in header[:k]), None)
    if twice is not None:
        raise ManifestError(f"{shown(path)}, row 1: column {twice!r} appears twice in the header; keep one")
    notes = _unknown_columns(path, header)
    rows = []
    named = shown(path)
    for n, values in enumerate(records[1:], start=2):
        where = f"{named}, row {n}"
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(header):
            notes.append(f"{where}: {len(values)} values for {len(header)} columns (a comma inside an unquoted "
                         "field?); row skipped")
            continue
        row = dict(zip(header, (v.strip() for v in values)), _where=where)
        name = row.get("file", "")
        if name and not _inside(name):
            notes.append(f"{where}: file {name!r} is outside {shown(path.parent)}; refused (a manifest names files "
                         "of its own folder); row skipped")
            continue
        rows.append(row)
    return rows, notes
