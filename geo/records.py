"""Incident records: the ACLED-aligned schema, curated CSV loading and validation
(reading the file and checking its cells is :mod:`geo.curated`'s part), and the join
into a GeoDataFrame (EPSG:4326, one Point per incident; figures as integer columns).

The incident's own ``fatalities`` (and injuries, arrests) is the largest figure any
of its sources gives; every source keeps its own figure in ``sources`` and
``notes`` shows the range when sources disagree.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from geo.place import Place
from geo.curated import (
    RecordError,
    coordinate,
    count,
    country_code,
    read_rows,
    source_dicts,
)

COLUMNS = ["incident_id", "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2",
           "location", "admin1", "admin2", "country", "latitude", "longitude", "geo_precision", "fatalities",
           "injuries", "arrests", "sources", "notes", "status"]
EVENT_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Grenade", "Suicide bomb", "Chemical weapon"},
    "Violence against civilians": {"Attack", "Abduction/forced disappearance", "Sexual violence"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
PRECISIONS = ("day", "week", "month")
STATUSES = ("extracted", "reviewed", "rejected")
REQUIRED = ("incident_id", "event_date", "event_type", "location")
FIGURES = ("fatalities", "injuries", "arrests")
DERIVED = ("n_sources",)  # columns an export adds (read back as curated records, they are ignored)


@dataclass
class Source:
    """One article's report of an incident, with its own figures and quote."""

    article: str
    quote: str
    start: int | None = None
    end: int | None = None
    fatalities: int | None = None
    injuries: int | None = None
    arrests: int | None = None
    title: str | None = None
    outlet: str | None = None

    def to_dict(self) -> dict:
        # its fields are plain values: a copy of them in field order, no deep copy (dataclasses.asdict's)
        return dict(self.__dict__)


@dataclass
class Incident:
    """One incident: what happened, where, when, how many, and who reported it."""

    incident_id: str
    event_date: date | None
    date_precision: str
    event_type: str
    sub_event_type: str
    location: str
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    place: Place | None = None  # the point it happened at; None: not placed (kept, not mapped)
    geo_precision: int | None = None
    fatalities: int | None = None
    injuries: int | None = None
    arrests: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    sources: list[Source] = field(default_factory=list)
    notes: str = ""
    status: str = "extracted"

    @property
    def resolved(self) -> bool:
        return self.place is not None

    # The record's columns; the place is the one source of them.
    @property
    def latitude(self) -> float | None:
        return self.place.lat if self.place else None

    @property
    def longitude(self) -> float | None:
        return self.place.lon if self.place else None

    @property
    def gazetteer_id(self) -> str | None:
        return self.place.gazetteer_id if self.place else None

    def to_dict(self) -> dict:
        """Plain JSON-ready dict in the contract's field order (dates as ISO strings)."""
        out = {k: getattr(self, k) for k in COLUMNS if k != "sources"}
        out["event_date"] = self.event_date.isoformat() if self.event_date else None
        out["sources"] = [s.to_dict() for s in self.sources]
        return {k: out[k] for k in COLUMNS}

    def to_row(self) -> dict:
        """A CSV row: sources as compact JSON text."""
        row = self.to_dict()
        row["sources"] = json.dumps(row["sources"], ensure_ascii=False, separators=(",", ":"))
        return {k: ("" if v is None else v) for k, v in row.items()}

    def summarise_figures(self) -> None:
        """Set the incident's figures from its sources: the largest, with the range in notes."""
        for name in FIGURES:
            values = [getattr(s, name) for s in self.sources if getattr(s, name) is not None]
            if not values:
                if name == "fatalities":
                    self.fatalities = 0  # ACLED's convention: no reported deaths is 0, not blank
                continue
            setattr(self, name, max(values))
            if min(values) != max(values):
                note = f"{name} {min(values)}–{max(values)} across sources"
                if note not in self.notes:
                    self.notes = "; ".join(filter(None, [self.notes, note]))


# -- curated CSV ------------------------------------------------------------------------

def _text(row: dict, name: str) -> str | None:
    """A free-text cell, stripped; None when empty."""
    return (row.get(name) or "").strip() or None


