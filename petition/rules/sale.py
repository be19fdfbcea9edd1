"""HS 11360, sale, transport, gift and import, as Prop 64 amended it
(law.md section 3: BD60, WIL, JT, AIZ)."""

from petition.rules.ages import age_band
from petition.rules.amounts import is_concentrated, within_personal_limit
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


UNDER_18, AGE_18_TO_20, AGE_21_PLUS = AgeBand.UNDER_18, AgeBand.AGE_18_TO_20, AgeBand.AGE_21_PLUS
LAWFUL, INFRACTION, MISDEMEANOR = Level.LAWFUL, Level.INFRACTION, Level.MISDEMEANOR

# HS 11360 as amended by Prop 64: (conduct band, age band) -> (class today, citation, reason).
# "gift" is not for sale, at most 28.5 g, to or for adults 21 and over, not across the state
# line; "gift_of_concentrate" the same with at most 8 g of concentrated cannabis; "sale_or_more"
# is selling or furnishing, any transfer to someone under 18, or more than those amounts. The
# (a)(3) triggers keep an adult's (a)(2) conduct a felony (disqualifiers.SALE_TRIGGERS).
SALE = {
    ("gift", UNDER_18): (INFRACTION, "HS 11360(b)", MINOR),
    ("gift_of_concentrate", UNDER_18): (INFRACTION, "HS 11360(a)(1)", MINOR),
    ("sale_or_more", UNDER_18): (INFRACTION, "HS 11360(a)(1)", MINOR),
    ("gift", AGE_18_TO_20): (INFRACTION, "HS 11360(b)", GIFT_TO_ADULT),
    ("gift_of_concentrate", AGE_18_TO_20): (MISDEMEANOR, "HS 11360(a)(2)", GIFT_TO_ADULT),
    ("sale_or_more", AGE_18_TO_20): (MISDEMEANOR, "HS 11360(a)(2)", SALE_OR_LARGER),
    ("gift", AGE_21_PLUS): (LAWFUL, "HS 11362.1(a)(1)", GIFT_TO_ADULT),
    ("gift_of_concentrate", AGE_21_PLUS): (LAWFUL, "HS 11362.1(a)(2)", GIFT_TO_ADULT),
    ("sale_or_more", AGE_21_PLUS): (MISDEMEANOR, "HS 11360(a)(2)", SALE_OR_LARGER),
}


def gift_to_adults(ask: Inquiry) -> bool:
    """The conduct 11362.1 now allows a 21+ adult: not for sale, within the personal limit,
    to an adult (law.md E6: a gift is taken to have gone to someone 21 or over), and not
    brought across the state line (the `interstate` fact is itself "more than 28.5 g")."""
    return (not ask.fact("for_sale") and within_personal_limit(ask)
            and not ask.fact("sold_to_minor") and not ask.fact("interstate"))


def conduct_band(ask: Inquiry, age: AgeBand) -> str:
    if age is UNDER_18:
        # For a minor every band is an infraction; the band only picks the citation.
        gift = not ask.fact("for_sale") and not is_concentrated(ask) and within_personal_limit(ask)
        return "gift" if gift else "sale_or_more"
    if not gift_to_adults(ask):
        return "sale_or_more"
    return "gift_of_concentrate" if is_concentrated(ask) else "gift"


def sale_today(ask: Inquiry) -> Finding:
    age = age_band(ask)
    band = conduct_band(ask, age)
    today, citation, why = SALE[(band, age)]
    if today is MISDEMEANOR:
        trigger = first_trigger(ask, SALE_TRIGGERS)
        if trigger:
            return finding(Level.FELONY, trigger, reason(
                STILL_A_FELONY, trigger=trigger, fact=TRIGGER_FACTS[trigger]))
    return finding(today, citation, reason(why))
