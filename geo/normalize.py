"""Name normalisation: the one key under which a place name is indexed and looked up.

Two spellings that a reader takes for the same name get the same key:
case, accents, punctuation and spacing do not count.

>>> normalize_name("Perú") == normalize_name("PERU")
True
>>> normalize_name("São  Paulo")
'sao paulo'
>>> normalize_name("Washington, D.C.")
'washington d c'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not split into base + combining mark.
_EXTRA_FOLDS = str.maketrans(
    {
        "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
        "ł": "l", "Ł": "l", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "ð": "d",
        "’": "", "'": "", "ʼ": "", "`": "", "´": "",
    }
)
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Return the lookup key of a place name.

    Lower case, accents and apostrophes dropped, every run of punctuation
    or space turned into one space.

    >>> normalize_name("  Cochabamba Department ")
    'cochabamba department'
    """
    if name.isascii():
        folded = name.replace("'", "").replace("`", "")
    else:
        decomposed = unicodedata.normalize("NFKD", name.translate(_EXTRA_FOLDS))
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", folded.lower()).strip()


def spelling(name: str) -> str | None:
    """A name as spelled, accents kept (lower case, composed, one space between words), or None
    when it has no accent to keep: "Cañada" is not "Canada".

    >>> spelling("Cañada de Gómez"), spelling("Canada")
    ('cañada de gómez', None)
    """
    if normalize_name(name) == _NON_WORD.sub(" ", name.lower()).strip():
        return None
    return _NON_WORD.sub(" ", unicodedata.normalize("NFC", name.lower()).translate(_APOSTROPHES)).strip()


_APOSTROPHES = str.maketrans({"’": "", "'": "", "ʼ": "", "`": "", "´": ""})


def is_latin(name: str) -> bool:
    """True when the name is written in Latin script (after folding accents).

    The gazetteer keeps only Latin-script names: the articles it serves are
    in English and Spanish, and other scripts would only bloat the index.

    >>> is_latin("Cochabamba"), is_latin("Москва")
    (True, False)
    """
    key = normalize_name(name)
    return bool(key) and key.isascii()


_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an) ")  # the Arabic article, as transliterated


def without_article(key: str) -> str:
    """A normalised name without a leading Arabic article, for comparing spellings.

    >>> without_article("al minya"), without_article("alexandria")
    ('minya', 'alexandria')
    """
    return _ARABIC_ARTICLE.sub("", key)