def parse_row(row: dict, where: str) -> Incident:
    """One validated Incident from a CSV row (``where`` names file and row in errors)."""
    missing = [c for c in REQUIRED if not (row.get(c) or "").strip()]
    if missing:
        raise RecordError(f"{where}, field {missing[0]}: required but empty")
    try:
        when = date.fromisoformat(row["event_date"].strip())
    except ValueError:
        raise RecordError(f"{where}, field event_date: {row['event_date']!r} is not a date (YYYY-MM-DD)") from None
    precision = (row.get("date_precision") or "day").strip()
    if precision not in PRECISIONS:
        raise RecordError(f"{where}, field date_precision: {precision!r} is not one of {', '.join(PRECISIONS)}")
    etype, sub = row["event_type"].strip(), (row.get("sub_event_type") or "").strip()
    if etype not in EVENT_TYPES:
        raise RecordError(f"{where}, field event_type: unknown type {etype!r} (ACLED types: {', '.join(EVENT_TYPES)})")
    if sub and sub not in EVENT_TYPES[etype]:
        raise RecordError(f"{where}, field sub_event_type: {sub!r} is not a sub-type of {etype!r}")
    status = (row.get("status") or "reviewed").strip().lower()  # "Reviewed" as a spreadsheet capitalises it
    if status not in STATUSES:
        raise RecordError(f"{where}, field status: {status!r} is not one of {', '.join(STATUSES)}")
    geo_precision = count(row.get("geo_precision") or "", where, "geo_precision")
    if geo_precision is not None and geo_precision not in (1, 2, 3):
        raise RecordError(f"{where}, field geo_precision: {geo_precision} is not 1, 2 or 3")
    figures = {name: count(row.get(name) or "", where, name) for name in FIGURES}
    lat = coordinate(row.get("latitude") or "", where, "latitude", 90)
    lon = coordinate(row.get("longitude") or "", where, "longitude", 180)
    if (lat is None) != (lon is None):
        raise RecordError(f"{where}, field {'longitude' if lon is None else 'latitude'}: "
                          "give both coordinates or neither")
    inc = Incident(
        incident_id=row["incident_id"].strip(), event_date=when, date_precision=precision, event_type=etype,
        sub_event_type=sub, location=row["location"].strip(), country=country_code(row.get("country") or "", where),
        admin1=_text(row, "admin1"), admin2=_text(row, "admin2"),
        place=Place(row["location"].strip(), lat, lon, country=country_code(row.get("country") or "", where),
                    admin1=_text(row, "admin1")) if lat is not None and lon is not None else None,
        geo_precision=geo_precision, **figures, actor1=_text(row, "actor1"), actor2=_text(row, "actor2"),
        sources=[Source(**s) for s in source_dicts(row.get("sources") or "", where)],
        notes=(row.get("notes") or "").strip(), status=status)
    return inc


def load_incidents(path: str | Path, on_problem: Callable[[str], None] | None = None,
                   geocode: Callable[[str, str | None], object] | None = None) -> list[Incident]:
    """Load and validate a curated incidents CSV.

    A bad row is reported through ``on_problem`` (naming file, row and field) and kept
    out; a last message counts the rows kept out. A row without coordinates is geocoded
    from its ``location`` (with ``geocode(location, country)``); if that fails it is kept
    as unresolved and reported. A file that cannot be used at all (a directory, binary,
    no header with the required columns) raises :class:`RecordError`.

    >>> from geo.paths import DEMO_CURATED
    >>> incs = load_incidents(DEMO_CURATED)
    >>> all(i.status == "reviewed" for i in incs)
    True
    """
    report = on_problem or (lambda msg: print(f"geo: warning: {msg}", file=sys.stderr))
    path = Path(path)
    header, rows = read_rows(path, report)
    _check_header(path, header, report)
    out: list[Incident] = []
    seen: set[str] = set()
    total = kept_out = 0
    for row in rows:
        total += 1
        try:
            if row.problem is not None:
                raise RecordError(f"{row.where}, {row.problem}" if row.problem.startswith("field ")
                                  else f"{row.where}: {row.problem}")
            inc = parse_row(row.values or {}, row.where)
            if inc.incident_id in seen:
                raise RecordError(f"{row.where}, field incident_id: duplicate id {inc.incident_id!r}; row skipped")
        except RecordError as exc:
            report(str(exc))
            kept_out += 1
            continue
        seen.add(inc.incident_id)
        _place(inc, row.where, geocode, report)
        out.append(inc)
    if kept_out:
        report(f"{path}: {kept_out} of {total} row(s) kept out (see above)")
    return out


