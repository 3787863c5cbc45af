"""The map's data as the page gets it: small (integers packed, geo/mapping/columns.py), and
unpacked in the page to the very values geo built (coordinates, dates, figures, sources)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from geo.dataset import Dataset
from geo.mapping import save_map
from geo.mapping.browser import chromium_path, open_offline
from geo.place import Place
from geo.records import Incident, Source

TYPES = [("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"),
         ("Violence against civilians", "Attack"), ("Battles", "Armed clash")]


def incident(k: int, lat: float, lon: float, day: date, sources: list[Source], fatalities=0, etype=TYPES[0],
             town: int | None = None):
    return Incident(incident_id=f"T-{k:05d}", event_date=day, date_precision="day", event_type=etype[0],
                    sub_event_type=etype[1], location=f"Town {k if town is None else town}", country="BO",
                    place=Place("x", lat, lon),
                    geo_precision=1, sources=sources, fatalities=fatalities, status="extracted")


def test_a_map_spends_at_most_60_bytes_an_incident_beyond_the_quotes_of_its_sources(tmp_path):
    # The measure: every source its own 150-character quote; what the page costs beyond
    # those quotes' own text and the page's fixed part (Leaflet, the app, the basemap). As in a
    # corpus, the incidents happen in fewer towns (400) and are reported by fewer articles.
    rng, n = random.Random(4), 5000
    towns = [(rng.uniform(-22.0, -10.0), rng.uniform(-69.0, -58.0)) for _ in range(400)]
    incidents = []
    for k in range(n):
        town = rng.randrange(len(towns))
        sources = [Source(article=f"a{rng.randrange(400)}", quote=(f"{k}.{j} " + "".join(rng.choices("abcde ", k=150)))[:150],
                          fatalities=rng.choice([None, 0, 1, 3])) for j in range(rng.randint(1, 2))]
        inc = incident(k, *towns[town], date(2019, 11, 1) + timedelta(days=rng.randrange(30)), sources,
                       etype=rng.choice(TYPES), town=town)
        inc.summarise_figures()
        incidents.append(inc)
    def cost(some: list[Incident]) -> int:  # the page's bytes less its quotes' text
        path = save_map(Dataset(incidents=some, articles=[]), tmp_path / f"{len(some)}.html", mentions=[])
        return path.stat().st_size - sum(len(s.quote.encode()) for inc in some for s in inc.sources)

    assert all(len(s.quote) == 150 for inc in incidents for s in inc.sources)
    # From one incident to n: the same page parts (Bolivia's regions, the basemap, the app) around them.
    per_incident = (cost(incidents) - cost(incidents[:1])) / (n - 1)
    assert per_incident <= 60, f"{per_incident:.1f} bytes an incident beyond its quotes"


@pytest.mark.browser
@pytest.mark.skipif(chromium_path() is None, reason="Chromium not installed (Debian: apt-get install chromium)")
def test_the_page_gets_the_very_coordinates_dates_and_figures_built(browser, tmp_path):
    incidents = [
        incident(0, -16.500123, -68.15, date(2019, 11, 15), fatalities=None, sources=[
            Source(article="a1", quote="Police arrested twelve; three died.", fatalities=3, arrests=12),
            Source(article="a2", quote="Hospitals treated 250 people.", injuries=250)]),
        incident(1, 69.65432, 179.99999, date(2021, 6, 30), fatalities=1200, etype=TYPES[3],
                 sources=[Source(article="a3", quote="The battle killed 1,200.", fatalities=1200)]),
        incident(2, -54.8, -179.99999, date(2001, 1, 1), fatalities=0, etype=TYPES[1], sources=[]),
    ]
    path = save_map(Dataset(incidents=incidents, articles=[]), tmp_path / "values.html", mentions=[])
    page, failed, errors = open_offline(browser, path)
    try:
        got = page.evaluate("[0, 1, 2].map(i => geoApp.describe(i))")
        assert [(g["id"], g["lat"], g["lon"], g["date"], g["fatalities"], g["type"]) for g in got] == [
            ("T-00000", -16.50012, -68.15, "2019-11-15", None, "Protests"),
            ("T-00001", 69.65432, 179.99999, "2021-06-30", 1200, "Battles"),
            ("T-00002", -54.8, -179.99999, "2001-01-01", 0, "Riots")]
        page.evaluate("geoApp.openPopup('T-00000')")
        text = page.inner_text(".leaflet-popup-content")
        assert "Fatalities\nunknown" in text and "2 sources" in text
        assert "This source: 3 killed, 12 arrested" in text and "This source: 250 injured" in text
        assert "Police arrested twelve; three died." in text and "Hospitals treated 250 people." in text
        page.evaluate("geoApp.openPopup('T-00001')")
        text = page.inner_text(".leaflet-popup-content")
        assert "Fatalities\n1200" in text and "This source: 1200 killed" in text and "Battles / Armed clash" in text
        assert page.inner_text("#geo-count") == "3 of 3 incidents shown"
        assert failed == [] and errors == []
    finally:
        page.context.close()
