"""HS 11359, possession for sale, as Prop 64 amended it (law.md section 3: SH59, JESS).
Never lawful now: HS 11362.1 protects gifts, not sales."""

from petition.rules.ages import age_band
from petition.rules.disqualifiers import POSSESSION_FOR_SALE_TRIGGERS, TRIGGER_FACTS, first_trigger
from petition.rules.findings import N_, Finding, finding, reason
from petition.rules.inquiry import Inquiry
from petition.rules.vocabulary import AgeBand, Level

SALES_NEVER_LAWFUL = N_(
    "Having cannabis to sell is never legal without a license, so at best it is reduced."
)
STILL_A_FELONY = N_("%(fact)s, so possession for sale stays a felony (%(trigger)s).")
MINOR = N_("For someone under 18 at the time, it is now an infraction.")


def possession_for_sale_today(ask: Inquiry) -> Finding:
    if age_band(ask) is AgeBand.UNDER_18:
        return finding(Level.INFRACTION, "HS 11359(a)", reason(MINOR))
    trigger = first_trigger(ask, POSSESSION_FOR_SALE_TRIGGERS)
    if trigger:
        return finding(Level.FELONY, trigger, reason(
            STILL_A_FELONY, trigger=trigger, fact=TRIGGER_FACTS[trigger]))
    # A gang enhancement (PC 186.22) does not block relief (People v. Jessup, 2020).
    return finding(Level.MISDEMEANOR, "HS 11359(b)", reason(SALES_NEVER_LAWFUL))
