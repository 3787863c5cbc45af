"""The shipped gazetteer answers where a reader expects, offline."""

from __future__ import annotations

import csv
import gzip
import json
import sqlite3

import pytest
from shapely.geometry import Point, shape

from geo.gazetteer import Gazetteer, GazetteerError, PlaceNotFound
from geo.normalize import normalize_name
from tests.conftest import km

# (query, focus country, expected lat, lon, tolerance km). Coordinates are from
# DESIGN.md and GeoNames/Wikipedia, not from this code.
ANCHORS = [
    ("Huayllani, Cochabamba", None, -17.3964, -66.0570, 5),
    ("Senkata", None, -16.5805, -68.1915, 5),
    ("El Alto", None, -16.50, -68.17, 10),
    ("Santa Cruz", "BO", -17.7863, -63.1812, 10),
    ("La Paz", None, -16.4955, -68.1336, 10),  # seat of government, not the department
    ("Buenos Aires", None, -34.6037, -58.3816, 25),
    ("Santiago", None, -33.4489, -70.6693, 25),
    ("Washington", None, 38.9072, -77.0369, 25),
    ("Mexico", None, 23.6, -102.5, 600),
    ("Perú", None, -9.19, -75.0, 600),
    ("Sacaba, Cochabamba", None, -17.4042, -66.0408, 3),
    ("Cochabamba", None, -17.3895, -66.1568, 10),
    ("São Paulo", None, -23.5505, -46.6333, 25),
    ("Guatemala City", None, 14.6349, -90.5069, 25),
    ("Caracas", None, 10.4806, -66.9036, 25),
]


@pytest.mark.parametrize("query,country,lat,lon,tol", ANCHORS, ids=[a[0] for a in ANCHORS])
def test_anchor_lands_where_expected(gazetteer, query, country, lat, lon, tol):
    r = gazetteer.lookup(query, country=country)
    assert km(r.lat, r.lon, lat, lon) <= tol, f"{query} -> {r.name} {r.lat},{r.lon} ({r.country})"


def test_huayllani_is_not_the_chuquisaca_or_potosi_one(gazetteer):
    r = gazetteer.lookup("Huayllani, Cochabamba")
    assert km(r.lat, r.lon, -20.36, -64.94) > 300 and km(r.lat, r.lon, -21.65, -66.25) > 400
    assert r.admin1 == "Cochabamba" and r.country == "BO"
    # the other Huayllanis are still there, as alternatives
    assert {round(a.lat) for a in r.alternatives} >= {-20, -22}


@pytest.mark.parametrize("query,kind", [("Mexico", "country"), ("Perú", "country"), ("Peru", "country"),
                                        ("Bolivia", "country"), ("U.S.", "country")])
def test_countries_resolve_to_countries(gazetteer, query, kind):
    assert gazetteer.lookup(query).feature == kind


@pytest.mark.parametrize("a,b", [("Perú", "Peru"), ("Sao Paulo", "São Paulo"), ("COCHABAMBA", "cochabamba"),
                                 ("Potosi", "Potosí"), ("El  Alto", "El Alto")])
def test_spelling_variants_resolve_alike(gazetteer, a, b):
    assert normalize_name(a) == normalize_name(b)
    assert gazetteer.lookup(a).gazetteer_id == gazetteer.lookup(b).gazetteer_id


def test_department_suffix_means_the_department(gazetteer):
    city = gazetteer.lookup("Cochabamba")
    dept = gazetteer.lookup("Cochabamba Department")
    assert city.feature == "city" and dept.feature == "admin1"
    assert km(dept.lat, dept.lon, -17.18, -65.62) <= 150
    assert shape(dept.area).contains(Point(-66.1568, -17.3895))  # the city lies in its department
    assert gazetteer.lookup("Departamento de Cochabamba").gazetteer_id == dept.gazetteer_id


def test_a_county_word_means_the_county_over_a_town_that_bears_the_whole_name(gazetteer):
    # A hamlet of Antigua is called "St. Mary Parish" too; named so, the Louisiana parish is meant.
    parish = gazetteer.lookup("St. Mary Parish")
    assert (parish.feature, parish.admin1, parish.country) == ("admin2", "Louisiana", "US")


def test_a_county_of_two_words_is_named_without_its_word_unless_a_place_or_a_person_has_the_name(gazetteer):
    # "Miami-Dade police": the county, as news names it; "Ford" stays a car, "Palm Beach" the town,
    # and "Jeff Davis" (a county of Texas and one of Georgia) the man.
    county = gazetteer.lookup("Miami-Dade")
    assert (county.feature, county.admin1, county.gazetteer_id) == ("admin2", "Florida", "fips:12086")
    assert gazetteer.lookup("Fort Bend").gazetteer_id == "fips:48157"
    for name in ("Palm Beach", "Ford", "Jeff Davis"):
        try:
            assert gazetteer.lookup(name, country="US").feature != "admin2", name
        except PlaceNotFound:
            pass


