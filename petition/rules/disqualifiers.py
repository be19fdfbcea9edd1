"""The triggers that keep some cannabis conduct a felony today (law.md section 3, E6).

Each trigger is a small function that reads only the facts it needs. They apply only to an
offender 18 or older, and only where the conduct is not lawful today; the section rules
decide that before they look here.
"""

from collections.abc import Callable

from petition.rules.ages import age_band
from petition.rules.circumstances import PRIOR_REPRESENTATIVES
from petition.rules.findings import N_
from petition.rules.inquiry import Inquiry
from petition.rules.vocabulary import AgeBand

Trigger = tuple[str, Callable[[Inquiry], bool]]


def prior_serious_conviction(ask: Inquiry) -> bool:
    """HS 11358(d)(1), 11359(c)(1), 11360(a)(3)(A): a super strike (PC 667(e)(2)(C)(iv)) or a
    conviction requiring PC 290(c) registration, *before* the offense (People v. Smit)."""
    return ask.fact("superstrike") or ask.fact("pc290")


def two_prior_convictions(ask: Inquiry) -> bool:
    """HS 11358(d)(2), 11359(c)(2), 11360(a)(3)(B): two or more earlier convictions under the
    same section (law.md E6 counts every subdivision and era: UNCONFIRMED)."""
    return ask.fact("prior_same_section", PRIOR_REPRESENTATIVES) >= 2


def environmental_violation(ask: Inquiry) -> bool:
    """HS 11358(d)(3): the cultivation broke a listed water, fish and game or dumping law."""
    return ask.fact("environmental_violation")


def sold_to_minor(ask: Inquiry) -> bool:
    """HS 11359(c)(3), 11360(a)(3)(C): sold, furnished or gave cannabis to someone under 18."""
    return ask.fact("sold_to_minor")


def hired_minor_as_adult(ask: Inquiry) -> bool:
    """HS 11359(d): an offender 21 or over who hired, employed or used someone 20 or younger."""
    return age_band(ask) is AgeBand.AGE_21_PLUS and ask.fact("hired_under_21")


def interstate_trafficking(ask: Inquiry) -> bool:
    """HS 11360(a)(3)(D): imported into California, or took out of it for sale, more than
    28.5 g (4 g concentrated)."""
    return ask.fact("interstate")


CULTIVATION_TRIGGERS: tuple[Trigger, ...] = (
    ("HS 11358(d)(1)", prior_serious_conviction),
    ("HS 11358(d)(2)", two_prior_convictions),
    ("HS 11358(d)(3)", environmental_violation),
)
POSSESSION_FOR_SALE_TRIGGERS: tuple[Trigger, ...] = (
    ("HS 11359(c)(1)", prior_serious_conviction),
    ("HS 11359(c)(2)", two_prior_convictions),
    ("HS 11359(c)(3)", sold_to_minor),
    ("HS 11359(d)", hired_minor_as_adult),
)
SALE_TRIGGERS: tuple[Trigger, ...] = (
    ("HS 11360(a)(3)(A)", prior_serious_conviction),
    ("HS 11360(a)(3)(B)", two_prior_convictions),
    ("HS 11360(a)(3)(C)", sold_to_minor),
    ("HS 11360(a)(3)(D)", interstate_trafficking),
)


# What each trigger means in the person's own terms, for the reason that cites it.
PRIOR_SERIOUS = N_("Before this offense you had a conviction for a very serious crime (a "
                   "\"super strike\") or one that requires sex offender registration")
TWO_PRIORS = N_("Before this offense you had 2 or more convictions for the same offense")
TRIGGER_FACTS = {
    "HS 11358(d)(1)": PRIOR_SERIOUS,
    "HS 11359(c)(1)": PRIOR_SERIOUS,
    "HS 11360(a)(3)(A)": PRIOR_SERIOUS,
    "HS 11358(d)(2)": TWO_PRIORS,
    "HS 11359(c)(2)": TWO_PRIORS,
    "HS 11360(a)(3)(B)": TWO_PRIORS,
    "HS 11358(d)(3)": N_("The growing broke a water, fish and game, or dumping law"),
    "HS 11359(c)(3)": N_("You sold or gave cannabis to someone under 18"),
    "HS 11360(a)(3)(C)": N_("You sold or gave cannabis to someone under 18"),
    "HS 11359(d)": N_("You were 21 or older and hired or used someone under 21"),
    "HS 11360(a)(3)(D)": N_("You brought more than 28.5 grams of cannabis into California, or "
                            "took it out of California to sell"),
}


def first_trigger(ask: Inquiry, triggers: tuple[Trigger, ...]) -> str | None:
    for citation, applies in triggers:
        if applies(ask):
            return citation
    return None
