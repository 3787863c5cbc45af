"""The choropleth of a map of one's own articles: the regions of the incidents' own countries
(Ecuador's provinces on a map of Ecuador, never Bolivia's departments), with a tooltip on hover."""

from __future__ import annotations

import pytest

from geo.dataset import build_dataset
from geo.mapping import save_map
from geo.mapping.browser import chromium_path, launch, open_offline

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(chromium_path() is None,
                                 reason="Chromium not installed (Debian: apt-get install chromium; .ci/run does it)")]

QUITO = """QUITO, Ecuador (October 9, 2019) - Police fired tear gas at thousands of Indigenous protesters who
marched in Quito on Tuesday against the end of fuel subsidies. One protester was killed in Quito and dozens
were arrested, officials said.
In Guayaquil, hundreds of people blocked roads with burning tyres on Wednesday.
"""


@pytest.fixture(scope="module")
def ecuador_map(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ecuador")
    (folder / "quito.txt").write_text(QUITO, encoding="utf-8")
    ds = build_dataset([folder])
    assert {i.place.country for i in ds.incidents if i.place} == {"EC"}
    return save_map(ds, folder / "ecuador.html")


def test_a_map_of_ecuador_shades_ecuadorian_provinces(ecuador_map):
    with launch() as browser:
        page, failed, errors = open_offline(browser, ecuador_map)
        try:
            assert page.evaluate("[...new Set(geoApp.data.regions.features.map(f => f.properties.country))]") == ["EC"]
            assert "Fatalities by region (admin-1)" in page.inner_text(".leaflet-control-layers")
            shaded = page.evaluate("geoApp.data.regions.features.filter(f => geoApp.regionFatal[f.properties.i] > 0)"
                                   ".map(f => f.properties.name)")
            assert shaded == ["Pichincha"]  # Quito's province: one killed
            page.evaluate("geoApp.map.setView([-0.6, -78.9], 8, {animate: false}); null")  # Pichincha, off the markers
            x, y = page.evaluate("(() => { const p = geoApp.map.latLngToContainerPoint([-0.6, -78.9]);"
                                 " const r = geoApp.map.getContainer().getBoundingClientRect();"
                                 " return [p.x + r.left, p.y + r.top]; })()")
            page.mouse.move(x - 4, y)
            page.mouse.move(x, y)
            tip = page.locator(".geo-region-tip")
            tip.wait_for(state="visible", timeout=3000)
            assert "(EC)" in tip.inner_text()
            assert failed == [] and errors == []
        finally:
            page.context.close()
