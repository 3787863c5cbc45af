"""Toponyms: the geoparser's names from before :mod:`geo.geoparse`, kept for its callers.

``Toponymer`` is :class:`geo.geoparse.Geoparser`; ``default_toponymer`` its process-wide instance.

>>> from geo.articles import Article
>>> [m.name for m in find_places(Article.from_text("SACABA, Bolivia (AP) — Police fired."))]
['Sacaba', 'Bolivia']
"""

from __future__ import annotations

from geo.geoparse import Geoparser, Mention, default_geoparser, find_places, places_of, summarise_places

Toponymer = Geoparser
default_toponymer = default_geoparser

__all__ = ["Mention", "Toponymer", "default_toponymer", "find_places", "places_of", "summarise_places"]
