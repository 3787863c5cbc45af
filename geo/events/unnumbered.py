"""Figures said without a number: "a man was shot" is one hit, "a fatal shooting" one dead,
"no one was hurt" none, and "many more have been killed" a figure the story does not know.

>>> sorted(vague("Many more have been killed and dozens were hurt."))
['fatalities', 'injuries']
"""

from __future__ import annotations

import re

from geo.caseless import lowered_finditer
from geo.dates import CALENDAR_NAMES

_AGE = r"\d{1,3}-(?:year|month|week|day)-old"  # "a 23-year-old", "a 15-month-old"
# "A man was shot", "a 23-year-old woman was killed", "a 15-month-old is injured": one person, said without a number.
ADJECTIVES = (r"(?:(?:\d+|[a-z]+(?:-[a-z]+)*)[-\s](?:year|month|week|day)s?[-\s]old\s+|"
              r"young\s+|teenage\s+|unidentified\s+|local\s+|elderly\s+|"
               r"pregnant\s+|off-duty\s+|adopted\s+|little\s+|baby\s+|older\s+|younger\s+|infant\s+|teen\s+|ex-|"
               r"former\s+|estranged\s+|adult\s+|\w+\s+county\s+|(?-i:[A-Z][a-z]+\s+))*")  # "a Gentilly woman"
PERSON = (r"(?:man|woman|boy|girl|teen|teenager|person|child|toddler|infant|baby|student|officer|deputy|trooper|victim|"
           r"resident|driver|passenger|father|mother|son|daughter|customer|clerk|employee|worker|bystander|"
           r"security\s+guard|guard|suspect|gunman|juvenile|male|female|motorist|wife|husband|girlfriend|boyfriend|"
           r"fianc[ée]e?|partner|grand(?:mother|father|son|daughter)|brother|sister|cousin|uncle|aunt|nephew|niece|"
           r"friend|neighbou?r|step(?:father|mother|son|daughter)|roommate|mom|dad|burglar|intruder|robber|"
           r"homeowner|carjacker|cop|patron|bartender|bouncer|pedestrian|hunter|firefighter|soldier|inmate|player|"
           r"chief|leader|official|priest|pastor|imam|journalist|reporter|activist|farmer|villager|protester|"
           r"demonstrator|civilian|teacher|nurse|doctor|lawyer|judge|politician|councill?or|mayor|candidate)")
SINGLE = re.compile(r"\banother(?=\s+(?:is|was|has|had|remains|remained)\b)|"
                    r"(?:(?<=wounding\s)|(?<=injuring\s)|(?<=killing\s)|(?<=shooting\s))another\b|"  # "and wounding another"
                    rf"\b(?:a|an)\s+{_AGE}(?=\s+(?:was|is|were|had|has|suffering|with|who|died|hurt|wounded|"
                    r"injured|shot)\b)|"
                    rf"\b(?:a|an|one|another|his|her|their|both\s+the)\s+{ADJECTIVES}{PERSON}\b"
                    # "a mother and son", "a mother, father, and toddler": the others of a list need no article
                    # ("both the man and the boy": two)
                    rf"(?P<others>(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:his\s+|her\s+|their\s+|a\s+|an\s+|the\s+)?"
                    rf"{ADJECTIVES}{PERSON}\b)*)", re.I)
# "a woman and two children", "the man and two children found dead": one more than the count
ONE_AND = re.compile(rf"\b(?:(?:a|an|one|the)\s+{ADJECTIVES}{PERSON}|(?:a|an)\s+{_AGE})\s+and\s+$", re.I)
ONE_PERSON = re.compile(rf"\b{PERSON}\b", re.I)

