"""Casualty figures: killed, injured and arrested, as a sentence states them.

>>> figures("Six people were killed and 30 wounded.")
[('fatalities', 6, None, False), ('injuries', 30, None, False)]
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from geo.numbers import find_counts

if TYPE_CHECKING:
    from geo.events.report import Report

CASUALTY = re.compile(
    r"^(?P<more>\s+more)?(?:\s+[\w’'-]+){0,8}?\s*\[?\s*(?:(?:were|was|have\s+been|had\s+been|are|been|be)\s+)?"
    r"(?:(?:confirmed|reportedly|reported|allegedly)\s+)?"
    r"(?P<what>killed|dead|shot\s+dead|murdered|slain|died|have\s+died|wounded|injured|hurt|arrested|detained)\b",
    re.I)
CASUALTY_BEFORE = re.compile(r"\b(?P<what>killed|killing|killing\s+at\s+least|wounded|wounding|injured|injuring|"
                             r"arrested|arresting|detained|detaining)\s+$", re.I)
_KIND = {"killed": "fatalities", "dead": "fatalities", "shot dead": "fatalities", "murdered": "fatalities",
         "slain": "fatalities", "died": "fatalities", "have died": "fatalities", "killing": "fatalities",
         "wounded": "injuries", "injured": "injuries", "hurt": "injuries", "wounding": "injuries",
         "injuring": "injuries", "arrested": "arrests", "detained": "arrests", "arresting": "arrests",
         "detaining": "arrests"}

def figures(sentence: str) -> list[tuple[str, int, str | None, bool]]:
    """(kind, value, hedge, additive) casualty figures in one sentence."""
    out = []
    for c in find_counts(sentence):
        after = CASUALTY.match(sentence[c.end:c.end + 120])
        before = CASUALTY_BEFORE.search(sentence[max(0, c.start - 30):c.start])
        if after and not re.search(r"[;:.]", sentence[c.end:c.end + after.start("what")]):
            # The casualty word must not belong to a nearer number ("one ... and six were killed").
            out.append((_KIND[re.sub(r"\s+", " ", after.group("what").lower())], c.value, c.hedge,
                        bool(after.group("more"))))
        elif before:
            out.append((_KIND[re.sub(r"\s+", " ", before.group("what").lower()).split(" at")[0]], c.value,
                        c.hedge, False))
    return out



def with_figures(rep: Report, sentence: str) -> Report:
    """The report with the casualty figures of ``sentence`` added ("Two more have died since")."""
    found = figures(sentence)
    if not found:
        return rep
    notes = list(rep.notes)
    values = {"fatalities": rep.fatalities, "injuries": rep.injuries, "arrests": rep.arrests,
              "fatalities_max": rep.fatalities_max}
    fat = [f for f in found if f[0] == "fatalities"]
    if fat and any(h in ("possibly as many as", "as many as", "up to") for _, _, h, _ in fat) and len(fat) > 1:
        low, high = min(v for _, v, _, _ in fat), max(v for _, v, _, _ in fat)
        values["fatalities"], values["fatalities_max"] = low, high
        notes.append(f"fatalities {low}–{high} in the source")
        found = [f for f in found if f[0] != "fatalities"]
    for kind, value, _hedge, additive in found:
        current = values[kind]
        if additive and current is not None:
            values[kind] = current + value
            notes.append(f"{kind}: {current} + {value} more")
        elif current is None:
            values[kind] = value
    return replace(rep, notes=notes, fatalities=values["fatalities"], injuries=values["injuries"],
                   arrests=values["arrests"], fatalities_max=values["fatalities_max"])
