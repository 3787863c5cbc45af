"""The layered, offline map of an incident dataset (``geo build``).

>>> from geo.dataset import build_dataset
>>> from geo.paths import DEMO_CURATED, SEEDS_DIR
>>> html = render_map(build_dataset([SEEDS_DIR], curated=DEMO_CURATED))
>>> "cdn." in html, "Senkata" in html
(False, True)
"""

from __future__ import annotations

from pathlib import Path

import folium

from geo.atomic import atomic_write
from geo.mapping.assets import OfflineMap
from geo.mapping.labels import place_labels
from geo.mapping.layers import AppControl, AppLayer, GeoAppElement
from geo.mapping.mentions import mention_rows
from geo.mapping.payload import encode
from geo.mapping.regions import admin1_regions, boundaries
from geo.mapping.view import view
from geo.mapping.water import water, water_area


def _countries(dataset) -> set[str]:
    return {i.place.country or i.country or "" for i in dataset.incidents if i.place is not None} - {""}


def _basemap(placed: list, countries: set[str], opening) -> dict:
    """The offline basemap: outlines (Bolivia's provinces on a Bolivian map), and the lakes and
    rivers around the ``placed`` (mapped) incidents: all of the opening view's countries', and
    near every incident."""
    (s, w), (n, e) = opening or ((0.0, 0.0), (-1.0, -1.0))
    home = {i.place.country or i.country for i in placed if s <= i.place.lat <= n and w <= i.place.lon <= e}
    out = dict(boundaries(provinces="BO" in countries))
    out["water"] = water(water_area([(i.place.lat, i.place.lon) for i in placed], home - {None, ""}))
    return out


def render_map(dataset, mentions: list[dict] | None = None, title: str = "geo incidents") -> str:
    """The map page of a :class:`~geo.dataset.Dataset`, as one self-contained HTML string.

    ``mentions`` (rows as :func:`geo.mapping.mentions.mention_rows` gives) defaults to the places
    the dataset's articles name, as the dataset found them (the map runs no geoparser).
    """
    if mentions is None:
        mentions = mention_rows(dataset)
    countries = _countries(dataset)
    regions = admin1_regions(countries)
    placed = [i for i in dataset.incidents if i.place is not None and i.event_date is not None]  # the mapped ones
    opening = view([(i.place.lat, i.place.lon, i.fatalities or 0) for i in placed])
    payload, _unmapped = encode(dataset.incidents, mentions, dataset.articles, regions,
                                _basemap(placed, countries, opening),
                                place_labels(dataset, mentions, regions, countries, opening), opening)
    m = OfflineMap(location=[-16.5, -66.0], zoom_start=6, tiles=None, prefer_canvas=True, control_scale=True)
    m.get_root().title = title  # type: ignore[attr-defined]  # folium's Figure has one; typed as Element
    m.add_child(GeoAppElement(payload))
    m.add_child(AppLayer("boundaries", "Boundaries (offline basemap)", overlay=False, show=True))
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap tiles (online)", overlay=False, show=False).add_to(m)
    m.add_child(AppLayer("labels", "Place names (offline)"))
    for t in payload["types"]:
        m.add_child(AppLayer(f"incidents:{t}", f"Incidents: {t}"))
    m.add_child(AppLayer("mentions", "Place mentions", show=False))
    if regions["features"]:  # only the regions of the incidents' own countries, if the data has them
        m.add_child(AppLayer("choropleth", "Fatalities by region (admin-1)", show=True))
    m.add_child(AppLayer("heat", "Heat (incidents, by fatalities)", show=False))
    m.add_child(AppLayer("cluster", "Incident clusters", show=False))
    folium.LayerControl(collapsed=False).add_to(m)
    m.add_child(AppControl("fitControl", "topleft"))
    m.add_child(AppControl("legend", "bottomright"))
    m.add_child(AppControl("start"))
    return m.get_root().render()


def save_map(dataset, path: str | Path, **kwargs) -> Path:
    """Render the map, then write it to ``path`` (:mod:`geo.atomic`: a file is replaced
    atomically, ``-`` is standard output, a FIFO or device is written through)."""
    path = Path(path)
    html = render_map(dataset, **kwargs)
    with atomic_write(path) as fh:
        fh.write(html)
    return path
