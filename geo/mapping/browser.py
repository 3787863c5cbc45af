"""Headless Chromium for maps: screenshots, render timings, browser tests.

Uses Playwright's Python package driving the system's Chromium (Debian package
``chromium``); Playwright's own browser download is never used.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]


def chromium_path() -> str | None:
    """The Chromium executable: ``$GEO_CHROMIUM``, else chromium on PATH, else None."""
    from geo.options import options

    for candidate in (options.chromium, shutil.which("chromium"), shutil.which("chromium-browser"),
                      "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@contextlib.contextmanager
def launch():
    """A Playwright Chromium browser; raises RuntimeError with what to install when missing."""
    exe = chromium_path()
    if exe is None:
        raise RuntimeError("Chromium not found: install it (Debian: apt-get install chromium) or set GEO_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_offline(browser, path: str | Path, viewport=(1280, 800)):
    """Open a map file with the network cut; returns (page, failed_requests, console_errors)."""
    ctx = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, offline=True)
    failed: list[str] = []
    errors: list[str] = []

    def only_local(route) -> None:
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:  # the network is cut: record what the page tried to fetch
            failed.append(route.request.url)
            route.abort()

    ctx.route("**/*", only_local)
    page = ctx.new_page()
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(Path(path).resolve().as_uri())
    page.wait_for_function("window.geoApp && window.geoApp.ready === true", timeout=60_000)
    return page, failed, errors


def screenshot(html: str | Path, png: str | Path, since: str | None = None, until: str | None = None,
               popup: str | None = None, viewport=(1280, 800)) -> Path:
    """Picture of a map in its opening view (optionally filtered, with one incident's popup open) as PNG."""
    with launch() as browser:
        page, _, _ = open_offline(browser, html, viewport=viewport)
        if since or until:
            if since:
                page.fill("#geo-since", since)
            if until:
                page.fill("#geo-until", until)
            page.dispatch_event("#geo-until", "change")
        if popup:
            # Put the incident low in the view so its popup opens above it in full.
            page.evaluate("(loc) => { const v = geoApp.visible().find(v => v.location === loc);"
                          " if (v) { geoApp.map.setView([v.lat + 1.4, v.lon - 0.5], 7, {animate: false});"
                          " geoApp.openPopup(v.id); } }", popup)
        page.wait_for_timeout(900)
        page.screenshot(path=str(png))
    return Path(png)
