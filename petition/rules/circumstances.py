"""The facts of a conviction reduced to what the law distinguishes.

Two convictions with the same circumstances get the same decision, so the engine can
cache decisions: amounts become a representative of their band, plants and prior counts
likewise, dates become "before / after Prop 64", ages become age bands.
"""

from __future__ import annotations

from typing import NamedTuple

from petition.facts import ConvictionFacts
from petition.rules.dates import INFRACTION_ERA_STARTS, PROP_64_EFFECTIVE, surely_before
from petition.rules.subdivisions import OVER, WITHIN, carries
from petition.rules.thresholds import (
    PERSONAL_CONCENTRATED_GRAMS,
    PERSONAL_GRAMS,
    PERSONAL_PLANTS,
    PRIORS_THAT_KEEP_A_FELONY,
)
from petition.rules.unconfirmed import INTERSTATE_CONCENTRATED_GRAMS
from petition.rules.vocabulary import AgeBand, Level

# One representative amount per band, valid for cannabis and concentrated cannabis alike:
# 1 g is within both limits, 10 g only within the 28.5 g one, 100 g within neither.
AMOUNT_REPRESENTATIVES = (1.0, 10.0, 100.0)
PLANT_REPRESENTATIVES = (1, PERSONAL_PLANTS + 1)
PRIOR_REPRESENTATIVES = (0, PRIORS_THAT_KEEP_A_FELONY)


class Timing:
    BEFORE = "before"  # conduct before 9 November 2016: in scope
    AFTER = "after"
    CONVICTED_BEFORE = "convicted_before"  # offense date unknown, conviction before Prop 64
    CONVICTED_AFTER = "convicted_after"
    UNKNOWN = "unknown"


class Circumstances(NamedTuple):
    section: str | None  # "11357" ... "11360", "other", or None when unknown
    letter: str | None
    level: Level | None
    timing: str
    age_at_offense: AgeBand | None  # the age band
    infraction_era: bool | None = None
    amount_grams: float | None = None
    concentrated: bool | None = None
    school_grounds: bool | None = None
    plants: int | None = None
    for_sale: bool | None = None
    superstrike: bool | None = None
    pc290: bool | None = None
    prior_same_section: int | None = None
    sold_to_minor: bool | None = None
    hired_under_21: bool | None = None
    environmental_violation: bool | None = None
    interstate: bool | None = None


def amount_representative(grams: float | None) -> float | None:
    if grams is None:
        return None
    if grams <= PERSONAL_CONCENTRATED_GRAMS:
        return 1.0
    return 10.0 if grams <= PERSONAL_GRAMS else 100.0


def timing_of(facts: ConvictionFacts) -> str:
    """law.md E2. A date known in part decides only where every day it covers agrees (the
    year 2016 alone does not); otherwise it is as if unknown and the conviction date rules."""
    offense_before = surely_before(facts.offense_date, PROP_64_EFFECTIVE)
    if offense_before is not None:
        return Timing.BEFORE if offense_before else Timing.AFTER
    convicted_before = surely_before(facts.conviction_date, PROP_64_EFFECTIVE)
    if convicted_before is not None:
        return Timing.CONVICTED_BEFORE if convicted_before else Timing.CONVICTED_AFTER
    return Timing.UNKNOWN


def infraction_era(facts: ConvictionFacts) -> bool | None:
    """law.md E4: the offense date decides, or the conviction date when that is unknown."""
    offense_before = surely_before(facts.offense_date, INFRACTION_ERA_STARTS)
    if offense_before is None:
        offense_before = surely_before(facts.conviction_date, INFRACTION_ERA_STARTS)
    return None if offense_before is None else not offense_before


def age_band_of(facts: ConvictionFacts) -> AgeBand | None:
    if facts.age_at_offense is not None:
        return AgeBand.of(facts.age_at_offense)
    # A juvenile court adjudication is for conduct before 18 (law.md E8).
    return AgeBand.UNDER_18 if facts.juvenile else None


# The facts each section's rules can read (law.md section 3). Leaving out the others lets
# convictions that differ only in irrelevant facts share one cached decision.
CONDUCT_FACTS = {
    "11357": frozenset({"amount_grams", "concentrated", "school_grounds", "infraction_era"}),
    "11358": frozenset({"plants", "superstrike", "pc290", "prior_same_section",
                        "environmental_violation"}),
    "11359": frozenset({"superstrike", "pc290", "prior_same_section", "sold_to_minor",
                        "hired_under_21"}),
    "11360": frozenset({"amount_grams", "concentrated", "for_sale", "superstrike", "pc290",
                        "prior_same_section", "sold_to_minor", "interstate"}),
}
ALL_CONDUCT_FACTS = frozenset().union(*CONDUCT_FACTS.values())


