"""Age at the offense, as the tables of law.md section 3 use it."""

from petition.rules.inquiry import Inquiry
from petition.rules.vocabulary import AgeBand

ADULT_BANDS = (AgeBand.AGE_21_PLUS, AgeBand.AGE_18_TO_20)


def age_band(ask: Inquiry) -> AgeBand:
    """law.md E7: an unknown age is taken as 21 or over, not as the most favourable band: an
    adult-court conviction is presumed an adult's, never a minor's. Whether 18-20 would have
    changed the answer still decides the certainty."""
    return ask.fact("age_at_offense", ADULT_BANDS, preferred=AgeBand.AGE_21_PLUS)
