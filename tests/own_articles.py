"""Two short articles of a user's own crisis (not Bolivia), for tests of what a new user gets."""

from __future__ import annotations

import json
import re
from pathlib import Path

ARTICLES = {
    "quito.txt": "QUITO, Ecuador (AP) — Police fired tear gas at thousands of protesters who marched on the\n"
                 "presidential palace in Quito on Tuesday. At least 20 people were injured.\n",
    "lagos.txt": "LAGOS, Nigeria — Soldiers opened fire on protesters at the Lekki toll gate in Lagos on Tuesday\n"
                 "night, killing at least 12 people, Amnesty International said.\n",
}
MANIFEST = "file,title,published\nquito.txt,Protest in Quito,2019-10-08\nlagos.txt,Shooting at Lekki,2020-10-21\n"
# What geo extracts from them (its ids: country, day, place, type).
QUITO_ID, LEKKI_ID = "EC-20191008-quito-pro", "NG-20201020-lekki-pro"


def write_articles(folder: Path) -> Path:
    """The two articles and their articles.csv in ``folder`` (created)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "articles.csv").write_text(MANIFEST, encoding="utf-8")
    return folder


def _column(col: dict, n: int) -> list[int]:
    """A packed integer column of the page's data: n values of w base-64 digits (base64url) added to min."""
    digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    w, d = col["w"], col["d"]
    return [col["min"] + sum(digits.index(c) * 64 ** (w - 1 - j) for j, c in enumerate(d[k * w:(k + 1) * w]))
            for k in range(n)]


def map_incidents(html: str) -> dict[str, dict]:
    """The incidents a built map holds, by id: {"status", "location", "fatalities"} as the page gets them."""
    m = re.search(r'<script type="application/json" id="[^"]*_data">(.*?)</script>', html, re.S)
    assert m, "no data in the map"
    payload = json.loads(m.group(1))
    cols, strings = payload["incidents"], payload["strings"]
    ids, status, loc, fat = (_column(cols[k], cols["n"]) for k in ("id", "status", "loc", "fat"))
    return {strings[i]: {"status": strings[s], "location": strings[p], "fatalities": None if f < 0 else f}
            for i, s, p, f in zip(ids, status, loc, fat)}
