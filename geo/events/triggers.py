"""Event words: which sentence reports a point event, and of what kind.

A trigger is left out where the sentence only plans or threatens it ("will stage a strike"),
negates it ("no one was killed"), or names an event already reported ("repudiating the
massacre"); an arrest counts only with a figure ("police arrested 12").

>>> [(kind, m.group()) for kind, m in find_triggers("Police fired on protesters in El Alto.")]
[('kill', 'fired on')]
"""

from __future__ import annotations

import re

from geo.caseless import caseless
from geo.fastscan import finditer, search
from geo.events.casualties import figures

# Event words, strongest first: the first kind found in a sentence names its event.
TRIGGERS = [
    # Explosions/Remote violence: the weapon names the event, whatever it killed.
    ("explosion", re.compile(r"\b(?:air\s*strikes?|airstrikes?|drone\s+strikes?|air\s+raids?|shell(?:ing|ed)|"
                             r"artillery|mortars?|missiles?|rockets?|bomb(?:s|ing|ings|ed)?|car\s+bombs?|"
                             r"suicide\s+bomb(?:er|ing)s?|explosions?|explosives?|blasts?|grenades?|IEDs?|"
                             r"land\s*mines?|roadside\s+bombs?)\b", re.I)),
    # Battles: armed groups fighting each other.
    ("battle", re.compile(r"\b(?:gun\s*battles?|firefights?|fire\s*fights?|exchanged\s+(?:gun)?fire|"
                          # "rebels ambushed an army convoy", "attacked a military base"
                          r"ambush(?:ed|es)?\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?(?:convoy|patrol|troops|soldiers|"
                          r"army|military|police|base|checkpoint|post)|"
                          r"attack(?:ed|s)?\s+(?:an?\s+|the\s+)?(?:army|military|police)\s+(?:convoy|patrol|base|"
                          r"checkpoint|post|station|barracks)|"
                          r"armed\s+clash(?:es)?|(?:clash(?:es|ed)?|fighting|fought|battles?)\s+(?:\w+\s+){0,3}?"
                          r"(?:between|with|against)\s+(?:\w+\s+){0,3}?(?:troops|soldiers|army|rebels|militants|"
                          r"insurgents|fighters|militias?|forces|gunmen|jihadists|gangs?))\b", re.I)),
    ("kill", re.compile(r"\b(?:massacre[ds]?|killed|kills|killings?|shot\s+dead|shot\s+and\s+killed|gunned\s+down|"
                        r"murdered|slain|fired\s+(?!(?:tear|rubber|water|pepper|warning|blanks|flares?|smoke)\b)(?:\w+\s+){0,3}?"
                        r"(?:on|at|into)|opened\s+fire|repression|"
                        r"were\s+shot|died)\b", re.I)),
    # Violence against civilians as local news tells it: shootings, stabbings, murders, abductions.
    # (and a headline's present: "Teen accidentally shoots mom")
    ("attack", re.compile(r"\b(?:shot(?!\s+(?:down|up|back|a\s+video|a\s+photo|put))|shoots(?!\s+(?:down|up|back|hoops))|"
                          r"shootings?|shootouts?|"
                          r"gunshots?|gunfire|gunshot\s+wounds?|shot\s+to\s+death|found\s+dead|"
                          r"fatal,?\s+(?:[\w-]+\s+){0,2}?wounds?|self-inflicted\s+(?:gunshot\s+)?wounds?|"
                          r"shots\s+(?:were\s+)?(?:fired|rang\s+out)|"
                          r"stabb(?:ed|ing|ings)|murders?|homicides?|slayings?|fatally\s+(?:shot|wounded|injured)|"
                          r"wounded|beaten|assaulted|lynch(?:ed|ing)|massacre|flogged|tortured|"
                          # "police beat passengers": a beating, not a win
                          r"beat(?:ing)?\s+(?:up\s+)?(?:\w+\s+){0,2}?(?:passengers|protesters|demonstrators|students|"
                          r"people|civilians|journalists|reporters|residents|worshippers|traders|detainees|prisoners|"
                          r"men|women|him|her|them))\b", re.I)),
    ("abduction", re.compile(r"\b(?:abduct(?:ed|ion|ions|s)?|kidnap(?:ped|ping|pings|s)?|taken\s+hostage|"
                             r"hostages?|disappeared)\b", re.I)),
    ("sexual", re.compile(r"\b(?:rap(?:ed|e|es|ing)|sexual(?:ly)?\s+(?:assault(?:ed)?|abused?|violence))\b", re.I)),
    ("riot", re.compile(r"\b(?:burn(?:ed|t)?\s+down|burned|torched|set\s+fire|ransacked|looted|clash(?:ed|es)?|"
                        r"riot(?:s|ed|ing)?)\b", re.I)),
    ("block", re.compile(r"\b(?:blockad(?:e|es|ed|ing)|sieges?|barricad(?:e|es|ed|ing)|"
                         r"block(?:ed|ing)\s+(?:the\s+)?(?:roads?|highways?|streets?|access))\b", re.I)),
    ("arrest", re.compile(r"\b(?:arrested|detained|arrests)\b", re.I)),
    # "march" in lower case only: "March 4" is a month.
    ("protest", re.compile(r"\b(?:march(?:ed|es|ing)|(?-i:march)|protest(?:s|ed|ing)?|demonstrations?|rall(?:y|ies|ied)|"
                           # "protesters gathered", "fired tear gas at demonstrators": told by the crowd
                           r"(?:protesters|demonstrators|marchers)\s+(?:\w+\s+){0,2}?(?:gathered|marched|blocked|rallied|"
                           r"took\s+to|occupied|chanted|stormed|converged|poured)|"
                           r"(?:fired|used|lobbed|threw|shot)\s+tear\s*gas\s+(?:at|on|into|to\s+disperse)\s+(?:\w+\s+){0,3}?"
                           r"(?:protesters|demonstrators|marchers|crowds?|students|people)|"
                           r"general\s+strike|strikes?|mobilizations?|mobilisations?)\b", re.I)),
]
# Matching without re.I is several times faster: the kinds whose patterns do not depend on case
# are also compiled in lower case, for the lower-cased sentence (offsets kept: see find_triggers).
_LOWER = {kind: caseless(rx) for kind, rx in TRIGGERS if "(?-i" not in rx.pattern}
# Any event word at all: most sentences have none, and are scanned once instead of once per kind
# (in lower case: "(?-i:march)" then also matches the month, which only lets a sentence through).
_ANY = re.compile("|".join(f"(?:{rx.pattern.lower().replace('(?-i:march)', 'march')})" for _, rx in TRIGGERS))
VIOLENT = frozenset({"explosion", "battle", "kill", "attack", "abduction", "sexual"})
# Words of a protest ("a crowd" alone is not one: a gunman fires into crowds too).
PROTEST_CONTEXT = re.compile(r"\b(?:protest\w*|demonstrat\w*|march(?:ed|es|ing|ers)|(?-i:march)|blockad\w*|sieges?|"
                             r"rall(?:y|ies)|strikes?|striking|mobiliz\w*)\b", re.I)
