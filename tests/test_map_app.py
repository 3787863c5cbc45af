"""The map an analyst works in, as a person sees it: headless Chromium, network cut, real clicks.

One seeds page is built per module and opened afresh (a new browser context) by each test.
Known answers: the seeds have 11 incidents on 8 points (La Paz three times, Cochabamba twice);
Huayllani (9 killed, 15 Nov) and Senkata (8 killed, 19 Nov) are the massacres.
"""

from __future__ import annotations

import pytest

from geo.mapping.browser import chromium_path, open_offline

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(chromium_path() is None,
                                 reason="Chromium not installed (Debian: apt-get install chromium; .ci/run does it)")]

LA_PAZ_GROUP = {"BO-20191114-la-paz-pro", "BO-20191114-la-paz-pro-2", "BO-20191119-la-paz-pro",
                "BO-20191119-senkata-pro"}
COCHABAMBA_GROUP = {"BO-20191114-cochabamba-rio", "BO-20191116-cochabamba-pro", "BO-20191115-huayllani-pro"}




@pytest.fixture
def page(browser, seeds_map):
    page, failed, errors = open_offline(browser, seeds_map)
    yield page
    assert failed == [] and errors == []
    page.context.close()


def popup_id(page) -> str | None:
    ids = page.locator(".leaflet-popup-content .geo-id")
    return ids.last.inner_text() if ids.count() else None


def reachable(page, lat: float, lon: float, zoom: int) -> set[str]:
    """The incidents whose popup opens by a click on a marker drawn near (lat, lon) at `zoom`."""
    view = ("([lat, lon, z]) => { geoApp.map.closePopup(); geoApp.map.setView([lat, lon], z, {animate: false});"
            " geoApp.layoutRing(); const c = geoApp.map.latLngToContainerPoint([lat, lon]);"
            " const r = geoApp.map.getContainer().getBoundingClientRect();"
            " return geoApp.markerPoints().filter(p => Math.abs(p.x - c.x - r.left) < 60 && Math.abs(p.y - c.y - r.top) < 60); }")
    got = set()
    for k in range(len(page.evaluate(view, [lat, lon, zoom]))):
        pt = page.evaluate(view, [lat, lon, zoom])[k]  # the view again: the last popup panned the map
        page.mouse.click(pt["x"], pt["y"])
        page.wait_for_timeout(30)
        if popup_id(page):
            got.add(popup_id(page))
    return got


@pytest.mark.parametrize("zoom", [5, 8, 12])
def test_colocated_incidents_each_open_their_own_popup(page, zoom):
    # La Paz (3 incidents on one point) and Senkata 9 km away; Cochabamba (2) and Huayllani 10 km away:
    # at city zoom the neighbours part, and the incidents on one point stay a ring.
    if zoom < 12:
        assert reachable(page, -16.52, -68.16, zoom) >= LA_PAZ_GROUP
        assert reachable(page, -17.39, -66.15, zoom) >= COCHABAMBA_GROUP
    else:
        assert reachable(page, -16.5, -68.15, zoom) == LA_PAZ_GROUP - {"BO-20191119-senkata-pro"}
        assert reachable(page, -17.3895, -66.1568, zoom) == COCHABAMBA_GROUP - {"BO-20191115-huayllani-pro"}


def test_a_closing_popup_lets_a_click_through_to_the_marker_under_it(page):
    # Senkata's popup opens above it and covers La Paz's markers, 9 km to the north-north-east.
    page.evaluate("geoApp.map.setView([-16.45, -68.17], 11, {animate: false}); geoApp.layoutRing(); null")
    page.evaluate("geoApp.openPopup('BO-20191119-senkata-pro')")
    page.wait_for_timeout(400)  # opened and panned into view
    box = page.locator(".leaflet-popup-content-wrapper").bounding_box()
    under = [p for p in page.evaluate("geoApp.markerPoints()") if p["id"] != "BO-20191119-senkata-pro"
             and box["x"] + 5 < p["x"] < box["x"] + box["width"] - 5 and box["y"] + 5 < p["y"] < box["y"] + box["height"] - 5]
    assert under, "no marker under the popup: the view must change"
    page.evaluate("geoApp.map.closePopup(); null")
    page.mouse.click(under[0]["x"], under[0]["y"])  # at once, while the closed popup fades
    page.wait_for_timeout(30)
    assert popup_id(page) == under[0]["id"]


