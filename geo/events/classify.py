"""Classify: the ACLED event type and sub-type of a report from its event word and context."""

from __future__ import annotations

import re

from geo.events.triggers import INTERVENTION, PROTEST_CONTEXT


def classify(kind: str, sentence: str, following: str, protest_article: bool) -> tuple[str, str]:
    """(event_type, sub_event_type): ``following`` is the sentence and the next one; in an
    article about protests a killing is force against protesters unless shown otherwise."""
    if kind == "kill":
        if protest_article or PROTEST_CONTEXT.search(following):
            return "Protests", "Excessive force against protesters"
        return "Violence against civilians", "Attack"
    if kind == "riot":
        if re.search(r"\bmobs?\b", sentence, re.I):
            return "Riots", "Mob violence"
        if re.search(r"\b(?:protest\w*|demonstrat\w*|crowds?|rioters|marchers)\b", sentence, re.I) or "clash" in sentence.lower():
            return "Riots", "Violent demonstration"
        return "Strategic developments", "Looting/property destruction"
    if kind == "block":
        return "Riots", "Violent demonstration"
    if kind == "arrest":
        return "Strategic developments", "Arrests"
    if INTERVENTION.search(following):
        return "Protests", "Protest with intervention"
    return "Protests", "Peaceful protest"