# Said without a number, a death or a wound counts one ("a fatal shooting", "was shot"); "no one was hurt" none.
FATAL = re.compile(r"\b(?:fatal(?:ly)?\s+(?:shooting|stabbing|shot|wounded|injured|attack|assault|crash)|"
                   # "sustained a fatal, self-inflicted wound", "suffered a fatal gunshot wound"
                   r"fatal,?\s+(?:[\w-]+\s+){0,2}?(?:wounds?|injur(?:y|ies))|"
                   r"(?:shooting|gunshot)\s+deaths?|shot\s+(?:and\s+killed|to\s+death|dead)|(?:was|been)\s+(?:killed|murdered|slain)|"
                   r"killing\s+of|murder\s+of|pronounced\s+dead|died|succumbed|claimed\s+(?:the\s+|his\s+|her\s+)?life|"
                   # "found deceased", "the death of an 8-year-old boy", "mourning the loss of their son"
                   r"(?:was|were|found|is|are)\s+deceased|deceased\s+(?:from|of|due\s+to)\s|"
                   r"deaths?\s+of\s+(?:a|an|the|his|her|their)\s|"
                   r"mourn(?:s|ed|ing)?\s+the\s+loss\s+of|"
                   # "investigating a homicide", "a death investigation", "charged with murder" (not an attempt's)
                   r"(?<!attempted\s)(?:a|the)\s+homicide(?!\s+(?:unit|detectives?|division|squad|bureau|section|task))|"
                   r"death\s+investigation|charged\s+with\s+(?:(?:first|second|third)[-\s]degree\s+|capital\s+)?murder|"
                   # "a deadly shooting", "claims one man's life", "killed herself", "killing James" (not "killed Monday")
                   r"deadly\s+(?:shooting|stabbing|attack)|claim(?:s|ed|ing)\s+(?:[\w’']+\s+){0,2}?li(?:fe|ves)|"
                   r"(?<!before\s)(?<!then\s)(?<!after\s)kill(?:ed|s)\s+(?:him|her)self|"
                   rf"(?-i:kill(?:ed|ing)\s+(?!(?:{CALENDAR_NAMES})\b)[A-Z][a-z]+)|"
                   rf"(?:killed|killing|murdered|fatally\s+shot)\s+(?:an?\s+)?{_AGE}|"
                   r"killing\s+(?:him|her)(?!self)|"
                   # "the shooting that left the toddler dead"
                   rf"left\s+(?:a|an|one|the|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?{PERSON}\s+dead\b|"
                   # "gunmen killed a village chief", "shot dead a Palestinian man"
                   rf"(?:killed|killing|murdered|shot\s+dead)\s+(?:a|an|one|the|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?{PERSON}\b|"
                   # "the boy killed in an accidental shooting": a person killed, said without "was"
                   rf"{PERSON}\s+killed(?=\s+(?:in|on|at|by|during|when|while|after|early|late|last|"
                   r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b))\b",
                   re.I)
HIT = re.compile(r"\b(?:(?:was|been|got)\s+(?:shot|stabbed|wounded|injured|hurt|grazed|"
                 r"(?:struck|hit)\s+by\s+(?:gunfire|a\s+(?:stray\s+)?bullet))|gunshot\s+wounds?|"
                 rf"shot\s+(?:himself|herself|themselves)|shot\s+(?:a\s+)?{_AGE}|"
                 # a headline's present: "Teen accidentally shoots mom", "Boy shoots self in foot"
                 rf"shoots\s+(?:himself|herself|themselves|self|(?:his|her|their|a|an)\s+{ADJECTIVES}{PERSON}|"
                 rf"{PERSON})|"
                 # a headline's "Teenager shot", "Kansas City motorist shot while ...", not "a man shot his wife"
                 r"(?:man|woman|boy|girl|teen|teenager|child|toddler|motorist|officer|deputy|student|person|player)\s+"
                 r"(?:shot|wounded|stabbed)(?!\s+(?:his|her|their|a|an|the|and|two|three|\d))|"
                 r"(?:suffered|sustained)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:wounds?|injur(?:y|ies))|"
                 rf"the\s+(?:injured|wounded)\s+{ADJECTIVES}{PERSON}|"  # "the injured child was brought"
                 # the one hit as an object: "the shooting of a 3-year-old", "hitting the child", "a victim of a shooting"
                 rf"(?:shooting|wounding)\s+of\s+(?:a|an|his|her|their)\s+{ADJECTIVES}(?:{_AGE}|{PERSON})|"
                 rf"(?:hitting|striking)\s+(?:the|a|an|his|her|their)\s+{ADJECTIVES}{PERSON}|"
                 r"victim\s+of\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?shooting)\b", re.I)
