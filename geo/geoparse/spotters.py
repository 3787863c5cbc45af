"""Spotters: names found by their own pattern, beside the gazetteer's runs.

Abbreviations ("U.S.", "Ky." after a town), streets and waters by their type word, the
names listed before "counties", "the town of X", and demonyms ("Bolivian").
"""

from __future__ import annotations

import re
from collections import Counter

from geo.dates import CALENDAR_NAMES
from geo.fastscan import finditer
from geo.gazetteer import GeocodeResult
from geo.geoparse.names import Names
from geo.geoparse.records import Candidate
from geo.geoparse.rules import OPENER_FEATURES
from geo.lexicon import DEMONYMS, ORG_WORDS, ORGANISATIONS, PLACE_ABBREVIATIONS, STATE_CODES, STOPWORDS
from geo.normalize import normalize_name

ABBREVIATION = re.compile(r"(?<![\w.])(?:%s)(?!\w)" % "|".join(
    re.escape(k) for k in sorted(PLACE_ABBREVIATIONS, key=len, reverse=True)))
_AFTER_TOWN = re.compile(r"[A-Z][\w’'.-]*,\s+$")
# Streets, roads and waters, which a gazetteer of settlements does not hold: known by their
# type word ("Memphis Street", "Neches River", "Lake Lanier", "Avenida Juan Pablo II").
_LOCAL_WORD = r"[A-ZÁÉÍÓÚÑ][\w’'-]*"
_LOCAL_FEATURE = re.compile(
    rf"(?<![\w’'-])(?:{_LOCAL_WORD}\s+){{1,3}}(?:Street|Avenue|Road|Drive|Boulevard|Lane|Parkway|Pike|River|Creek|"
    # as local news abbreviates them: "on Cleveland Ave", "the 2600 block of Birney Pl."
    r"Ave|Blvd|Rd|Ln|Pkwy|Pl|Cir|Hwy)\b"
    # a city's sides, which no gazetteer holds as such ("Chicago's South Side", "the Far West Side")
    r"|\b(?:(?:Far|Near|Lower|Upper)\s+)?(?:North|South|East|West|Northwest|Northeast|Southwest|Southeast)\s+Side\b"
    rf"|\b(?:Lake|Avenida|Calle|Plaza|Río)\s+(?:(?:de|del|la|las|los|el)\s+)?{_LOCAL_WORD}(?:\s+{_LOCAL_WORD}){{0,2}}")
# "the 6900 block of South Stewart", "the 100 block of W. 96th St.": a street, type word or not.
_BLOCK_OF = re.compile(r"\bblock\s+of\s+(?P<street>(?:(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|"
                       r"[NSEW]\.|NE|NW|SE|SW)\s+)?(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*\.?){0,3})")
_NOT_OF_A_STREET = frozenset(CALENDAR_NAMES.lower().split("|")) | {"police"}
_DAY_AFTER = re.compile(rf"\s+(?:{CALENDAR_NAMES})\b")
COUNTY_WORDS = {"counties": "county", "parishes": "parish"}
# Items need a separator (", ", " and "), so a run of capitalised words has one parse, not 2^n.
_COUNTY_LIST = re.compile(r"(?:(?:,\s+(?:(?:and|or|&)\s+)?|\s+(?:and|or|to|&)\s+)[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?)*"
                          r",?\s+((?i:counties|parishes))\b")
_COUNTY_LIST_REACH = 600  # characters
_LIST_SEPARATOR = re.compile(r",|\b(?:and|or|to)\b|&")  # "Ellsworth to Riley counties" too
_LIST_ITEM_BEFORE = re.compile(r"[A-Z][\w’'.-]*(?:,\s+(?:(?:and|or|&)\s+)?|\s+(?:and|or|to|&)\s+)$")
_CAP_WORD = r"[A-ZÁÉÍÓÚÑ][\w’'-]+"
_NAMED_PLACE = re.compile(
    rf"\b(?:city|town|village|community|hamlet|district|province|department|municipality|neighbou?rhood|suburb|"
    rf"comunidad|localidad|municipio|provincia|departamento)\s+of\s+"
    rf"(?P<name>{_CAP_WORD}(?:\s+(?:(?:de|del|la|las|los|el|y)\s+)?{_CAP_WORD}){{0,3}})"
    rf"|\b(?P<name2>{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,2}})\s+Province\b")