def _check_header(path: Path, header: list[str], report: Callable[[str], None]) -> None:
    """Raise if the header lacks a required column; warn about columns the schema does not know."""
    lacking = [c for c in REQUIRED if c not in header]
    if lacking:
        hint = "" if set(header) & set(COLUMNS) else f" (the first row must name the columns, e.g. {','.join(REQUIRED)})"
        raise RecordError(f"{path}, row 1: header lacks column(s) {', '.join(lacking)}{hint}")
    unknown = [c for c in header if c not in COLUMNS and c not in DERIVED]
    if unknown:
        report(f"{path}, row 1: ignoring unknown column(s) {', '.join(map(repr, unknown))}")


def _place(inc: Incident, where: str, geocode, report: Callable[[str], None]) -> None:
    """Geocode a record given without coordinates; report it when the place stays unknown."""
    if not inc.resolved and geocode is not None:
        place = _try(geocode, inc.location, inc.country)
        if place is not None:
            inc.place = Place.of(place)
            inc.admin1 = inc.admin1 or place.admin1
            inc.country = inc.country or place.country
            inc.geo_precision = inc.geo_precision or geo_precision_of(place.feature)
    if not inc.resolved:
        report(f"{where}, field location: {inc.location!r} is not a known place; "
               "kept as unresolved (add latitude/longitude or a supplement row)")


def _try(geocode, name, country):
    try:
        return geocode(name, country)
    except LookupError:
        return None


def geo_precision_of(feature: str | None, near: bool = False) -> int:
    """ACLED geo_precision for a resolved place: 1 town/site, 2 near or part of a region, 3 region/country.
    A street or river placed at its town ("local") is 2: the point is the town's, not its own.

    >>> geo_precision_of("town"), geo_precision_of("city", near=True), geo_precision_of("admin1")
    (1, 2, 3)
    """
    if feature in ("country", "admin1", "region", "continent"):
        return 3
    if feature in ("admin2", "local"):
        return 2
    return 2 if near else 1


def write_incidents_csv(incidents: Iterable[Incident], path_or_file) -> None:
    """Write incidents as CSV with the contract's columns (cells guarded against formula injection)."""
    from geo.atomic import atomic_write

    def write(fh):
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for inc in incidents:
            w.writerow({k: csv_safe(v) for k, v in inc.to_row().items()})

    if hasattr(path_or_file, "write"):
        write(path_or_file)
    else:
        with atomic_write(path_or_file) as fh:
            write(fh)


def csv_safe(value):
    """Prefix a quote to text cells a spreadsheet would run as a formula (= + - @, tab, CR).

    >>> csv_safe("=HYPERLINK(1)"), csv_safe(-3), csv_safe("-16.5")
    ("'=HYPERLINK(1)", -3, '-16.5')
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        try:
            float(value)
            return value  # a negative number written as text is data, not a formula
        except ValueError:
            return "'" + value
    return value


def to_geodataframe(incidents: list[Incident]):
    """One row per incident, Point geometry in EPSG:4326 (None where unresolved).

    >>> from geo.paths import DEMO_CURATED
    >>> gdf = to_geodataframe(load_incidents(DEMO_CURATED))
    >>> gdf.crs.to_epsg(), gdf.geometry.geom_type.unique().tolist()
    (4326, ['Point'])
    """
    import geopandas as gpd
    from shapely.geometry import Point

    rows = []
    for inc in incidents:
        row = inc.to_dict()
        row["sources"] = json.dumps(row["sources"], ensure_ascii=False)
        row["n_sources"] = len(inc.sources)
        rows.append(row)
    geometry = [Point(i.longitude, i.latitude) if i.resolved else None for i in incidents]
    columns = COLUMNS + ["n_sources"]
    gdf = gpd.GeoDataFrame(rows, columns=columns, geometry=geometry, crs="EPSG:4326")
    # Nullable integers: a blank figure must not turn a column into REAL (or TEXT, when all
    # are blank) in the GeoPackage, nor 3 into 3.0 in GeoJSON.
    for name in (*FIGURES, "geo_precision", "n_sources"):
        gdf[name] = gdf[name].astype("Int64")
    return gdf
