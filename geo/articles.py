"""Articles: load text files and their manifest, clean web/PDF artefacts, keep raw offsets.

Cleaning never loses the way back: ``Article.offsets[i]`` is the index in the raw
text of character ``i`` of the clean text, so a span found in the clean text maps
to the exact characters of the file (``Article.raw_span``), line breaks included.

>>> a = Article.from_text("El \\n\\nAlto protests [spread](#) fast-\\ner.", article_id="x")
>>> a.text
'El Alto protests spread faster.'
>>> start, end = a.raw_span(0, 7)
>>> a.raw[start:end]
'El \\n\\nAlto'
"""

from __future__ import annotations

import csv
import itertools
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from geo.dates import find_publication_date

MANIFEST = "articles.csv"


class ArticleError(ValueError):
    """An article or manifest row that cannot be used; the message names file/row and why."""


@dataclass
class Article:
    """One article: raw text as decoded, clean text, offsets back to raw, metadata."""

    article_id: str
    raw: str
    text: str = ""
    offsets: list[int] = field(default_factory=list, repr=False)
    path: Path | None = None
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    published_basis: str = "unknown"
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_text(cls, raw: str, article_id: str = "text", published: date | None = None, **meta) -> "Article":
        """Clean ``raw`` and date it (``published`` if given, else from the text)."""
        text, offsets = clean_text(raw)
        art = cls(article_id=article_id, raw=raw, text=text, offsets=offsets, **meta)
        if published is not None:
            art.published, art.published_basis = published, "given"
        else:
            found = find_publication_date(text)
            if found:
                art.published, art.published_basis = found
        return art

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw-text (start, end) of the clean-text span [start, end)."""
        if end <= start:  # an empty span sits where its start does
            at = self.offsets[start] if start < len(self.offsets) else len(self.raw)
            return at, at
        return self.offsets[start], self.offsets[end - 1] + 1


# -- cleaning -----------------------------------------------------------------------

def _rewrite(text: str, offsets: list[int], pattern: re.Pattern, repl: Callable[[re.Match], list]) -> tuple[str, list[int]]:
    """re.sub that carries raw offsets along.

    ``repl`` returns a list of parts: an int keeps that match group's characters
    (with their own offsets); a str inserts text mapped to the match's start.
    """
    matches = pattern.finditer(text)
    first = next(matches, None)
    if first is None:  # most passes find nothing: no need to copy a long offset list
        return text, offsets
    out_text: list[str] = []
    out_off: list[int] = []
    last = 0
    for m in itertools.chain([first], matches):
        out_text.append(text[last:m.start()])
        out_off.extend(offsets[last:m.start()])
        for part in repl(m):
            if isinstance(part, int):
                s, e = m.span(part)
                if s >= 0:
                    out_text.append(text[s:e])
                    out_off.extend(offsets[s:e])
            elif part:
                out_text.append(part)
                out_off.extend([offsets[m.start()]] * len(part))
        last = m.end()
    out_text.append(text[last:])
    out_off.extend(offsets[last:])
    return "".join(out_text), out_off


_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\((?:#|https?://)[^)\s]*\)")
_CREDIT = re.compile(r"\[\s*(?:Credit|Photo|Image|Foto)s?\s*:[^\]]{0,300}\]", re.I)
_BOILERPLATE = re.compile(
    r"^[ \t]*(?:Simple Share Buttons|Share this(?: article)?|Share(?: on (?:Facebook|Twitter|WhatsApp))?|Tweet|"
    r"Print|Email|Facebook|Twitter|WhatsApp|Click to share.*|Related(?: articles)?|Advertisement|"
    r"(?:Photo|Image|Foto)(?: credit)?\s*:.*)[ \t]*$", re.I | re.M)
_HYPHEN = re.compile(r"(?<=[a-záéíóúñ])-[ \t]*\n\s*(?=[a-záéíóúñ])")
_SPACE_RUN = re.compile(r"[ \t\r\f\v\u00a0]*\n[\s\u00a0]*|[ \t\r\f\v\u00a0]{2,}")
_SENTENCE_END = ".!?:;\"”’)…]"
_SHORT_LINE = 60
# Words a title or paragraph does not end on: a break after them is layout ("El \n\nAlto").
_NO_LINE_END = frozenset("el la los las de del da do san santa the of and or to in on at a an for with from by".split())


def clean_text(raw: str) -> tuple[str, list[int]]:
    """Clean text of web-page and PDF artefacts; return (text, offsets into raw).

    Drops link markup (keeps the link text), photo credits and share-button lines;
    rejoins words hyphenated at line ends; turns line breaks inside a sentence into
    spaces and keeps paragraph breaks as a single newline.

    >>> clean_text("Tens of thousands \\n\\nmarched. \\n\\nThey won.")[0]
    'Tens of thousands marched.\\nThey won.'
    """
    text, offsets = raw, list(range(len(raw)))
    text, offsets = _rewrite(text, offsets, _LINK, lambda m: [1])
    text, offsets = _rewrite(text, offsets, _CREDIT, lambda m: [])
    text, offsets = _rewrite(text, offsets, _BOILERPLATE, lambda m: [])
    text, offsets = _rewrite(text, offsets, _HYPHEN, lambda m: [])

    def space(m: re.Match) -> list:
        if "\n" not in m.group():
            return [" "]
        # Look back from the break without copying the text before it (articles can be long).
        end = m.start()
        while end and text[end - 1].isspace():
            end -= 1
        prev_line = text[text.rfind("\n", 0, end) + 1:end]
        nxt = text[m.end():m.end() + 1]
        if not end or not nxt:
            return []
        # A paragraph ends where a sentence ends, or where a short line (a title,
        # a byline, a date) is followed by a capital; elsewhere the break is PDF layout.
        last_word = prev_line.rsplit(None, 1)[-1].lower() if prev_line.strip() else ""
        if text[end - 1] in _SENTENCE_END or (len(prev_line) < _SHORT_LINE and (nxt.isupper() or nxt.isdigit())
                                              and last_word not in _NO_LINE_END):
            return ["\n"]
        return [" "]

    text, offsets = _rewrite(text, offsets, _SPACE_RUN, space)
    lead = len(text) - len(text.lstrip())
    text, offsets = text[lead:].rstrip(), offsets[lead:lead + len(text[lead:].rstrip())]
    return text, offsets


# -- loading ------------------------------------------------------------------------

def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode file bytes: UTF-8 (BOM allowed), else cp1252 with a warning; binary is an error."""
    if b"\x00" in data[:4096]:
        raise ArticleError(f"{name}: looks like a binary file (NUL bytes), not an article; skipped")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        return text, [f"{name}: not valid UTF-8 (byte {exc.start}); decoded as Windows-1252/Latin-1, check accents"]


