"""HS 11360, sale, transport, gift and import, as Prop 64 amended it
(law.md section 3: BD60, WIL, JT, AIZ)."""

from petition.rules.ages import age_band
from petition.rules.amounts import (
    is_concentrated,
    lawful_possession_citation,
    within_personal_limit,
)
from petition.rules.disqualifiers import SALE_TRIGGERS, TRIGGER_FACTS, first_trigger
from petition.rules.findings import N_, Finding, finding, reason
from petition.rules.inquiry import Inquiry
from petition.rules.vocabulary import AgeBand, Level

GIFT_TO_ADULT = N_(
    "Giving away or carrying no more than 28.5 grams (8 grams concentrated), not for sale, "
    "for adults 21 and over."
)
SALE_OR_LARGER = N_(
    "Selling or furnishing cannabis, carrying it for sale, giving it to someone under 18, or "
    "handling more than 28.5 grams (8 grams concentrated) is still a crime for an adult."
)
STILL_A_FELONY = N_("%(fact)s, so this stays a felony (%(trigger)s).")
MINOR = N_("For someone under 18 at the time, it is now an infraction.")


def gift_to_adults(ask: Inquiry) -> bool:
    """The conduct 11362.1 now allows a 21+ adult: not for sale, within the personal limit,
    to an adult (law.md E6: a gift is taken to have gone to someone 21 or over), and not
    brought across the state line (the `interstate` fact is itself "more than 28.5 g")."""
    return (not ask.fact("for_sale") and within_personal_limit(ask)
            and not ask.fact("sold_to_minor") and not ask.fact("interstate"))


def sale_today(ask: Inquiry) -> Finding:
    age = age_band(ask)
    if age is AgeBand.UNDER_18:
        citation = "HS 11360(a)(1)"
        if not ask.fact("for_sale") and not is_concentrated(ask) and within_personal_limit(ask):
            citation = "HS 11360(b)"
        return finding(Level.INFRACTION, citation, reason(MINOR))
    gift = gift_to_adults(ask)
    if gift and age is AgeBand.AGE_21_PLUS:
        return finding(Level.LAWFUL, lawful_possession_citation(ask), reason(GIFT_TO_ADULT))
    if gift and not is_concentrated(ask):
        return finding(Level.INFRACTION, "HS 11360(b)", reason(GIFT_TO_ADULT))
    # Everything else an adult does is HS 11360(a) conduct today (an 18-20 year old's gift
    # of concentrate too), and (a)(3)'s triggers keep any of it a felony.
    trigger = first_trigger(ask, SALE_TRIGGERS)
    if trigger:
        return finding(Level.FELONY, trigger, reason(
            STILL_A_FELONY, trigger=trigger, fact=TRIGGER_FACTS[trigger]))
    return finding(Level.MISDEMEANOR, "HS 11360(a)(2)", reason(GIFT_TO_ADULT if gift
                                                              else SALE_OR_LARGER))
