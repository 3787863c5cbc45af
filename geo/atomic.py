"""Output files: a reader sees the old file or the new one, never half of one.

Every writer in geo (CSV and JSON text, the HTML map, GeoJSON and GeoPackage made by
GDAL) goes through :func:`output_path` (or :func:`atomic_write`, built on it):

* a regular file (or a symlink to one: the link stays a link) is written to a temporary
  file beside it, ``.NAME.geo-<pid>.part``, then renamed over it; an existing file keeps its
  mode and owner, a new one gets the usual mode (0666 less the umask);
* ``-`` is standard output; a FIFO, a device or ``/dev/stdout`` is written through, never
  replaced (the content is complete before the first byte goes out);
* a temporary file is removed when its writer fails, and a writer that was killed is
  cleaned up after: each writer, when it starts, removes the temporary files in its
  folder whose process is gone (only geo's: the ``geo-`` marker tells them apart);
* an output that is one of the command's inputs is refused (:func:`check_not_input`).

:func:`check_output` runs the same checks up front, so a command can refuse a bad ``-o``
before its long work.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> with atomic_write(p) as fh:
...     _ = fh.write("done")
>>> p.read_text(), [f.name for f in p.parent.iterdir()]
('done', ['out.txt'])
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from geo.errors import OutputError
from geo.tempfiles import alive, temp_name, writer_pid

STDOUT = "-"
STDOUT_SHOWN = "standard output"
_FD_DIR = re.compile(r"^/proc/[^/]+(/task/\d+)?/fd$")  # where /dev/stdout and /dev/fd/N lead
_SIDE_FILES = ("", "-journal", "-wal", "-shm")
_STREAM_ERRNOS = {errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF}


@dataclass(frozen=True)
class Target:
    """Where an output goes: ``kind`` is "file" (replaced atomically) or "stream" (written through)."""

    shown: str
    kind: str
    path: Path | None = None  # file: the real file (symlinks followed); stream: what to open
    fd: int | None = None  # stream: a descriptor of this process to write to instead

    @property
    def file(self) -> Path:
        """The path to write: a file's real path, or the stream to open (an error if there is none)."""
        if self.path is None:
            raise OutputError(f"{self.shown}: there is no file to write here")
        return self.path


def _own_fd(path: str) -> int | None:
    """The descriptor number if ``path`` (or a link on its way) is /dev/fd/N, /proc/self/fd/N."""
    for _ in range(40):  # the kernel's own limit on symlink hops
        folder, name = os.path.split(path)
        real_folder = os.path.realpath(folder)
        if _FD_DIR.match(real_folder) and name.isdigit():
            own = os.path.realpath("/proc/self") == os.path.dirname(real_folder)
            return int(name) if own else None
        if not os.path.islink(path):
            return None
        path = os.path.join(folder, os.readlink(path))
    return None


def resolve_output(path: str | os.PathLike, create_folder: bool = True) -> Target:
    """Where writing ``path`` goes (``-``: standard output); :class:`OutputError` if nowhere.

    The folder of a new file is created when ``create_folder`` (the library's habit);
    otherwise a missing folder is an error.
    """
    shown = os.fspath(path)
    if shown == STDOUT:
        return Target(shown, "stream", fd=1)
    if not shown:
        raise OutputError("the output file name is empty; give a file name (or - for standard output)")
    if os.path.basename(shown) in ("", ".", "..") and not os.path.isdir(shown):
        raise OutputError(f"{shown}: names a folder (it ends in {os.path.basename(shown) or '/'}); give a file "
                          f"name, such as {os.path.join(shown, 'NAME')}")
    fd = _own_fd(os.path.abspath(shown))
    if fd is not None:
        return Target(shown, "stream", fd=fd)
    try:
        st = os.stat(shown)
    except FileNotFoundError:
        st = None
    except OSError as exc:  # e.g. a part of the path is a file, not a folder
        raise OutputError(f"{shown}: {exc.strerror}; check the path given with -o") from exc
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{shown}: is a directory; give a file name inside it, such as "
                          f"{os.path.join(shown, 'NAME')}")
    if st is not None and not stat.S_ISREG(st.st_mode):
        return Target(shown, "stream", path=Path(shown))  # a FIFO, a device, a socket
    real = Path(os.path.realpath(shown))
    _folder_or_error(shown, _folder_shown(shown, real), create_folder)
    return Target(shown, "file", path=real)


def _folder_shown(shown: str, real: Path) -> Path:
    """The folder of the output as the user wrote it (a symlink's: where it leads)."""
    return real.parent if os.path.islink(shown) else Path(os.path.dirname(shown) or ".")


