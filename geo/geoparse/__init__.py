"""The geoparser, as stages: find the place names an article uses and resolve each to a place.

    names (the one cached view of the gazetteer, asked by every stage)

    tokens ─► people ─► context (+ qualifiers, spotters) ─► recognise  ─►  Recognised
    focus ─► resolve (first readings) ─► nearness ─► namesakes ─► admit ─► mentions
    corpus: every article so, then outlets (homes, senses) and the articles read again

Recognition is gazetteer-driven and rule-checked. Capitalised runs of words are cut into the
longest names the gazetteer knows (:mod:`~geo.geoparse.tokens`); a name then has to survive
the context around it (:mod:`~geo.geoparse.context`):

* inside an organisation or a facility ("Mexico Hospital", "Santa Cruz Civic Committee",
  "El País") it is not a place;
* after a given name or a title ("Carlos Mesa", "President Morales"), or before
  "said"/"told", it is a person, and the same word later in the article is that person too
  (:mod:`~geo.geoparse.people`);
* a single word that names only small places must have a cue: "in"/"at"/"from" before it, a
  ", Department" or ", Country" qualifier after it, or a place noun ("the community of
  Huayllani");
* abbreviations are matched exactly ("U.S.", "W.Va."; "Ky." after a town), and streets and
  waters by their type word ("Memphis Street", "Red River"), placed at the town the article
  names most (:mod:`~geo.geoparse.spotters`).

Resolution uses the document first: the article's focus country (the countries its names
point at, its outlet's home and web domain), the other countries it names, "X, Y" qualifiers,
one sense per name per article, and nearness to the other places the article names; then the
gazetteer's own ranking (feature class, population). :meth:`Geoparser.find_all` reads the
articles of one outlet together, to find where the outlet is based (:mod:`~geo.geoparse.outlets`).

Each stage returns new values: a candidate is immutable, and resolving it makes a new one.

>>> from geo.articles import Article
>>> art = Article.from_text("Police fired on protesters in Huayllani, Cochabamba, on Friday. "
...                         "Carlos Mesa spoke. Later Mesa left for La Paz.")
>>> [(m.text, m.name) for m in find_places(art)]
[('Huayllani', 'Huayllani'), ('Cochabamba', 'Cochabamba'), ('La Paz', 'La Paz')]
"""

from geo.geoparse.documents import places_of, summarise_places
from geo.geoparse.geoparser import Geoparser, Reading, default_geoparser, find_places
from geo.geoparse.mentions import Mention

__all__ = ["Geoparser", "Mention", "Reading", "default_geoparser", "find_places", "places_of", "summarise_places"]
