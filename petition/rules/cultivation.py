"""HS 11358, cultivation, as Prop 64 amended it (law.md section 3: CL58, TWI, SB753)."""

from petition.rules.ages import age_band
from petition.rules.circumstances import PERSONAL_PLANTS, PLANT_REPRESENTATIVES
from petition.rules.disqualifiers import CULTIVATION_TRIGGERS, TRIGGER_FACTS, first_trigger
from petition.rules.findings import N_, Finding, finding, reason
from petition.rules.inquiry import Inquiry
from petition.rules.vocabulary import AgeBand, Level

UNDER_18, AGE_18_TO_20, AGE_21_PLUS = AgeBand.UNDER_18, AgeBand.AGE_18_TO_20, AgeBand.AGE_21_PLUS
LAWFUL, INFRACTION, MISDEMEANOR = Level.LAWFUL, Level.INFRACTION, Level.MISDEMEANOR

# HS 11358 as amended by Prop 64: (plants band, age band) -> (class today, citations).
CULTIVATION = {
    ("six_or_fewer", UNDER_18): (INFRACTION, ("HS 11358(a)",)),
    ("more_than_six", UNDER_18): (INFRACTION, ("HS 11358(a)",)),
    ("six_or_fewer", AGE_18_TO_20): (INFRACTION, ("HS 11358(b)",)),
    ("more_than_six", AGE_18_TO_20): (MISDEMEANOR, ("HS 11358(c)",)),
    ("six_or_fewer", AGE_21_PLUS): (LAWFUL, ("HS 11362.1(a)(3)", "HS 11362.2")),
    ("more_than_six", AGE_21_PLUS): (MISDEMEANOR, ("HS 11358(c)",)),
}

BAND_REASONS = {
    "six_or_fewer": N_("Growing six living plants or fewer."),
    "more_than_six": N_("Growing more than six living plants."),
}
STILL_A_FELONY = N_(
    "%(fact)s, so growing more than six plants stays a felony for an adult (%(trigger)s)."
)


def cultivation_today(ask: Inquiry) -> Finding:
    band = "six_or_fewer" if ask.fact("plants", PLANT_REPRESENTATIVES) <= PERSONAL_PLANTS \
        else "more_than_six"
    age = age_band(ask)
    if band == "more_than_six" and age is not UNDER_18:
        trigger = first_trigger(ask, CULTIVATION_TRIGGERS)
        if trigger:
            return finding(Level.FELONY, trigger, reason(
            STILL_A_FELONY, trigger=trigger, fact=TRIGGER_FACTS[trigger]))
    today, citations = CULTIVATION[(band, age)]
    return finding(today, citations, reason(BAND_REASONS[band]))
