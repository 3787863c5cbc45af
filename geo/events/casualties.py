"""Casualty figures: killed, injured and arrested, as a sentence states them (those said
without a number: :mod:`geo.events.unnumbered`).

>>> figures("Six people were killed and 30 wounded.")
[('fatalities', 6, None, False), ('injuries', 30, None, False)]
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from geo.caseless import lowered_finditer
from geo.dates import CALENDAR_NAMES
from geo.events.uncounted import counts_no_one, without_asides
from geo.events.unnumbered import (FATAL, HIT, ONE_AND, ONE_PERSON, SINGLE, SURVIVED, WOUNDED_NAMED, implied,
                                   vague)
from geo.numbers import Count, find_counts

if TYPE_CHECKING:
    from geo.events.report import Report

# What happened to the people counted: longest phrases first, each with the figure it feeds.
_WHAT = [
    (r"shot\s+(?:and\s+killed|to\s+death|dead)|fatally\s+(?:shot|wounded|injured|stabbed)|found\s+(?:shot\s+)?dead|"
     r"have\s+died|shot\s+dead|killed|dead|deceased|murdered|slain|died|lost\s+their\s+lives|"
     r"did\s+not\s+survive|didn['’]t\s+survive|"
     r"fatally(?=\s*[,.;)]|\s+(?:in|on|at|and)\b)", "fatalities"),  # "four were shot, one fatally"
    (r"(?:(?:taken|transported|rushed|brought)\s+)?to\s+(?:a\s+|the\s+|an\s+)?(?:local\s+|area\s+|nearby\s+|several\s+)?"
     r"hospitals?|in\s+(?:a|the)\s+(?:local\s+|area\s+)?hospital|hospitali[sz]ed|recovering|"
     r"in\s+(?:critical|serious|stable|fair|good|grave)\s+condition|wounded|injured|hurt|"
     r"treated\s+for\s+(?:\w+\s+){0,2}?(?:wounds?|injur(?:y|ies))|fighting\s+for\s+(?:his|her|their)\s+li(?:fe|ves)",
     "injuries"),
    # Hit: injured unless the story says they died ("found four people suffering from gunshot wounds").
    # ("four victims were struck", "the other four shooting victims")
    (r"shot|stabbed|(?:suffering\s+from|bleeding\s+from|with)\s+(?:apparent\s+|multiple\s+|\w+\s+)?(?:gunshot|stab)\s+wounds?|"
     r"struck(?:\s+by\s+(?:gunfire|bullets?|(?:a\s+)?stray\s+bullets?))?(?!\s+(?:a|an|the|by\s+(?:a\s+)?(?:car|vehicle|truck)))|"
     r"hit\s+by\s+(?:gunfire|bullets?|(?:a\s+)?stray\s+bullets?)|"
     r"(?:shooting|gunshot)\s+victims", "victims"),
    (r"arrested|detained|taken\s+into\s+custody", "arrests"),
]
_WHAT_RX = "|".join(f"(?P<k{i}>{rx})" for i, (rx, _) in enumerate(_WHAT))
CASUALTY = re.compile(
    r"^(?P<more>\s+(?:more|others?|additional))?(?:\s+(?:[\w’'-]+|[—–])){0,8}?(?:\s*,\s*(?:both\s+|all\s+)?(?:ages?\s+|aged\s+)?\d[\d\s,&and-]*(?:years?\s+old)?,)?\s*\[?\s*(?P<aux>(?:were|was|have\s+been|had\s+been|has\s+been|are|is|been|be)\s+)?"
    r"(?:(?:confirmed|reportedly|reported|allegedly|also|later|critically|seriously)\s+)?"
    rf"(?P<what>{_WHAT_RX})\b", re.I)
CASUALTY_BEFORE = re.compile(r"\b(?P<what>(?P<f>killed|killing|killing\s+at\s+least|fatally\s+shooting|fatally\s+shot|"
                             r"claimed\s+the\s+lives\s+of)|"
                             # "the shooting of two children"
                             r"(?P<i>wounded|wounding|injured|injuring)|(?P<v>shot|shooting(?:\s+of)?|stabbed|stabbing)|"
                             r"(?P<a>arrested|arresting|detained|detaining))\s+"
                             # "killed her and three other people": one more than the count
                             # ("wounded himself and his son": the two)
                             r"(?P<one>(?:him|her|himself|herself|his\s+[\w-]+|her\s+[\w-]+)\s+and\s+)?$", re.I)
# Words that cannot stand between a number and what happened to the people it counts: "two
# felony charges after his son shot himself" counts charges, not victims.
_GAP_BREAK = re.compile(r"\b(?:after|before|when|while|because|since|until|if|but|where|"
                        r"charges?|counts?|shots|rounds|times|bullets|cars?|vehicles?|homes?|houses?|days?|weeks?|"
                        r"guns?|handguns?|rifles?|shotguns?|pistols?|magazines?|caliber|mm|weapons?|blocks?|miles?|feet|"
                        r"dollars)\b|"
                        # "the two deputies rushed the girl to the hospital": who took her, not who was taken
                        r"\b(?:rushed|took|drove|carried|brought|transported)\s+(?:the|a|an|him|her|his|them|their)\b",
                        re.I)
# After an active casualty verb, its object: the count before it did it ("two men shot a woman").
_OBJECT = re.compile(r"\s+(?:a|an|the|his|her|their|its|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|"
                     r"multiple|many|at\s+least|"
                     # a person named ("two officers shot Christopher Thompkins"), not a day ("two shot Sunday")
                     # nor a headline's next words ("Five Children Shot In South Side")
                     rf"(?-i:(?!(?:{CALENDAR_NAMES}|In|At|On|Near|Outside|Inside|During|"
                     r"After|Before|While|By|From|Along|Behind|Into|Across|Through|Around|Following|Off|Over|Dead|And|"
                     r"Early|Late|Last|Overnight|Multiple|Several|Times|Twice|Once|Christmas|New|Easter|Thanksgiving|Memorial|"
                     r"Labor|Independence|Halloween|Mother|Father)\b)[A-Z][a-z]+\s+[A-Z][a-z]+))\b", re.I)
_OF_THEM_DIED = re.compile(r"\s+of\s+(?:the|those|them|these)\b(?:\s+[\w-]+){0,8}?\s+(?:have\s+|had\s+|later\s+)?"
                           r"(?:died|did\s+not\s+survive|succumbed)\b", re.I)
_TO_DEATH = re.compile(r"(?:\s+[\w-]+){0,2}?\s+to\s+death\b", re.I)
_CITY_TOLL = 50  # so many told for a year ("in 2016") is a city's count; fewer may be one event's
_OF_A_PERIOD = re.compile(r"\s+(?:(?:in|during|for|since|through)\s+(?:(?:all\s+of\s+)?(?P<year>(?:19|20)\d\d)|the\s+(?:past|last)\s+"
                          r"(?:year|month|decade))|(?:this|last)\s+(?:year|month)|so\s+far)\b", re.I)


# Between two counts of people named together ("a woman and her son", "two men, a woman and
# a child", "a woman and her two boys"): a few words (the first count's noun), then "and" or a
# comma; never a verb.
_JOINED = re.compile(r"(?:\s+[\w-]+){0,3}?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:his\s+|her\s+|their\s+)?", re.I)
_NOT_JOINED = re.compile(r"\b(?:was|were|is|are|has|have|had|been|be|said|says|of|than|to|in|at|on|from|"
                         r"after|before|while|when|who|that|which|"
                         # "Twenty minutes earlier, one man was killed": a time, then a count
                         r"seconds?|minutes?|hours?|days?|weeks?|months?|years?|times|shots|rounds|blocks?|miles?)\b|"
                         + _WHAT_RX, re.I)


# People named in a list ("Ronald Williams, 33, and Kendra Hill, 28, were killed"): one count of them.
_NAMED = r"(?-i:[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z’'-]+)+)(?:,\s*\d{1,3},?)?"  # (one space: not a blanked age)
# (their ages may be blanked out: "Jo Lee, 24, Al Roe, 25" reads "Jo Lee     Al Roe, 25")
_NAMED_LIST = re.compile(rf"{_NAMED}(?:(?:,\s*|\s+)and\s+{_NAMED}|(?:,\s*|\s{{3,}}){_NAMED})+")
_ONE_NAMED = re.compile(_NAMED)


# (what happened to them must follow: "Chief John Smith and Mayor Jane Doe said three were killed" counts three)
_NAMED_THEN = re.compile(r",?\s+(?:were|have\s+been|had\s+been)\s+(?:\w+\s+){0,2}?(?:killed|shot|wounded|injured|hurt|"
                         r"found|stabbed|pronounced|taken|transported|rushed|treated|hospitali[sz]ed|arrested)\b")


def _named(sentence: str) -> list[Count]:
    """Lists of two or more people named ("Ronald Williams, 33, and Kendra Hill, 28, were
    killed"), as counts, where what happened to them follows."""
    return [Count(len(_ONE_NAMED.findall(m.group())), None, m.start(), m.end()) for m in _NAMED_LIST.finditer(sentence)
            if _NAMED_THEN.match(sentence, m.end())]


def _counted(sentence: str) -> list[Count]:
    """The counts of a sentence, "a man", "a 16-year-old boy" as counts of one, people named
    together as one count ("a woman and her adopted son were found dead": two), and lists of
    people named ("Ronald Williams, 33, and Kendra Hill, 28, were killed": two)."""
    named = _named(sentence)
    counts = sorted([c for c in find_counts(sentence) if not any(n.start <= c.start < n.end for n in named)] + named,
                    key=lambda c: c.start)
    taken = {c.start for c in counts}
    people = {m.start(): Count(1 + len(ONE_PERSON.findall(m.group("others") or "")), None, m.start(), m.end())
              for m in lowered_finditer(SINGLE, sentence) if m.start() not in taken}
    # "another 11-year-old boy": the age inside a person's words counts no one.
    counts = [c for c in counts if not any(p.start < c.start < p.end for p in people.values())]
    joined: list[Count] = []
    for c in sorted(counts + list(people.values()), key=lambda c: c.start):
        last = joined[-1] if joined else None
        # A number must be followed by its noun ("two men and"); "a woman" holds hers.
        if last is not None and c.hedge is None and last.hedge is None \
                and _is_joined(sentence[last.end:c.start], named=last.start in people):
            joined[-1] = Count(last.value + c.value, None, last.start, c.end)
            continue
        joined.append(c)
    return joined


def _is_joined(between: str, named: bool) -> bool:
    return bool(_JOINED.fullmatch(between)) and not _NOT_JOINED.search(between) \
        and (named or bool(re.match(r"\s+(?!(?:and|or|to|through)\b)[a-z]", between)))


def figures(sentence: str) -> list[tuple[str, int, str | None, bool]]:
    """(kind, value, hedge, additive) casualty figures in one sentence: kind is fatalities,
    injuries, arrests, or victims (people shot or stabbed, injured unless they died)."""
    out: list[tuple[str, int, str | None, bool]] = []
    # "Six people — five men and one woman — were taken to hospitals", "Four people, including an
    # 11-year-old, were shot": the aside is blanked out
    # (same length, so offsets hold) and the count meets its verb.
    sentence = without_asides(sentence)
    for c in _counted(sentence):
        lead = sentence[max(0, c.start - 40):c.start]
        if counts_no_one(sentence, c, lead, c.value >= _CITY_TOLL):
            continue
        after = next(lowered_finditer(CASUALTY, sentence[c.end:c.end + 120]), None)  # (it starts with ^: a match)
        before = next(lowered_finditer(CASUALTY_BEFORE, sentence[max(0, c.start - 50):c.start]), None)
        if re.match(r"\s+of\s+(?:the|those|them|these|his|her|their|\d+|two|three|four|five|six|seven|eight|nine|ten)\b",
                    sentence[c.end:c.end + 12], re.I) \
                and not before:
            if _OF_THEM_DIED.match(sentence, c.end):
                out.append(("fatalities", c.value, c.hedge, False))  # "three of the shooting victims died"
            continue  # "one of the five people killed": the five count (but "killing four of them": the four)
        if after and not after.group("aux") and (_OBJECT.match(sentence, c.end + after.end()) or c.value > 1 and
                                                 re.match(r"\s+(?:him|her)self\b", sentence[c.end + after.end():])):
            after = None  # "a gunman killed two people": who killed, not who died ("the four victims or the man
            # who later shot himself": he alone shot himself; "two teens shot themselves": both)
        if after and (period := _OF_A_PERIOD.match(sentence, c.end + after.end())) \
                and (c.value >= _CITY_TOLL or not period.group("year")):
            continue  # "4,331 shooting victims in 2016", "70 killed this year": a city's count, not an event's
        gap = sentence[c.end:c.end + after.start("what")] if after else ""
        if after and not re.search(r"[;:.]", gap) and not _GAP_BREAK.search(gap):
            # The casualty word must not belong to a nearer number ("one ... and six were killed").
            kind = next(k for i, (_, k) in enumerate(_WHAT) if after.group(f"k{i}"))
            more = (after.group("more") or "").strip().lower()
            others = more in ("others", "other", "additional") or bool(re.search(r"\b(?:an)?other\s+$", lead, re.I)) \
                or sentence[c.start:c.start + 8].lower() == "another "  # "... and another man was shot"
            if others and kind == "victims" and not any(k == "victims" for k, *_ in out):
                kind = "injuries"  # "one died and three others were shot": the three are the injured
            if others:
                # "two ... and five others": part of this sentence's count, if it gave one before
                if any(k == kind for k, *_ in out):
                    last = max(i for i, f in enumerate(out) if f[0] == kind)
                    out[last] = (kind, out[last][1] + c.value, out[last][2], out[last][3])
                    continue
                more = ""
            # "Two more have died since" adds to what was told before; "one killed and four more
            # wounded" is one telling; "a teenager and two younger boys were shot" counts three.
            value = c.value + (1 if ONE_AND.search(lead) else 0)
            out.append((kind, value, c.hedge, more == "more" and not out))
        elif before:
            kind = {"f": "fatalities", "i": "injuries", "v": "victims", "a": "arrests"}[
                next(g for g in "fiva" if before.group(g))]
            if kind == "victims" and _TO_DEATH.match(sentence, c.end):
                kind = "fatalities"  # "shot four people to death"
            out.append((kind, c.value + (1 if before.group("one") else 0), c.hedge, False))
    return out



# A word every figure, implied count or vague one needs: a sentence without one adds nothing.
_ANY_CASUALTY = re.compile(r"kill|dead|die|shot|shoot|stab|wound|injur|hurt|hospital|condition|arrest|detain|custody|"
                           r"slain|murder|homicide|death|fatal|li(?:fe|ves)|treated|gunshot|grazed|succumb|hitting|striking")  # lower


def with_figures(rep: Report, sentence: str) -> Report:
    """The report with the casualty figures of ``sentence`` added ("Two more have died since")."""
    if not _ANY_CASUALTY.search(sentence.lower()):
        return rep  # most sentences that go on about an event give no figure
    found = figures(sentence)
    notes = list(rep.notes)
    values = {"fatalities": rep.fatalities, "injuries": rep.injuries, "arrests": rep.arrests,
              "fatalities_max": rep.fatalities_max, "victims": rep.victims}
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
    if values["fatalities"] is None and implied(sentence, FATAL):
        values["fatalities"] = 1
    if values["injuries"] is None and values["fatalities"] and implied(sentence, WOUNDED_NAMED):
        values["injuries"] = 1  # "killed Sheymarr Noble and wounded Emerson Ware"
    if values["victims"] is None and values["injuries"] is None:
        if values["fatalities"] and implied(sentence, SURVIVED):
            values["injuries"] = 1  # a wound someone lived through, beside the dead the sentence counts
        elif implied(sentence, HIT):
            values["victims"] = 1
    multiple = _as_multiple(sentence, values)
    attacker_died = rep.attacker_died or _attacker_died(sentence)
    if _MURDER_SUICIDE.search(sentence) and (not values["fatalities"] or multiple):
        # "shot an 8-year-old boy, then himself in a murder-suicide": those hit died (one, if the
        # story says no more), and so did he ("two dead in a murder-suicide" counts him already)
        values["fatalities"], attacker_died = values["fatalities"] or values["victims"] or 1, True
    return replace(rep, notes=notes, unknown=rep.unknown | vague(sentence), fatalities=values["fatalities"], injuries=values["injuries"],
                   arrests=values["arrests"], fatalities_max=values["fatalities_max"], victims=values["victims"],
                   attacker_died=attacker_died)


# "a double homicide", "a triple shooting", "a quadruple slaying": the count said in one word.
_MULTIPLE = re.compile(r"\b(?P<n>double|triple|quadruple|quintuple)\s+(?:(?P<dead>murders?|homicides?|slayings?|"
                       r"killings?|fatal\s+shootings?)|(?P<hit>shootings?|stabbings?))\b", re.I)
_TIMES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}