# "suffered a non-life-threatening gunshot wound", "minor injuries", "is expected to survive", "the
# injured man": a wound someone lived through.
SURVIVED = re.compile(r"\b(?:(?:non-?\s*life[-\s]threatening|minor|non-?fatal|superficial|not\s+life[-\s]threatening)\s+"
                      r"(?:\w+\s+)?(?:wounds?|injur(?:y|ies))|did\s+not\s+appear\s+(?:to\s+be\s+)?life[-\s]threatening|"
                      r"(?:is|was|are|were)\s+expected\s+to\s+(?:survive|recover)|attempted\s+murder\s+of\s+(?:a|an|his|her)\s|"
                      rf"the\s+(?:injured|wounded)\s+{ADJECTIVES}{PERSON})\b", re.I)
# "shot and killed Sheymarr Noble and wounded Emerson Ware": someone named, wounded and alive.
WOUNDED_NAMED = re.compile(r"\b(?:wounded|wounding|injured|injuring)\s+(?-i:[A-Z][a-z]+\s+[A-Z])", re.I)
# "Police later confirmed that the boy had died", "He died Tuesday at the hospital": the death of
# someone the story already told was hit, in a sentence of its own.
LATER_DEATH = re.compile(rf"\b(?:(?:the|that|this)\s+{ADJECTIVES}{PERSON}|he|she)\s+(?:later\s+|has\s+|had\s+|since\s+)?"
                         r"(?:died|succumbed|passed\s+away)\b", re.I)
NONE_HURT = re.compile(r"\b(?:no|nobody|none|no\s+one|neither)\b[^.;]{0,30}$", re.I)
# "many more have been killed", "dozens were hurt": a figure the story does not know.
_VAGUE_WORDS = r"many|several|dozens|scores|numerous|countless|hundreds|thousands|some|more|others|multiple"
VAGUE = re.compile(rf"\b(?:{_VAGUE_WORDS}|unknown\s+number\s+of)\b[^.;,]{{0,25}}$", re.I)
_VAGUE_WORD = re.compile(rf"\b(?:{_VAGUE_WORDS}|unknown)\b", re.I)
_DIED, _HURT = re.compile(r"\b(?:killed|dead|died)\b", re.I), re.compile(r"\b(?:injured|wounded|hurt)\b", re.I)


def _before(sentence: str, m: re.Match) -> str:
    """The words just before a match, where "no one" or "many" would stand."""
    return sentence[max(0, m.start() - 40):m.start()]


# "could have resulted in a homicide", "might have been killed": what did not happen.
_HYPOTHETICAL = re.compile(r"\b(?:could|would|might)(?:\s+(?:have|not|easily))?\s+(?:[\w-]+\s+){0,3}$", re.I)


def implied(sentence: str, rx: re.Pattern) -> bool:
    """True when ``sentence`` says it happened to someone, without a number (nor a vague one, nor
    as what could have happened)."""
    return any(not NONE_HURT.search(before := _before(sentence, m)) and not VAGUE.search(before)
               and not _HYPOTHETICAL.search(before) for m in lowered_finditer(rx, sentence))


def vague(sentence: str) -> frozenset[str]:
    """The figures a sentence gives as "many", "several", "dozens": unknown, not none.

    >>> sorted(vague("Many more have been killed and dozens were hurt."))
    ['fatalities', 'injuries']
    """
    if next(lowered_finditer(_VAGUE_WORD, sentence), None) is None:
        return frozenset()  # most sentences hold none of the words: one scan instead of four
    found = set()
    for rx, kind in ((FATAL, "fatalities"), (HIT, "injuries"), (_DIED, "fatalities"), (_HURT, "injuries")):
        if any(VAGUE.search(_before(sentence, m)) for m in lowered_finditer(rx, sentence)):
            found.add(kind)
    return frozenset(found)


