"""The offline basemap's place names, read as a person reads them (headless Chromium, network
cut): countries and regions at country zoom, the places the articles name and the towns around
them at city zoom, never two names on top of each other nor under a control."""

from __future__ import annotations

import pytest

from geo.dataset import build_dataset
from geo.mapping import save_map
from geo.mapping.browser import chromium_path, launch, open_offline
from geo.paths import DEMO_CURATED, SEEDS_DIR

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(chromium_path() is None,
                                 reason="Chromium not installed (Debian: apt-get install chromium; .ci/run does it)")]


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    path = save_map(build_dataset([SEEDS_DIR], curated=DEMO_CURATED), tmp_path_factory.mktemp("labels") / "seeds.html")
    with launch() as browser:
        page, failed, errors = open_offline(browser, path)
        yield page
        assert failed == [] and errors == []
        page.context.close()


def shown_at(page, lat: float, lon: float, zoom: int) -> list[dict]:
    page.evaluate("([lat, lon, z]) => { geoApp.map.setView([lat, lon], z, {animate: false}); }", [lat, lon, zoom])
    return page.evaluate("geoApp.labelsShown()")


def apart(a: dict, b: dict) -> bool:
    return a["x"] + a["w"] <= b["x"] or b["x"] + b["w"] <= a["x"] or a["y"] + a["h"] <= b["y"] or b["y"] + b["h"] <= a["y"]


@pytest.mark.parametrize("where", [(-17.0, -65.0, 5), (-17.2, -66.5, 7), (-16.53, -68.18, 12)])
def test_names_never_overlap_each_other_nor_the_controls(page, where):
    labels = shown_at(page, *where)
    assert len(labels) >= 3
    assert all(apart(a, b) for i, a in enumerate(labels) for b in labels[i + 1:])
    controls = page.evaluate("""[...document.querySelectorAll('.leaflet-control')].map(e => e.getBoundingClientRect())
        .filter(r => r.width > 0).map(r => ({x: r.left, y: r.top, w: r.width, h: r.height}))""")
    assert all(apart(a, c) for a in labels for c in controls)


def test_country_zoom_names_countries_regions_and_towns(page):
    labels = shown_at(page, -17.0, -65.0, 5)
    kinds = {lab["kind"] for lab in labels}
    texts = {lab["text"] for lab in labels}
    assert "Bolivia" in texts and {"country", "town"} <= kinds
    assert "BOLIVIA" in page.inner_text(".geo-labels")  # countries in capitals
    assert "region" in {lab["kind"] for lab in shown_at(page, -17.6, -64.5, 7)}  # Bolivia's departments


def test_city_zoom_names_the_places_of_the_articles(page):
    texts = {lab["text"] for lab in shown_at(page, -16.53, -68.18, 12)}
    assert {"El Alto", "La Paz", "Senkata"} <= texts


def test_names_stay_small_in_the_page(page):
    assert page.evaluate("JSON.stringify(geoApp.data.labels).length") < 60_000


BOLIVIA_DEPARTMENTS = {"Chuquisaca", "Cochabamba", "El Beni", "La Paz", "Oruro", "Pando", "Potosí", "Santa Cruz", "Tarija"}


def test_every_department_is_named_at_zoom_6_and_a_city_leaves_room_for_its_department(page):
    # A department's name sits where the city it is named after (Cochabamba) or a control (the
    # layer box over Santa Cruz) would hide it: it moves a line or its width, still inside it.
    regions = {lab["text"] for lab in shown_at(page, -16.8, -65.5, 6) if lab["kind"] == "region"}
    assert BOLIVIA_DEPARTMENTS <= regions
    at7 = shown_at(page, -16.8, -65.5, 7)
    assert {"Cochabamba"} <= {lab["text"] for lab in at7 if lab["kind"] == "region"}
    assert {"Cochabamba"} <= {lab["text"] for lab in at7 if lab["kind"] == "named"}  # the city too
