"""What a petition packet is made of: the filer, and one court case with its convictions.

The documents render what the engine decided (``Result``); they never decide anything.
"""

from __future__ import annotations

import re
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
    record_name: str = ""  # the name as on the court record, where it differs

    @property
    def full_name(self) -> str:
        """The name in the person's own order: Chinese, Japanese and Korean names family
        name first with no space (王小明), others given name first."""
        if self.first_name and self.last_name and all(
                CJK.fullmatch(part) for part in (self.first_name, self.last_name)):
            return self.last_name + self.first_name
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def case_name(self) -> str:
        """The name for the caption: as on the court record where that differs."""
        return self.record_name or self.full_name

    @property
    def birth_date(self) -> str:
        """MM/DD/YYYY, as on every California court form; a date typed another way stays
        as typed rather than guessed at."""
        found = ISO_DATE.fullmatch(self.date_of_birth.strip())
        return f"{found[2]}/{found[3]}/{found[1]}" if found else self.date_of_birth.strip()


# Han, kana, Hangul (with their punctuation and the middle dot some names use).
CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff·]+")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


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
