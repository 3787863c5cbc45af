"""Reading a curated incidents CSV safely: the file, its rows, and the cells that need more
than a glance (counts, coordinates, country codes, the ``sources`` JSON).

Whole-file problems (a directory, binary bytes, no usable header) raise
:class:`RecordError`; a row that cannot be used comes back as a :class:`Row` with its
``problem`` set, so the loader can report it, keep it out and count it. Messages name the
file, the row (the header is row 1) and, where there is one, the field.

CSV is parsed strictly: a quote left open would otherwise make one field swallow the rows
after it, silently. When a row's quoting goes wrong, reading resumes on the line after the
row's first line, so the rows it swallowed are read as rows of their own.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

# MAX_FIGURE: larger than any one incident's toll or arrests; a bigger figure is a typo (or
# 1e23), and would no longer fit the exports' integer columns.
from geo.entries import problem, read_capped
from geo.errors import RecordError
from geo.numbers import MAX_FIGURE

MAX_FILE_BYTES = 500e6  # a curated file larger than this is not a hand-kept list of incidents
SOURCE_FIELDS = ("article", "quote", "start", "end", "fatalities", "injuries", "arrests", "title", "outlet")
_INTEGER = re.compile(r"[+-]?[0-9]+")


@dataclass
class Row:
    """One data row: its values by column, or why it cannot be used."""

    where: str  # "FILE, row N" (and the line, when a multi-line field moved it)
    values: dict[str, str] | None
    problem: str | None = None


# -- the file -----------------------------------------------------------------------------

def read_text(path: Path, report: Callable[[str], None]) -> str:
    """The file's text: UTF-8 (BOM allowed), else Windows-1252 with a warning; binary is an error."""
    if path.is_dir():
        raise RecordError(f"{path}: is a directory, not a CSV file of incidents")
    why = problem(path, MAX_FILE_BYTES)  # a FIFO would wait for ever, /dev/zero would never end
    if why:
        raise RecordError(why.replace("; skipped", "").replace("per article; ", "; ").replace(
            " (raise it with --max-size)", ""))
    try:
        data = read_capped(path, MAX_FILE_BYTES)
    except OSError as exc:
        raise RecordError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise RecordError(f"{path}: is UTF-16 text; save it as UTF-8 CSV")
    if b"\x00" in data:
        raise RecordError(f"{path}: looks like a binary file (NUL byte at byte {data.index(0)}), not a CSV file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise RecordError(f"{path}: neither UTF-8 nor Windows-1252 text (byte {bad}); save it as UTF-8 CSV") from None
    line = data.count(b"\n", 0, bad) + 1
    report(f"{path}, line {line}: not valid UTF-8 (byte {bad}); decoded as "
           "Windows-1252, check accents (or save the file as UTF-8)")
    return text


class _Records:
    """The file's CSV records, one at a time, from a position that can be moved back."""

    def __init__(self, text: str):
        self.lines = io.StringIO(text, newline="").readlines()  # \n, \r\n and \r, kept as csv wants
        self.pos = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.pos >= len(self.lines):
            raise StopIteration
        self.pos += 1
        return self.lines[self.pos - 1]

    def next_record(self) -> tuple[int, list[str] | None, str | None] | None:
        """(index of its first line, values or None, csv's error or None); None at the end."""
        start = self.pos
        try:
            return start, next(csv.reader(self, strict=True)), None
        except StopIteration:
            return None
        except csv.Error as exc:
            return start, None, str(exc)


def read_rows(path: Path, report: Callable[[str], None]) -> tuple[list[str], Iterator[Row]]:
    """The header's column names and the data rows of a curated CSV file."""
    records = _Records(read_text(path, report))
    number = 0
    while (rec := records.next_record()) is not None:
        number += 1
        if rec[1] != []:  # blank lines before the header are rows a spreadsheet shows, nothing more
            break
    if rec is None:
        raise RecordError(f"{path}: empty file, no header row")
    if rec[2] is not None or rec[1] is None:
        raise RecordError(f"{path}, row {number}: the header is not valid CSV ({rec[2]})")
    header = [name.strip() for name in rec[1]]
    twice = next((name for k, name in enumerate(header) if name in header[:k]), None)
    if twice is not None:
        raise RecordError(f"{path}, row {number}: column {twice!r} appears twice in the header")
    return header, _rows(path, header, records, number)


def _rows(path: Path, header: list[str], records: _Records, number: int) -> Iterator[Row]:
    """The data rows after the header (row ``number``); blank lines are skipped."""
    while (rec := records.next_record()) is not None:
        start, values, error = rec
        number += 1
        if values == []:
            continue  # a blank line
        where = f"{path}, row {number}" + (f" (line {start + 1})" if start + 1 != number else "")
        problem: str | None = None
        if error is not None or values is None:
            problem = _quote_problem(records, start, header, error or "no values")
        elif (problem := _swallowed(values, start, header)) is not None:
            records.pos = start + 1  # the lines it swallowed are rows of their own
        elif len(values) > len(header):
            extra = ", ".join(repr(v) for v in values[len(header):])
            problem = f"{len(values)} values for the header's {len(header)} columns (extra: {extra}); row kept out"
        if problem is None and values is not None:
            yield Row(where, dict(zip(header, values + [""] * (len(header) - len(values)))))
        else:
            yield Row(where, None, problem)


def _column(header: list[str], index: int) -> str:
    """The name of the field at ``index``, for messages (a value past the header has none)."""
    return header[index] if index < len(header) else f"#{index + 1} (past the header's {len(header)} columns)"


def _quote_problem(records: _Records, start: int, header: list[str], error: str) -> str:
    """What went wrong in a record csv could not parse; moves ``records`` to where reading resumes."""
    first, last = start + 1, records.pos
    if last > first or "end of data" in error or "field larger" in error:
        # A quote left open: the record ran on over the lines after it, which are rows of their own.
        records.pos = start + 1
        until = "the end of the file" if "end of data" in error else f"line {last}"
        return (f"field {_column(header, _fault(records.lines[start]))}: a quote opened on line {first} is not "
                f"closed on that line (the field ran on to {until}); row kept out, reading resumes at line {first + 1}")
    return (f"field {_column(header, _fault(records.lines[start]))}: text after a closing quote ({error}); "
            'quote the whole value and double any quote inside it ("")')


def _fault(line: str) -> int:
    """Index of the field where a line's quoting goes wrong: text after a closing quote, or a
    quote still open at the end of the line (csv's own errors do not say which field)."""
    field, quoted, at_start, i = 0, False, True, 0
    while i < len(line):
        c = line[i]
        if quoted and c == '"':
            if line[i + 1:i + 2] == '"':
                i += 1  # a doubled quote is a quote character
            else:
                quoted = False
                if line[i + 1:i + 2] not in (",", "\r", "\n", ""):
                    return field
        elif not quoted and c == '"' and at_start:
            quoted = True
        elif not quoted and c == ",":
            field += 1
            at_start = True
            i += 1
            continue
        at_start = False
        i += 1
    return field


def _swallowed(values: list[str], start: int, header: list[str]) -> str | None:
    """Why a record parsed without error still looks like an unclosed quote, or None: one of its
    fields holds a line break followed by a line as wide as a row of this file."""
    wide = max(3, (3 * len(header) + 3) // 4)
    line = start + 1
    for k, value in enumerate(values):
        parts = value.splitlines()
        for offset, part in enumerate(parts[1:], start=1):
            if len(next(csv.reader([part]), [])) >= wide:
                return (f"field {_column(header, k)}: holds a line break followed by what looks like another row "
                        f"(line {line + offset}: {part[:40]!r}); a closing quote is missing? Row kept out, "
                        f"reading resumes at line {start + 2}")
        line += max(len(parts) - 1, 0)
    return None


# -- cells --------------------------------------------------------------------------------

def count(value: str, where: str, name: str) -> int | None:
    """A whole, non-negative number of at most MAX_FIGURE, or None for an empty cell."""
    text = value.strip()
    if text == "":
        return None
    if not _INTEGER.fullmatch(text):
        raise RecordError(f"{where}, field {name}: {value!r} is not a whole number")
    digits = text.lstrip("+-").lstrip("0") or "0"
    if text.startswith("-") and digits != "0":
        raise RecordError(f"{where}, field {name}: {text} is negative")
    # Sized by its digits first: int() of a 5,000-digit cell raises, and it would be absurd anyway.
    if len(digits) > len(str(MAX_FIGURE)) or int(digits) > MAX_FIGURE:
        shown = text if len(text) <= 30 else f"{text[:12]}…({len(text)} digits)"
        raise RecordError(f"{where}, field {name}: {shown} is implausibly large for one incident "
                          f"(over {MAX_FIGURE:,})")
    return int(digits)


def coordinate(value: str, where: str, name: str, limit: float) -> float | None:
    """A latitude or longitude within ±limit, or None for an empty cell."""
    if value.strip() == "":
        return None
    try:
        x = float(value)
    except ValueError:
        raise RecordError(f"{where}, field {name}: {value!r} is not a number") from None
    if not -limit <= x <= limit:  # NaN fails this too
        raise RecordError(f"{where}, field {name}: {x} is out of range (±{limit:g})")
    return x


def country_code(value: str, where: str) -> str | None:
    """An ISO 3166 alpha-2 code, upper-cased, or None for an empty cell."""
    text = value.strip()
    if text == "":
        return None
    if len(text) == 2 and text.isascii() and text.isalpha():
        return text.upper()
    hint = "; alpha-3 codes such as BOL are not accepted" if len(text) == 3 and text.isalpha() else ""
    raise RecordError(f"{where}, field country: {value!r} is not an ISO 3166 alpha-2 code (two letters, "
                      f"such as BO){hint}")


def source_dicts(text: str, where: str) -> list[dict]:
    """The ``sources`` cell: a JSON list of source objects, each checked field by field."""
    if text.strip() == "":
        return []
    at = f"{where}, field sources"

    def no_constant(name: str):
        raise RecordError(f"{at}: {name} is not allowed (JSON has no {name}; write null for unknown)")

    try:
        data = json.loads(text, parse_constant=no_constant)
    except RecursionError:
        raise RecordError(f"{at}: nested too deeply to be a list of sources") from None
    except ValueError as exc:
        if isinstance(exc, RecordError):
            raise
        raise RecordError(f"{at}: not valid JSON ({exc})") from None
    if not isinstance(data, list):
        raise RecordError(f"{at}: must be a JSON list of source objects, not {type(data).__name__}")
    return [_source(item, f"{at}, source {k}") for k, item in enumerate(data, start=1)]


def _source(item, at: str) -> dict:
    """One source object, checked against :class:`geo.records.Source`'s fields and types."""
    if not isinstance(item, dict):
        raise RecordError(f"{at}: must be a JSON object, not {json.dumps(item)[:40]}")
    unknown = [k for k in item if k not in SOURCE_FIELDS]
    if unknown:
        raise RecordError(f"{at}: unknown key(s) {', '.join(map(repr, unknown))} (known: {', '.join(SOURCE_FIELDS)})")
    for key in ("article", "quote"):
        if not isinstance(item.get(key), str) or (key == "article" and not item[key].strip()):
            raise RecordError(f"{at}, {key}: must be a text string, not {json.dumps(item.get(key))}")
    for key in ("title", "outlet"):
        if item.get(key) is not None and not isinstance(item[key], str):
            raise RecordError(f"{at}, {key}: must be a text string or null, not {json.dumps(item[key])}")
    for key in ("start", "end", "fatalities", "injuries", "arrests"):
        n = item.get(key)
        # bool is an int in Python, but true is not a count in JSON
        if n is not None and (not isinstance(n, int) or isinstance(n, bool) or n < 0):
            raise RecordError(f"{at}, {key}: {json.dumps(n)} is not a whole number (0 or more) or null")
        if key not in ("start", "end") and n is not None and n > MAX_FIGURE:
            raise RecordError(f"{at}, {key}: {n} is implausibly large for one incident (over {MAX_FIGURE:,})")
    if item.get("start") is not None and item.get("end") is not None and item["start"] > item["end"]:
        raise RecordError(f"{at}: start {item['start']} is after end {item['end']}")
    return item
