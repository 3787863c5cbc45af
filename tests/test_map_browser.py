"""The map as a person sees it: headless Chromium, network cut, real clicks."""

from __future__ import annotations

import json
from datetime import date

import pytest

from geo.dataset import Dataset
from geo.mapping import save_map
from geo.mapping.browser import chromium_path, open_offline
from geo.place import Place
from geo.records import Incident, Source
from tests.conftest import km

pytestmark = pytest.mark.skipif(chromium_path() is None,
                                reason="Chromium not installed (Debian: apt-get install chromium; .ci/run does it)")




def click_incident(page, location: str) -> str:
    """Click the marker of an incident on the canvas and return the popup's text."""
    page.evaluate("geoApp.map.closePopup(); null")
    inc = page.evaluate("(loc) => geoApp.visible().find(v => v.location === loc)", location)
    page.evaluate("(p) => { geoApp.map.setView([p.lat, p.lon], 9, {animate: false}); }", inc)
    point = page.evaluate("(p) => { const q = geoApp.map.latLngToContainerPoint([p.lat, p.lon]);"
                          " const r = geoApp.map.getContainer().getBoundingClientRect();"
                          " return {x: q.x + r.left, y: q.y + r.top}; }", inc)
    page.mouse.click(point["x"], point["y"])
    page.wait_for_function("(loc) => [...document.querySelectorAll('.leaflet-popup-content h4')]"
                           ".some(h => h.textContent === loc)", arg=location, timeout=5000)
    return page.locator(".leaflet-popup-content", has=page.locator("h4", has_text=location)).last.inner_text()


def test_seeds_map_renders_offline_with_layers_and_incidents(browser, seeds_map):
    page, failed, errors = open_offline(browser, seeds_map)
    try:
        assert failed == [] and errors == []
        control = page.inner_text(".leaflet-control-layers")
        for name in ("Boundaries (offline basemap)", "OpenStreetMap tiles (online)", "Incidents: Protests",
                     "Place mentions", "Fatalities by region (admin-1)", "Heat", "Incident clusters"):
            assert name in control
        assert page.locator(".geo-legend").is_visible()
        shown = page.evaluate("geoApp.visible()")
        senkata = [v for v in shown if km(v["lat"], v["lon"], -16.5805, -68.1915) < 5]
        huayllani = [v for v in shown if km(v["lat"], v["lon"], -17.3964, -66.0570) < 5]
        assert senkata and huayllani
        text = click_incident(page, "Senkata")
        assert "2019-11-19" in text and "2 sources" in text and "8 killed" in text and "Workers World" in text
        # the offline basemap drew: its canvas is mostly painted land
        painted = page.evaluate("""(() => { const c = document.querySelector('.leaflet-geo-basemap-pane canvas');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
            for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n / (c.width * c.height); })()""")
        assert painted > 0.5
    finally:
        page.context.close()


def test_date_control_shows_only_those_days(browser, seeds_map):
    page, failed, errors = open_offline(browser, seeds_map)
    try:
        total = len(page.evaluate("geoApp.visible()"))
        page.fill("#geo-since", "2019-11-15")
        page.fill("#geo-until", "2019-11-16")
        page.dispatch_event("#geo-until", "change")
        shown = page.evaluate("geoApp.visible()")
        assert shown and {v["date"] for v in shown} <= {"2019-11-15", "2019-11-16"}
        assert {v["location"] for v in shown} == {"Huayllani", "Cochabamba"}
        assert page.inner_text("#geo-count") == f"{len(shown)} of {total} incidents shown"
        page.click("text=all dates")
        assert len(page.evaluate("geoApp.visible()")) == total
        assert failed == [] and errors == []
    finally:
        page.context.close()


def test_layers_toggle(browser, seeds_map):
    page, failed, errors = open_offline(browser, seeds_map)
    try:
        for name in ("Place mentions", "Heat (incidents, by fatalities)", "Incident clusters"):
            page.get_by_label(name).check()
        page.wait_for_timeout(300)
        assert page.locator(".geo-cluster, .geo-dot").count() > 0
        assert page.locator("canvas.leaflet-heatmap-layer").count() == 1
        page.get_by_label("Incidents: Protests").uncheck()
        assert failed == [] and errors == []
    finally:
        page.context.close()