def _folder_or_error(shown: str, folder: Path, create: bool) -> None:
    if folder.is_dir():
        return
    if folder.exists():
        raise OutputError(f"{shown}: {folder} is not a folder; check the path given with -o")
    if not create:
        raise OutputError(f"{shown}: folder {folder} does not exist; create it first (mkdir -p {folder}) "
                          "or choose another path")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{shown}: cannot create folder {folder} ({exc.strerror}); choose another path") from exc


def check_output(path: str | os.PathLike, binary: bool = False, create_folder: bool = False,
                 suffix: str = "") -> Target:
    """:func:`resolve_output`, plus what a command should know before its long work.

    The folder must let us create the temporary file (a read-only folder or file system,
    or a name too long once the temporary file's ``.NAME.geo-<pid>.part`` is added, is
    refused now, not after minutes of work), and binary data is not sent to a terminal.
    ``suffix`` is the one the writer gives its temporary file (:func:`output_path`); a
    binary output is SQLite's (GeoPackage), whose ``-journal`` must fit too.
    """
    target = resolve_output(path, create_folder=create_folder)
    if target.kind == "stream":
        if target.fd is not None:
            _check_fd(target.shown, target.fd, binary)
        return target
    sweep(target.file.parent)
    probe = Path(f"{temp_name(target.file, suffix)}{'-journal' if binary else ''}")  # the longest name written
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.unlink(probe)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise OutputError(f"{target.shown}: the file name is too long (geo first writes {probe.name!r} beside "
                              f"it, {len(os.fsencode(probe.name))} bytes); choose a shorter name") from exc
        raise OutputError(f"{target.shown}: cannot create files in {_folder_shown(target.shown, target.file)} "
                          f"({exc.strerror}); choose another folder") from exc
    return target


def _check_fd(shown: str, fd: int, binary: bool) -> None:
    """Refuse a descriptor that is closed, and binary data for a terminal."""
    if fd == 1:
        check_stdout()
    try:
        os.fstat(fd)
    except OSError as exc:
        raise OutputError(f"{shown}: descriptor {fd} is not open ({exc.strerror})") from exc
    if binary and os.isatty(fd):
        raise OutputError(f"{shown}: will not write binary data to a terminal; redirect it "
                          "(> FILE) or give a file name")


def check_stdout() -> None:
    """Refuse a closed standard output (``>&-``) before the long work, not lose the data after it.

    Python gives ``sys.stdout = None`` when descriptor 1 was closed at its start; the
    descriptor itself may meanwhile name a file geo opened, so it is never written then.
    """
    if sys.stdout is None:
        raise OutputError(f"{STDOUT_SHOWN}: is closed; redirect it (> FILE) or give -o FILE")


def check_not_input(target: Target | None, inputs: Iterable[tuple[str, str | os.PathLike]]) -> None:
    """Refuse an output that is one of the inputs, given as (what, path): ``geo places DIR -o DIR/a.txt``.

    Real paths are compared (symlinks followed), and files (a hard link is the same file).
    """
    if target is None or target.kind != "file":
        return
    out = os.path.realpath(target.file)
    try:
        out_id: tuple[int, int] | None = _file_id(out)
    except OSError:
        out_id = None  # a new file: only its path can be an input's
    for what, path in inputs:
        try:  # one stat an input (a corpus lists 100,000): an input that is there is the output only if the same file
            same = out_id is not None and _file_id(os.fspath(path)) == out_id
        except OSError:  # not there (or not to be read): its path alone can be the output's
            same = os.path.realpath(path) == out
        if same:
            raise OutputError(f"{target.shown}: is one of the inputs ({what} {os.fspath(path)}); "
                              "choose another file")


def _file_id(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_dev, st.st_ino


def write_stdout(data: bytes) -> None:
    """``data`` to standard output as bytes (UTF-8 whatever the locale), after what was printed,
    and flushed: an :class:`OSError` (closed, full, no reader) reaches the caller now."""
    if sys.stdout is None:
        raise OSError(errno.EBADF, "standard output is closed")
    sys.stdout.flush()
    out = getattr(sys.stdout, "buffer", None)
    if out is None:  # a text-only stand-in (a test's StringIO)
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
        return
    out.write(data)
    out.flush()


def detach_stdout() -> None:
    """After a failed write: point descriptor 1 at /dev/null, so Python's last flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        if sys.stdout is not None:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)


def stdout_failure(exc: OSError | None = None) -> str | None:
    """The user's message if standard output failed, else None; descriptor 1 then goes to /dev/null.

    Without ``exc``: whether what is still buffered for it can be written now. With ``exc``
    (an error that escaped a command, such as ``--help > /dev/full``): a stream's failure
    that names no file is standard output's, all of geo's file writes being handled.
    """
    if exc is not None:
        if exc.filename is not None or exc.errno not in _STREAM_ERRNOS:
            return None
    else:
        try:
            if sys.stdout is not None:
                sys.stdout.flush()
            return None
        except OSError as flush_exc:
            exc = flush_exc
    detach_stdout()
    return write_error(STDOUT_SHOWN, exc)


def sweep(folder: Path) -> None:
    """Remove the temporary files in ``folder`` left by writers that died (killed, crashed)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        pid = writer_pid(name)
        if pid is not None and not alive(pid):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, name))


