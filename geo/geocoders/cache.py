"""A persistent cache of online geocoder answers (SQLite: query, provider, answer, time).

Kept in ``$GEO_ANSWER_CACHE`` or the cache directory. "Not found" is an answer too, so a query goes to the network once. SQLite's
transactions make each write atomic: a killed process leaves the cache as it was.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from pathlib import Path

from geo.paths import cache_dir

_SCHEMA = """CREATE TABLE IF NOT EXISTS answers(
    query TEXT NOT NULL, provider TEXT NOT NULL, answer TEXT, time REAL NOT NULL,
    PRIMARY KEY(query, provider))"""


class AnswerCache:
    """Answers of online geocoders, keyed by (query, provider).

    >>> import tempfile, pathlib
    >>> c = AnswerCache(pathlib.Path(tempfile.mkdtemp()) / "answers.sqlite")
    >>> c.get("Atlantis", "nominatim")
    (False, None)
    >>> c.put("Atlantis", "nominatim", None); c.get("Atlantis", "nominatim")
    (True, None)
    """

    def __init__(self, path: str | Path | None = None):
        default = os.environ.get("GEO_ANSWER_CACHE") or cache_dir() / "online-answers.sqlite"
        self.path = Path(path or default)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, timeout=30)
            db.execute(_SCHEMA)
            db.execute("SELECT count(*) FROM answers").fetchone()
            return db
        except sqlite3.DatabaseError as exc:
            # Keep the damaged file for inspection and start an empty cache: answers
            # can always be asked again, a wrong one cannot be taken back.
            aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
            self.path.rename(aside)
            print(f"geo: online answer cache {self.path} was unreadable ({exc}); "
                  f"moved it to {aside} and started a new one", file=sys.stderr)
            db = sqlite3.connect(self.path, timeout=30)
            db.execute(_SCHEMA)
            return db

    def get(self, query: str, provider: str) -> tuple[bool, dict | None]:
        """(hit, answer): hit is False when the query was never asked."""
        row = self._db.execute("SELECT answer FROM answers WHERE query = ? AND provider = ?",
                               (query, provider)).fetchone()
        if row is None:
            return False, None
        return True, (json.loads(row[0]) if row[0] is not None else None)

    def put(self, query: str, provider: str, answer: dict | None) -> None:
        """Store an answer (None = the provider found nothing)."""
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO answers VALUES (?,?,?,?)",
                             (query, provider, None if answer is None else json.dumps(answer), time.time()))

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM answers").fetchone()[0]
