"""The basemap's place names: countries, the admin-1 regions of the incidents' countries, the
places the incidents and articles name, and big towns from the gazetteer, each with the zoom it
is first drawn at. The page draws those in view in order of importance and leaves out any that
would overlap one already drawn (geo-labels.js).

A label: ``(lat, lon, name, kind, min_zoom)``, kind one of :data:`KINDS`; the list comes in
drawing priority (a named place before a town of its name, a big town before a small one).
"""

from __future__ import annotations

from geo.mapping.view import bounds as _bounds

KINDS = ("country", "region", "named", "town")
COUNTRY_POP = ((50_000_000, 2), (5_000_000, 3), (0, 4))
TOWN_POP = ((3_000_000, 4), (1_000_000, 5), (300_000, 6), (100_000, 7), (40_000, 8), (0, 9))
HOME_TOWN_MIN = 100_000  # in the incidents' own countries
NEAR_TOWN_MIN = 10_000  # within NEAR degrees of the opening view
WORLD_TOWN_MIN = 1_000_000
NEAR = 2.0


def _zoom(pop: int | None, steps) -> int:
    return next(z for floor, z in steps if (pop or 0) >= floor)


def _gazetteer_rows(countries: set[str], box) -> tuple[list[tuple], list[tuple]]:
    """(countries, towns) rows of the gazetteer: name, lat, lon, population, feature code."""
    from geo.gazetteer import default_gazetteer

    db = default_gazetteer().db
    nations = db.execute("SELECT name, lat, lon, population, feature_code FROM places WHERE feature_code = 'PCLI'").fetchall()
    marks = ",".join("?" * len(countries)) or "''"
    (s, w), (n, e) = box if box else ((0.0, 0.0), (0.0, 0.0))
    towns = db.execute(
        f"""SELECT name, lat, lon, population, feature_code FROM places WHERE feature_code LIKE 'PPL%' AND (
            feature_code = 'PPLC' OR population >= ? OR (country IN ({marks}) AND population >= ?)
            OR (population >= ? AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?))
            ORDER BY population DESC""",
        (WORLD_TOWN_MIN, *sorted(countries), HOME_TOWN_MIN, NEAR_TOWN_MIN, s - NEAR, n + NEAR, w - NEAR, e + NEAR),
    ).fetchall()
    return nations, towns


def _region_points(regions: dict) -> list[tuple]:
    from shapely.geometry import shape

    out = []
    for f in regions["features"]:
        p = shape(f["geometry"]).representative_point()
        out.append((round(p.y, 3), round(p.x, 3), f["properties"]["name"], "region", 5))
    return out


def place_labels(dataset, mentions: list[dict], regions: dict, countries: set[str], box=None) -> list[tuple]:
    """The labels of a map of ``dataset`` (see the module's docstring), most important first;
    small towns only near ``box`` ([[south, west], [north, east]], the opening view)."""
    named: dict[str, tuple] = {}
    for inc in dataset.incidents:
        if inc.place is not None and inc.location:
            named.setdefault(inc.location.casefold(), (inc.place.lat, inc.place.lon, inc.location))
    for m in mentions:
        named.setdefault(m["name"].casefold(), (m["lat"], m["lon"], m["name"]))
    box = box or _bounds((lat, lon) for lat, lon, _ in named.values())
    nations, towns = _gazetteer_rows(countries, box)
    national = {r[0].casefold() for r in nations}
    out = [(round(lat, 3), round(lon, 3), name, "named", 6) for key, (lat, lon, name) in named.items()
           if key not in national]  # a country the articles name is labelled as the country
    out += [(round(lat, 3), round(lon, 3), name, "country", _zoom(pop, COUNTRY_POP))
            for name, lat, lon, pop, _code in sorted(nations, key=lambda r: -(r[3] or 0))]
    for name, lat, lon, pop, code in towns:
        same = named.get(name.casefold())
        if same is not None and abs(same[0] - lat) < 0.3 and abs(same[1] - lon) < 0.3:
            continue  # the place the articles name already carries it
        z = _zoom(pop, TOWN_POP) if code != "PPLC" else min(_zoom(pop, TOWN_POP), 5)
        out.append((round(lat, 3), round(lon, 3), name, "town", z))
    return out + _region_points(regions)
