"""Files of a rebuildable cache shared by processes: SQLite URIs, build locks, temp names, cleanup.

Several checkouts or versions of geo may share one cache folder, and several
processes may start at once, so:

* a build holds an exclusive lock on ``<index>.lock`` (others wait, then open it);
* a build writes ``.<index>.geo-<pid>.part`` and renames it into place, so a killed
  build leaves only a temp file, which the next start removes once its writer is gone;
* a cache folder geo cannot write (a file, a read-only folder) is a :class:`GazetteerError`
  that names it (:func:`folder_error`);
* an index is deleted only when another version's and unused for days
  (:func:`mark_used` records each use in its modification time).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from geo.errors import GazetteerError
from geo.tempfiles import alive, target_of, writer_pid

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; concurrent first uses may each build
    fcntl = None  # type: ignore[assignment]



def folder_error(folder: Path, exc: OSError) -> GazetteerError:
    """The user's message for a cache folder geo cannot write in (``exc``: what failed there).

    >>> print(folder_error(Path("/dev/null"), FileExistsError(17, "File exists", "/dev/null")))
    cache folder /dev/null: is not a folder (set GEO_CACHE_DIR to a writable folder)
    """
    if os.path.exists(folder) and not os.path.isdir(folder):
        what = "is a file, not a folder" if os.path.isfile(folder) else "is not a folder"
    elif exc.filename and os.fspath(exc.filename) != os.fspath(folder):
        what = f"cannot create {os.path.basename(os.fspath(exc.filename))} in it: {exc.strerror or exc}"
    else:
        what = f"cannot create it: {exc.strerror or exc}"
    return GazetteerError(f"cache folder {folder}: {what} (set GEO_CACHE_DIR to a writable folder)")


def sqlite_uri(path: str | os.PathLike, mode: str = "ro") -> str:
    """A ``file:`` URI for SQLite: ``#``, ``?``, ``%`` and spaces in the path are quoted.

    >>> sqlite_uri("/tmp/a#b?c%d e/x.sqlite")
    'file:///tmp/a%23b%3Fc%25d%20e/x.sqlite?mode=ro'
    """
    return f"{Path(path).absolute().as_uri()}?mode={mode}"


def _being_built(index: Path) -> bool:
    """Whether some process holds the build lock of ``index`` now (seen from any pid namespace)."""
    if fcntl is None:
        return False
    try:
        with open(index.with_name(index.name + ".lock"), "rb") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(fh, fcntl.LOCK_UN)
    except BlockingIOError:
        return True
    except OSError:  # no lock file: nobody ever built it with a lock
        return False
    return False


def remove_orphans(folder: Path, pattern: str, own: Path | None = None) -> list[Path]:
    """Delete temp files of builds in ``folder`` whose writer is gone; return them.

    ``pattern`` globs the index names (``gazetteer-*.sqlite``); ``own`` is the index whose
    build lock the caller holds. A writer is gone when its pid is not alive and nobody
    holds its index's build lock (a pid from another container may look dead here). A
    temp file carrying our own pid is a killed process's whose pid came back, unless we
    may be writing it: only under its lock do we know we are not.
    """
    removed = []
    for part in folder.glob(f".{pattern}.*.part"):
        pid, name = writer_pid(part.name), target_of(part.name)
        if pid is None or name is None:
            continue
        index = part.with_name(name)
        if own is not None and index.name == own.name:
            orphan = pid == os.getpid() or not alive(pid)
        else:
            orphan = not alive(pid) and not _being_built(index)
        if orphan:
            with contextlib.suppress(OSError):  # gone already, or a read-only folder: cleanup is best effort
                part.unlink()
                removed.append(part)
    return removed


def mark_used(path: Path) -> None:
    """Record a use of ``path`` in its modification time (a read-only open records none)."""
    with contextlib.suppress(OSError):  # a read-only cache folder is still usable
        if time.time() - path.stat().st_mtime > 3600:
            os.utime(path)


def remove_unused(folder: Path, pattern: str, keep: Path, days: float) -> list[Path]:
    """Delete indexes matching ``pattern`` other than ``keep`` not used for ``days``; return them."""
    cutoff = time.time() - days * 86400
    removed = []
    for old in folder.glob(pattern):
        if old.name == keep.name:
            continue
        with contextlib.suppress(OSError):  # gone already, or not ours to delete
            if old.stat().st_mtime < cutoff:
                old.unlink()
                removed.append(old)
                old.with_name(old.name + ".lock").unlink(missing_ok=True)
    return removed


@contextlib.contextmanager
def build_lock(target: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the exclusive build lock of ``target`` (``<target>.lock``) for the block.

    When another process holds it, ``on_wait`` is called once and the lock is awaited;
    the kernel releases a killed holder's lock, so a waiter never waits for a dead one.
    """
    if fcntl is None:
        yield
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        lock = open(target.with_name(target.name + ".lock"), "a")  # closed by the with below
    except OSError as exc:
        raise folder_error(target.parent, exc) from exc
    with lock as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
