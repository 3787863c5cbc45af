"""Vendored Leaflet assets, inlined so a map renders with no network at all.

Folium links Leaflet, jQuery and Bootstrap from CDNs; offline that page is blank.
:class:`OfflineMap` links nothing and inlines the copies in ``geo/static``
(licences beside them) instead. Images a stylesheet refers to become data URIs.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from pathlib import Path

import folium
from branca.element import MacroElement

from geo.paths import STATIC_DIR as STATIC  # package data (importlib.resources)

CSS = ("leaflet.css", "geo-map.css")
# geo's app: the core first, then one file per part, in the order the app builds them.
JS = ("leaflet.js", "leaflet-heat.js", "geo-core.js", "geo-data.js", "geo-canvas.js", "geo-popup.js",
      "geo-markers.js", "geo-cluster.js", "geo-mentions.js", "geo-regions.js", "geo-heat.js", "geo-timeline.js",
      "geo-list.js", "geo-basemap.js", "geo-water.js", "geo-labels.js", "geo-legend.js", "geo-layout.js")


@cache
def _read(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def _css_with_data_uris(css: str) -> str:
    def inline(m: re.Match) -> str:
        path = STATIC / Path(m.group(1)).name
        if not path.exists():
            return "none"  # an image we do not ship is one the page never loads either
        return f"url(data:image/png;base64,{base64.b64encode(path.read_bytes()).decode()})"

    return re.sub(r"url\((?!#|data:)['\"]?([^)'\"]+\.png)['\"]?\)", inline, css)


def inline_assets() -> str:
    """<style> and <script> elements holding every asset the map needs."""
    css = "\n".join(_css_with_data_uris(_read(n)) for n in CSS)
    # "</" cannot occur in an inlined script without ending it: split it.
    js = "\n".join(_read(n).replace("</", "<\\/") for n in JS)
    return f"<style>{css}</style>\n<script>{js}</script>"


class RawHTML(MacroElement):
    """HTML put into the page as given. branca's ``Element`` would read its text as a Jinja
    template, so a "{{" in a script, a stylesheet or the data would be executed or break it."""

    def __init__(self, html: str):
        super().__init__()
        self.html = html

    def render(self, **kwargs) -> str:
        return self.html


class OfflineMap(folium.Map):
    """A folium Map that loads nothing from the network (no CDN links, assets inlined).

    The override is on this subclass only: folium's own ``Map`` keeps its links.
    """

    default_js: list = []
    default_css: list = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.get_root().header.add_child(RawHTML(inline_assets()), name="geo_offline_assets")