def institution_follows(text: str, end: int) -> bool:
    """True when the capitalised words after ``end`` name an institution ("... Army", "... Bank")."""
    following = re.match(r"\s+((?:[A-Z][\w’'-]*\s*)+)", text[end:end + 60])
    return following is not None and any(w.lower() in ORG_WORDS for w in following.group(1).split())


def abbreviated(abbreviation: str, names: Names) -> GeocodeResult | None:
    """The country or region an abbreviation stands for ("Ky." -> Kentucky)."""
    iso, admin1 = PLACE_ABBREVIATIONS[abbreviation]
    return names.region(iso, admin1) if admin1 else names.country(iso)


def abbreviations(text: str, names: Names, modifiers: bool) -> list[Candidate]:
    """"U.S.", "W.Va.", and "Ky." after a town ("Louisville, Ky."): already resolved."""
    out = []
    for m in finditer(ABBREVIATION, text):
        abbreviation = m.group()
        if (abbreviation.count(".") == 1 or abbreviation in STATE_CODES) \
                and not _AFTER_TOWN.search(text[max(0, m.start() - 40):m.start()]):
            continue  # alone, "Miss." is a title, "Ind." a party, "Cal." a name, "IN" a word
        if not modifiers and institution_follows(text, m.end()):
            continue  # "U.S. Army", "U.S. Senate": an institution
        result = abbreviated(abbreviation, names)
        if result is not None:
            out.append(Candidate(m.start(), m.end(), normalize_name(result.name), result=result, fixed=True))
    return out


def streets_and_waters(text: str, modifiers: bool, names: Names) -> list[Candidate]:
    """Streets and waters by their type word; resolved later, against the article's home town."""
    out = []
    for m in finditer(_LOCAL_FEATURE, text):
        start, words = m.start(), m.group().split()
        # Leading function words and owners are not part of the name: "On Main Street",
        # "Warden’s Memphis Street".
        while len(words) > 2 and (words[0].lower() in STOPWORDS or words[0].endswith(("’s", "'s"))):
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        key = normalize_name(" ".join(words))
        if key in ORGANISATIONS or (not modifiers and institution_follows(text, m.end())):
            continue  # "Wall Street", "Main Street Bank"
        if words[0] == "Lake" and any(_town_named(normalize_name(" ".join(words[:k])), names) for k in range(len(words), 1, -1)):
            continue  # Lake Charles, Lake Oswego (and "the Lake Charles Police Department"): a town's name, read as one
        if re.match(r"\s+(?:\d|[A-Z][a-z])", text[m.end():m.end() + 3]) and not _DAY_AFTER.match(text, m.end()) \
                and not words[-1] == "Side":  # ("the South Side Chatham neighborhood": a side, then its part)
            continue  # part of a longer name: "County Road 43", "Red River Valley" (not "on Elm St Monday")
        out.append(Candidate(start, m.end(), key, local=True))
    return out + _blocks(text, out) + _street_pairs(text, out)


def _town_named(key: str, names: Names) -> bool:
    """True when a city or town has this very name (not only as another name of its)."""
    return any(o.feature in ("city", "town") and normalize_name(o.name) == key for o in names.many(key, None))


# Streets named as streets without their own type word: two the type word after them names ("at
# Brook and Winter streets"); the two of an intersection ("the intersection of Cleveland and
# Yosemite"); one joined to a street ("near Yosemite Avenue and Cleveland"); one driven on
# ("traveling southbound on Cleveland").
_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?"
_STREET_PAIR = re.compile(rf"\b(?P<one>{_NAME})\s+(?:and|&)\s+(?P<two>{_NAME})\s+(?P<type>(?i:streets|avenues|roads|"
                          r"boulevards|drives|lanes))\b"
                          rf"|\b(?i:intersection)\s+of\s+(?P<one2>{_NAME})\s+(?:and|&)\s+(?P<two2>{_NAME})\b"
                          rf"|\b(?:Street|Avenue|Road|Drive|Boulevard|Lane|Ave|Blvd|Rd)\.?\s+(?:and|&)\s+(?P<two3>{_NAME})\b"
                          rf"|\b(?i:(?:north|south|east|west)bound)\s+on\s+(?P<one4>{_NAME})\b")


