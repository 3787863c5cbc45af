"""The map's data, encoded compactly: a string table and one packed column per field.

A map of 100,000 incidents must stay small and quick to parse, so incidents are
stored column by column (integers packed, :mod:`geo.mapping.columns`), every string
(places, quotes, titles) once in the string table, and the sources of all incidents
in columns of their own: ``src.n`` per incident, then ``art``, ``quote``, ``fat``,
``inj``, ``arr`` per source, incident after incident.
"""

from __future__ import annotations

import json
from datetime import date

from geo.mapping.columns import pack
from geo.mapping.view import bounds, view

EPOCH = date(1970, 1, 1)
TYPE_COLORS = {
    "Protests": "#2b83ba", "Riots": "#fdae61", "Violence against civilians": "#d7191c",
    "Battles": "#7b3294", "Explosions/Remote violence": "#000000", "Strategic developments": "#1a9641",
}
CHORO_SCALE = [[0, "#fee5d9"], [1, "#fcae91"], [5, "#fb6a4a"], [10, "#de2d26"], [25, "#a50f15"]]
PRECISION_INDEX = {"day": 0, "week": 1, "month": 2}
COLUMNS = ("lat", "lon", "day", "prec", "type", "sub", "fat", "loc", "admin1", "geo", "region", "status", "id",
           "notes")
SOURCE_COLUMNS = ("art", "quote", "fat", "inj", "arr")
DEGREES = 100_000  # coordinates to 5 decimals (about a metre), as integers


class Strings:
    """A string table: each distinct string stored once, referred to by index (-1 = none)."""

    def __init__(self):
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, s: str | None) -> int:
        if s is None or s == "":
            return -1
        i = self._index.get(s)
        if i is None:
            i = self._index[s] = len(self.items)
            self.items.append(s)
        return i


