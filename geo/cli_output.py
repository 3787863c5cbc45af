"""The command line's output side: one ``geo: error:`` line and an exit code for a failure,
``-o`` checked before the long work, data written to stdout or atomically to a file.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NoReturn, Optional

import typer

from geo.options import options


def note(message: str) -> None:
    """An informational line on stderr (a summary, where the output went), unless quiet
    (``geo -q``, ``GEO_QUIET=1``)."""
    if not options.quiet:
        typer.echo(message, err=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print ``geo: error: message`` to stderr and exit with ``code``."""
    typer.echo(f"geo: error: {message}", err=True)
    raise typer.Exit(code)


def parse_date_option(value: Optional[str], option: str):
    """A YYYY-MM-DD option value as a date (exit 2 with a message if malformed)."""
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option} must be a date as YYYY-MM-DD, not {value!r}", 2)


def output_or_fail(output: Optional[str], binary: bool = False, create_folder: bool = False, suffix: str = ""):
    """Refuse a bad ``-o`` (a directory, a missing or read-only folder, a closed stdout) before the long work.

    Returns where the output goes (a :class:`geo.atomic.Target`), None for no ``-o`` (stdout).
    """
    from geo.atomic import OutputError, check_output, check_stdout

    try:
        if output is None:
            check_stdout()
            return None
        return check_output(output, binary=binary, create_folder=create_folder, suffix=suffix)
    except OutputError as exc:
        fail(str(exc))


def not_an_input(target, articles, paths: Optional[list[Path]], curated: Optional[list[Path]] = None) -> None:
    """Refuse an ``-o`` that is an article file, a folder's ``articles.csv`` or the curated file (before any write)."""
    from geo.atomic import OutputError, check_not_input
    from geo.manifest import MANIFEST

    folders = {*(p for p in paths or [] if p.is_dir()), *(a.path.parent for a in articles or [] if a.path)}
    inputs = [("article", a.path) for a in articles or [] if a.path]
    inputs += [("manifest", f / MANIFEST) for f in folders if (f / MANIFEST).exists()]
    inputs += [("curated records", c) for c in curated or []]
    try:
        check_not_input(target, inputs)
    except OutputError as exc:
        fail(str(exc))


@contextlib.contextmanager
def writing(output: str) -> Iterator[None]:
    """A failed write (disk full, no reader, ...) as one ``geo: error:`` line naming ``output``."""
    from geo.atomic import STDOUT, STDOUT_SHOWN, detach_stdout, write_error

    try:
        yield
    except OSError as exc:
        if str(output) in (STDOUT, STDOUT_SHOWN):
            detach_stdout()
        fail(write_error(str(output), exc))


def emit(text: str | Iterable[str]) -> None:
    """Data to standard output, as UTF-8 whatever the locale; a failed write is an error (exit 1)."""
    from geo.atomic import STDOUT_SHOWN, write_stdout

    with writing(STDOUT_SHOWN):
        for piece in _pieces(text):
            write_stdout(piece.encode("utf-8"))


def _pieces(text: str | Iterable[str], size: int = 1 << 20) -> Iterator[str]:
    """``text`` and its newline, in pieces of about ``size`` characters (a stream is written as it comes)."""
    held: list[str] = []
    count = 0
    for chunk in [text, "\n"] if isinstance(text, str) else itertools.chain(text, ["\n"]):
        held.append(chunk)
        count += len(chunk)
        if count >= size:
            yield "".join(held)
            held, count = [], 0
    yield "".join(held)


def json_array(items: Iterable) -> Iterator[str]:
    """``json.dumps(list(items), ensure_ascii=False, indent=1)`` in pieces, one item at a time
    (the same text: nothing but the items is held).

    >>> "".join(json_array([{"a": [1]}, 2])) == json.dumps([{"a": [1]}, 2], ensure_ascii=False, indent=1)
    True
    >>> "".join(json_array([]))
    '[]'
    """
    first = True
    for item in items:
        yield ("[\n " if first else ",\n ") + _indented(item, "\n ")
        first = False
    yield "[]" if first else "\n]"


def _indented(o, pad: str) -> str:
    r"""``json.dumps(o, ensure_ascii=False, indent=1)`` with each line after the first starting
    ``pad`` (a newline and spaces): the same text, several times faster than json's own encoder,
    which with an indent runs in Python, generator by generator.

    >>> o = {"a": [1, 2.5, None, True, False], "b": {}, "c": [], "d": {"e": "é\"\n", 1.0: float("nan")}, "f": (-0.0,)}
    >>> _indented(o, "\n") == json.dumps(o, ensure_ascii=False, indent=1)
    True
    """
    if isinstance(o, str):
        return _string(o)
    if isinstance(o, dict) and all(isinstance(k, str) for k in o):
        if not o:
            return "{}"
        inner = pad + " "
        if all(type(v) in _SCALAR for v in o.values()):  # a record's own fields, a source: one call of json's C encoder
            return "{" + inner + _flat(inner).encode(o)[1:-1] + pad + "}"
        return "{" + inner + ("," + inner).join(_string(k) + ": " + _indented(v, inner) for k, v in o.items()) + pad + "}"
    if isinstance(o, (list, tuple)):
        if not o:
            return "[]"
        inner = pad + " "
        if all(type(v) in _SCALAR for v in o):
            return "[" + inner + _flat(inner).encode(o)[1:-1] + pad + "]"
        return "[" + inner + ("," + inner).join(_indented(v, inner) for v in o) + pad + "]"
    if o is None:
        return "null"
    if isinstance(o, bool):
        return "true" if o else "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float) and o == o and o not in (math.inf, -math.inf):
        return float.__repr__(o)
    return json.dumps(o, ensure_ascii=False, indent=1).replace("\n", pad)  # NaN, keys that are not strings, others


_string = json.encoder.encode_basestring  # json's own (its C version), ensure_ascii=False
_SCALAR = frozenset({str, int, float, bool, type(None)})  # written alike with an indent and without


@functools.cache
def _flat(inner: str) -> json.JSONEncoder:
    """json's encoder without an indent (its C version) that puts ``inner`` between items: a
    container of scalars only is then written as with the indent, inside its brackets."""
    return json.JSONEncoder(ensure_ascii=False, separators=("," + inner, ": "))


def write_output(text: str | Iterable[str], output: Optional[str]) -> None:
    """Data (a text, or its pieces as they come) to stdout, or to ``-o`` (a file atomically, ``-``, a FIFO or device through)."""
    if output is None:
        emit(text)
        return
    from geo.atomic import STDOUT, atomic_write

    with writing(output), atomic_write(output) as fh:
        for piece in _pieces(text):
            fh.write(piece)
    if str(output) != STDOUT:
        note(f"geo: wrote {output}")


def none_read(paths: list[Path], problems: int) -> None:
    """Exit 1: not one article of PATHs could be read (``problems`` reported above)."""
    from geo.entries import shown

    fail(f"no article could be loaded from {', '.join(shown(p) for p in paths)}"
         + (f" ({problems} problem(s) above)" if problems else "") + "; give article files or folders of *.txt")
