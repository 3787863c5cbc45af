"""A persistent cache of online geocoder answers (SQLite: query, provider, answer, time).

Kept in ``options.answer_cache`` (``$GEO_ANSWER_CACHE``) or the cache directory. "Not
found" is an answer too, so a query goes to the network once, until it expires. SQLite's
transactions make each write atomic: a killed process leaves the cache as it was.

Several processes may share the cache. While one writes, the others wait for it
(``options.cache_wait_seconds``); a cache that stays locked longer is an
:class:`AnswerCacheError`, and the file is kept: only a damaged SQLite database is set
aside and replaced by an empty cache; a file that is no SQLite database, or a database of
other tables, is refused and never touched.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from geo.geocoders.errors import AnswerCacheError
from geo.options import options
from geo.paths import cache_dir

_SCHEMA = """CREATE TABLE IF NOT EXISTS answers(
    query TEXT NOT NULL, provider TEXT NOT NULL, answer TEXT, time REAL NOT NULL,
    PRIMARY KEY(query, provider))"""
_BUSY_CODES = {getattr(sqlite3, "SQLITE_BUSY", 5), getattr(sqlite3, "SQLITE_LOCKED", 6)}
_SQLITE_HEADER = b"SQLite format 3\x00"
T = TypeVar("T")


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite said "another connection holds the lock" (not "cannot open", "read-only")."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _BUSY_CODES  # extended codes (SQLITE_BUSY_SNAPSHOT...) keep the primary one
    return "locked" in str(exc) or "busy" in str(exc)


def _is_sqlite(path: Path) -> bool:
    """Whether ``path`` starts as a SQLite database does (an empty file is one to SQLite, too)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_SQLITE_HEADER))
    except OSError:
        return False
    return head == _SQLITE_HEADER


class AnswerCache:
    """Answers of online geocoders, keyed by (query, provider).

    >>> import tempfile, pathlib
    >>> c = AnswerCache(pathlib.Path(tempfile.mkdtemp()) / "answers.sqlite")
    >>> c.get("Atlantis", "nominatim")
    (False, None)
    >>> c.put("Atlantis", "nominatim", None); c.get("Atlantis", "nominatim")
    (True, None)
    >>> c.get("Atlantis", "nominatim", not_found_max_age=0)  # an expired "not found"
    (False, None)
    """

    def __init__(self, path: str | Path | None = None, *, wait_seconds: float | None = None):
        self.path = Path(path or options.answer_cache or cache_dir() / "online-answers.sqlite")
        chosen = options.answer_cache
        self._named = chosen is not None and Path(chosen).absolute() == self.path.absolute()  # by GEO_ANSWER_CACHE
        self.wait_seconds = options.cache_wait_seconds if wait_seconds is None else wait_seconds
        self._lock = threading.Lock()  # one connection, shared by the threads of a process
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AnswerCacheError(f"cannot create the folder of the online answer cache {self.path}: "
                                   f"{exc.strerror or exc}") from exc
        self._db: sqlite3.Connection | None = None
        self._db = self._connect()

    @property
    def db(self) -> sqlite3.Connection:
        """The open connection (None only while it is being opened)."""
        if self._db is None:
            raise AnswerCacheError(f"online answer cache {self.path} is not open")
        return self._db

    def _connect(self) -> sqlite3.Connection:
        try:
            return self._open()
        except AnswerCacheError:
            raise  # busy or unwritable: the file itself is fine, keep it
        except sqlite3.DatabaseError as exc:
            # A damaged SQLite file: keep it for inspection and start an empty cache (answers
            # can always be asked again, a wrong one cannot be taken back). Any other file is
            # someone's data, which a mistyped GEO_ANSWER_CACHE must never move or overwrite.
            if not _is_sqlite(self.path):
                raise self._not_a_cache("not a SQLite file") from exc
            aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
            self.path.rename(aside)
            print(f"geo: warning: online answer cache {self.path} was unreadable ({exc}); "
                  f"moved it to {aside} and started a new one", file=sys.stderr)
            return self._open()

    def _not_a_cache(self, why: str) -> AnswerCacheError:
        name = "GEO_ANSWER_CACHE" if self._named else "online answer cache"
        return AnswerCacheError(f"{name} {self.path} is not an answer cache ({why}); choose another path")

    def _open(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, timeout=self.wait_seconds, check_same_thread=False)
        except sqlite3.OperationalError as exc:
            raise AnswerCacheError(f"cannot open the online answer cache {self.path}: {exc}") from exc
        try:
            tables = self._run(lambda: [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")])
            if tables and "answers" not in tables:  # another program's database: add nothing to it
                raise self._not_a_cache(f"a SQLite database of other tables: {', '.join(tables[:3])}")
            self._run(lambda: db.execute(_SCHEMA))
            self._run(lambda: db.execute("SELECT count(*) FROM answers").fetchone())
        except BaseException:
            db.close()
            raise
        return db

    def _run(self, work: Callable[[], T]) -> T:
        """``work()``, waited for while another process holds the lock (up to ``wait_seconds``).

        SQLite's busy timeout does the waiting; the loop covers the busy answers SQLite gives
        at once, without waiting, when waiting could deadlock.
        """
        deadline = time.monotonic() + self.wait_seconds
        while True:
            try:
                with self._lock:
                    return work()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    raise AnswerCacheError(f"online answer cache {self.path} cannot be used: {exc}") from exc
                if time.monotonic() >= deadline:
                    raise AnswerCacheError(
                        f"online answer cache {self.path} is locked by another process (waited "
                        f"{self.wait_seconds:g} s, see GEO_CACHE_WAIT); its answers are kept, "
                        "try again when that process is done") from exc
                time.sleep(0.05)
            except sqlite3.DatabaseError as exc:
                if self._db is None:
                    raise  # while opening: _connect sets the file aside
                raise AnswerCacheError(f"online answer cache {self.path} is damaged ({exc}); "
                                       "move it away and its answers will be asked again") from exc

    def get(self, query: str, provider: str, *,
            not_found_max_age: float | None = None) -> tuple[bool, dict | None]:
        """(hit, answer): hit is False when the query was never asked, or its cached "not found"
        is older than ``not_found_max_age`` seconds."""
        row = self._run(lambda: self.db.execute(
            "SELECT answer, time FROM answers WHERE query = ? AND provider = ?", (query, provider)).fetchone())
        if row is None:
            return False, None
        answer, when = row
        if answer is None:
            expired = not_found_max_age is not None and time.time() - when >= not_found_max_age
            return (False, None) if expired else (True, None)
        try:
            return True, json.loads(answer)
        except ValueError:
            return False, None  # a damaged row: ask again, and the new answer replaces it

    def put(self, query: str, provider: str, answer: dict | None) -> None:
        """Store an answer (None = the provider found nothing)."""
        value = None if answer is None else json.dumps(answer)

        def write() -> None:
            with self.db:
                self.db.execute("INSERT OR REPLACE INTO answers VALUES (?,?,?,?)",
                                 (query, provider, value, time.time()))
        self._run(write)

    def __len__(self) -> int:
        return self._run(lambda: self.db.execute("SELECT count(*) FROM answers").fetchone()[0])
