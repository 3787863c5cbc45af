"""Temporary files that carry their writer's pid, so a killed writer's leftovers can be told apart.

Outputs (``geo.atomic``) and the gazetteer index (``geo.cachefiles``) both write
``.NAME.geo-<pid>.part`` beside their target and rename it into place; whoever next writes in
that folder removes the temporary files whose writer is gone. The ``geo-`` marker keeps
other programs' ``.NAME.<digits>.part`` files (a browser's download, an editor's save)
out of that cleanup: geo removes only what it may have made.

>>> from pathlib import Path
>>> name = temp_name(Path("/data/out.csv")).name
>>> name == f".out.csv.geo-{os.getpid()}.part", writer_pid(name) == os.getpid(), writer_pid("out.csv")
(True, True, None)
>>> writer_pid(".thesis.docx.4242.part") is None  # not geo's
True
"""

from __future__ import annotations

import os
import re
from pathlib import Path

MARKER = "geo-"
# ".NAME.geo-<pid>.part", then a suffix some drivers insist on (".gpkg") and SQLite's side files.
_TEMP = re.compile(r"^\.(?P<target>.+)\.geo-(?P<pid>\d+)\.part(?P<suffix>\.[A-Za-z0-9]+)?(?:-journal|-wal|-shm)?$")


def temp_name(path: Path, suffix: str = "") -> Path:
    """The temporary file beside ``path`` for this process (``suffix`` for picky drivers)."""
    return path.with_name(f".{path.name}.{MARKER}{os.getpid()}.part{suffix}")


def writer_pid(name: str) -> int | None:
    """The pid in a temporary file's name, or None if ``name`` is not one."""
    m = _TEMP.match(name)
    return int(m.group("pid")) if m else None


def target_of(name: str) -> str | None:
    """The name of the file a temporary file was to become, or None if ``name`` is not one.

    >>> target_of(".gazetteer-ab12.sqlite.geo-4242.part")
    'gazetteer-ab12.sqlite'
    """
    m = _TEMP.match(name)
    return m.group("target") if m else None


def alive(pid: int) -> bool:
    """Whether a process of that pid runs (another user's counts; our own pid does)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process, alive
        return True
    return True
