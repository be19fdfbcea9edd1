"""Amounts of cannabis: the personal-use limits of HS 11362.1(a)(1)-(2)."""

from petition.rules.circumstances import (
    AMOUNT_REPRESENTATIVES,
    PERSONAL_CONCENTRATED_GRAMS,
    PERSONAL_GRAMS,
)
from petition.rules.inquiry import Inquiry


def is_concentrated(ask: Inquiry) -> bool:
    return ask.fact("concentrated")


def within_personal_limit(ask: Inquiry) -> bool:
    """Not more than 28.5 g of cannabis, or not more than 8 g of concentrated cannabis."""
    grams = ask.fact("amount_grams", AMOUNT_REPRESENTATIVES)
    limit = PERSONAL_CONCENTRATED_GRAMS if is_concentrated(ask) else PERSONAL_GRAMS
    return grams <= limit


def lawful_possession_citation(ask: Inquiry) -> str:
    return "HS 11362.1(a)(2)" if is_concentrated(ask) else "HS 11362.1(a)(1)"
