"""Tokens: runs of capitalised words, and the longest names the gazetteer knows in a run."""

from __future__ import annotations

import re

from geo.geoparse.names import Names
from geo.geoparse.records import Token
from geo.geoparse.rules import NAME_ABBREVIATIONS
from geo.lexicon import STOPWORDS
from geo.normalize import normalize_name

MAX_NAME_WORDS = 6
CONNECTORS = frozenset("de del la las los el y of the da do dos das di du von van al upon on sur".split())
# A word: capitalised or lower-case letters, with inner hyphens/apostrophes/periods (U.S., Al-Jazeera).
# A possessive 's is not part of the name ("Bolivia's"), nor a lower-case hyphen suffix ("Montreal-area").
_WORD_BODY = r"(?:[A-Z]\.){2,}|%s[^\W\d_](?:[\w]|-(?=[A-ZÁÉÍÓÚÑ])|['’](?!s\b)(?=[^\W\d_])|\.(?=[A-Z]\.))*"
WORD = re.compile(_WORD_BODY % "")
# The words the recogniser looks at: the WORD matches that do not start with a lower-case
# ASCII letter, unless they may be connectors. Lower-case prose only ends a run of names,
# which the gap between two tokens shows as well, so the scan skips it in C, not Python.
# The look-behinds start a token only where WORD would: not inside a word ("pro-Morales").
TOKEN = re.compile(r"(?<![^\W\d_])(?<![^\W\d_]['’])(?!(?<=[^\W\d_]-)[A-ZÁÉÍÓÚÑ])(?!(?<=[^\W\d_]\.)[A-Z]\.)(?:"
                   + _WORD_BODY % (r"(?:(?![a-z])|(?=(?:%s)\b))" % "|".join(sorted(CONNECTORS, key=len, reverse=True)))
                   + ")")
_OWNER_GAPS = ("'s ", "’s ")
_OWNED_AREAS = frozenset(("county", "parish"))
_CONTRACTION = re.compile(r"['’](?:ve|m|re|ll|d|t)$", re.IGNORECASE)  # "I’ve", "We’re", "Don't": words


_INITIAL = re.compile(r"[A-Z]")


def runs(text: str) -> list[list[Token]]:
    """Runs of capitalised words (with connectors between them), split at punctuation."""
    out: list[list[Token]] = []
    run: list[Token] = []
    prev_end = -1
    for m in TOKEN.finditer(text):
        word = m.group()
        if not word[:1].isupper() and word not in CONNECTORS:
            # Lower-case prose the scan could not skip ("über", "delta"): it only ends a run.
            if run:
                out.append(run)
                run = []
            prev_end = m.end()
            continue
        tok = Token(word, m.start(), m.end())
        gap = text[prev_end:tok.start] if prev_end >= 0 else " "
        # Brackets inside a name ("[Luis Fernando] Camacho") do not end it, nor does
        # the period of "St. Louis" or of an initial ("Sheriff T. Walton").
        joined = prev_end >= 0 and run and (gap in (" ", "-", "] ", " [")
                                            or (gap == ". " and (run[-1].lower in NAME_ABBREVIATIONS
                                                                 or _INITIAL.fullmatch(run[-1].text) is not None)))
        if run and gap in _OWNER_GAPS and tok.lower in _OWNED_AREAS and prev_end == run[-1].end:
            # "Prince George's County", "St. Mary's Parish": the possessive is part of the name.
            run[-1] = Token(run[-1].text + gap[:2], run[-1].start, run[-1].end + 2)
            joined = True
        shouting = len(tok.text) > 1 and tok.text.isupper()  # "US", "SACABA"
        # A capitalised function word ("Texas A white ...", "Toronto Saturday") ends a name.
        if tok.capital and not (tok.lower in STOPWORDS and not shouting) and not _CONTRACTION.search(tok.text):
            if not joined:
                if run:
                    out.append(run)
                run = []
            run.append(tok)
        elif joined and tok.lower in CONNECTORS:
            run.append(tok)
        else:
            if run:
                out.append(run)
            run = []
        prev_end = tok.end
    if run:
        out.append(run)
    # Trailing connectors are not part of a name.
    return [r[:max(i for i, t in enumerate(r) if t.capital) + 1] for r in out]


def span_keys(run: list[Token]) -> dict[tuple[int, int], str]:
    """The normalised name of every span of a run that starts and ends with a capital."""
    return {(i, j): normalize_name(" ".join(t.text for t in run[i:j]))
            for i in range(len(run)) if run[i].capital
            for j in range(i + 1, min(len(run), i + MAX_NAME_WORDS) + 1) if run[j - 1].capital}


def cut(run: list[Token], keys: dict[tuple[int, int], str], names: Names) -> list[tuple[int, int]]:
    """Longest gazetteer names in a run, left to right, as token index pairs."""
    out, i = [], 0
    while i < len(run):
        if not run[i].capital:
            i += 1
            continue
        for j in range(min(len(run), i + MAX_NAME_WORDS), i, -1):
            if not run[j - 1].capital:
                continue
            key = keys[(i, j)]
            if key and names.known(key):
                out.append((i, j))
                i = j
                break
        else:
            i += 1
    return out