def load_article(path: str | Path, article_id: str | None = None, published: date | None = None,
                 **meta) -> Article:
    """Load and clean one article file.

    >>> art = load_article("seeds/001_a9ffa14dafb5799f.txt")
    >>> art.published.isoformat(), art.published_basis
    ('2019-11-20', 'text: date line')
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror})") from exc
    raw, warnings = decode(data, str(path))
    if not raw.strip():
        raise ArticleError(f"{path}: empty file; skipped")
    art = Article.from_text(raw, article_id=article_id or path.stem, published=published, path=path, **meta)
    art.warnings.extend(warnings)
    return art


def _parse_date(value: str, where: str) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ArticleError(f"{where}: published {value!r} is not a date (YYYY-MM-DD)") from None


def read_manifest(path: Path) -> list[dict]:
    """Rows of an ``articles.csv`` (article_id, file, title, outlet, published), validated."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"file"} - set(reader.fieldnames or [])
        if missing:
            raise ArticleError(f"{path}: header lacks column(s) {', '.join(sorted(missing))}")
        return [dict(row, _where=f"{path}, row {n}") for n, row in enumerate(reader, start=2)]


def load_articles(paths: Iterable[str | Path], published: date | None = None,
                  on_problem: Callable[[str], None] | None = None, outlet: str | None = None) -> list[Article]:
    """Load articles from files and directories (a directory: its ``*.txt`` plus its
    ``articles.csv`` metadata). Problems (missing files, binary or empty files, bad
    manifest rows) are reported through ``on_problem`` (default: stderr) and the rest
    is loaded. ``published`` applies to articles whose date is otherwise unknown, and
    ``outlet`` to articles whose manifest names no outlet.

    >>> [a.article_id for a in load_articles(["seeds"])][:2]
    ['000_f0bddc0a2dccaad2', '001_a9ffa14dafb5799f']
    """
    report = on_problem or (lambda msg: print(f"geo: warning: {msg}", file=sys.stderr))
    out: list[Article] = []

    def add(path: Path, row: dict | None) -> None:
        try:
            meta = {}
            pub = None
            if row:
                try:
                    pub = _parse_date(row.get("published", ""), row["_where"])
                except ArticleError as exc:  # keep the article, lose only the bad date
                    report(f"{exc}; date taken from the text if it gives one")
                meta = {"title": row.get("title") or None, "outlet": row.get("outlet") or None}
            art = load_article(path, article_id=(row or {}).get("article_id") or None, published=pub, **meta)
            if pub is not None:
                art.published_basis = "manifest"
            if art.published is None and published is not None:
                art.published, art.published_basis = published, "given"
            art.outlet = art.outlet or outlet
            for w in art.warnings:
                report(w)
            out.append(art)
        except ArticleError as exc:
            report(str(exc))

    for p in map(Path, paths):
        if p.is_dir():
            listed: set[Path] = set()
            manifest = p / MANIFEST
            if manifest.exists():
                try:
                    rows = read_manifest(manifest)
                except ArticleError as exc:
                    report(str(exc))
                    rows = []
                for row in rows:
                    file = p / (row.get("file") or "").strip()
                    if not row.get("file", "").strip() or not file.is_file():
                        report(f"{row['_where']}: file {row.get('file')!r} does not exist in {p}; row skipped")
                        continue
                    listed.add(file.resolve())
                    add(file, row)
            for f in sorted(p.glob("*.txt")):
                if f.resolve() not in listed:
                    add(f, None)
            if not listed and not any(p.glob("*.txt")):
                report(f"{p}: no *.txt articles in this directory")
        elif p.is_file():
            add(p, None)
        else:
            report(f"{p}: no such file or directory")
    return out
