"""Classify: the ACLED event type and sub-type of a report from its event word and context."""

from __future__ import annotations

import re

from geo.events.triggers import INTERVENTION, PROTEST_CONTEXT

_STATE = re.compile(r"\b(?:police\w*|soldiers?|troops|army|military|security\s+forces|officers?|guards?|"
                    r"carabineros|gendarm\w*|repression|polic[íi]a|militares)\b", re.I)

# Kinds of event word whose ACLED type the word alone settles.
_FIXED = {"battle": ("Battles", "Armed clash"),
          "abduction": ("Violence against civilians", "Abduction/forced disappearance"),
          "sexual": ("Violence against civilians", "Sexual violence"),
          "block": ("Riots", "Violent demonstration"),
          "arrest": ("Strategic developments", "Arrests")}


def classify(kind: str, sentence: str, following: str, protest_article: bool) -> tuple[str, str]:
    """(event_type, sub_event_type): ``following`` is the sentence and the next one; in an
    article about protests a killing is force against protesters unless shown otherwise."""
    if kind in _FIXED:
        return _FIXED[kind]
    if kind == "explosion":
        return "Explosions/Remote violence", _weapon(sentence)
    if kind in ("kill", "attack"):
        # Killing in a story of protests is force against them; a shooting near a march is so when
        # state forces are named with it (a gunman's is an attack).
        if protest_article or (PROTEST_CONTEXT.search(following) and _STATE.search(following)):
            return "Protests", "Excessive force against protesters"
        return "Violence against civilians", "Attack"
    if kind == "riot":
        if re.search(r"\bmobs?\b", sentence, re.I):
            return "Riots", "Mob violence"
        if re.search(r"\b(?:protest\w*|demonstrat\w*|crowds?|rioters|marchers)\b", sentence, re.I) or "clash" in sentence.lower():
            return "Riots", "Violent demonstration"
        return "Strategic developments", "Looting/property destruction"
    if INTERVENTION.search(following):
        return "Protests", "Protest with intervention"
    return "Protests", "Peaceful protest"


_WEAPONS = [("Air/drone strike", r"air\s*strike|airstrike|drone|air\s+raid|warplane|jets?\b|helicopter"),
            ("Suicide bomb", r"suicide"),
            ("Grenade", r"grenade"),
            ("Remote explosive/landmine/IED", r"\bIEDs?\b|land\s*mine|roadside|car\s+bomb|explosive\s+device|bomb"),
            ("Shelling/artillery/missile attack", r"shell|artillery|mortar|missile|rocket")]


def _weapon(sentence: str) -> str:
    """The ACLED sub-type of an explosion from the weapon the sentence names."""
    return next((sub for sub, rx in _WEAPONS if re.search(rx, sentence, re.I)), "Remote explosive/landmine/IED")