def test_regions_resolve_to_areas(gazetteer):
    media_luna = gazetteer.lookup("Media Luna", country="BO")
    assert media_luna.feature == "region"
    area = shape(media_luna.area)
    for lon, lat in [(-63.18, -17.79), (-64.90, -14.83), (-68.77, -11.03), (-64.73, -21.53)]:  # Santa Cruz, Trinidad, Cobija, Tarija
        assert area.contains(Point(lon, lat))
    assert not area.contains(Point(-68.15, -16.5))  # La Paz is not in the Media Luna
    assert area.contains(Point(media_luna.lon, media_luna.lat))
    chaco = gazetteer.lookup("Chaco", country="BO")
    assert chaco.feature == "region" and shape(chaco.area).contains(Point(chaco.lon, chaco.lat))
    assert shape(chaco.area).contains(Point(-63.0, -21.0))  # Bolivian Chaco near Villamontes


def test_country_focus_changes_the_answer(gazetteer):
    assert gazetteer.lookup("Santa Cruz", country="BO").country == "BO"
    assert gazetteer.lookup("Santa Cruz", country="PH").country == "PH"
    assert gazetteer.lookup("La Paz", country="MX").country == "MX"


def test_result_carries_the_typed_fields(gazetteer):
    r = gazetteer.lookup("El Alto")
    assert (r.name, r.country, r.admin1, r.feature) == ("El Alto", "BO", "La Paz", "city")
    assert r.population > 800_000 and r.gazetteer_id == "sup:el-alto" and r.score > 0
    d = r.to_dict()
    assert set(d) >= {"name", "lat", "lon", "country", "admin1", "feature", "population",
                      "gazetteer_id", "score", "alternatives"}
    json.dumps(d)


def test_unknown_name_raises_with_suggestions(gazetteer):
    with pytest.raises(PlaceNotFound) as exc:
        gazetteer.lookup("Cochabamb")
    assert "Cochabamba" in exc.value.suggestions
    assert "not found" in str(exc.value)


@pytest.mark.parametrize("query", ["", "   ", "\t\n"])
def test_blank_query_is_an_error(gazetteer, query):
    with pytest.raises(ValueError, match="empty place name"):
        gazetteer.lookup(query)


# -- the index itself, on a tiny gazetteer so rebuilding costs milliseconds -----------

