"""Where a story is: its dateline's town, else the town its places gather around; and the
places a story's violence is told at that are more likely misread names than its places.

>>> from geo.articles import Article
>>> from geo.toponyms import default_toponymer
>>> art = Article.from_text("CHARLOTTE, N.C. — A man was found shot to death on Sunday.")
>>> place, dateline = story_place(art.text, default_toponymer().find(art))
>>> place.name, dateline
('Charlotte', True)
"""

from __future__ import annotations

import re
from dataclasses import replace

from geo.geoparse.dateline import SETTLEMENTS, dateline_place
from geo.place import Place, same_place
from geo.toponyms import Mention

FAR_FROM_STORY_KM = 150.0  # a violent event this far from where its story is, is misplaced
ALONE_KM = 50.0  # a place with none of its story's others this near is alone in it
_WIDE = frozenset({"country", "admin1", "continent", "region"})


def misplaced(m: Mention, here: Mention, dateline: bool, places: list[Mention]) -> bool:
    """True when a violent event's place is far from where its story is and more likely a misread
    name: any place, after a dateline; else a small town abroad, or a small town with nothing of
    the story near it, however often named ("Cook" for the Cook Out restaurant, in Lexington;
    "Green Forest", Arkansas, in a Los Angeles story; Liberty City, Texas, for Miami's; not
    Huayllani beside Sacaba in a La Paz story)."""
    if m.place is None or here.place is None or same_place(m.place, here.place, FAR_FROM_STORY_KM):
        return False
    if dateline:
        return True
    if m.feature not in ("town", "local"):
        return False
    return m.country != here.country or _alone(m, places)


def _alone(m: Mention, places: list[Mention]) -> bool:
    """True when no other place of the story lies near ``m``, nor is its region named."""
    assert m.place is not None
    return not any(o.gazetteer_id != m.gazetteer_id and o.place is not None
                   and ((o.feature == "admin1" and o.admin1 == m.admin1 and o.country == m.country)
                        or (o.feature not in _WIDE and same_place(o.place, m.place, ALONE_KM)))
                   for o in places)


def at_town(street: Mention, town: Place) -> Mention:
    """An unresolved street or building ("the 6200 block of Aberdeen Street") placed at the town
    its story is in: the town's point, the street's name (so two streets stay two), ``local``."""
    return replace(street, place=Place(name=street.text, lat=town.lat, lon=town.lon, country=town.country,
                                       admin1=town.admin1, feature="local"))


_STORY_KM = 30.0  # the places of a story's town lie this near it


def town_of(m: Mention) -> bool:
    """True when ``m`` is a resolved settlement, which a story can be in (a town, a district)."""
    return m.place is not None and m.feature in SETTLEMENTS


def story_place(text: str, mentions: list[Mention]) -> tuple[Mention | None, bool]:
    """Where a story is, and whether its dateline says so: the place of its dateline ("CHARLOTTE,
    N.C. —", "SAVANNAH (WSAV) –"), else the settlement with most of the story's places near it
    (its own mentions, its neighbourhoods and streets: Englewood and Chatham are Chicago's; a
    surname read as a far village has none), then the one named most, the first named on a tie."""
    if (dateline := dateline_place(text, mentions)) is not None:
        return dateline, True
    resolved = [m for m in mentions if m.place is not None]
    counts: dict[str | None, list[Mention]] = {}
    for m in resolved:
        if m.feature in SETTLEMENTS:
            counts.setdefault(m.gazetteer_id or m.name, []).append(m)
    if not counts:
        return None, False
    near = [m.place for m in resolved if m.feature not in _WIDE]

    def support(ms: list[Mention]) -> int:
        return sum(same_place(ms[0].place, p, _STORY_KM) for p in near)
    return max(counts.values(), key=lambda ms: (support(ms), len(ms), -ms[0].clean_start))[0], False


# "The incident occurred at the 400 block of Chuckwood Road in Thurmond": where the event was, said
# after a lead that told it at its county.
_HAPPENED = re.compile(r"\b(?:occurred|happened|took\s+place|unfolded)\b", re.I)
_COUNTY_REACH_KM = 60.0  # the towns of a county lie this near its point


def stated_place(sentence: str, places: list[Mention], told_at: Place | None) -> Mention | None:
    """The street or town in the county an event was told at (``told_at``) that a later sentence
    says it happened at, the street first; None when the sentence says no such thing."""
    if told_at is None or told_at.feature != "admin2" or not _HAPPENED.search(sentence):
        return None
    within = [m for m in places if town_of(m) and m.feature != "admin2" and m.place is not None
              and m.place.admin1 == told_at.admin1 and same_place(m.place, told_at, _COUNTY_REACH_KM)]
    return next((m for m in within if m.feature == "local"), within[0] if within else None)


_CAPITAL_BEFORE, _CAPITAL_AFTER = re.compile(r"\bcapital(?:,| of)\s+$"), re.compile(r",\s+the\s+capital\b")


def with_capital(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions and "the capital" as a mention of the capital the article names ("the capital, La Paz")."""
    capital = None
    for m in mentions:
        before, after = text[max(0, m.clean_start - 20):m.clean_start], text[m.clean_end:m.clean_end + 15]
        if _CAPITAL_BEFORE.search(before) or _CAPITAL_AFTER.match(after):
            capital = m
            break
    if capital is None:
        return mentions
    extra = [replace(capital, clean_start=said.start(), clean_end=said.end())
             for said in re.finditer(r"\bthe\s+capital\b(?!,|\s+of\b)", text)]
    return sorted(mentions + extra, key=lambda m: m.clean_start)