def _remove(tmp: Path) -> None:
    for side in _SIDE_FILES:
        try:
            os.unlink(f"{tmp}{side}")
        except OSError as exc:
            if exc.errno not in (errno.ENOENT, errno.ENAMETOOLONG):  # too long a name: no such file either
                raise


@contextlib.contextmanager
def output_path(path: str | os.PathLike | Target, suffix: str = "") -> Iterator[Path]:
    """A path for a writer that creates the file itself (GDAL); on success it becomes ``path``.

    If the block raises (or the process dies), ``path`` is untouched and the temporary
    file goes (at once, or when the next writer starts in that folder).
    """
    target = path if isinstance(path, Target) else resolve_output(path)
    # A stream's content is gathered first, so a failed writer sends nothing half made.
    folder = target.file.parent if target.kind == "file" else Path(tempfile.gettempdir())
    sweep(folder)
    tmp = temp_name(target.file if target.kind == "file" else folder / "geo-spool", suffix)
    _remove(tmp)  # only a dead process that had our pid can have left it
    try:
        yield tmp
        if target.kind == "file":
            _commit(tmp, target.file)
        else:
            _pour(tmp, target)
    finally:
        _remove(tmp)


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it; set back at once
    os.umask(mask)
    return mask


def _commit(tmp: Path, real: Path) -> None:
    """Make ``tmp`` durable, give it the mode ``real`` has (or would get), rename it over ``real``."""
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        old = os.stat(real)
    except FileNotFoundError:
        os.chmod(tmp, 0o666 & ~_umask())  # what a plain open() would give: writers differ (SQLite: 0644)
    else:
        mine = os.stat(tmp)
        if (mine.st_uid, mine.st_gid) != (old.st_uid, old.st_gid):
            with contextlib.suppress(OSError):  # only root may give a file away
                os.chown(tmp, old.st_uid, old.st_gid)
        os.chmod(tmp, stat.S_IMODE(old.st_mode))
    os.replace(tmp, real)
    with contextlib.suppress(OSError):  # the rename itself survives a crash once the folder is synced
        dfd = os.open(real.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def _pour(tmp: Path, target: Target) -> None:
    """Copy the finished ``tmp`` into a stream, appending: never truncate, never replace."""
    with open(tmp, "rb") as src:
        os.unlink(tmp)  # a FIFO may wait long for its reader: if we die meanwhile, nothing is left
        if target.fd == 1:
            # Standard output as Python has it (a test runner's too); what was printed comes first.
            for chunk in iter(lambda: src.read(1 << 20), b""):
                write_stdout(chunk)
            return
        fd = os.dup(target.fd) if target.fd is not None else os.open(target.file, os.O_WRONLY | os.O_APPEND)
        out = os.fdopen(fd, "wb")
        with out:
            shutil.copyfileobj(src, out)


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike | Target, binary: bool = False) -> Iterator[IO]:
    """Open the output ``path`` for writing (text is UTF-8); see :func:`output_path`."""
    with output_path(path) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        fh: IO = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        with fh:
            yield fh


def write_error(shown: str, exc: OSError) -> str:
    """The user's message for a failed write of ``shown``: what happened, what to do."""
    if isinstance(exc, OutputError):
        return str(exc)
    reason = exc.strerror or str(exc)
    if shown in (STDOUT, STDOUT_SHOWN):
        return _stdout_error(exc, reason)
    if exc.errno == errno.EPIPE:
        return f"{shown}: the reader stopped reading ({reason}); what it got is incomplete"
    hint = {errno.ENOSPC: "free some space or choose another folder",
            errno.EDQUOT: "free some space or choose another folder",
            errno.EROFS: "choose another folder", errno.EACCES: "choose another folder"}.get(
        exc.errno or 0, "check the path given with -o")
    return f"{shown}: could not write it ({reason}); no file was replaced; {hint}"


def _stdout_error(exc: OSError, reason: str) -> str:
    if exc.errno == errno.EPIPE:
        return f"{STDOUT_SHOWN}: the reader stopped reading ({reason}); what it got is incomplete"
    if exc.errno == errno.EBADF:
        return f"{STDOUT_SHOWN}: is closed ({reason}); redirect it (> FILE) or give -o FILE"
    return f"{STDOUT_SHOWN}: could not write it ({reason}); what was written is incomplete; give -o FILE instead"
