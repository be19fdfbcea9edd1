"""HS 11357, possession, as Prop 64 amended it (law.md section 3: LAC, WIL, TWI)."""

from petition.rules.ages import age_band
from petition.rules.amounts import lawful_possession_citation, within_personal_limit
from petition.rules.findings import N_, Finding, finding, reason
from petition.rules.inquiry import Inquiry
from petition.rules.vocabulary import AgeBand, Level

UNDER_18, AGE_18_TO_20, AGE_21_PLUS = AgeBand.UNDER_18, AgeBand.AGE_18_TO_20, AgeBand.AGE_21_PLUS
LAWFUL, INFRACTION, MISDEMEANOR = Level.LAWFUL, Level.INFRACTION, Level.MISDEMEANOR

# HS 11357 as amended by Prop 64: (amount band, age band) -> (class today, citation).
# "personal" is at most 28.5 g and at most 8 g concentrated; "school" is at most that on
# K-12 grounds while the school was open.
POSSESSION = {
    ("personal", UNDER_18): (INFRACTION, "HS 11357(a)(1)"),
    ("personal", AGE_18_TO_20): (INFRACTION, "HS 11357(a)(2)"),
    ("personal", AGE_21_PLUS): (LAWFUL, "HS 11362.1(a)(1)"),
    ("over", UNDER_18): (INFRACTION, "HS 11357(b)(1)"),
    ("over", AGE_18_TO_20): (MISDEMEANOR, "HS 11357(b)(2)"),
    ("over", AGE_21_PLUS): (MISDEMEANOR, "HS 11357(b)(2)"),
    ("school", UNDER_18): (INFRACTION, "HS 11357(d)"),
    ("school", AGE_18_TO_20): (MISDEMEANOR, "HS 11357(c)"),
    ("school", AGE_21_PLUS): (MISDEMEANOR, "HS 11357(c)"),
}

BAND_REASONS = {
    "personal": N_("Possessing no more than 28.5 grams of cannabis (8 grams if concentrated)."),
    "over": N_("Possessing more than 28.5 grams of cannabis (or more than 8 grams concentrated)."),
    "school": N_("Possessing a small amount on the grounds of a K-12 school while it was open."),
}
HARVEST_ALLOWANCE = N_(
    "An adult 21 or over may also keep what their own six plants produce, even above 28.5 "
    "grams (HS 11362.1(a)(3)). We cannot assume that; if it applies to you, tell the court."
)


def possession_band(ask: Inquiry) -> str:
    if not within_personal_limit(ask):
        return "over"
    return "school" if ask.fact("school_grounds") else "personal"


def possession_today(ask: Inquiry) -> Finding:
    band, age = possession_band(ask), age_band(ask)
    today, citation = POSSESSION[(band, age)]
    if today is LAWFUL:
        citation = lawful_possession_citation(ask)
    reasons = [reason(BAND_REASONS[band])]
    if band == "over" and age is AGE_21_PLUS:
        reasons.append(reason(HARVEST_ALLOWANCE))
    return finding(today, citation, *reasons)