INTERVENTION = re.compile(r"\b(?:repression|tear\s*gas|confront\w*|fired|dispers\w*|clash\w*|attack\w*|beat(?:en)?)\b", re.I)
# (A call for help is no plan: "officers responded to a call for a person shot".)
FUTURE = re.compile(r"\b(?:will|would|plans?\s+to|planned|planning|announced\s+plans|threat(?:en(?:ed|s)?)?(?:\s+\w+){0,3}\s+to|"
                    r"threat\s+of|(?<!a\s)(?<!the\s)(?<!radio\s)(?<!911\s)call(?:ed|ing|s)?\s+(?:for|on)|urg(?:ed|ing|es)\s+|if|could|may|might|"
                    r"prepar(?:e|ing)\s+to|intend\w*\s+to|to\s+call|vow(?:ed|s)?\s+to)\b", re.I)
# "announced plans to blockade", "will stage a general strike": an event word the sentence only plans.
PLANNED = re.compile(FUTURE.pattern + r"[^.;]{0,40}?(?:" + "|".join(rx.pattern for _, rx in TRIGGERS) + ")", re.I)
# "marches are converging on La Paz": a trend, not an event; but "police are investigating after a
# girl was shot" tells a past event through the work that follows it.
ONGOING = re.compile(r"\b(?:are|is)\s+(?:still\s+|now\s+)?(?!being\b|investigating\b|searching\b|looking\b|seeking\b|"
                     r"asking\b|trying\b|working\b|mourning\b|hoping\b|waiting\b|calling\b|remembering\b|"
                     # "a girl is recovering after she was shot": the state a past event left
                     r"recovering\b|fighting\b|clinging\b|undergoing\b|improving\b|grieving\b|reeling\b|"
                     r"facing\b|charging\b|holding\b)\w+ing\b|"
                     r"\bcontinue[sd]?\s+to\b", re.I)