def _as_multiple(sentence: str, values: dict) -> bool:
    """The dead or hit of "a double homicide", "a triple shooting", where the sentence counts them no
    other way (a "double murder-suicide" is two killed, and the one who killed them); True if so."""
    m = _MULTIPLE.search(sentence)
    if m is None:
        return False
    kind = "fatalities" if m.group("dead") else "victims"
    if values[kind] is not None or (kind == "victims" and values["injuries"] is not None):
        return False
    values[kind] = _TIMES[m.group("n").lower()]
    return True


# "... before turning the gun on himself", "then took his own life": the attacker's own death.
_MURDER_SUICIDE = re.compile(r"\bmurder[-/\s]suicide\b", re.I)
_SUICIDE = re.compile(r"\b(?:before|then|after)\s+(?:fatally\s+)?(?:turn(?:ed|ing)\s+the\s+gun\s+on|"
                      r"(?:killing|killed|shooting|shot)(?:\s+and\s+killing)?)\s+(?:himself|herself)|"
                      r"\b(?:took|taking)\s+(?:his|her)\s+own\s+life|"
                      # "shot the girl's mother, the girl and then himself"; "killed four people before he was
                      # shot and killed by police": the attacker died too
                      r"\bthen\s+(?:him|her)self\b|"
                      r"\bbefore\s+(?:he|she)\s+was\s+(?:fatally\s+shot|shot\s+and\s+killed|shot\s+dead|killed)\b", re.I)


def _attacker_died(sentence: str) -> bool:
    """True when the sentence's attacker killed himself after hurting others it counts ("shot his
    wife and daughter before turning the gun on himself"); a man who shot only himself is the victim."""
    m = _SUICIDE.search(sentence)
    if m is None or re.match(r"after\s+(?:shooting|shot)", m.group(), re.I):
        return False  # "a student died Thursday after shooting himself": the one who died
    before = sentence[:m.start()]
    return bool(figures(before)) or implied(before, FATAL) or implied(before, HIT) or \
        bool(re.search(r"\b(?:killed|shot|stabbed|murdered)\s+(?:his|her|their|a|an|two|three|\d)", before, re.I))
