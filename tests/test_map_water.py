"""The basemap's lakes and rivers as a person sees them: a map of Bolivia carries Lake Titicaca
and the Beni and Mamoré rivers, and draws them as water in headless Chromium with the network
cut; a map of Ecuador carries no Bolivian lake."""

from __future__ import annotations

import json
import re

import pytest
from shapely.geometry import Point, Polygon

from geo.dataset import build_dataset
from geo.mapping import save_map
from geo.mapping.browser import chromium_path, launch, open_offline
from geo.mapping.water import UNIT
from tests.test_map_regions import QUITO

TITICACA = (-15.8, -69.4)  # (lat, lon), the lake's middle
MAMORE_AT_TRINIDAD = (-14.78, -64.95)
BENI_AT_RIBERALTA = (-11.0, -66.09)
BOLIVIA = (-69.7, -23.0, -57.4, -9.6)  # (west, south, east, north)


def payload(path) -> dict:
    html = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="[^"]+_data">(.*?)</script>', html, re.S).group(1))


def polygons(rings_of: list) -> list[Polygon]:
    """The page's polygons (rings as the first point then differences, in 1e-3 degrees) as shapely's."""
    out = []
    for rings in rings_of:
        shells = []
        for r in rings:
            x = y = 0
            pts = []
            for k in range(0, len(r), 2):
                x, y = x + r[k], y + r[k + 1]
                pts.append((x / UNIT, y / UNIT))
            shells.append(pts)
        out.append(Polygon(shells[0], shells[1:]))
    return out


def near(shapes: list[Polygon], lat: float, lon: float, km: float) -> bool:
    return any(s.distance(Point(lon, lat)) * 111 <= km for s in shapes)


@pytest.fixture(scope="module")
def ecuador_map(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ecuador-water")
    (folder / "quito.txt").write_text(QUITO, encoding="utf-8")
    return save_map(build_dataset([folder]), folder / "ecuador.html")


def test_the_seeds_map_carries_lake_titicaca_and_the_beni_and_mamore(seeds_map):
    water = payload(seeds_map)["boundaries"]["water"]
    lakes, rivers = polygons(water["lakes"]), polygons(water["rivers"])
    titicaca = [s for s in lakes if s.contains(Point(TITICACA[1], TITICACA[0]))]
    assert len(titicaca) == 1 and 0.5 < titicaca[0].area < 0.9  # 8,400 km²: about 0.7 square degrees
    assert near(rivers, *MAMORE_AT_TRINIDAD, km=10) and near(rivers, *BENI_AT_RIBERALTA, km=10)
    # the world's water is not in the page: nothing from the Great Lakes or the Nile
    assert not near(lakes, 43.7, -79.4, 300) and not near(rivers, 15.6, 32.5, 300)


def test_a_map_of_ecuador_carries_no_bolivian_water(ecuador_map):
    water = payload(ecuador_map)["boundaries"]["water"]
    w, s, e, n = BOLIVIA
    for shape in polygons(water["lakes"]) + polygons(water["rivers"]):
        x0, y0, x1, y1 = shape.bounds
        assert x1 < w or x0 > e or y1 < s or y0 > n, shape.bounds


@pytest.mark.browser
@pytest.mark.skipif(chromium_path() is None, reason="Chromium not installed (Debian: apt-get install chromium; .ci/run does it)")
def test_lake_titicaca_is_drawn_as_water_offline(seeds_map):
    with launch() as browser:
        page, failed, errors = open_offline(browser, seeds_map)
        try:
            page.evaluate("(p) => { geoApp.map.setView(p, 8, {animate: false}); }", list(TITICACA))
            page.wait_for_timeout(300)
            # the water pane's own canvas, at the lake's middle and on the dry Altiplano beside it
            pixel = """([lat, lon]) => {
                const c = document.querySelector('.leaflet-geo-water-pane canvas');
                const p = geoApp.map.latLngToContainerPoint([lat, lon]);
                const r = c.getBoundingClientRect(), m = geoApp.map.getContainer().getBoundingClientRect();
                const s = c.width / r.width, x = Math.round((p.x + m.left - r.left) * s), y = Math.round((p.y + m.top - r.top) * s);
                return Array.from(c.getContext('2d').getImageData(x, y, 1, 1).data); }"""
            assert page.evaluate(pixel, list(TITICACA)) == [169, 203, 230, 255]  # geo-water.js's WATER, opaque
            dry = page.evaluate(pixel, [-17.2, -68.6])[3]
            assert dry == 0
            assert "OpenStreetMap" in page.inner_text(".leaflet-control-attribution")
            assert failed == [] and errors == []
        finally:
            page.context.close()
