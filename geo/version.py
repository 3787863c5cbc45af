"""The package's version, in a module of its own: the online geocoder's user agent needs it,
and importing it from ``geo`` itself would make ``geo`` -> lookup -> nominatim -> ``geo`` a cycle."""

__version__ = "0.1.0"
