"""The dates the law turns on, each kept once, and dates known only in part (law.md E2).

A date may be known to the day, or only to the month or the year (``2012``, ``2012-06``).
A partial date counts as known wherever every day it covers gives the same answer.
"""

from __future__ import annotations

import calendar
from datetime import date

# Prop 64 took effect on 9 November 2016: conduct on or after it was judged under the new
# law (law.md section 1: SELF, OCPD, ESC, LX).
PROP_64_EFFECTIVE = date(2016, 11, 9)
# HS 11357(b) possession of 28.5 g or less became an infraction on 1 January 2011 (SB 1449).
INFRACTION_ERA_STARTS = date(2011, 1, 1)


class PartialDate(date):
    """A year, or a year and month, standing for every day it covers. As a ``date`` it is
    the first of those days, so code that only needs "no earlier than" can use it as is."""

    __slots__ = ("precision",)

    def __new__(cls, year: int, month: int | None = None) -> PartialDate:
        self = super().__new__(cls, year, month or 1, 1)
        self.precision = "month" if month else "year"
        return self

    def __reduce__(self):
        return PartialDate, (self.year, self.month if self.precision == "month" else None)

    @property
    def latest(self) -> date:
        if self.precision == "year":
            return date(self.year, 12, 31)
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def isoformat(self) -> str:
        if self.precision == "year":
            return f"{self.year:04d}"
        return f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PartialDate):
            return (self.isoformat() == other.isoformat())
        return False if isinstance(other, date) else NotImplemented

    def __hash__(self) -> int:
        return hash(("partial", self.isoformat()))


def earliest(when: date) -> date:
    return date(when.year, when.month, when.day)


def latest(when: date) -> date:
    return when.latest if isinstance(when, PartialDate) else when


def surely_before(when: date | None, day: date) -> bool | None:
    """True when every day ``when`` covers is before ``day``, False when none is, None when
    it is unknown or straddles ``day``."""
    if when is None:
        return None
    if latest(when) < day:
        return True
    if earliest(when) >= day:
        return False
    return None