def script_json(obj) -> str:
    """JSON safe to put inside <script type="application/json">: no "<", ">", "&" or line separators.

    >>> script_json({"q": "</script><img src=x onerror=alert(1)>"})
    '{"q":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _day(d: date | None) -> int:
    return -1 if d is None else (d - EPOCH).days


def notes_in_words(notes: str, titles: dict[str, str], lengths: list[int] | None = None) -> str:
    """Notes with each article id written as the article's title (ids mean nothing to a reader):
    at each place the longest id that is there. ``lengths``: the ids' lengths, longest first
    (counted when not given). One look-up per length and character, so a corpus of 100,000
    articles costs a note what a few do (an alternation of every id tried each one in turn).

    >>> notes_in_words("004_26b: fatalities: 7 + 2 more", {"004_26b": "Protests continue"})
    '“Protests continue”: fatalities: 7 + 2 more'
    >>> notes_in_words("a1: x; a12: y", {"a1": "One", "a12": "Twelve"})
    '“One”: x; “Twelve”: y'
    """
    if not notes or not titles:
        return notes
    if lengths is None:
        lengths = sorted({len(k) for k in titles if k}, reverse=True)
    out: list[str] = []
    i = start = 0
    while i < len(notes):
        key = next((notes[i:i + n] for n in lengths if i + n <= len(notes) and notes[i:i + n] in titles), None)
        if key is None:
            i += 1
            continue
        out += [notes[start:i], f"“{titles[key]}”"]
        i = start = i + len(key)
    return "".join(out) + notes[start:]


class Articles:
    """The article table: [id, title, outlet, publication day (-1 unknown), url] per article."""

    def __init__(self, S: Strings, articles):
        self.S = S
        self.index: dict[str, int] = {}
        self.rows: list[list[int]] = []
        self.titles: dict[str, str] = {}
        self._lengths: tuple[int, list[int]] = (0, [])  # (titles counted, their ids' lengths, longest first)
        for a in articles:
            self.add(a.article_id, a.title, a.outlet, a.published, a.url)

    def in_words(self, notes: str) -> str:
        """:func:`notes_in_words` with these articles' titles (their ids' lengths counted once)."""
        if notes and self._lengths[0] != len(self.titles):
            self._lengths = (len(self.titles), sorted({len(k) for k in self.titles if k}, reverse=True))
        return notes_in_words(notes, self.titles, self._lengths[1])

    def add(self, article_id: str, title=None, outlet=None, published=None, url=None) -> int:
        if article_id not in self.index:
            self.index[article_id] = len(self.rows)
            self.rows.append([self.S(article_id), self.S(title), self.S(outlet), _day(published), self.S(url)])
            if title:
                self.titles[article_id] = title
        return self.index[article_id]


def _figure(value: int | None) -> int:
    return -1 if value is None else value


def _degrees(value: float) -> int:
    """The coordinate to 5 decimals, times 1e5: exactly that decimal once the page divides."""
    return round(round(value, 5) * DEGREES)


def _incident_columns(mapped, S: Strings, arts: Articles, type_index: dict, region_of) -> dict:
    cols: dict[str, list] = {k: [] for k in COLUMNS}
    src: dict[str, list] = {k: [] for k in ("n", *SOURCE_COLUMNS)}
    for inc in mapped:
        where = inc.place
        values = (_degrees(where.lat), _degrees(where.lon), _day(inc.event_date),
                  PRECISION_INDEX.get(inc.date_precision, 0), type_index[inc.event_type], S(inc.sub_event_type),
                  _figure(inc.fatalities), S(inc.location), S(inc.admin1), inc.geo_precision or 0,
                  region_of(where.lon, where.lat), S(inc.status), S(inc.incident_id),
                  S(arts.in_words(inc.notes)))
        for k, v in zip(COLUMNS, values):
            cols[k].append(v)
        src["n"].append(len(inc.sources))
        for s in inc.sources:
            row = (arts.add(s.article, s.title, s.outlet), S(s.quote), _figure(s.fatalities), _figure(s.injuries),
                   _figure(s.arrests))
            for k, v in zip(SOURCE_COLUMNS, row):
                src[k].append(v)
    out: dict = {k: pack(v, DEGREES if k in ("lat", "lon") else None) for k, v in cols.items()}
    out["src"] = {k: pack(v) for k, v in src.items()}
    out["n"] = len(mapped)
    return out


def encode(incidents, mentions, articles, regions, boundaries, labels=(), opening=None) -> tuple[dict, list]:
    """(payload dict, [(incident_id, reason)] of incidents that cannot be mapped); ``labels`` as
    :func:`geo.mapping.labels.place_labels` gives them; ``opening``: the opening view when the
    caller has it already (else :func:`geo.mapping.view.view` of the mapped incidents)."""
    from geo.mapping.regions import region_index

    S = Strings()
    types = sorted({i.event_type for i in incidents} | {"Protests"})
    arts = Articles(S, articles)
    unmapped = [(i.incident_id, "no date" if i.event_date is None else f"unresolved place {i.location!r}")
                for i in incidents if i.event_date is None or i.place is None]
    mapped = [i for i in incidents if i.event_date is not None and i.place is not None]
    cols = _incident_columns(mapped, S, arts, {t: k for k, t in enumerate(types)}, region_index(regions))
    days = [_day(i.event_date) for i in mapped] or [(date.today() - EPOCH).days]
    points = [(i.place.lat, i.place.lon, i.fatalities or 0) for i in mapped]
    payload = {
        "types": types, "colors": [TYPE_COLORS.get(t, "#555555") for t in types],
        "incidents": cols, "range": [min(days), max(days)],
        "mentions": _mentions(mentions, S, arts), "regions": regions, "boundaries": boundaries,
        "choroScale": CHORO_SCALE, "unmapped": [[S(i), S(r)] for i, r in unmapped],
        "bounds": bounds(points), "view": opening if opening is not None else view(points),
    }
    payload["labels"] = _labels(labels, S)
    payload["articles"] = arts.rows
    payload["strings"] = S.items
    return payload, unmapped


def _labels(rows, S: Strings) -> dict:
    """Place names, column by column: lat, lon, name, kind (index into ``kinds``), z (first zoom)."""
    from geo.mapping.labels import KINDS

    out: dict[str, list] = {"kinds": list(KINDS), "lat": [], "lon": [], "name": [], "kind": [], "z": []}
    for lat, lon, name, kind, z in rows:
        for k, v in (("lat", lat), ("lon", lon), ("name", S(name)), ("kind", KINDS.index(kind)), ("z", z)):
            out[k].append(v)
    return out


def _mentions(rows, S: Strings, arts: Articles) -> dict:
    """Places (one marker each), each with the articles naming it: [article, count, [snippets]]."""
    out: dict[str, list] = {"lat": [], "lon": [], "name": [], "refs": []}
    at: dict[str, int] = {}
    for m in rows:
        key = m.get("key") or f"{m['name']}@{m['lat']:.4f},{m['lon']:.4f}"
        if key not in at:
            at[key] = len(out["lat"])
            out["lat"].append(round(m["lat"], 5))
            out["lon"].append(round(m["lon"], 5))
            out["name"].append(S(m["name"]))
            out["refs"].append([])
        out["refs"][at[key]].append([arts.add(m["article"]), m.get("count", 1), [S(s) for s in m.get("snippets", [])]])
    return out
