"""Per-article results kept between runs: a folder that gained ten articles reads ten.

An entry is keyed by what made it: the code (every module of geo and the gazetteer's data,
:func:`code_version`), what was asked (places or incidents, the options), the article (its
id, text and metadata; for an article not read yet, its file's bytes and manifest row) and,
for an article of an outlet, what its outlet's other stories decide of it: the outlet's home
and the senses it follows (see :mod:`~geo.pipeline.rounds`).
A changed article, option or line of code is a new key, so a stale result is never used;
old entries of other code versions go after ``GEO_INDEX_KEEP_DAYS`` unused. The file is
``results.sqlite`` in the cache folder; a damaged one is started afresh.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import time
from functools import cache
from pathlib import Path
from typing import Any

from geo.articles import Article, ArticleSource
from geo.pipeline.memory import gc_paused

FILE = "results.sqlite"
_CHUNK = 500  # keys per query (SQLite's limit on parameters is 999 in old builds)
REFRESH_SECONDS = 3600.0


@cache
def code_version() -> str:
    """A hash of geo's modules, of its word lists and tables (``geo/data/*.txt``, ``*.csv``: the
    given names, the countries) and of the gazetteer's data: any change to them is a new version."""
    import geo
    from geo.gazetteer import default_gazetteer

    # the index file is named by its sources' hash
    return version_of(Path(geo.__file__).resolve().parent, default_gazetteer().index_path.name)


def version_of(root: Path, index_name: str) -> str:
    """The version of the package at ``root`` (see :func:`code_version`) with the gazetteer index ``index_name``."""
    import geo

    digest = hashlib.sha256(geo.__version__.encode())
    tables = [*(root / "data").glob("*.txt"), *(root / "data").glob("*.csv")]
    for path in sorted([*root.rglob("*.py"), *tables]):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(index_name.encode())
    return digest.hexdigest()[:20]


def article_key(art: Article) -> bytes:
    """What of an article its results depend on."""
    meta = (art.article_id, art.title, art.outlet, art.url, art.published.isoformat() if art.published else None,
            art.published_basis)
    return hashlib.sha256(repr(meta).encode() + b"\0" + art.raw.encode("utf-8", "surrogatepass")).digest()


def source_key(source: ArticleSource) -> bytes | None:
    """What of an article not read yet its results depend on: its file's bytes and what its
    manifest and the options say of it (None: the file cannot be read; it is read in a task)."""
    from geo.entries import read_capped

    meta = (source.article_id, source.title, source.outlet, source.url, source.published, source.default_published,
            source.max_mb)
    if isinstance(source.data, bytes):  # carried to a cluster: its bytes read once already
        data = source.data
    elif source.data is not None:
        return None  # it could not be read when it was carried
    else:
        try:
            data = read_capped(source.path, source.max_mb * 1e6)
        except OSError:
            return None
    return hashlib.sha256(b"source\0" + repr(meta).encode() + b"\0" + data).digest()


def item_key(item: Article | ArticleSource) -> bytes | None:
    return article_key(item) if isinstance(item, Article) else source_key(item)


class ResultCache:
    """The results file: ``get_many`` and ``put_many`` of pickled values by key."""

    def __init__(self, path: Path, version: str):
        from geo.options import options

        self.path, self.version = path, version
        self.wait = options.cache_wait_seconds
        self.keep_days = options.index_keep_days
        # An entry goes keep_days after its last use (once its version is old): marked used when found, but
        # at most once in this long (a re-run of 10,000 articles rewrote every row's mark: 0.24 s).
        self.refresh = min(REFRESH_SECONDS, self.keep_days * 86400 / 10)
        self.db: sqlite3.Connection | None = None  # made at the first result kept: a run that keeps none leaves no file
        if path.exists():
            try:
                self.db = self._open()
            except sqlite3.DatabaseError:  # not a database, or damaged: it is a cache, start again
                path.unlink(missing_ok=True)
                self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=self.wait)
        db.execute("CREATE TABLE IF NOT EXISTS results (key BLOB PRIMARY KEY, version TEXT, used REAL, value BLOB)")
        return db

    def key(self, *parts: str | bytes) -> bytes:
        digest = hashlib.sha256(self.version.encode())
        for part in parts:
            digest.update(b"\0" + (part.encode() if isinstance(part, str) else part))
        return digest.digest()

    def get_many(self, keys: list[bytes]) -> dict[bytes, Any]:
        found: dict[bytes, Any] = {}
        if self.db is None:
            return found
        now = time.time()
        stale: list[bytes] = []  # entries last marked used longer ago than REFRESH: marked again
        with gc_paused():  # 10,000 results unpickled: Python's collections went through them again and again
            self._get(keys, found, stale, now)
        if stale:
            with self.db:
                self.db.executemany("UPDATE results SET used = ? WHERE key = ?", [(now, k) for k in stale])
        return found

    def _get(self, keys: list[bytes], found: dict[bytes, Any], stale: list[bytes], now: float) -> None:
        assert self.db is not None
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i:i + _CHUNK]
            rows = self.db.execute(f"SELECT key, value, used FROM results WHERE key IN ({','.join('?' * len(chunk))})",
                                   chunk).fetchall()
            for key, value, used in rows:
                try:
                    found[key] = pickle.loads(value)
                except Exception:  # noqa: BLE001  an entry a crash cut short: read again
                    continue
                if used < now - self.refresh:
                    stale.append(key)

    def put_many(self, items: list[tuple[bytes, Any]]) -> None:
        if not items:
            return
        if self.db is None:
            self.db = self._open()
        now = time.time()
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)",
                                [(k, self.version, now, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL))
                                 for k, v in items])
            self.db.execute("DELETE FROM results WHERE version != ? AND used < ?",
                            (self.version, now - self.keep_days * 86400))

    def close(self) -> None:
        if self.db is not None:
            self.db.close()


def open_cache(on_problem=None) -> ResultCache | None:
    """The results file of the cache folder, or None (with a warning) when it cannot be used."""
    from geo.paths import cache_dir

    path = cache_dir() / FILE
    try:
        return ResultCache(path, code_version())
    except (OSError, sqlite3.Error) as exc:
        if on_problem is not None:
            on_problem(f"{path}: the result cache cannot be used ({exc}); every article is read")
        return None
