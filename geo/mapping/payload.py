"""The map's data, encoded compactly: a string table and one array per field.

A map of 100,000 incidents must stay small and quick to parse, so incidents are
stored column by column and every string (places, quotes, titles) once.
"""

from __future__ import annotations

import json
from datetime import date

EPOCH = date(1970, 1, 1)
TYPE_COLORS = {
    "Protests": "#2b83ba", "Riots": "#fdae61", "Violence against civilians": "#d7191c",
    "Battles": "#7b3294", "Explosions/Remote violence": "#000000", "Strategic developments": "#1a9641",
}
CHORO_SCALE = [[0, "#fee5d9"], [1, "#fcae91"], [5, "#fb6a4a"], [10, "#de2d26"], [25, "#a50f15"]]
PRECISION_INDEX = {"day": 0, "week": 1, "month": 2}


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


def encode(incidents, mentions, articles, departments, boundaries) -> tuple[dict, list]:
    """(payload dict, [(incident_id, reason)] of incidents that cannot be mapped)."""
    S = Strings()
    types = sorted({i.event_type for i in incidents} | {"Protests"})
    type_index = {t: k for k, t in enumerate(types)}
    art_index: dict[str, int] = {}
    art_rows: list[list[int]] = []
    for a in articles:
        art_index[a.article_id] = len(art_rows)
        art_rows.append([S(a.article_id), S(a.title), S(a.outlet)])
    cols: dict[str, list] = {k: [] for k in ("lat", "lon", "day", "prec", "type", "sub", "fat", "loc", "admin1", "geo", "dept",
                            "status", "id", "notes", "src")}
    unmapped = []
    from geo.mapping.regions import department_index

    dept_of = department_index(departments)
    for inc in incidents:
        where = inc.place
        if inc.event_date is None or where is None:
            unmapped.append((inc.incident_id, "no date" if inc.event_date is None else f"unresolved place {inc.location!r}"))
            continue
        srcs = []
        for s in inc.sources:
            if s.article not in art_index:
                art_index[s.article] = len(art_rows)
                art_rows.append([S(s.article), S(s.title), S(s.outlet)])
            srcs.append([art_index[s.article], S(s.quote), s.fatalities, s.injuries, s.arrests])
        cols["lat"].append(round(where.lat, 5))
        cols["lon"].append(round(where.lon, 5))
        cols["day"].append((inc.event_date - EPOCH).days)
        cols["prec"].append(PRECISION_INDEX.get(inc.date_precision, 0))
        cols["type"].append(type_index[inc.event_type])
        cols["sub"].append(S(inc.sub_event_type))
        cols["fat"].append(inc.fatalities or 0)
        cols["loc"].append(S(inc.location))
        cols["admin1"].append(S(inc.admin1))
        cols["geo"].append(inc.geo_precision or 0)
        cols["dept"].append(dept_of(where.lon, where.lat))
        cols["status"].append(S(inc.status))
        cols["id"].append(S(inc.incident_id))
        cols["notes"].append(S(inc.notes))
        cols["src"].append(srcs)
    days = cols["day"] or [(date.today() - EPOCH).days]
    payload = {
        "types": types, "colors": [TYPE_COLORS.get(t, "#555555") for t in types],
        "incidents": cols, "articles": art_rows, "range": [min(days), max(days)],
        "mentions": _mentions(mentions, S), "departments": departments, "boundaries": boundaries,
        "choroScale": CHORO_SCALE, "unmapped": [[S(i), S(r)] for i, r in unmapped],
    }
    payload["strings"] = S.items
    return payload, unmapped


def _mentions(mentions, S) -> dict:
    out: dict[str, list] = {"lat": [], "lon": [], "name": [], "n": [], "count": [], "snip": []}
    for m in mentions:
        out["lat"].append(round(m["lat"], 5))
        out["lon"].append(round(m["lon"], 5))
        out["name"].append(S(m["name"]))
        out["n"].append(m["articles"])
        out["count"].append(m["count"])
        out["snip"].append([S(s) for s in m["snippets"]])
    return out