HOSTILE = ["</script><script>window.__xss='script'</script>", "${window.__xss='template'}",
           "`${window.__xss='backtick'}`", "<img src=x onerror=\"window.__xss='img'\">",
           "\" onmouseover=\"window.__xss='attr'\" x=\"", "\u2028\u2029 line separators",
           "{{ 7*7 }} {% if x %} {# jinja #}"]


def test_hostile_strings_stay_text(browser, tmp_path):
    incidents = []
    for k, bad in enumerate(HOSTILE):
        incidents.append(Incident(
            incident_id=f"x{k}{bad[:12]}", event_date=date(2019, 11, 15 + k % 3), date_precision="day",
            event_type="Protests", sub_event_type="Peaceful protest", location=f"Place {bad}", country="BO",
            admin1=bad, place=Place("x", -16.5 - k * 0.3, -68.15 + k * 0.3), geo_precision=1, fatalities=k,
            notes=bad, status="reviewed", sources=[Source(article=bad, quote=f"Quote {bad}", title=bad, outlet=bad)]))
    ds = Dataset(incidents=incidents, articles=[])
    path = save_map(ds, tmp_path / "hostile.html", mentions=[{"name": bad, "lat": -17.0, "lon": -65.0,
                                                              "article": bad, "count": 1, "snippets": [bad]}
                                                             for bad in HOSTILE[:1]])
    page, failed, errors = open_offline(browser, path)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        for bad in HOSTILE:
            text = click_incident(page, f"Place {bad}")
            assert f"Quote {bad}".split()[1][:12] in text  # shown as text, verbatim
            page.mouse.move(1, 1)
        page.get_by_label("Place mentions").check()
        assert page.evaluate("window.__xss") is None
        assert dialogs == [] and failed == [] and errors == []
        assert page.inner_text("#geo-count") == f"{len(HOSTILE)} of {len(HOSTILE)} incidents shown"
        assert page.locator("img[src='x']").count() == 0
    finally:
        page.context.close()


def test_only_http_links_are_links(browser, tmp_path):
    from geo.articles import Article

    urls = {"a1": "javascript:window.__xss='link'", "a2": "https://example.org/story?id=1&x=<b>", "a3": "data:text/html,x",
            "a4": " JAVASCRIPT:alert(1)", "a5": "http://example.org/plain"}
    arts = [Article(article_id=k, raw="", title=f"Title {k}", outlet="Outlet", url=u, published=date(2019, 11, 15))
            for k, u in urls.items()]
    inc = Incident("l1", date(2019, 11, 15), "day", "Protests", "Peaceful protest", "La Paz",
                   place=Place("x", -16.5, -68.15), sources=[Source(article=k, quote=f"quote {k}") for k in urls])
    path = save_map(Dataset(incidents=[inc], articles=arts), tmp_path / "links.html")
    page, failed, errors = open_offline(browser, path)
    try:
        page.evaluate("geoApp.openPopup('l1')")
        links = page.evaluate("[...document.querySelectorAll('.leaflet-popup-content a')]"
                              ".map(a => [a.textContent, a.getAttribute('href'), a.rel, a.target])")
        assert links == [["Title a2", urls["a2"], "noopener noreferrer", "_blank"],
                         ["Title a5", urls["a5"], "noopener noreferrer", "_blank"]]
        text = page.inner_text(".leaflet-popup-content")
        assert "Title a1" in text and "javascript:window.__xss='link'" in text  # shown, as text
        page.get_by_text("Title a1").click()
        assert page.evaluate("window.__xss") is None
        assert "published 2019-11-15" in text and failed == [] and errors == []
    finally:
        page.context.close()


def test_unmapped_incidents_are_not_dropped_silently(browser, tmp_path):
    lost = Incident("u1", date(2019, 11, 15), "day", "Protests", "Peaceful protest", "Villa Inexistente")
    kept = Incident("k1", date(2019, 11, 15), "day", "Protests", "Peaceful protest", "La Paz",
                    place=Place("x", -16.5, -68.15))
    path = save_map(Dataset(incidents=[lost, kept], articles=[]), tmp_path / "u.html")
    data = json.loads(path.read_text().split('_data">', 1)[1].split("</script>", 1)[0])
    assert [data["strings"][i] for i, _ in data["unmapped"]] == ["u1"]
    page, failed, errors = open_offline(browser, path)
    try:
        assert "1 incident(s) not on the map: u1 (unresolved place 'Villa Inexistente')" in page.inner_text(".geo-legend")
        assert failed == [] and errors == []
    finally:
        page.context.close()
