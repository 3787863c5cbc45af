"""Actors: who acted and on whom, named as ACLED names them.

ACLED names state forces by their country ("Police Forces of Bolivia", "Military Forces of
Nigeria"; ACLED adds the regime's years, which a sentence does not tell), and other actors by
kind and country: "Protesters (Ecuador)", "Rioters (Chile)", "Civilians (United States)",
"Unidentified Armed Group (Mali)". Only what the sentence says who did moves actor1 off the
event type's usual actor: "police opened fire", "shot by a deputy", "soldiers fired".

>>> actors("Protests", "Excessive force against protesters", "Soldiers fired on marchers.", "BO")
('Military Forces of Bolivia', 'Protesters (Bolivia)')
>>> actors("Violence against civilians", "Attack", "A man was shot and killed Sunday.", "US")
('Unidentified Armed Group (United States)', 'Civilians (United States)')
"""

from __future__ import annotations

import re
from functools import cache

from geo.caseless import lowered_finditer
from geo.countries import country_name
from geo.lexicon import DEMONYMS

_POLICE = r"(?:police(?:\s+officers?|men|man)?|(?:police\s+)?officers?|deputies|deputy|troopers?|sheriff(?:'s|’s)?|" \
          r"cops?|SWAT|law\s+enforcement|security\s+forces|riot\s+police|agents?)"
_MILITARY = r"(?:soldiers?|troops|army|military|armed\s+forces|marines|national\s+guard(?:smen)?|air\s+force|" \
            r"warplanes?|jets|navy)"
_ACTS = r"(?:shot|fired|opened\s+fire|killed|kill|shooting|beat|beaten|attacked|charged|struck|hit|tear[- ]?gassed|" \
        r"dispersed|cracked\s+down|bombed|shelled|raided|arrested|detained|clashed)"
_BY = r"\bby\s+(?:a\s+|an\s+|the\s+|two\s+|three\s+|several\s+)?(?:[\w-]+\s+){0,2}?"


@cache  # a few patterns, built from the same parts on every call
def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


def _says(pattern: str, sentence: str) -> bool:
    """Whether ``sentence`` holds ``pattern`` (case aside): matched in lower case, which is several times faster."""
    return next(lowered_finditer(_rx(pattern), sentence), None) is not None


def _agent(sentence: str, who: str) -> bool:
    """True when the sentence makes ``who`` the one who acted ("police fired", "shot by police",
    "an officer-involved shooting")."""
    return _says(rf"\b{who}\s+(?:[\w-]+\s+){{0,3}}?{_ACTS}\b|{_BY}{who}\b|"
                 rf"\b{who}[- ](?:involved\s+)?shootings?\b", sentence)


def _victim_is(sentence: str, who: str) -> bool:
    """True when ``who`` was the one hit ("an officer was shot", "killing two soldiers")."""
    return _says(rf"\b{who}\s+(?:was|were|had\s+been|has\s+been)\s+(?:shot|killed|wounded|injured|stabbed)|"
                 rf"\b(?:killing|wounding|shooting)\s+(?:\w+\s+){{0,2}}{who}\b", sentence)


def state_forces(sentence: str, country: str | None) -> str | None:
    """The state forces the sentence says acted, if any."""
    of = f" of {country}" if country else ""
    if _agent(sentence, _MILITARY):
        return f"Military Forces{of}"
    if _agent(sentence, _POLICE):
        return f"Police Forces{of}"
    return None


# "Israeli troops", "Russian forces", "U.S. soldiers": state forces of another country than the place's.
_FOREIGN_FORCES = re.compile(r"\b(?P<demonym>[A-Z][a-z]+|U\.S\.)\s+(?:security\s+forces|forces|troops|soldiers|"
                             r"police|army|military|warplanes|jets|navy|air\s+force)\b")


def _forces_country(sentence: str, iso2: str | None) -> str | None:
    """The country whose forces the sentence names by its demonym, else ``iso2``."""
    m = _FOREIGN_FORCES.search(sentence)
    if m is None:
        return iso2
    return "US" if m["demonym"] == "U.S." else DEMONYMS.get(m["demonym"].lower(), iso2)


def actors(event_type: str, sub_event_type: str, sentence: str, iso2: str | None) -> tuple[str | None, str | None]:
    """(actor1, actor2) of an event of this type told by ``sentence`` in the country ``iso2``
    (state forces: of the country the sentence names them by, "Israeli troops" near Nablus)."""
    name = country_name(iso2)
    of, within = (f" of {name}", f" ({name})") if name else ("", "")
    forces = state_forces(sentence, country_name(_forces_country(sentence, iso2)))
    police, military = f"Police Forces{of}", f"Military Forces{of}"
    armed, civilians = f"Unidentified Armed Group{within}", f"Civilians{within}"
    protesters, rioters = f"Protesters{within}", f"Rioters{within}"
    victim = military if _victim_is(sentence, _MILITARY) else police if _victim_is(sentence, _POLICE) else civilians
    if event_type == "Protests":
        if sub_event_type == "Excessive force against protesters":
            return forces or police, protesters
        if sub_event_type == "Protest with intervention":
            return protesters, forces or police
        return protesters, None
    if event_type == "Riots":
        if sub_event_type == "Mob violence":
            return rioters, civilians
        return rioters, forces
    if event_type == "Strategic developments":
        if sub_event_type == "Arrests":
            return forces or police, protesters if re.search(r"\bprotest|demonstrat|march", sentence, re.I) else civilians
        return (rioters if re.search(r"\b(?:rioters|looters|protesters|mobs?|crowds?)\b", sentence, re.I) else None), None
    if event_type == "Battles":
        return forces or armed, armed if forces else (military if re.search(_MILITARY, sentence, re.I) else armed)
    # Violence against civilians, explosions: the perpetrator if said, on the people hit.
    if forces and victim != civilians and forces.startswith(victim.split(" of ")[0]):
        forces = None  # "an officer was shot": the police were hit, not the shooters
    return forces or armed, victim
