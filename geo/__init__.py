"""geo: news articles about a crisis -> geocoded, dated incidents -> layered map.

>>> import geo
>>> round(geo.geocode("El Alto").lat, 1)
-16.5
"""

__version__ = "0.1.0"

from geo.gazetteer import Gazetteer, GeocodeResult, PlaceNotFound  # noqa: E402
from geo.lookup import geocode  # noqa: E402

__all__ = ["Gazetteer", "GeocodeResult", "PlaceNotFound", "geocode", "__version__"]