def tiny_sources(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    rows = [
        ["gn:1", "Alpha", "-16.5", "-68.1", "BO", "04", "PPL", "1000", "test", "Alfa"],
        ["gn:2", "Alpha", "10.0", "10.0", "NG", "", "PPL", "10", "test", ""],
        ["gn:3", "Bolivia", "-17", "-65", "BO", "", "PCLI", "1", "test", ""],
    ]
    text = "gazetteer_id\tname\tlat\tlon\tcountry\tadmin1\tfeature_code\tpopulation\tsource\talternate_names\n"
    text += "".join("\t".join(r) + "\n" for r in rows)
    (src / "places.tsv.gz").write_bytes(gzip.compress(text.encode()))
    (src / "supplement.csv").write_text(
        "gazetteer_id,overrides,name,alternate_names,lat,lon,country,admin1,feature_code,population,area,countries,source\n"
        "sup:x,,Xland,,-16.6,-68.2,BO,04,PPL,5,,,test row\n")
    (src / "areas.geojson").write_text('{"type":"FeatureCollection","features":[]}')
    return src


def test_missing_index_is_built(tmp_path):
    gaz = Gazetteer(tiny_sources(tmp_path), index_path=tmp_path / "idx.sqlite", verbose=False)
    assert gaz.lookup("Alfa").gazetteer_id == "gn:1"
    assert (tmp_path / "idx.sqlite").exists()


@pytest.mark.parametrize("damage", ["garbage", "truncate", "empty"])
def test_corrupted_index_is_rebuilt_not_trusted(tmp_path, damage):
    src = tiny_sources(tmp_path)
    idx = tmp_path / "idx.sqlite"
    Gazetteer(src, index_path=idx, verbose=False).lookup("Alpha")
    data = idx.read_bytes()
    idx.write_bytes({"garbage": b"not a database" * 100, "truncate": data[: len(data) // 3], "empty": b""}[damage])
    r = Gazetteer(src, index_path=idx, verbose=False).lookup("Alpha")
    assert (r.gazetteer_id, r.lat, r.lon) == ("gn:1", -16.5, -68.1)


def test_stale_index_is_rebuilt_when_sources_change(tmp_path):
    src = tiny_sources(tmp_path)
    idx = tmp_path / "idx.sqlite"
    Gazetteer(src, index_path=idx, verbose=False).lookup("Xland")
    db = sqlite3.connect(idx)
    db.execute("UPDATE places SET lat = 45 WHERE gid = 'sup:x'")  # a wrong answer planted in the index
    db.execute("UPDATE meta SET value = 'other' WHERE key = 'sources'")
    db.commit()
    db.close()
    assert Gazetteer(src, index_path=idx, verbose=False).lookup("Xland").lat == -16.6


def test_missing_source_file_is_a_clear_error(tmp_path):
    src = tiny_sources(tmp_path)
    (src / "supplement.csv").unlink()
    with pytest.raises(GazetteerError, match="supplement.csv is missing"):
        Gazetteer(src, index_path=tmp_path / "idx.sqlite")


def test_bad_supplement_row_names_file_and_row(tmp_path):
    src = tiny_sources(tmp_path)
    with open(src / "supplement.csv", "a") as fh:
        fh.write(",gn:999,,,,,,,,,,,overrides a place that does not exist\n")
    with pytest.raises(GazetteerError, match=r"supplement.csv:3.*gn:999"):
        Gazetteer(src, index_path=tmp_path / "idx.sqlite", verbose=False).lookup("Alpha")


def test_shipped_supplement_rows_carry_a_source():
    from geo.paths import GAZETTEER_DIR

    with open(GAZETTEER_DIR / "supplement.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    names = {r["name"] for r in rows}
    assert {"El Alto", "Senkata", "Huayllani", "Media Luna", "Gran Chaco"} <= names
    assert all(r["source"].strip() for r in rows)


def test_bare_name_shortcut_ranks_like_the_full_ranking(gazetteer):
    # lookup() answers bare names with one SQL query; lookup_all() ranks in Python. They must agree.
    names = [r[0] for r in gazetteer._query("SELECT name FROM places WHERE id % 997 = 0", ())]
    names += ["Santa Cruz", "San José", "La Paz", "Buenos Aires", "Media Luna", "Chaco", "Springfield"]
    for name in names:
        full = gazetteer.lookup_all(name)
        quick = gazetteer.lookup(name)
        assert quick.gazetteer_id == full[0].gazetteer_id and quick.score == full[0].score, name
        assert [a.gazetteer_id for a in quick.alternatives] == [r.gazetteer_id for r in full[1:6]], name


@pytest.mark.parametrize("query, lat, lon", [
    ("Paris, Tenn.", 36.302, -88.327), ("Paris, Texas", 33.661, -95.556), ("Windsor, Ont.", 42.300, -83.017),
    ("Charleston, W.Va.", 38.350, -81.633)])
def test_abbreviated_state_qualifies_the_town(gazetteer, query, lat, lon):
    r = gazetteer.lookup(query)
    assert km(r.lat, r.lon, lat, lon) < 15, (r.name, r.admin1)


def test_a_name_with_a_comma_is_still_found(gazetteer):
    name = gazetteer._query("SELECT name FROM places WHERE name LIKE '%, %' AND feature_code LIKE 'PPL%' LIMIT 1", ())[0][0]
    assert gazetteer.lookup(name).name == name


# The World Factbook's "geographic coordinates" (GeoNames uses the same for these countries).
@pytest.mark.parametrize("query,lat,lon", [("Russia", 60, 100), ("China", 35, 105), ("France", 46, 2),
                                           ("Bolivia", -17, -65), ("Egypt", 27, 30), ("Iran", 32, 53)])
def test_a_country_sits_at_its_reference_point(gazetteer, query, lat, lon):
    r = gazetteer.lookup(query)
    assert r.feature == "country" and km(r.lat, r.lon, lat, lon) < 5, (r.lat, r.lon)


# Most of these provinces' towns crowd along their southern edge; their area lies far north.
@pytest.mark.parametrize("query,south", [("Ontario", 49.0), ("Manitoba", 54.0), ("Saskatchewan", 53.5),
                                         ("British Columbia", 53.5), ("Alaska", 63.0)])
def test_a_region_sits_in_the_middle_of_its_area_not_of_its_towns(gazetteer, query, south):
    r = gazetteer.lookup(query)
    assert r.feature == "admin1" and r.lat > south, (r.lat, r.lon)


def test_regions_natural_earth_splits_finer_are_placed_by_their_merged_outline():
    # Natural Earth has France's departments and Britain's council areas where GeoNames has
    # regions and constituent countries: the build merges them (see data/README.md).
    with gzip.open("geo/data/gazetteer/places.tsv.gz", "rt", encoding="utf-8") as fh:
        source = {(r["country"], r["name"]): r["source"] for r in csv.DictReader(fh, delimiter="\t")
                  if r["feature_code"] == "ADM1"}
    for key in [("FR", "Île-de-France"), ("FR", "Occitanie"), ("GB", "Scotland"), ("GB", "England"), ("CA", "Alberta")]:
        assert "Natural Earth admin-1 polygon" in source[key], key


@pytest.mark.parametrize("query", ["Middle East", "Central America", "Caribbean", "Scandinavia", "Balkans",
                                   "West Africa", "North Africa", "Latin America", "Southeast Asia"])
def test_world_regions_sit_inside_their_member_countries(gazetteer, query):
    # Regions made of whole countries (geo/data/gazetteer/supplement.csv, `countries`): "Middle East"
    # was a hamlet in Maryland.
    with open("geo/data/gazetteer/supplement.csv", encoding="utf-8") as fh:
        members = next(r["countries"].split() for r in csv.DictReader(fh) if r["name"] == query)
    with open("geo/data/boundaries/countries.geojson", encoding="utf-8") as fh:
        outlines = [shape(f["geometry"]) for f in json.load(fh)["features"] if f["properties"]["iso2"] in members]
    r = gazetteer.lookup(query)
    assert r.feature == "region" and any(o.contains(Point(r.lon, r.lat)) for o in outlines), (r.lat, r.lon)


def test_a_city_that_bears_a_name_outright_beats_a_capital_once_so_called(gazetteer):
    from geo.gazetteer import Gazetteer

    phl = Gazetteer().lookup("Philadelphia")  # also Amman's ancient name, and Amman is a capital
    assert (phl.country, phl.admin1) == ("US", "Pennsylvania")
    assert Gazetteer().lookup("Santa Cruz").country == "BO"  # Santa Cruz de la Sierra is bigger than Manila's


def test_mount_and_fort_abbreviated_as_news_writes_them(gazetteer):
    # GeoNames spells most of them out: "Mt. Pleasant, Pa." is the Pennsylvania borough, as
    # "Mount Pleasant, Pa." is; a saint's "St." is not expanded ("St. Patrick" is the saint).
    assert {r.admin1 for r in gazetteer.lookup_within("Mt. Pleasant", "Pa.")} == {"Pennsylvania"}
    assert gazetteer.lookup("Ft. Lauderdale").name == "Fort Lauderdale"
    assert gazetteer.lookup("Mt. Pleasant, S.C.").admin1 == "South Carolina"


def test_units_finer_or_older_than_admin1_regions(gazetteer):
    # Natural Earth's subdivisions where GeoNames' lists lack them: France's departments, the
    # Philippines' provinces, and Kenya's former provinces (GeoNames lists its 47 counties).
    somme = gazetteer.lookup("Somme, France")
    assert (somme.country, somme.feature) == ("FR", "admin2") and km(somme.lat, somme.lon, 49.9, 2.3) < 60
    assert gazetteer.lookup("Pangasinan, Philippines").country == "PH"
    nyanza = gazetteer.lookup("Nyanza, Kenya")
    assert (nyanza.country, nyanza.feature) == ("KE", "region") and km(nyanza.lat, nyanza.lon, -0.6, 34.6) < 120
    assert not [r for r in gazetteer.lookup_all("Coast") if r.country == "KE"]  # a word first: left out


def test_britains_counties_and_council_areas(gazetteer):
    # Natural Earth's subdivisions of the United Kingdom, which GeoNames' city list lacks.
    suffolk = gazetteer.lookup("Suffolk, England")
    assert (suffolk.country, suffolk.admin1, suffolk.feature) == ("GB", "England", "admin2")
    assert km(suffolk.lat, suffolk.lon, 52.19, 1.0) < 40  # Suffolk's middle, near Stowmarket
    assert gazetteer.lookup("Fife, Scotland").admin1 == "Scotland"
    assert gazetteer.lookup("Surrey, UK").country == "GB"
    assert gazetteer.lookup("Glasgow").feature == "city"  # a unit named as its town is left to the town


@pytest.mark.parametrize("query, admin1, country", [
    ("Charlotte", "North Carolina", "US"),  # not Saint Vincent's parish (110,000 people in six)
    ("Portland", "Oregon", "US"),  # not Jamaica's parish
    ("Hamilton", "Ontario", "CA"),  # not Bermuda's capital of 900 people
    ("Florida", "Florida", "US"),  # a state still, and before Uruguay's department
    ("Cochabamba", "Cochabamba", "BO"),
])
def test_regions_and_capitals_of_small_countries_yield_to_big_namesakes(gazetteer, query, admin1, country):
    r = gazetteer.lookup(query)
    assert (r.admin1, r.country) == (admin1, country)