# How each conduct fact is reduced to what the law distinguishes.
REDUCE = {
    "amount_grams": lambda facts: amount_representative(facts.amount_grams),
    "concentrated": lambda facts: facts.concentrated,
    "school_grounds": lambda facts: facts.school_grounds,
    "for_sale": lambda facts: facts.for_sale,
    "infraction_era": infraction_era,
    "plants": lambda facts: None if facts.plants is None else (
        PLANT_REPRESENTATIVES[0] if facts.plants <= PERSONAL_PLANTS else PLANT_REPRESENTATIVES[1]),
    "prior_same_section": lambda facts: None if facts.prior_same_section is None else (
        PRIOR_REPRESENTATIVES[facts.prior_same_section >= PRIORS_THAT_KEEP_A_FELONY]),
    "superstrike": lambda facts: facts.superstrike,
    "pc290": lambda facts: facts.pc290,
    "sold_to_minor": lambda facts: facts.sold_to_minor,
    "hired_under_21": lambda facts: facts.hired_under_21,
    "environmental_violation": lambda facts: facts.environmental_violation,
    "interstate": lambda facts: interstate(facts),
}


def interstate(facts: ConvictionFacts) -> bool | None:
    """law.md E3: `interstate` itself means more than 28.5 g (4 g concentrated), so a given
    amount below that settles it as no."""
    grams = facts.amount_grams
    if facts.interstate is not None or grams is None:
        return facts.interstate
    if grams <= INTERSTATE_CONCENTRATED_GRAMS or (
            grams <= PERSONAL_GRAMS and facts.concentrated is False):
        return False
    return None


def implied_letter(facts: ConvictionFacts) -> str | None:
    """Old HS 11360(a) was a straight felony, so a misdemeanor conviction under 11360 was old
    11360(b): giving away or transporting 28.5 g or less, not concentrated (law.md section 3,
    BD60, JT). So was one a record calls an infraction (old (b) was punishable by a $100 fine,
    its class UNCONFIRMED). Not inferred where a given fact says otherwise."""
    if (facts.section.number == "11360" and facts.level in (Level.MISDEMEANOR, Level.INFRACTION)
            and not facts.for_sale and not facts.concentrated and not facts.interstate
            and (facts.amount_grams is None or facts.amount_grams <= PERSONAL_GRAMS)):
        return "b"
    return None


def circumstances_of(facts: ConvictionFacts, infer_letter: bool = True) -> Circumstances:
    """``infer_letter`` lets the given facts settle the old subdivision (E3: a misdemeanor
    under bare 11360 was old 11360(b))."""
    section = facts.section
    if section is None or not section.is_covered:
        return Circumstances(section=None if section is None else "other", letter=None,
                             level=None, timing=Timing.UNKNOWN, age_at_offense=age_band_of(facts))
    number, letter = section.number, section.old_letter or (
        implied_letter(facts) if infer_letter else None)
    values = {name: REDUCE[name](facts) for name in CONDUCT_FACTS[number]}
    values.setdefault("amount_grams", None)
    age = age_band_of(facts)
    said = carries(number, letter)
    if said is not None:
        values.update(carried_facts(said, values))
        if age is None and said.under_18:
            age = AgeBand.UNDER_18
    return Circumstances(section=number, letter=letter, level=facts.level,
                         timing=timing_of(facts), age_at_offense=age, **values)


# law.md E3's amount bands as amounts the rules compare: 28.5 g or less of cannabis other
# than concentrated, or more than 28.5 g.
BAND_REPRESENTATIVES = {WITHIN: AMOUNT_REPRESENTATIVES[0], OVER: AMOUNT_REPRESENTATIVES[-1]}


def carried_facts(said, given: dict) -> dict:
    """Fill the facts an old subdivision carries (subdivisions.OLD_SUBDIVISIONS) where they
    are unknown. facts.py has already rejected any given fact that contradicts them."""
    carried = {"concentrated": said.concentrated, "school_grounds": said.school_grounds,
               "for_sale": said.for_sale, "interstate": said.interstate,
               "amount_grams": BAND_REPRESENTATIVES.get(said.amount)}
    return {fact: value for fact, value in carried.items()
            if value is not None and given.get(fact) is None}
