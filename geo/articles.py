"""Articles: load text files and their manifest, clean web/PDF artefacts, keep raw offsets.

Cleaning never loses the way back: ``Article.offsets[i]`` is the index in the raw
text of character ``i`` of the clean text, so a span found in the clean text maps
to the exact characters of the file (``Article.raw_span``), line breaks included.

>>> a = Article.from_text("El \\n\\nAlto protests [spread](#) fast-\\ner.", article_id="x")
>>> a.text
'El Alto protests spread faster.'
>>> start, end = a.raw_span(0, 7)
>>> a.raw[start:end]
'El \\n\\nAlto'
"""

from __future__ import annotations

import os
import sys
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from geo.cleaning import clean_text
from geo.dates import find_publication_date
from geo.entries import DEFAULT_MAX_MB, folder_entries, problem, read_capped, shown
from geo.errors import ArticleError, ManifestError
from geo.manifest import MANIFEST, read_manifest
from geo.offsets import Offsets

__all__ = ["Article", "ArticleSource", "article_sources", "ArticleError", "ManifestError", "MANIFEST", "load_article",
           "load_articles", "clean_text"]


@dataclass
class Article:
    """One article: raw text as decoded, clean text, offsets back to raw, metadata."""

    article_id: str
    raw: str
    text: str = ""
    offsets: Offsets = field(default_factory=lambda: Offsets.identity(0), repr=False)  # runs, not a list
    path: Path | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_basis: str = "unknown"
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_text(cls, raw: str, article_id: str = "text", published: date | None = None, **meta) -> "Article":
        """Clean ``raw`` and date it (``published`` if given, else from the text)."""
        text, offsets = clean_text(raw)
        art = cls(article_id=article_id, raw=raw, text=text, offsets=offsets, **meta)
        if published is not None:
            art.published, art.published_basis = published, "given"
        else:
            found = find_publication_date(text)
            if found:
                art.published, art.published_basis = found
        return art

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw-text (start, end) of the clean-text span [start, end)."""
        if end <= start:  # an empty span sits where its start does
            at = self.offsets[start] if start < len(self.offsets) else len(self.raw)
            return at, at
        end_raw = self.offsets[end - 1] + 1
        while end_raw < len(self.raw) and unicodedata.combining(self.raw[end_raw]):
            end_raw += 1  # "Potosi" + U+0301 composed in the clean text: the raw span keeps the accent
        return self.offsets[start], end_raw


A = TypeVar("A", "Article", "ArticleSource")


# -- loading ------------------------------------------------------------------------

def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode file bytes: UTF-8 (BOM allowed), UTF-16 with its BOM, else cp1252 with a warning;
    binary is an error."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Windows "Unicode" text: UTF-16, said by its BOM
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise ArticleError(f"{name}: starts as UTF-16 but is not valid UTF-16 (byte {exc.start}); skipped") from None
    if b"\x00" in data[:4096]:
        raise ArticleError(f"{name}: looks like a binary file (NUL bytes), not an article; skipped")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        return text, [f"{name}: not valid UTF-8 (byte {exc.start}); decoded as Windows-1252/Latin-1, check accents"]


def load_article(path: str | Path, article_id: str | None = None, published: date | None = None,
                 max_mb: float = DEFAULT_MAX_MB, data: bytes | None = None, **meta) -> Article:
    """Load and clean one article file (a regular file of at most ``max_mb`` MB).

    >>> art = load_article("seeds/001_a9ffa14dafb5799f.txt")
    >>> art.published.isoformat(), art.published_basis
    ('2019-11-20', 'text: date line')
    """
    path = Path(path)
    name = shown(path)
    raw, warnings = decode(read_file(path, max_mb) if data is None else data, name)
    if not raw.strip():
        raise ArticleError(f"{name}: empty file; skipped")
    art = Article.from_text(raw, article_id=article_id or shown(path.stem), published=published, path=path, **meta)
    if name != str(path):
        warnings.append(f"{name}: the file name is not valid UTF-8; its article id is {art.article_id!r}")
    art.warnings.extend(warnings)
    return art


def read_file(path: Path, max_mb: float) -> bytes:
    """The bytes of an article file (a regular file of at most ``max_mb`` MB), else an :class:`ArticleError`."""
    why = problem(path, max_mb * 1e6)
    if why:
        raise ArticleError(why)
    try:
        return read_capped(path, max_mb * 1e6)
    except OSError as exc:
        raise ArticleError(f"{shown(path)}: cannot read ({exc.strerror}); skipped") from exc


def _parse_date(value: str, where: str) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ArticleError(f"{where}: published {value!r} is not a date (YYYY-MM-DD)") from None


def _real(path: Path, folders: dict[str, str], link: bool | None = None) -> str:
    """``os.path.realpath(path)``, each folder and file resolved once (``folders``: those resolved
    so far; a listing asks of each file three times): a file that is no link is its real folder's
    entry, one ``lstat`` (none when its listing said whether it is a ``link``), not one per part
    of its path."""
    if (known := folders.get(key := os.fspath(path))) is not None:
        return known
    if link or (link is None and os.path.islink(path)):
        folders[key] = os.path.realpath(path)
        return folders[key]
    folder, name = os.path.split(os.path.abspath(path))
    if folder not in folders:
        folders[folder] = os.path.realpath(folder)
    folders[key] = os.path.join(folders[folder], name)
    return folders[key]


def _folder_entries(top: Path, recursive: bool, report: Callable[[str], None],
                    folders: dict[str, str]) -> list[tuple[Path, dict | None]]:
    """(file, manifest row or None) for the articles of a folder and, when ``recursive``, of the
    folders inside it, in order (a stack, not recursion: folders may nest deeper than Python)."""
    out: list[tuple[Path, dict | None]] = []
    stack = [top]
    while stack:
        found, subfolders = _one_folder(stack.pop(), recursive, report, folders)
        out += found
        stack += reversed(subfolders)
    return out


def _one_folder(folder: Path, recursive: bool, report: Callable[[str], None],
                folders: dict[str, str]) -> tuple[list[tuple[Path, dict | None]], list[Path]]:
    """One folder's articles (its manifest's rows first, then the ``*.txt`` it does not list) and
    its subfolders when ``recursive``."""
    files, subfolders, names = folder_entries(folder, recursive, report)
    out: list[tuple[Path, dict | None]] = []
    listed: set[str] = set()
    if MANIFEST in names:
        rows, notes = read_manifest(folder / MANIFEST)  # ManifestError stops the run
        for note in notes:
            report(note)
        for row in rows:
            name = row.get("file", "")
            file = folder / name
            own = os.sep not in name and not (os.altsep and os.altsep in name)  # no sub-folder: the listing knows it
            if not name or not (name in names if own else file.exists() or file.is_symlink()):
                report(f"{row['_where']}: file {row.get('file')!r} does not exist in {shown(folder)}; row skipped")
                continue
            listed.add(_real(file, folders, names[name] if own else None))
            out.append((file, row))
    out += [(f, None) for f in files if _real(f, folders, names.get(f.name)) not in listed]
    if not out and not subfolders:
        report(f"{shown(folder)}: no *.txt articles in this folder")
    return out, subfolders


def _entries(paths: Iterable[str | Path], recursive: bool, report: Callable[[str], None]) -> list[tuple[Path, dict | None]]:
    """Every (file, row) the paths name, each real file once: when a file is named both alone
    and by its folder's manifest, the manifest's row (its id, title, date) is kept."""
    chosen: dict[str, tuple[Path, dict | None]] = {}
    folders: dict[str, str] = {}
    for p in map(Path, paths):
        if p.is_dir():
            found = _folder_entries(p, recursive, report, folders)
        elif p.exists() or p.is_symlink():
            found = [(p, None)]
        else:
            report(f"{shown(p)}: no such file or folder")
            continue
        for file, row in found:
            real = _real(file, folders)
            if real in chosen:
                first = chosen[real]
                report(f"{shown(file)}: the same file as {shown(first[0])}; read once"
                       + (" with its manifest row" if row or first[1] else ""))
                if row is not None and first[1] is None:
                    chosen[real] = (file, row)
                continue
            chosen[real] = (file, row)
    return list(chosen.values())


def unique_ids(articles: list[A], report: Callable[[str], None]) -> list[A]:
    """The articles with ids unique in this run: two files of one name in two folders take their
    folder's name as a prefix (``a/story``, ``b/story``); ids still shared get ``-2``, ``-3``.
    Each change is reported: an id must never silently stand for two articles.

    >>> arts = [Article("story", "x", path=Path("a/story.txt")), Article("story", "y", path=Path("b/story.txt")),
    ...         Article("a/story", "z")]
    >>> [a.article_id for a in unique_ids(arts, lambda msg: None)]
    ['a/story-2', 'b/story', 'a/story']
    """
    by_id: dict[str, list[A]] = {}
    for art in articles:
        by_id.setdefault(art.article_id, []).append(art)
    renamed: dict[int, str] = {}
    taken = set(by_id)  # every id some article has: a new id must be none of them
    for aid, same in by_id.items():
        if len(same) < 2:
            continue
        prefixed = len({a.path.parent.name if a.path else "" for a in same}) == len(same) and all(a.path for a in same)
        for k, art in enumerate(same):
            want = f"{shown(art.path.parent.name)}/{aid}" if prefixed and art.path else aid
            name, n = want, 1
            while (k or prefixed) and name in taken:
                n += 1
                name = f"{want}-{n}"
            taken.add(name)
            renamed[id(art)] = name
        report(f"article id {aid!r} is shared by {len(same)} articles ("
               + ", ".join(f"{shown(a.path) if a.path else '?'} -> {renamed[id(a)]!r}" for a in same)
               + "); each keeps its own id in this run")
    return [replace(a, article_id=renamed[id(a)]) if id(a) in renamed else a for a in articles]


@dataclass(frozen=True)
class Failure:
    """Why a file could not be read (where it was listed, for a task that reads it elsewhere)."""

    why: str


@dataclass(frozen=True)
class ArticleSource:
    """An article not read yet: its file, its id and what its manifest row and the options say
    of it; :meth:`open` reads it (in whichever process: a task can carry it instead of the text)."""

    path: Path
    article_id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None  # the manifest's
    default_published: date | None = None  # for articles whose date is otherwise unknown
    max_mb: float = DEFAULT_MAX_MB

    data: bytes | Failure | None = field(default=None, repr=False)  # the file as read here, to be read elsewhere

    def open(self) -> Article:
        """The article, loaded and cleaned; an :class:`ArticleError` when it cannot be (its warnings in ``warnings``)."""
        if isinstance(self.data, Failure):
            raise ArticleError(self.data.why)
        art = load_article(self.path, article_id=self.article_id, published=self.published, max_mb=self.max_mb,
                           title=self.title, outlet=self.outlet, url=self.url, data=self.data)
        if self.published is not None:
            art.published_basis = "manifest"
        if art.published is None and self.default_published is not None:
            art.published, art.published_basis = self.default_published, "given"
        return art

    def carried(self) -> ArticleSource:
        """The source with its file's bytes, for a task on another machine (a Dask cluster's worker)."""
        if self.data is not None:
            return self
        try:
            return replace(self, data=read_file(self.path, self.max_mb))
        except ArticleError as exc:
            return replace(self, data=Failure(str(exc)))


def article_sources(paths: Iterable[str | Path], published: date | None = None,
                    on_problem: Callable[[str], None] | None = None, outlet: str | None = None,
                    recursive: bool = False, max_mb: float = DEFAULT_MAX_MB) -> list[ArticleSource]:
    """The articles :func:`load_articles` loads, not read yet: the files listed and the manifests
    read (their problems reported), the ids made unique."""
    report = on_problem or (lambda msg: print(f"geo: warning: {msg}", file=sys.stderr))
    out = [_source(path, row, published, outlet, max_mb, report) for path, row in _entries(paths, recursive, report)]
    return unique_ids(out, report)


def load_articles(paths: Iterable[str | Path], published: date | None = None,
                  on_problem: Callable[[str], None] | None = None, outlet: str | None = None,
                  recursive: bool = False, max_mb: float = DEFAULT_MAX_MB) -> list[Article]:
    """Load articles from files and folders (a folder: its ``*.txt`` plus its ``articles.csv``
    metadata; its subfolders too when ``recursive``). Problems (missing, binary, empty or
    oversized files, entries that are not regular files, bad manifest rows, shared ids) are
    reported through ``on_problem`` (default: stderr) and the rest is loaded; a manifest that
    cannot be read at all raises :class:`ManifestError`. ``published`` applies to articles whose
    date is otherwise unknown, and ``outlet`` to articles whose manifest names no outlet.

    >>> [a.article_id for a in load_articles(["seeds"])][:2]
    ['000_f0bddc0a2dccaad2', '001_a9ffa14dafb5799f']
    """
    report = on_problem or (lambda msg: print(f"geo: warning: {msg}", file=sys.stderr))
    out: list[Article] = []
    for source in article_sources(paths, published, report, outlet, recursive, max_mb):
        try:
            art = source.open()
        except ArticleError as exc:
            report(str(exc))
            continue
        for w in art.warnings:
            report(w)
        out.append(art)
    return out


def _source(path: Path, row: dict | None, published: date | None, outlet: str | None, max_mb: float,
            report: Callable[[str], None]) -> ArticleSource:
    meta = {}
    pub = None
    if row:
        try:
            pub = _parse_date(row.get("published", ""), row["_where"])
        except ArticleError as exc:  # keep the article, lose only the bad date
            report(f"{exc}; date taken from the text if it gives one")
        meta = {"title": row.get("title") or None, "outlet": row.get("outlet") or None, "url": row.get("url") or None}
    meta["outlet"] = meta.get("outlet") or outlet
    return ArticleSource(path, (row or {}).get("article_id") or shown(path.stem), published=pub,
                         default_published=published, max_mb=max_mb, **meta)
