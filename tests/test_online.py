"""The opt-in online fallback, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from geo.gazetteer import PlaceNotFound
from geo.geocoders import AnswerCache, CachedNominatim, OnlineGeocodingError
from geo.lookup import geocode
from tests.conftest import ROOT, km
from tests.nominatim_server import FakeNominatim


@pytest.fixture
def server():
    with FakeNominatim() as s:
        yield s


@pytest.fixture
def online(server, tmp_path):
    return CachedNominatim(AnswerCache(tmp_path / "answers.sqlite"), domain=server.domain, scheme="http",
                           timeout=0.5, min_delay_seconds=0)


def test_miss_sends_one_request_and_is_cached(server, online, tmp_path):
    r = online.geocode("Plaza Murillo")
    assert km(r.lat, r.lon, -16.4958, -68.1335) < 0.1 and r.country == "BO"
    assert len(server.requests) == 1
    assert "geo-incident-mapper" in server.requests[0]["user_agent"]
    assert online.geocode("plaza  MURILLO").name == "Plaza Murillo"
    again = CachedNominatim(AnswerCache(tmp_path / "answers.sqlite"), domain=server.domain, scheme="http")
    assert again.geocode("Plaza Murillo").lat == r.lat  # persistent across processes' caches
    assert len(server.requests) == 1


def test_not_found_is_cached_too(server, online):
    assert online.geocode("Nowhere At All") is None
    assert online.geocode("Nowhere At All") is None
    assert len(server.requests) == 1
    assert len(online.cache) == 1


@pytest.mark.parametrize("mode,words", [("timeout", "timed out after 0.5 s"), ("429", "GeocoderRateLimited"),
                                        ("500", "500"), ("badjson", "GeocoderParseError"),
                                        ("wrongshape", "malformed")])
def test_service_failures_are_clear_errors_and_leave_the_cache_intact(server, online, mode, words):
    online.geocode("Nowhere At All")
    server.mode = mode
    with pytest.raises(OnlineGeocodingError, match=words) as exc:
        online.geocode("Plaza Murillo")
    assert "Plaza Murillo" in str(exc.value) and server.domain in str(exc.value)
    assert len(server.requests) == 2  # one per call: no hidden retries
    assert len(online.cache) == 1 and online.cache.get("nowhere at all", "nominatim") == (True, None)
    server.mode = "ok"
    assert online.geocode("Plaza Murillo").name == "Plaza Murillo"  # the failure was not cached


def test_offline_answer_wins_and_sends_no_request(server, online):
    r = geocode("Huayllani, Cochabamba", online=True, online_geocoder=online)
    assert r.gazetteer_id == "sup:huayllani-sacaba"
    server.mode = "500"
    assert geocode("El Alto", online=True, online_geocoder=online).name == "El Alto"
    assert server.requests == []


def test_fallback_only_when_asked(server, online):
    with pytest.raises(PlaceNotFound):
        geocode("Plaza Murillo", online_geocoder=online)
    assert server.requests == []
    assert geocode("Plaza Murillo", online=True, online_geocoder=online).name == "Plaza Murillo"
    with pytest.raises(PlaceNotFound):
        geocode("Nowhere At All", online=True, online_geocoder=online)


def test_rate_limit_spaces_requests(server, tmp_path):
    limited = CachedNominatim(AnswerCache(tmp_path / "a.sqlite"), domain=server.domain, scheme="http",
                              min_delay_seconds=0.4)
    for q in ("one", "two", "three"):
        limited.geocode(q)
    gaps = [b["time"] - a["time"] for a, b in zip(server.requests, server.requests[1:])]
    assert len(gaps) == 2 and min(gaps) >= 0.35


def test_corrupt_answer_cache_is_set_aside(server, tmp_path):
    path = tmp_path / "answers.sqlite"
    path.write_bytes(b"this is not sqlite" * 50)
    cache = AnswerCache(path)
    assert cache.get("x", "nominatim") == (False, None)
    assert list(tmp_path.glob("answers.sqlite.corrupt-*"))


def test_cli_online_flag_uses_the_configured_server(server, tmp_path):
    env = dict(os.environ, GEO_NOMINATIM_URL=server.url, GEO_CACHE_DIR=os.environ["GEO_CACHE_DIR"],
               GEO_ONLINE_MIN_DELAY="0")
    env["GEO_ANSWER_CACHE"] = str(tmp_path / "answers.sqlite")
    run = lambda *a: subprocess.run([sys.executable, "-m", "geo", "geocode", *a], capture_output=True,
                                    text=True, env=env, cwd=ROOT, timeout=120)
    offline = run("Plaza Murillo")
    assert offline.returncode == 1 and "--online" in offline.stderr
    found = run("Plaza Murillo", "--online", "--json")
    assert found.returncode == 0, found.stderr
    assert '"Plaza Murillo"' in found.stdout and len(server.requests) == 1
    server.mode = "500"
    assert run("Plaza Murillo", "--online").returncode == 0  # answered from the cache
    failed = run("Somewhere Else", "--online")
    assert failed.returncode == 1 and "online geocoder" in failed.stderr
