"""law.md E4: the level of the old conviction, when nobody says it.

The law of the time settles most sections, and the answer is then established. Only where
the old law left it open (a wobbler such as old 11357(a), or a bare section number) are
several levels possible; the presumption then takes the higher, which gives more relief.
"""

from petition.rules.amounts import is_concentrated, within_personal_limit
from petition.rules.inquiry import Inquiry
from petition.rules.vocabulary import Level

FELONY, MISDEMEANOR, INFRACTION = Level.FELONY, Level.MISDEMEANOR, Level.INFRACTION


def possession_of_small_amount(ask: Inquiry) -> tuple[Level, ...]:
    """Old 11357(b): an infraction from 1 January 2011 (SB 1449), a misdemeanor before."""
    era = ask.known.infraction_era
    if era is None:
        return (MISDEMEANOR, INFRACTION)
    return (INFRACTION,) if era else (MISDEMEANOR,)


def possible_possession_levels(ask: Inquiry) -> tuple[Level, ...]:
    letter = ask.known.letter
    if letter == "a" or (letter is None and is_concentrated(ask)):
        return (FELONY, MISDEMEANOR)  # old 11357(a), concentrated cannabis: a wobbler
    if letter == "b":
        return possession_of_small_amount(ask)
    if letter in ("c", "d", "e"):
        return (MISDEMEANOR,)
    if not within_personal_limit(ask) or ask.fact("school_grounds"):
        return (MISDEMEANOR,)  # old 11357(c), (d), (e)
    return possession_of_small_amount(ask)


def possible_sale_levels(ask: Inquiry) -> tuple[Level, ...]:
    letter = ask.known.letter
    if letter == "b":
        return (MISDEMEANOR,)
    if letter is not None:
        return (FELONY,)
    # Old 11360(b), a misdemeanor, covered only giving away or transporting 28.5 g or less
    # of cannabis other than concentrated; everything else was old 11360(a), a felony.
    if ask.fact("for_sale") or is_concentrated(ask) or not within_personal_limit(ask):
        return (FELONY,)
    return (FELONY, MISDEMEANOR)


POSSIBLE_LEVELS = {
    "11357": possible_possession_levels,
    "11358": lambda ask: (FELONY,),
    "11359": lambda ask: (FELONY,),
    "11360": possible_sale_levels,
}


def old_level(ask: Inquiry) -> Level:
    if ask.known.level is not None:
        return ask.known.level
    return ask.choose("level", POSSIBLE_LEVELS[ask.known.section](ask))
