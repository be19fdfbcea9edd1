"""The words the engine, the CSV, the pages and the tests share.

See design.md, "Outcome vocabulary"."""

from enum import IntEnum, StrEnum


class Outcome(StrEnum):
    DISMISS_AND_SEAL = "dismiss_and_seal"
    REDUCE_TO_INFRACTION = "reduce_to_infraction"
    REDUCE_TO_MISDEMEANOR = "reduce_to_misdemeanor"
    NOT_ELIGIBLE = "not_eligible"
    NEEDS_REVIEW = "needs_review"

    @property
    def gives_relief(self) -> bool:
        return self in RELIEF

    @property
    def favour(self) -> int:
        """How good the outcome is for the person: the presumption picks the highest."""
        return FAVOUR[self]


RELIEF = frozenset(
    {Outcome.DISMISS_AND_SEAL, Outcome.REDUCE_TO_INFRACTION, Outcome.REDUCE_TO_MISDEMEANOR}
)
FAVOUR = {
    Outcome.NOT_ELIGIBLE: 0,
    Outcome.NEEDS_REVIEW: 1,
    Outcome.REDUCE_TO_MISDEMEANOR: 2,
    Outcome.REDUCE_TO_INFRACTION: 3,
    Outcome.DISMISS_AND_SEAL: 4,
}


class Certainty(StrEnum):
    ESTABLISHED = "established"
    PRESUMED = "presumed"


class Track(StrEnum):
    PETITION = "petition"
    APPLICATION = "application"
    UNKNOWN = "unknown"
    NONE = "none"


class Automatic(StrEnum):
    DA_PROGRAM = "da_program"
    STATEWIDE = "statewide"
    NONE = "none"


class Level(IntEnum):
    """The class of an offense, ordered so that a lower value is a lesser offense."""

    LAWFUL = 0
    INFRACTION = 1
    MISDEMEANOR = 2
    FELONY = 3

    @property
    def word(self) -> str:
        return self.name.lower()


class AgeBand(StrEnum):
    UNDER_18 = "under_18"
    AGE_18_TO_20 = "18_to_20"
    AGE_21_PLUS = "21_plus"

    @classmethod
    def of(cls, age: int) -> "AgeBand":
        if age < 18:
            return cls.UNDER_18
        return cls.AGE_18_TO_20 if age < 21 else cls.AGE_21_PLUS
