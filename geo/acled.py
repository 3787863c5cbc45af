"""The ACLED export schema: geo's incidents under ACLED's column names and codes.

Each column is filled where geo knows the value and left empty where it does not (the
README's "Exports" section says, column by column, where each value comes from).

>>> from datetime import date
>>> from geo.place import Place
>>> from geo.records import Incident, Source
>>> inc = Incident("BO-1", date(2019, 11, 15), "week", "Protests", "Excessive force against protesters", "Sacaba",
...                country="BO", admin1="Cochabamba", place=Place("Sacaba", -17.40, -66.04), geo_precision=1,
...                fatalities=9, actor1="Police Forces of Bolivia", actor2="Protesters (Bolivia)",
...                sources=[Source("a1", "Police fired on marchers.", title="T", outlet="AP")])
>>> row = acled_row(inc, timestamp=1574000000)
>>> [row[k] for k in ("event_id_cnty", "year", "time_precision", "disorder_type", "inter1", "inter2", "interaction")]
['BO-1', 2019, 2, 'Political violence; Demonstrations', 1, 6, 16]
>>> row["iso"], row["country"], row["region"], row["source"], row["notes"]
(68, 'Bolivia', 'South America', 'AP', 'Police fired on marchers.')
"""

from __future__ import annotations


from geo.countries import country
from geo.records import Incident

# (name, kind): kinds are str, int, float and date, as the GIS formats type them.
ACLED_COLUMNS = [
    ("event_id_cnty", "str"), ("event_date", "date"), ("year", "int"), ("time_precision", "int"),
    ("disorder_type", "str"), ("event_type", "str"), ("sub_event_type", "str"), ("actor1", "str"),
    ("assoc_actor_1", "str"), ("inter1", "int"), ("actor2", "str"), ("assoc_actor_2", "str"), ("inter2", "int"),
    ("interaction", "int"), ("civilian_targeting", "str"), ("iso", "int"), ("region", "str"), ("country", "str"),
    ("admin1", "str"), ("admin2", "str"), ("admin3", "str"), ("location", "str"), ("latitude", "float"),
    ("longitude", "float"), ("geo_precision", "int"), ("source", "str"), ("source_scale", "str"), ("notes", "str"),
    ("fatalities", "int"), ("tags", "str"), ("timestamp", "int"),
]
TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
# ACLED's disorder types: political violence, demonstrations (protests and violent demonstrations),
# both (force against peaceful protesters), strategic developments.
DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Protests": "Demonstrations",
            "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
DISORDER_BY_SUBTYPE = {"Excessive force against protesters": "Political violence; Demonstrations",
                       "Mob violence": "Political violence"}
# ACLED's actor types (inter codes), told by how ACLED names its actors.
INTER = ((("Police Forces of", "Military Forces of", "Government of"), 1), (("Rebel",), 2),
         (("Rioters",), 5), (("Protesters",), 6), (("Civilians",), 7))
REGIONS = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW",
    "Southern Africa": "BW SZ LS NA ZA",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK MO JP KP KR MN TW",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "Middle East": "BH CY IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Europe": "AL AD AT BY BE BA BG HR CZ DK EE FI FR DE GR HU IS IE IT XK LV LI LT LU MT MD MC ME NL MK NO PL PT RO "
              "RU SM RS SK SI ES SE CH UA GB VA FO GI GG IM JE AX SJ",
    "North America": "US CA BM PM GL",
    "Central America": "BZ CR SV GT HN MX NI PA",
    "Caribbean": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE",
    "Oceania": "AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV VU WF",
    "Antarctica": "AQ TF HM BV GS",
}
REGION_OF = {iso2: region for region, codes in REGIONS.items() for iso2 in codes.split()}


def inter_code(actor: str | None) -> int | None:
    """ACLED's actor type code for an actor named as ACLED names them, else None.

    >>> inter_code("Protesters (Bolivia)"), inter_code("Military Forces of Nigeria (2015-)"), inter_code("Evo Morales")
    (6, 1, None)
    """
    for prefixes, code in INTER:
        if actor and actor.startswith(prefixes):
            return code
    return None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two actor types, lower first; one actor alone is its type then 0.

    >>> interaction(6, None), interaction(6, 1), interaction(None, None)
    (60, 16, None)
    """
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _source(inc: Incident) -> str:
    """The sources' outlets (else their titles, else article ids), each once, joined by '; '."""
    names = [s.outlet or s.title or s.article for s in inc.sources]
    return "; ".join(dict.fromkeys(n for n in names if n))


def acled_row(inc: Incident, timestamp: int) -> dict:
    """One incident as ACLED's columns (None where geo does not know the value)."""
    inter1, inter2 = inter_code(inc.actor1), inter_code(inc.actor2)
    known = country(inc.country)
    iso, name = (known.iso_numeric, known.name) if known else (None, None)
    quote = inc.sources[0].quote if inc.sources else ""
    notes = " ".join(filter(None, [quote, f"[{inc.notes}]" if inc.notes else ""]))
    row = {
        "event_id_cnty": inc.incident_id, "event_date": inc.event_date,
        "year": inc.event_date.year if inc.event_date else None,
        "time_precision": TIME_PRECISION.get(inc.date_precision),
        "disorder_type": DISORDER_BY_SUBTYPE.get(inc.sub_event_type) or DISORDER.get(inc.event_type),
        "event_type": inc.event_type, "sub_event_type": inc.sub_event_type or None,
        "actor1": inc.actor1, "assoc_actor_1": None, "inter1": inter1,
        "actor2": inc.actor2, "assoc_actor_2": None, "inter2": inter2, "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inc.event_type == "Violence against civilians" else None,
        "iso": iso, "region": REGION_OF.get(inc.country or ""), "country": name,
        "admin1": inc.admin1, "admin2": inc.admin2, "admin3": None, "location": inc.location,
        "latitude": inc.latitude, "longitude": inc.longitude, "geo_precision": inc.geo_precision,
        "source": _source(inc) or None, "source_scale": None, "notes": notes or None,
        "fatalities": inc.fatalities if inc.fatalities is not None else 0, "tags": None, "timestamp": timestamp,
    }
    return {name: row[name] for name, _ in ACLED_COLUMNS}
