"""A place name as written in an article, and the place it resolved to (the geoparser's output)."""

from __future__ import annotations

from dataclasses import dataclass, field


from geo.gazetteer import GeocodeResult
from geo.place import Place


@dataclass
class Mention:
    """A place name as written in an article, and the place it resolved to (None: unresolved)."""

    text: str
    start: int
    end: int
    place: Place | None = None
    # Offsets in the article's clean text, for later stages (not part of the JSON contract).
    clean_start: int = field(default=0, repr=False, compare=False)
    clean_end: int = field(default=0, repr=False, compare=False)

    @classmethod
    def of(cls, result: GeocodeResult, text: str, start: int, end: int,
           clean_start: int = 0, clean_end: int = 0) -> "Mention":
        """The mention ``text`` (raw offsets ``start``:``end``) resolved to ``result``."""
        return cls(text=text, start=start, end=end, place=Place.of(result), clean_start=clean_start,
                   clean_end=clean_end)

    # What the place says, or None when unresolved (coordinates only through ``place``).
    @property
    def name(self) -> str | None:
        return self.place.name if self.place else None

    @property
    def country(self) -> str | None:
        return self.place.country if self.place else None

    @property
    def admin1(self) -> str | None:
        return self.place.admin1 if self.place else None

    @property
    def feature(self) -> str | None:
        return self.place.feature if self.place else None

    @property
    def gazetteer_id(self) -> str | None:
        return self.place.gazetteer_id if self.place else None

    def to_dict(self) -> dict:
        """The mention as in ``geo places --json`` (flat; unresolved: null name and coordinates)."""
        p = self.place
        return {"text": self.text, "start": self.start, "end": self.end, "name": p.name if p else None,
                "lat": p.lat if p else None, "lon": p.lon if p else None, "country": p.country if p else None,
                "admin1": p.admin1 if p else None, "feature": p.feature if p else None,
                "gazetteer_id": p.gazetteer_id if p else None, "score": p.score if p else None}
