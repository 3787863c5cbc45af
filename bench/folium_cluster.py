"""Plain folium's FastMarkerCluster on the same incidents, for map_bench: build time, bytes, first render.

The page folium writes loads Leaflet, Leaflet.markercluster and folium's other defaults
(jQuery, Bootstrap, awesome-markers, Font Awesome) from CDNs. To measure it offline, the
browser's requests are routed (Playwright ``context.route``) to local files, none to the network:

- Leaflet (folium asks for 1.9.3 on jsDelivr): geo's vendored Leaflet 1.9.4 (``geo/static``), so
  both pages run the same Leaflet;
- Leaflet.markercluster 1.1.0 (the version folium 0.20 pins on cdnjs): vendored for the
  benchmark only in ``bench/vendor/leaflet.markercluster-1.1.0`` from the npm registry
  (``npm pack leaflet.markercluster@1.1.0``, sha512 integrity
  ``eI+XkCiLiHwCC3uZ4/n4+Vq3rXcqEHN2lhHRVG1WVziy/3Q0TTipWkzEa1zO0dKZI2AnI5ppFDWrOjnQ7MJLKQ==``;
  its ``dist/`` files and ``MIT-LICENCE.txt`` kept); geo does not ship it;
- Leaflet.awesome-markers (FastMarkerCluster's markers are ``L.AwesomeMarkers.icon()``; folium
  asks for 2.0.2, npm has 2.0.5 as the nearest): vendored likewise in
  ``bench/vendor/leaflet.awesome-markers-2.0.5`` (``npm pack leaflet.awesome-markers@2.0.5``,
  sha512 ``Ne/xDjkGyaujwNVVkv2tyXQUV0ZW7gZ0Mo0FuQY4jp2qWrvXi0hwDBvmZyF/8YOvybyMabTMM/mFWCTd1jZIQA==``;
  the JS, CSS, the two marker sprites it uses and its licence);
- every other request (jQuery, Bootstrap, Font Awesome, glyphicons, folium's rotate CSS: none of
  them draws a cluster): answered with an empty body, and counted.

First render = from navigation start to the second animation frame after the load event (the
cluster layer is built by then: FastMarkerCluster adds its markers in the page's inline script).
The markers are FastMarkerCluster's defaults (no popups); the map is folium's default, with
OpenStreetMap tiles, whose requests are answered empty too (geo's page draws no tiles either;
without a tile layer Leaflet.markercluster stops: "Map has no maxZoom specified"). Tile
requests are counted apart from the other stubs.
"""

from __future__ import annotations

import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENDOR = HERE / "vendor" / "leaflet.markercluster-1.1.0"
AWESOME = HERE / "vendor" / "leaflet.awesome-markers-2.0.5"
STATIC = HERE.parent / "geo" / "static"
LOCAL = {  # the end of a CDN address -> the local file that answers it
    "leaflet.markercluster/1.1.0/leaflet.markercluster.js": VENDOR / "leaflet.markercluster.js",
    "leaflet.markercluster/1.1.0/MarkerCluster.css": VENDOR / "MarkerCluster.css",
    "leaflet.markercluster/1.1.0/MarkerCluster.Default.css": VENDOR / "MarkerCluster.Default.css",
    "Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js": AWESOME / "leaflet.awesome-markers.js",
    "Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css": AWESOME / "leaflet.awesome-markers.css",
    "Leaflet.awesome-markers/2.0.2/images/markers-soft.png": AWESOME / "images" / "markers-soft.png",
    "Leaflet.awesome-markers/2.0.2/images/markers-shadow.png": AWESOME / "images" / "markers-shadow.png",
    "leaflet@1.9.3/dist/leaflet.js": STATIC / "leaflet.js",
    "leaflet@1.9.3/dist/leaflet.css": STATIC / "leaflet.css",
}
PAINTED = """window.addEventListener('load', () => requestAnimationFrame(() => requestAnimationFrame(() => {
    window.__paintedAt = performance.now(); })));"""


def build(dataset, path: Path) -> tuple[float, int]:
    """The FastMarkerCluster page of the dataset's mapped incidents: (seconds to build and write, bytes)."""
    import folium
    from folium.plugins import FastMarkerCluster

    t = time.perf_counter()
    points = [[i.place.lat, i.place.lon] for i in dataset.incidents if i.place is not None]
    m = folium.Map(prefer_canvas=True)  # folium's own defaults: OpenStreetMap tiles (they give the maxZoom clustering needs)
    FastMarkerCluster(points).add_to(m)
    if points:
        m.fit_bounds([[min(p[0] for p in points), min(p[1] for p in points)],
                      [max(p[0] for p in points), max(p[1] for p in points)]])
    m.save(str(path))
    return time.perf_counter() - t, path.stat().st_size


def assets_bytes() -> int:
    """The bytes of the local files that answer the page's CDN requests."""
    return sum(p.stat().st_size for p in set(LOCAL.values()))


def first_render(browser, path: Path) -> dict:
    """{"first render": ms, "clusters": drawn, "stubbed": requests answered empty, "tiles": tile requests
    (answered empty), "console errors": n} of one page load."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    stubbed: list[str] = []
    tiles: list[str] = []
    errors: list[str] = []

    def answer(route) -> None:
        url = route.request.url
        if url.startswith("file:"):
            route.continue_()
            return
        local = next((f for end, f in LOCAL.items() if url.endswith(end)), None)
        if local is None:
            (tiles if "tile.openstreetmap.org" in url else stubbed).append(url)
            route.fulfill(status=200, body="")
        else:
            route.fulfill(path=str(local))

    ctx.route("**/*", answer)
    ctx.add_init_script(PAINTED)
    page = ctx.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(path.resolve().as_uri(), timeout=300_000)
        page.wait_for_function("window.__paintedAt !== undefined", timeout=300_000)
        clusters = page.evaluate("document.querySelectorAll('.marker-cluster').length")
        return {"first render": page.evaluate("window.__paintedAt"), "clusters": clusters,
                "stubbed": len(stubbed), "tiles": len(tiles), "console errors": len(errors)}
    finally:
        ctx.close()
