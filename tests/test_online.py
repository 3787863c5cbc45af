"""The opt-in online fallback, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time

import pytest

from geo.gazetteer import PlaceNotFound
from geo.geocoders import AnswerCache, CachedNominatim, OnlineGeocodingError
from geo.lookup import default_online, geocode
from tests.conftest import ROOT, km
from tests.nominatim_server import MALFORMED, FakeNominatim


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
    path.write_bytes(b"SQLite format 3\x00" + b"a damaged page" * 50)  # a SQLite file, damaged
    cache = AnswerCache(path)
    assert cache.get("x", "nominatim") == (False, None)
    assert list(tmp_path.glob("answers.sqlite.corrupt-*"))


def test_cli_online_flag_uses_the_configured_server(server, tmp_path):
    env = dict(os.environ, GEO_NOMINATIM_URL=server.url, GEO_CACHE_DIR=os.environ["GEO_CACHE_DIR"],
               GEO_ONLINE_MIN_DELAY="0")
    env["GEO_ANSWER_CACHE"] = str(tmp_path / "answers.sqlite")
    run = lambda *a: subprocess.run([sys.executable, "-m", "geo", "geocode", *a], check=False, capture_output=True,
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


# -- the rate limit holds on every path ----------------------------------------------

def gaps(server) -> list[float]:
    """Seconds between the arrivals of consecutive requests, as the server saw them."""
    return [b["time"] - a["time"] for a, b in zip(server.requests, server.requests[1:])]


def curated_csv(tmp_path, locations) -> str:
    """A curated incidents file whose rows need geocoding (no coordinates)."""
    path = tmp_path / "curated.csv"
    path.write_text("incident_id,event_date,event_type,location,country,sources,status\n" + "".join(
        f"T-{i},2019-11-14,Protests,{name},BO,,reviewed\n" for i, name in enumerate(locations)))
    return str(path)


def run_geo(server, tmp_path, *args, **env_extra):
    """``python -m geo ARGS`` against ``server`` (or, in mode "refused", a port nobody listens on)."""
    url = FakeNominatim.closed_url() if server.mode == "refused" else server.url
    env = dict(os.environ, GEO_NOMINATIM_URL=url, GEO_ANSWER_CACHE=str(tmp_path / "answers.sqlite"),
               GEO_ONLINE_MIN_DELAY="0", GEO_ONLINE_TIMEOUT="2")
    env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "geo", *args], check=False, capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)


def test_rate_limit_holds_across_the_lookups_of_an_export(server, tmp_path):
    # `geo export` with GEO_ONLINE=1 geocodes each curated row: once a new limiter per lookup.
    names = ["Nowhere Town 1", "Nowhere Town 2", "Nowhere Town 3", "Plaza Murillo"]
    out = run_geo(server, tmp_path, "export", "--curated", curated_csv(tmp_path, names), "--format", "csv",
                  "-o", str(tmp_path / "out.csv"), GEO_ONLINE="1", GEO_ONLINE_MIN_DELAY="0.3")
    assert out.returncode == 0, out.stderr
    assert [r["params"]["q"] for r in server.requests] == names
    assert min(gaps(server)) >= 0.3


def test_lookups_share_the_process_geocoder_and_its_limit(server, tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_NOMINATIM_URL", server.url)
    monkeypatch.setenv("GEO_ANSWER_CACHE", str(tmp_path / "answers.sqlite"))
    monkeypatch.setenv("GEO_ONLINE_MIN_DELAY", "0.2")
    assert default_online() is default_online()
    for name in ("Nowhere A", "Nowhere B", "Nowhere C"):
        with pytest.raises(PlaceNotFound):
            geocode(name, online=True)
    assert len(server.requests) == 3 and min(gaps(server)) >= 0.2


# -- server failures ---------------------------------------------------------------

@pytest.mark.parametrize("mode", ["500", "garbage", "refused"])
def test_server_failure_during_an_export_is_one_error_line(server, tmp_path, mode):
    server.mode = mode  # "refused": the geocoder is pointed at a port where nobody listens
    out = run_geo(server, tmp_path, "export", "--curated", curated_csv(tmp_path, ["Nowhere Town"]), "--format",
                  "csv", "-o", str(tmp_path / "out.csv"), GEO_ONLINE="1")
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    last = out.stderr.strip().splitlines()[-1]
    assert last.startswith("geo: error: online geocoder") and "'Nowhere Town'" in last, out.stderr
    assert not (tmp_path / "out.csv").exists()


def test_a_dripping_server_gets_one_total_deadline(server, online):
    server.mode = "drip"  # one byte every 0.2 s: no single read ever waits 0.5 s
    started = time.monotonic()
    with pytest.raises(OnlineGeocodingError, match="timed out after 0.5 s"):
        online.geocode("Plaza Murillo")
    assert time.monotonic() - started < 3  # the whole answer would take ~25 s
    assert len(online.cache) == 0


@pytest.mark.parametrize("with_length", [True, False])
def test_an_answer_over_2_mb_is_refused(server, tmp_path, with_length):
    server.mode, server.huge_length, server.huge_bytes = "huge", with_length, 2_500_000
    online = CachedNominatim(AnswerCache(tmp_path / "a.sqlite"), domain=server.domain, scheme="http",
                             timeout=5, min_delay_seconds=0)
    with pytest.raises(OnlineGeocodingError, match="bytes refused"):
        online.geocode("Plaza Murillo")
    assert len(online.cache) == 0
    server.huge_bytes = 100  # the same answer, small enough
    assert online.geocode("Plaza Murillo").name == "Plaza Murillo"


def test_a_redirect_to_another_host_is_not_followed(server, online):
    try:
        other = FakeNominatim("127.0.0.2")  # another host: Linux routes all of 127/8 to loopback
    except OSError as exc:
        pytest.skip(f"cannot listen on 127.0.0.2 here: {exc}")
    with other:
        server.mode, server.redirect_to = "redirect", other.url
        with pytest.raises(OnlineGeocodingError, match=r"redirected \(HTTP 302\) to http://127.0.0.2"):
            online.geocode("Plaza Murillo")
        assert other.requests == [] and len(server.requests) == 1
    assert len(online.cache) == 0


@pytest.mark.parametrize("mode", sorted(MALFORMED))
def test_a_malformed_200_answer_is_not_cached_as_not_found(server, online, mode):
    server.mode = mode
    with pytest.raises(OnlineGeocodingError):
        online.geocode("Plaza Murillo")
    assert len(online.cache) == 0
    server.mode = "ok"
    assert online.geocode("Plaza Murillo").name == "Plaza Murillo"  # asked again
    assert len(server.requests) == 2


def test_a_cached_not_found_expires(server, tmp_path):
    path = tmp_path / "answers.sqlite"
    online = CachedNominatim(AnswerCache(path), domain=server.domain, scheme="http", min_delay_seconds=0)
    assert online.geocode("Nowhere At All") is None
    assert online.geocode("Nowhere At All") is None and len(server.requests) == 1  # fresh: from the cache
    with sqlite3.connect(path) as db:
        db.execute("UPDATE answers SET time = time - 31 * 86400")
    assert online.geocode("Nowhere At All") is None
    assert len(server.requests) == 2  # 31 days old: asked again
    assert online.geocode("Nowhere At All") is None and len(server.requests) == 2
