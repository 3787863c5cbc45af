"""The gazetteer index on disk: opened if it matches its sources, else built once and kept.

Several checkouts or versions may share one cache folder and several processes may start at
once: the index is built under a lock (the others wait, then open it), a killed build's
temporary file goes at the next start, and another version's index is removed only when it
has gone unused for ``options.index_keep_days`` (see :mod:`geo.cachefiles`).
"""

from __future__ import annotations

import glob
import os
import sqlite3
import sys
from pathlib import Path

from geo import cachefiles
from geo.errors import GazetteerError
from geo.gazetteer_index import INDEX_FORMAT, build_index
from geo.options import options


class IndexFile:
    """The SQLite index of the gazetteer files in ``source_dir`` (``sources``: their hash) at ``index_path``."""

    def __init__(self, source_dir: Path, index_path: Path, sources: str, verbose: bool = True):
        self.source_dir, self.index_path, self.sources, self.verbose = source_dir, index_path, sources, verbose

    def open(self) -> sqlite3.Connection:
        """A read-only connection to the index, built first if it is missing or stale."""
        self._remove_orphans(locked=False)
        return self._open_checked() or self.rebuild()

    def log(self, msg: str) -> None:
        if self.verbose:
            print(f"geo: {msg}", file=sys.stderr)

    def _open_checked(self, log: bool = True) -> sqlite3.Connection | None:
        """The index if it exists and belongs to these source files, else None."""
        if not self.index_path.exists():
            return None
        try:
            # A quoted URI: a folder named "a#b" or "100%" must not cut the path short.
            db = sqlite3.connect(cachefiles.sqlite_uri(self.index_path), uri=True, check_same_thread=False)
            # Reading through mmap spares a read() syscall per page on the hot path.
            db.execute("PRAGMA mmap_size = 268435456")
            meta = dict(db.execute("SELECT key, value FROM meta"))
            if meta.get("format") == INDEX_FORMAT and meta.get("sources") == self.sources:
                cachefiles.mark_used(self.index_path)  # so the cleanup of other versions' indexes spares it
                return db
            db.close()
            why = "is stale"
        except sqlite3.DatabaseError as exc:
            why = f"is unreadable ({exc})"
        if log:
            self.log(f"gazetteer index {self.index_path} {why}; rebuilding it")
        return None

    def _remove_orphans(self, locked: bool) -> None:
        """Remove temp files of builds killed midway (all of ours when we hold the build lock)."""
        folder, own = self.index_path.parent, self.index_path if locked else None
        for pattern in dict.fromkeys(["gazetteer-*.sqlite", glob.escape(self.index_path.name)]):
            for part in cachefiles.remove_orphans(folder, pattern, own):
                self.log(f"removed {part}, left by a build that did not finish")

    def _build(self) -> None:
        """:func:`build_index`; a cache folder it cannot write in is a :class:`GazetteerError` naming it."""
        folder = self.index_path.parent
        try:
            build_index(self.source_dir, self.index_path)
        except sqlite3.OperationalError as exc:  # the temporary index could not be created or written
            raise cachefiles.folder_error(folder, OSError(0, str(exc))) from exc
        except OSError as exc:
            if not exc.filename or os.path.dirname(os.path.abspath(exc.filename)) != str(folder.absolute()):
                raise  # a source file's, not the cache's
            raise cachefiles.folder_error(folder, exc) from exc

    def rebuild(self, damaged: bool = False) -> sqlite3.Connection:
        """Build the index, once across processes: others wait for the lock, then open it."""
        def waiting() -> None:
            self.log(f"waiting while another process builds the gazetteer index {self.index_path}")

        with cachefiles.build_lock(self.index_path, waiting):
            db = None if damaged else self._open_checked(log=False)  # built while we waited?
            if db is not None:
                return db
            self._remove_orphans(locked=True)
            self.log(f"building the gazetteer index in {self.index_path} (once, ~20 s)")
            self._build()
        # Other checkouts or versions may share this folder: only long-unused indexes go.
        keep_days = options.index_keep_days
        for old in cachefiles.remove_unused(self.index_path.parent, "gazetteer-*.sqlite", self.index_path, keep_days):
            self.log(f"removed {old}, an index of another version unused for {keep_days:g} days")
        db = self._open_checked()
        if db is None:
            raise GazetteerError(f"could not build a readable gazetteer index at {self.index_path}")
        return db