def test_clusters_are_coloured_by_type_and_spiderfy(page):
    page.get_by_label("Incident clusters").check()
    for name in ("Incidents: Protests", "Incidents: Riots"):
        page.get_by_label(name).uncheck()
    for (lat, lon), group, n in (((-17.3895, -66.1568), COCHABAMBA_GROUP, 2), ((-16.5, -68.15), LA_PAZ_GROUP, 3)):
        page.evaluate("([lat, lon]) => { geoApp.map.closePopup(); geoApp.map.setView([lat, lon], 18, {animate: false}); }",
                      [lat, lon])
        page.wait_for_timeout(300)
        page.locator(".geo-cluster").first.click()  # incidents on one point: spread out
        page.wait_for_timeout(500)
        dots = page.locator(".geo-dot")
        assert dots.count() == n
        colours = page.evaluate("[...document.querySelectorAll('.geo-dot')].map(d => getComputedStyle(d).backgroundColor)")
        assert len(set(colours)) == (2 if n == 2 else 1)  # Cochabamba: a riot and a protest, each its colour
        dots.nth(n - 1).click()
        page.wait_for_timeout(100)
        assert popup_id(page) in group


def test_a_cluster_is_coloured_by_the_type_most_of_its_incidents_have(page):
    page.get_by_label("Incident clusters").check()
    page.evaluate("geoApp.map.setView([-16.5, -68.15], 12, {animate: false}); null")  # La Paz: 3 protests, one point
    page.wait_for_timeout(200)
    assert page.locator(".geo-cluster").first.inner_text() == "3"
    protests = page.evaluate("geoApp.data.colors[geoApp.data.types.indexOf('Protests')]")
    shown = page.evaluate("getComputedStyle(document.querySelector('.geo-cluster > div')).backgroundColor")
    assert shown == "rgb({}, {}, {})".format(*(int(protests[k:k + 2], 16) for k in (1, 3, 5)))


def test_opening_view_holds_the_massacres_not_the_outliers(page):
    z, inside = page.evaluate("""[geoApp.map.getZoom(), [[-16.5805, -68.1915], [-17.3964, -66.057], [14.64, -90.51],
        [-34.61, -58.38]].map(p => geoApp.map.getBounds().contains(p))]""")
    assert z >= 6 and inside == [True, True, False, False]
    page.click(".geo-fit-all")
    assert page.evaluate("geoApp.visible().every(v => geoApp.map.getBounds().contains([v.lat, v.lon]))")


def brush(page, first: str, last: str) -> None:
    x0, x1, y = page.evaluate("""([a, b]) => { const r = geoApp.timeline.canvas.getBoundingClientRect();
        const d = s => GeoApp.util.dayOf(s); const w = geoApp.timelineX(d(a) + 1) - geoApp.timelineX(d(a));
        return [r.left + geoApp.timelineX(d(a)) + w / 3, r.left + geoApp.timelineX(d(b)) + 2 * w / 3, r.top + r.height / 2]; }""",
                              [first, last])
    page.mouse.move(x0, y)
    page.mouse.down()
    page.mouse.move((x0 + x1) / 2, y)
    page.mouse.move(x1, y)
    page.mouse.up()


def test_brushing_one_day_keeps_that_days_incidents_mentions_and_rows(page):
    page.get_by_label("Place mentions").check()
    brush(page, "2019-11-15", "2019-11-15")
    assert page.input_value("#geo-since") == page.input_value("#geo-until") == "2019-11-15"
    shown = page.evaluate("geoApp.visible()")
    assert [v["location"] for v in shown] == ["Huayllani"]
    mentions = page.evaluate("geoApp.visibleMentions()")
    # only article 002 (World Socialist Web Site) was published on 15 Nov
    assert mentions and all(m["dates"] == ["2019-11-15"] for m in mentions)
    assert page.inner_text("#geo-list-count") == "1 listed"
    assert page.inner_text("#geo-count") == "1 of 11 incidents shown"
    brush(page, "2019-11-15", "2019-11-16")
    assert {v["location"] for v in page.evaluate("geoApp.visible()")} == {"Huayllani", "Cochabamba"}
    page.fill("#geo-since", "2019-11-19")
    page.fill("#geo-until", "2019-11-19")
    page.dispatch_event("#geo-until", "change")
    assert {v["location"] for v in page.evaluate("geoApp.visible()")} == {"La Paz", "Senkata"}
    assert page.evaluate("[geoApp.since, geoApp.until].map(GeoApp.util.isoDay)") == ["2019-11-19", "2019-11-19"]


