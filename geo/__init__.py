"""geo: news articles about a crisis -> geocoded, dated incidents -> layered map.

>>> import geo
>>> round(geo.geocode("El Alto").lat, 1)
-16.5
"""

from geo.version import __version__
from geo.gazetteer import Gazetteer, GeocodeResult, PlaceNotFound
from geo.lookup import geocode

__all__ = ["Gazetteer", "GeocodeResult", "PlaceNotFound", "geocode", "__version__"]