# An earlier event a story recalls: "three years ago", "in a previous incident" (dropped when the
# sentence names no day: "a man released three years ago was shot Sunday" is news). ("Last year" is
# an aggregate's: :data:`geo.dates.AGGREGATE`.)
BACKGROUND = re.compile(r"\b(?:(?:years?|months?)\s+(?:ago|earlier|before)|in\s+an?\s+(?:previous|prior|earlier)\s+"
                        r"(?:incident|shooting))\b", re.I)
NEGATION = re.compile(r"\b(?:not|no|never|without)\s+(?:a\s+|an\s+|any\s+)?$", re.I)
DEFINITE = re.compile(r"\b(?:the|this|that|these|those|their|its|his|her)\s+(?:[\w-]+\s+)?$", re.I)
SUBORDINATE = re.compile(r"^(?:while|as|when|whereas|although|though)\b", re.I)


_CLAUSE_BREAK = re.compile(r"[,;—–:]|\band\b")


def find_triggers(sentence: str) -> list[tuple[str, re.Match]]:
    """(kind, match) of every event word the sentence reports, strongest kind first."""
    found: list[tuple[str, re.Match]] = []
    low = sentence.lower()
    if search(_ANY, low) is None:
        return found
    same_offsets = len(low) == len(sentence)  # lower() keeps them, but for a few letters ("İ")
    main_start = 0
    if SUBORDINATE.match(sentence) and "," in sentence:
        main_start = sentence.index(",") + 1  # "While X happened, Y did": Y is this sentence's event
    for kind, rx in TRIGGERS:
        fast = _LOWER.get(kind) if same_offsets else None
        for m in (finditer(fast, low) if fast is not None else finditer(rx, sentence)):
            if m.start() < main_start:
                continue
            before = sentence[max(0, m.start() - 60):m.start()]
            clause = _CLAUSE_BREAK.split(before)[-1]
            # (the negation is the last words: "without any " is 12 characters)
            if NEGATION.search(before, len(before) - 24) or FUTURE.search(clause):
                continue
            if DEFINITE.search(before[-20:]) and not re.match(r"\s+(?:in|at)\s+[A-Z]", sentence[m.end():m.end() + 12]):
                continue  # "repudiating the massacre": an event already reported
            if kind == "arrest" and not figures(sentence):
                continue
            found.append((kind, m))
    return found


def anaphoric_violence(sentence: str) -> tuple[str, re.Match] | None:
    """(kind, match) of the first violent event word told as one the reader knows ("arrested in
    the fatal shooting of a teenager"): in a story that tells its violence no other way (an
    arrest, a trial), the only telling of it."""
    if not _ANY.search(sentence.lower()):
        return None
    for kind, rx in TRIGGERS:
        if kind in VIOLENT:
            for m in rx.finditer(sentence):
                before = sentence[max(0, m.start() - 60):m.start()]
                if DEFINITE.search(before[-20:]) and not NEGATION.search(before):
                    return kind, m
    return None