def test_list_filters_sorts_and_a_click_opens_the_right_popup(page):
    assert page.inner_text("#geo-list-count") == "11 listed"
    page.fill("#geo-filter", "cochabamba")
    assert page.inner_text("#geo-list-count") == "3 listed"  # two in the city, Huayllani in the department
    page.click(".geo-col-fat")  # most killed first
    first = page.locator(".geo-list-item").first
    assert first.inner_text().split("\t")[0].startswith("2019-11-15") or "Huayllani" in first.inner_text()
    first.click()
    page.wait_for_selector(".leaflet-popup-content h4", timeout=5000)
    assert popup_id(page) == "BO-20191115-huayllani-pro"
    assert page.locator(".geo-list-item").count() <= 40  # rows in view only


def test_popup_shows_each_source_and_notes_in_words(page):
    page.evaluate("geoApp.openPopup('BO-20191115-huayllani-pro')")
    text = page.inner_text(".leaflet-popup-content")
    assert "004_26b54f6d74c6cf47" not in text
    assert "“Protests continue across Bolivia as the MAS submits to coup”: fatalities" in text
    assert "3 sources" in text and "Workers World · published 2019-11-18" in text
    assert "World Socialist Web Site · published 2019-11-20" in text
    assert text.count("This source:") >= 2


def test_choropleth_tooltip_shows_on_hover(page):
    page.evaluate("geoApp.map.setView([-17.0, -65.4], 7, {animate: false}); null")  # Cochabamba dept., no marker there
    x, y = page.evaluate("(() => { const p = geoApp.map.latLngToContainerPoint([-17.0, -65.4]);"
                         " const r = geoApp.map.getContainer().getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; })()")
    page.mouse.move(x - 5, y)
    page.mouse.move(x, y)
    tip = page.locator(".geo-region-tip")
    tip.wait_for(state="visible", timeout=3000)
    assert "Cochabamba" in tip.inner_text() and "9 killed, 3 incidents" in tip.inner_text()


def test_credits_in_the_attribution(browser, seeds_map):
    page, failed, errors = open_offline(browser, seeds_map)
    text = page.inner_text(".leaflet-control-attribution")
    assert "GeoNames" in text and "CC BY 4.0" in text and "Natural Earth" in text and "Who's On First" in text
    water = "water © OpenStreetMap contributors"  # the offline basemap's lakes and rivers
    assert water in text and "OpenStreetMap" not in text.replace(water, "")
    page.get_by_label("OpenStreetMap tiles (online)").check()
    tiles = page.inner_text(".leaflet-control-attribution")
    assert "OpenStreetMap" in tiles and water not in tiles  # the tiles' own credit, the water gone with the basemap
    assert all("tile.openstreetmap.org" in url for url in failed)  # the tiles, refused offline
    page.context.close()


def boxes(page) -> list[dict]:
    return page.evaluate("""[...document.querySelectorAll('.leaflet-control, .geo-timeline, .geo-list')]
        .filter(e => e.offsetParent !== null && e.getBoundingClientRect().width > 0)
        .map(e => { const r = e.getBoundingClientRect();
                    return {name: e.className, x: r.left, y: r.top, w: r.width, h: r.height}; })""")


def overlaps(bs: list[dict]) -> list[tuple[str, str]]:
    out = []
    for i, a in enumerate(bs):
        for b in bs[i + 1:]:
            if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]:
                out.append((a["name"], b["name"]))
    return out


@pytest.mark.parametrize("size", [(390, 800), (1280, 800)])
def test_controls_do_not_overlap(browser, seeds_map, size):
    page, failed, errors = open_offline(browser, seeds_map, viewport=size)
    try:
        bs = boxes(page)
        assert len(bs) >= 6 and overlaps(bs) == []
        assert all(b["x"] >= 0 and b["x"] + b["w"] <= size[0] + 1 for b in bs)
        if size[0] < 700:  # the panels open from their buttons, and still do not overlap
            page.click(".geo-list > .geo-toggle")
            page.click(".leaflet-control-layers-toggle")
            assert page.locator("#geo-filter").is_visible() and overlaps(boxes(page)) == []
        assert failed == [] and errors == []
    finally:
        page.context.close()
