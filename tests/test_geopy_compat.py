"""The offline geocoder plugs into geopy like any other geocoder."""

from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from geo.geocoders import OfflineGeocoder
from tests.conftest import km


def test_offline_geocoder_works_behind_geopy_ratelimiter(gazetteer):
    geocode = RateLimiter(OfflineGeocoder(gazetteer).geocode, min_delay_seconds=0)
    loc = geocode("Huayllani, Cochabamba")
    assert isinstance(loc, Location)
    assert km(loc.latitude, loc.longitude, -17.3964, -66.0570) < 5
    assert loc.raw["gazetteer_id"] == "sup:huayllani-sacaba"


def test_exactly_one_false_and_country_codes(gazetteer):
    geocoder = OfflineGeocoder(gazetteer)
    many = geocoder.geocode("Santa Cruz", exactly_one=False)
    assert isinstance(many, list) and len(many) > 1
    only_bo = geocoder.geocode("Santa Cruz", exactly_one=False, country_codes=["bo"])
    assert only_bo and all(loc.raw["country"] == "BO" for loc in only_bo)
    assert geocoder.geocode("Santa Cruz", country_codes="BO").raw["name"] == "Santa Cruz de la Sierra"
    assert geocoder.geocode("Qwxzzy") is None
