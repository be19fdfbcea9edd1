"""What a petition packet is made of: the filer, and one court case with its convictions.

The documents render what the engine decided (``Result``); they never decide anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from petition.counties import County
from petition.facts import ConvictionFacts
from petition.rules.engine import Result


@dataclass(frozen=True)
class Filer:
    """The self-represented person filing. Every field may be empty: blank on the papers."""

    first_name: str = ""
    last_name: str = ""
    date_of_birth: str = ""  # as typed, YYYY-MM-DD when it came from a form
    street: str = ""
    city: str = ""
    state: str = ""
    zip: str = ""
    phone: str = ""
    email: str = ""

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


@dataclass(frozen=True)
class Conviction:
    facts: ConvictionFacts
    result: Result


@dataclass(frozen=True)
class PacketCase:
    """One court case (one case number): one packet, one filing (law.md section 1)."""

    filer: Filer
    county: County | None
    case_number: str
    convictions: tuple[Conviction, ...]
    evaluation_date: date
    language: str = "en"  # a code from petition.languages, for the instructions page
    # CR-400 items 3 and 4: None means the person has not chosen (boxes left blank).
    waive_original_judge: bool | None = None
    waive_appearance: bool | None = None
