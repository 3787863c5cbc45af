"""Which entries of a folder are articles: regular files only, of a bounded size.

Real folders hold more than text files: symbolic links that loop, FIFOs (reading one waits
for ever), links to devices (``/dev/zero`` never ends), folders inside folders, names that
are not UTF-8. Each is skipped with a message naming it, never read blindly.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("news")
>>> problem(d / "a.txt", 10), problem(d / "b.txt", 10) is not None
(None, True)
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Callable

DEFAULT_MAX_MB = 20.0
_NO_CAP = 1 << 50  # bytes: "no cap" as a number a read can be bounded by
_KINDS = [(stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]


def shown(path: str | os.PathLike) -> str:
    """A path as text that can be printed and stored: bytes that are not UTF-8 become U+FFFD.

    Control characters (a newline in a file name) are escaped, so a message stays one line.

    >>> shown(os.fsdecode(b"bad\\xff.txt")), shown("two\\nlines.txt")
    ('bad\\ufffd.txt', 'two\\\\nlines.txt')
    """
    text = os.fsencode(path).decode("utf-8", "replace")
    return "".join(c.encode("unicode_escape").decode() if c < " " or c == "\x7f" else c for c in text)


def problem(path: Path, max_bytes: float) -> str | None:
    """Why ``path`` cannot be read as an article (a message naming it), or None if it can."""
    try:
        info = os.stat(path)  # follows links: what matters is what a read would meet
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"{shown(path)}: a symbolic link that loops; skipped"
        if os.path.islink(path):
            return f"{shown(path)}: a symbolic link to nothing ({shown(os.readlink(path))}); skipped"
        return f"{shown(path)}: cannot read ({exc.strerror})"
    for test, kind in _KINDS:
        if test(info.st_mode):
            return f"{shown(path)}: {kind}, not a regular file; skipped"
    if info.st_size > max_bytes:
        return (f"{shown(path)}: {info.st_size / 1e6:.1f} MB, over the cap of {max_bytes / 1e6:g} MB per article; "
                "skipped (raise it with --max-size)")
    return None


def read_capped(path: Path, max_bytes: float) -> bytes:
    """The bytes of a regular file, refusing to read past ``max_bytes`` (it may grow as we read).

    Opened non-blocking, so a file swapped for a FIFO after :func:`problem` looked cannot hang.
    """
    limit = int(min(max_bytes, _NO_CAP)) if max_bytes == max_bytes else _NO_CAP  # inf and nan: no cap
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:  # os.read on the descriptor: a file object's layers cost 3x its read (10,000 files hashed for the cache)
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        chunks, size = [], 0
        # In pieces: a cap larger than memory must not be allocated up front.
        while size <= limit and (chunk := os.read(fd, min(1 << 20, limit + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"over the cap of {max_bytes / 1e6:g} MB per article (--max-size)")
    return data


def folder_entries(folder: Path, recursive: bool, report: Callable[[str], None]
                   ) -> tuple[list[Path], list[Path], dict[str, bool]]:
    """A folder's ``*.txt`` entries and, when ``recursive``, its subfolders (both sorted by name),
    and every entry's name -> whether it is a symbolic link (what the listing knows already: a
    manifest's rows need not ask each file again).

    Without ``recursive`` each subfolder is named in a warning, never passed over in silence
    (hidden ones, such as ``.git``, are); links to folders are never followed (they can loop).
    """
    files: list[Path] = []
    subfolders: list[Path] = []
    try:
        with os.scandir(folder) as listing:  # each entry's kind from the listing, not a stat per file
            entries = sorted(listing, key=lambda e: os.fsencode(e.name))
    except OSError as exc:
        report(f"{shown(folder)}: cannot list this folder ({exc.strerror})")
        return files, subfolders, {}
    names: dict[str, bool] = {}
    for entry in entries:
        path, names[entry.name] = folder / entry.name, entry.is_symlink()
        if entry.name.startswith("."):
            if _suffix(entry.name) == ".txt" and not _is_dir(entry):
                report(f"{shown(path)}: a hidden file, not read (rename it without the leading dot to read it)")
            continue
        if _is_dir(entry):
            if entry.is_symlink():
                report(f"{shown(path)}: a link to a folder inside {shown(folder)}, not followed")
            elif recursive:
                subfolders.append(path)
            else:
                report(f"{shown(path)}: a folder inside {shown(folder)}, not read (pass --recursive to read it)")
        elif _suffix(entry.name) == ".txt":
            files.append(path)
    return files, subfolders, names


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()  # follows a link, as Path.is_dir
    except OSError:
        return False


def _suffix(name: str) -> str:
    """The name's suffix in lower case, as :attr:`pathlib.PurePath.suffix` finds it.

    >>> _suffix("a.TXT"), _suffix(".txt"), _suffix("..txt"), _suffix("a."), _suffix("b.tar.txt")
    ('.txt', '', '.txt', '', '.txt')
    """
    i = name.rfind(".")
    return name[i:].lower() if 0 < i < len(name) - 1 else ""