def _street_pairs(text: str, streets: list[Candidate]) -> list[Candidate]:
    """The streets named as streets without a type word of their own (see ``_STREET_PAIR``)."""
    out: list[Candidate] = []
    pairs: dict[tuple[str, str], str] = {}  # two streets one type word names -> that type
    for m in _STREET_PAIR.finditer(text):
        kind = m.group("type").lower()[:-1] if m.group("type") else "street"
        if m.group("type"):
            pairs[m.group("one"), m.group("two")] = kind
        for group in ("one", "two", "one2", "two2", "two3", "one4"):
            if m.group(group) is None:
                continue
            start, end = m.span(group)
            if m.group(group).lower() not in STOPWORDS and not any(c.start < end and start < c.end
                                                                    for c in streets + out):
                out.append(Candidate(start, end, normalize_name(f"{m.group(group)} {kind}"), local=True))
    return out + _pairs_again(text, streets + out, pairs) if pairs else out


def _pairs_again(text: str, found: list[Candidate], pairs: dict[tuple[str, str], str]) -> list[Candidate]:
    """A pair of streets named again without its type word ("at Brook and Winter streets" ...
    "investigating at Brook and Winter"): the same two streets, not a town named Brook."""
    out: list[Candidate] = []
    for (one, two), kind in pairs.items():
        for m in re.finditer(rf"\b(?P<one>{re.escape(one)})\s+(?:and|&)\s+(?P<two>{re.escape(two)})\b", text):
            for group, name in (("one", one), ("two", two)):
                start, end = m.span(group)
                if not any(c.start < end and start < c.end for c in found + out):
                    out.append(Candidate(start, end, normalize_name(f"{name} {kind}"), local=True))
    return out


def _blocks(text: str, streets: list[Candidate]) -> list[Candidate]:
    """The streets "the N block of" names that the type words did not find."""
    out = []
    for m in finditer(_BLOCK_OF, text):
        words: list[str] = []
        for word in m.group("street").split():
            if word.lower().rstrip(".") in _NOT_OF_A_STREET:
                break
            if word.endswith(".") and len(word) > 4:
                words.append(word[:-1])  # "Call Place." ends a sentence ("St." and "N." do not): its period is not the name's
                break
            words.append(word)
        if not words:
            continue
        start = m.start("street")
        end = start + len(" ".join(words)) if text.startswith(" ".join(words), start) else m.end("street")
        if not any(c.start < end and start < c.end for c in streets):
            out.append(Candidate(start, end, normalize_name(text[start:end]), local=True))
    return out


def listed_county(text: str, start: int, end: int, key: str, names: Names) -> str | None:
    """"Clarke, Madison and Oconee counties": the county name ("madison county") of a name
    listed before "counties" or "parishes", if there is one; None for a state ("Kansas counties"),
    and for a name alone ("the four metro Athens counties" are the counties around Athens)."""
    # A list of counties ends within a few hundred characters: a bounded window keeps a long
    # run of names ("Sacaba, Sacaba, ...") from being scanned again for each of them.
    listed = _COUNTY_LIST.match(text, end, end + _COUNTY_LIST_REACH) if key else None
    if listed is None or not (_LIST_SEPARATOR.search(text, end, listed.start(1))
                              or _LIST_ITEM_BEFORE.search(text[max(0, start - 60):start])):
        return None
    county = f"{key} {COUNTY_WORDS[listed.group(1).lower()]}"
    return county if names.known(county) and names.usual_feature(key) not in OPENER_FEATURES else None


def named_places(text: str) -> list[tuple[int, int, str]]:
    """"The town of X", "X Province": the spans and keys of names the text plainly calls places."""
    named = []
    for m in _NAMED_PLACE.finditer(text):
        group = "name" if m.group("name") else "name2"
        named.append((*m.span(group), normalize_name(m.group(group))))
    return named


# A time of day in a US time zone ("6:02 PM EDT", "5 p.m. CST"): a page stamped in the United States.
_US_TIME = re.compile(r"\d(?:\s*[AaPp]\.?[Mm]\.?)?\s+(?:E|C|M|P)[DS]T\b")


def demonyms(text: str, names: Names, mentioned: bool) -> tuple[Counter[str], list[Candidate]]:
    """"Bolivian", "Chilean": votes for their countries, and (only when ``mentioned``) mentions of
    them; a time in a US time zone votes once for the United States."""
    votes: Counter[str] = Counter()
    if _US_TIME.search(text):
        votes["US"] += 1
    out = []
    for m in re.finditer(r"\b[A-Z][a-z]+\b", text):
        iso = DEMONYMS.get(m.group().lower())
        if iso:
            votes[iso] += 1
            if mentioned and (country := names.country(iso)) is not None:
                out.append(Candidate(m.start(), m.end(), m.group().lower(), result=country, fixed=True))
    return votes, out
