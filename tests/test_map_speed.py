"""What keeps a map of 100,000 incidents quick, tested as a person's browser runs it (headless
Chromium, network cut): the incidents' canvas is drawn once per change, not once per step of it,
and a canvas of thousands of circles (drawn from sprites) still shows and answers clicks."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from geo.dataset import Dataset, build_dataset
from geo.mapping import save_map
from geo.mapping.browser import chromium_path, open_offline
from geo.paths import DEMO_CURATED, SEEDS_DIR
from geo.place import Place
from geo.records import Incident, Source

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(chromium_path() is None,
                                 reason="Chromium not installed (Debian: apt-get install chromium; .ci/run does it)")]

# Counts the full clears of each canvas: Leaflet clears a canvas whole before each full redraw.
COUNT_CLEARS = """(() => { const clear = CanvasRenderingContext2D.prototype.clearRect; window.geoClears = [];
  CanvasRenderingContext2D.prototype.clearRect = function (x, y, w, h) {
    if (w >= this.canvas.width && h >= this.canvas.height) window.geoClears.push(this.canvas);
    return clear.apply(this, arguments); }; })()"""
FULL_DRAWS = "window.geoClears.filter(c => c === geoApp.renderer._container).length"
FRAME = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def many(n: int) -> Dataset:
    rng = random.Random(3)
    incidents = []
    for k in range(n):
        inc = Incident(incident_id=f"M-{k:05d}", event_date=date(2019, 11, 1) + timedelta(days=rng.randrange(20)),
                       date_precision="day", event_type=rng.choice(["Protests", "Riots"]), sub_event_type="", location=f"Town {k}",
                       country="BO", place=Place("x", rng.uniform(-20.0, -12.0), rng.uniform(-68.0, -60.0)),
                       geo_precision=1, sources=[Source(article="a1", quote="A crowd marched.", fatalities=k % 3)],
                       status="extracted")
        inc.summarise_figures()
        incidents.append(inc)
    return Dataset(incidents=incidents, articles=[])


def test_the_incidents_canvas_is_drawn_once_at_opening_and_once_per_date_change(browser, tmp_path):
    path = save_map(build_dataset([SEEDS_DIR], curated=DEMO_CURATED), tmp_path / "seeds.html")
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, offline=True)
    ctx.add_init_script(COUNT_CLEARS)
    page = ctx.new_page()
    try:
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.geoApp && geoApp.paintedAt !== undefined")
        assert page.evaluate(FULL_DRAWS) == 1  # not once for the dates, once for the view, once for the move
        page.evaluate(f"""async () => {{ const r = geoApp.data.range;
            geoApp.apply(r[0], r[0] + 3); geoApp.apply(r[0], r[0] + 5); await {FRAME}; }}""")
        assert page.evaluate(FULL_DRAWS) == 2  # two changes in one task: one redraw, on the next frame
    finally:
        ctx.close()


def test_thousands_of_markers_show_in_their_colours_and_open_their_popups(browser, tmp_path):
    path = save_map(many(3000), tmp_path / "many.html", mentions=[])
    page, failed, errors = open_offline(browser, path)
    try:
        page.evaluate(f"async () => {{ geoApp.map.setView([-16.0, -64.0], 9, {{animate: false}}); await {FRAME}; }}")
        pts = page.evaluate("""(() => { const b = geoApp.map.getBounds();
            return geoApp.markerPoints().filter(p => b.pad(-0.1).contains([geoApp.inc.lat[p.index], geoApp.inc.lon[p.index]])); })()""")
        assert len(pts) >= 5
        for p in pts[:5]:
            rgb = page.evaluate("""([x, y]) => { const c = geoApp.renderer._container, r = c.getBoundingClientRect();
                const k = c.width / r.width, g = c.getContext('2d');
                return [...g.getImageData((x - r.left) * k, (y - r.top) * k, 1, 1).data]; }""", [p["x"], p["y"]])
            assert rgb[3] > 200  # painted where the incident is
        page.evaluate("geoApp.map.closePopup(); null")
        last = pts[-1]  # the last drawn of those in view is on top where circles overlap
        page.mouse.click(last["x"], last["y"])
        page.wait_for_selector(".leaflet-popup-content .geo-id", timeout=5000)
        shown = page.inner_text(".leaflet-popup-content .geo-id")
        under = page.evaluate("([x, y]) => geoApp.markerPoints().filter(p => Math.hypot(p.x - x, p.y - y) <= 8).map(p => p.id)",
                              [last["x"], last["y"]])
        assert shown in under
        assert failed == [] and errors == []
    finally:
        page.context.close()



def test_markers_brought_into_view_by_a_pan_are_laid_out_in_rings(browser, tmp_path):
    # Rings are laid out for the markers in view only (a sea of them costs a third of each date
    # change otherwise): a pan that brings co-located incidents into view rings them.
    path = save_map(build_dataset([SEEDS_DIR], curated=DEMO_CURATED), tmp_path / "seeds.html")
    page, failed, errors = open_offline(browser, path)
    try:
        page.evaluate("geoApp.map.setView([-10.0, -50.0], 12, {animate: false}); geoApp.layoutRing(); null")
        assert page.evaluate("geoApp.moved.length") == 0  # La Paz far out of view
        page.evaluate("async () => { geoApp.map.panTo([-16.5, -68.15], {animate: false}); await new Promise(r => setTimeout(r, 50)); }")
        points = page.evaluate("geoApp.markerPoints().filter(p => p.id.startsWith('BO-2019111') && p.id.includes('la-paz'))")
        assert len(points) == 3 and len({(round(p["x"]), round(p["y"])) for p in points}) == 3  # apart on a ring
        assert failed == [] and errors == []
    finally:
        page.context.close()


def set_dates(page, since: date, until: date) -> None:
    page.fill("#geo-since", since.isoformat())
    page.fill("#geo-until", until.isoformat())
    page.dispatch_event("#geo-until", "change")


def test_a_date_range_moved_step_by_step_shows_and_lists_exactly_its_incidents(browser, tmp_path):
    # A date change touches only the days that enter or leave the range, and the list is cut from
    # orders kept per column: after every step, the incidents shown, the rows listed and their order
    # (the column's, ties by date then as built) must be those of that range alone.
    ds = many(400)
    path = save_map(ds, tmp_path / "many.html", mentions=[])
    rows = [(k, inc.incident_id, inc.event_date, -1 if inc.fatalities is None else inc.fatalities, inc.location)
            for k, inc in enumerate(ds.incidents)]
    first = min(r[2] for r in rows)
    orders = {"date": lambda r: (r[2], r[0]), "date desc": lambda r: (-r[2].toordinal(), r[0]),
              "fat": lambda r: (-r[3], r[2], r[0]), "place": lambda r: (r[4], r[2], r[0])}
    page, failed, errors = open_offline(browser, path)
    try:
        for column, key in orders.items():
            if column != "date":  # date ascending is the opening order; a second click turns it
                page.click(".geo-col-" + column.split()[0])
            for a, b in [(3, 9), (6, 12), (0, 2), (0, 19), (19, 19)]:
                since, until = first + timedelta(days=a), first + timedelta(days=b)
                set_dates(page, since, until)
                expected = sorted((r for r in rows if since <= r[2] <= until), key=key)
                assert {v["id"] for v in page.evaluate("geoApp.visible()")} == {r[1] for r in expected}
                listed = page.evaluate("Array.from(geoApp.list.rows, i => geoApp.S(geoApp.inc.id[i]))")
                assert listed == [r[1] for r in expected], (column, a, b)
                assert page.inner_text("#geo-list-count") == f"{len(expected)} listed"
                top = page.locator(".geo-list-item").first  # the row a reader sees first
                assert top.locator(".geo-cell-date").inner_text() == expected[0][2].isoformat()
                assert top.locator(".geo-cell-place").inner_text() == expected[0][4]
        # The heat layer, off while the dates moved, holds the incidents of the range once ticked.
        set_dates(page, first + timedelta(days=5), first + timedelta(days=6))
        page.get_by_label("Heat (incidents, by fatalities)").check()
        in_range = [r for r in rows if first + timedelta(days=5) <= r[2] <= first + timedelta(days=6)]
        assert page.evaluate("geoApp.heat._latlngs.length") == len(in_range)
        set_dates(page, first, first)
        assert page.evaluate("geoApp.heat._latlngs.length") == sum(r[2] == first for r in rows)
        assert failed == [] and errors == []
    finally:
        page.context.close()
