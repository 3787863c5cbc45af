"""Cleaning: web-page and PDF artefacts out of an article's text, raw offsets kept.

``clean_text`` returns the clean text and, for every character of it, its index in
the raw text, so a span found in the clean text maps back to the file's characters.

>>> text, offsets = clean_text("El \\n\\nAlto [marches](#) on.")
>>> text, offsets[3]
('El Alto marches on.', 5)
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from array import array
from typing import Callable

from geo.fastscan import finditer
from geo.offsets import Offsets


def _rewrite(text: str, offsets: array, pattern: re.Pattern,
             repl: Callable[[re.Match], list]) -> tuple[str, array]:
    """re.sub that carries raw offsets along.

    ``repl`` returns a list of parts: an int keeps that match group's characters
    (with their own offsets); a str inserts text mapped to the match's start.
    """
    matches = finditer(pattern, text)
    first = next(matches, None)
    if first is None:  # most passes find nothing: no need to copy a long offset list
        return text, offsets
    out_text: list[str] = []
    out_off = array(offsets.typecode)
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


_LONE_CR = re.compile(r"\r(?!\n)")
_DECOMPOSED = re.compile(r".[\u0300-\u036f]+", re.S)
_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\((?:#|https?://)[^)\s]*\)")
_CREDIT = re.compile(r"\[\s*(?:Credit|Photo|Image|Foto)s?\s*:[^\]]{0,300}\]", re.I)
_BOILERPLATE = re.compile(
    r"^[ \t]*(?:Simple Share Buttons|Share this(?: article)?|Share(?: on (?:Facebook|Twitter|WhatsApp))?|Tweet|"
    r"Print|Email|Facebook|Twitter|WhatsApp|Click to share.*|Related(?: articles)?|Advertisement|"
    r"(?:Photo|Image|Foto)(?: credit)?\s*:.*)[ \t]*$", re.I | re.M)
_HYPHEN = re.compile(r"(?<=[a-záéíóúñ])-[ \t]*\n\s*(?=[a-záéíóúñ])")
_SPACE_RUN = re.compile(r"[ \t\r\f\v\u00a0]*\n[\s\u00a0]*|[ \t\r\f\v\u00a0]{2,}")
_INSIDE_SENTENCE_BLANK = re.compile(r"[^\s.!?:;\"”’)…\]][ \t]*\n[ \t]*\n\s*[a-záéíóúñ]")
_SENTENCE_END = ".!?:;\"”’)…]"
_SHORT_LINE = 60
# Words a title or paragraph does not end on: a break after them is layout ("El \n\nAlto").
_NO_LINE_END = frozenset("el la los las de del da do san santa the of and or to in on at a an for with from by".split())


def clean_text(raw: str) -> tuple[str, Offsets]:
    """Clean text of web-page and PDF artefacts; return (text, offsets into raw: runs, see :mod:`geo.offsets`).

    Drops link markup (keeps the link text), photo credits and share-button lines;
    rejoins words hyphenated at line ends; turns line breaks inside a sentence into
    spaces and keeps paragraph breaks as a single newline.

    >>> clean_text("Tens of thousands \\n\\nmarched. \\n\\nThey won.")[0]
    'Tens of thousands marched.\\nThey won.'
    """
    text, offsets = raw, array("I" if array("I").itemsize >= 4 else "L", range(len(raw)))
    # Old Mac files end lines with a lone CR; decomposed text ("e" + U+0301) is composed, so
    # "Potosí" is one name however it was typed.
    text, offsets = _rewrite(text, offsets, _LONE_CR, lambda m: ["\n"])
    text, offsets = _rewrite(text, offsets, _DECOMPOSED, lambda m: [unicodedata.normalize("NFC", m.group())])
    text, offsets = _rewrite(text, offsets, _LINK, lambda m: [1])
    text, offsets = _rewrite(text, offsets, _CREDIT, lambda m: [])
    text, offsets = _rewrite(text, offsets, _BOILERPLATE, lambda m: [])
    text, offsets = _rewrite(text, offsets, _HYPHEN, lambda m: [])

    # A page whose blank lines fall inside sentences ("towns \n\nsurrounding") is PDF layout
    # throughout: there a blank line before a capital is no sign of a paragraph either.
    layout = len(_INSIDE_SENTENCE_BLANK.findall(text)) >= 2

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
        # A paragraph ends where a sentence ends, or where a title, a byline or a date is followed
        # by a capital: a short line, or any line a blank line follows (a web page's headline); elsewhere
        # the break is PDF layout.
        last_word = prev_line.rsplit(None, 1)[-1].lower() if prev_line.strip() else ""
        titled = len(prev_line) < _SHORT_LINE or (m.group().count("\n") > 1 and not layout)
        if text[end - 1] in _SENTENCE_END or (titled and (nxt.isupper() or nxt.isdigit())
                                              and last_word not in _NO_LINE_END):
            return ["\n"]
        return [" "]

    text, offsets = _rewrite(text, offsets, _SPACE_RUN, space)
    lead = len(text) - len(text.lstrip())
    text, offsets = text[lead:].rstrip(), offsets[lead:lead + len(text[lead:].rstrip())]
    return text, Offsets.from_array(offsets)


