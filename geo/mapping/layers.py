"""Folium elements of the map, one per layer or control, backed by the page's GeoApp.

:class:`GeoAppElement` puts the data in the page and starts the app; each
:class:`AppLayer` is a folium ``Layer`` (so folium's LayerControl lists it) that
hands over one of the app's Leaflet layers; :class:`AppControl` adds a control
(the legend, "fit all") or starts the app.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.map import Layer
from jinja2 import Template

from geo.mapping.assets import RawHTML
from geo.mapping.payload import script_json


class GeoAppElement(MacroElement):
    """The data (as inert JSON) and the app that reads it, attached to the map."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var geoApp = window.geoApp = new GeoApp({{ this._parent.get_name() }},
            JSON.parse(document.getElementById("{{ this.get_name() }}_data").textContent));
        {% endmacro %}
    """)

    def __init__(self, payload: dict):
        super().__init__()
        self._name = "GeoApp"
        self.payload_json = script_json(payload)

    def render(self, **kwargs):
        # The JSON goes in the page header, as data, never through the JS template.
        figure = self.get_root()
        figure.header.add_child(RawHTML(f'<script type="application/json" id="{self.get_name()}_data">'
                                     f"{self.payload_json}</script>"), name=self.get_name() + "_data")
        super().render(**kwargs)


class AppLayer(Layer):
    """One of the app's layers, listed in folium's layer control under ``name``."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = geoApp.layer({{ this.key|tojson }});
        {% endmacro %}
    """)

    def __init__(self, key: str, name: str, overlay: bool = True, show: bool = True):
        super().__init__(name=name, overlay=overlay, control=True, show=show)
        self._name = "AppLayer"
        self.key = key


class AppControl(MacroElement):
    """One of the app's Leaflet controls (``fitControl``, ``legend``) at ``position``, or, with
    no position, ``start``: the app's last step once every layer and control is on the map."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {% if this.position %}
        geoApp.{{ this.method }}({{ this.position|tojson }}).addTo({{ this._parent.get_name() }});
        {% else %}
        geoApp.{{ this.method }}();
        {% endif %}
        {% endmacro %}
    """)

    METHODS = ("fitControl", "legend", "start")

    def __init__(self, method: str, position: str | None = None):
        super().__init__()
        if method not in self.METHODS:
            raise ValueError(f"no such app control: {method!r}")
        self._name = "AppControl"
        self.method = method
        self.position = position
