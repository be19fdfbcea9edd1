"""What a RAP sheet holds, as read: the person, cycles, events, counts and their updates.

Field names follow format.md (in ../shared/reference/rapsheet). Every element keeps the
line number it came from, so a person can check it against the paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

NOT_ALNUM = re.compile(r"[^A-Z0-9]")

# Event kinds, from the identifier that opens the event (format.md section 4.2).
ARREST = "arrest"
SUPPLEMENTAL_ARREST = "supplemental_arrest"
COURT = "court"
CUSTODY = "custody"
PROBATION = "probation"
REGISTRATION = "registration"
APPLICANT = "applicant"
MENTAL_HEALTH = "mental_health"
DECEASED = "deceased"
INTERSTATE_PAROLEE = "interstate_parolee"
UNLABELLED = "unlabelled"  # a date line with no identifier (later events of a registration cycle)


@dataclass(slots=True)
class Duration:
    """A sentence part: `amount` and `unit` are None when the kind is printed with no length."""

    amount: int | None = None
    unit: str | None = None  # "days", "months" or "years"

    def as_dict(self) -> dict:
        return {"amount": self.amount, "unit": self.unit}

    def days(self) -> int | None:
        if self.amount is None:
            return None
        return self.amount * {"days": 1, "months": 31, "years": 366}[self.unit]


@dataclass(slots=True)
class Sentence:
    text: str
    source: str = "count"  # "count", or "case" when taken from another count of the event
    probation: Duration | None = None
    jail: Duration | None = None
    prison: Duration | None = None
    other: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "source": self.source,
            "probation": self.probation.as_dict() if self.probation else None,
            "jail": self.jail.as_dict() if self.jail else None,
            "prison": self.prison.as_dict() if self.prison else None,
            "other": list(self.other),
        }


@dataclass(slots=True)
class Disposition:
    """A DISPO line with what follows it (CONV STATUS, SEN, COM); `date` is set on updates."""

    text: str
    line: int
    date: date | None = None
    conv_status: str | None = None  # "F", "M" or "I"
    sentence: Sentence | None = None
    comments: list[str] = field(default_factory=list)
    ocr_corrected: bool = False

    @property
    def convicted(self) -> bool:
        return disposition_kind(self.text) == "convicted"

    @property
    def dismissed(self) -> bool:
        return "DISMISS" in squeeze(self.text)


@dataclass(slots=True)
class Charge:
    code: str  # "HS", "PC", ... (H&S read as HS)
    code_as_printed: str
    section: str  # base section, e.g. "11357" or "11362.3"
    subdivision: str | None  # "(c)", "(a)(2)" or None
    line: str  # the charge line after normalisation
    description: str | None
    attempted: bool = False
    subdivision_inferred: bool = False  # a bare letter after the section read as a subdivision

    @property
    def normalized(self) -> str:
        return f"{self.code} {self.section}{self.subdivision or ''}"


@dataclass(slots=True)
class Count:
    number: int | None
    label: str
    line: int
    through: int | None = None  # the last number of a range `CNT:001-003`
    case_number: str | None = None
    charge: Charge | None = None
    charge_text: str | None = None  # the charge line as printed when it could not be read
    charge_from_comment: str | None = None
    toc: str | None = None
    flags: list[str] = field(default_factory=list)
    disposition: Disposition | None = None
    updates: list[Disposition] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    last_line: int = 0
    ocr_corrected: bool = False
    pc1170h_line: bool = False


@dataclass(slots=True)
class Event:
    kind: str
    line: int
    date: date | None = None
    agency: str | None = None
    name_code: str | None = None
    toc: str | None = None
    counts: list[Count] = field(default_factory=list)
    ocr_corrected: bool = False

    @property
    def case_number(self) -> str | None:
        return next((count.case_number for count in self.counts if count.case_number), None)


@dataclass(slots=True)
class Cycle:
    index: int  # 1-based, in order of appearance
    line: int
    events: list[Event] = field(default_factory=list)
    record_error: bool = False
    separator_missing: bool = False  # started by an arrest after a court event, no `* * * *`


@dataclass(slots=True)
class Person:
    cii: str | None = None
    names: dict[str, str] = field(default_factory=dict)
    dob: date | None = None
    sex: str | None = None
    race: str | None = None

    @property
    def primary_name(self) -> str | None:
        if "01" in self.names:
            return self.names["01"]
        return next(iter(self.names.values()), None)

    def as_dict(self) -> dict:
        return {
            "cii": self.cii,
            "names": dict(self.names),
            "primary_name": self.primary_name,
            "dob": self.dob.isoformat() if self.dob else None,
            "sex": self.sex,
        }


@dataclass(slots=True)
class Problem:
    """Something the reader could not use. Never holds record text: a line number, the element
    that failed and a generic description (notes.md, 'what to carry over')."""

    line: int | None
    element: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.element}: {self.message}"


@dataclass(slots=True)
class Record:
    person: Person = field(default_factory=Person)
    cycles: list[Cycle] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ocr_corrections: int = 0  # numeric O/l fixes and OCR word fixes applied
    lines: int = 0
    ended: bool = False  # the END OF MESSAGE trailer was seen

    def events(self):
        for cycle in self.cycles:
            for event in cycle.events:
                yield cycle, event


def squeeze(text: str) -> str:
    """Letters and digits only: OCR splits words (`CO N VI CTE D`) and adds stray marks."""
    return NOT_ALNUM.sub("", text.upper())


def disposition_kind(text: str) -> str:
    """`convicted`, `dismissed` or `other`, from a DISPO line (format.md 7.1)."""
    word = squeeze(text)
    word = word.removeprefix("DISPO").removeprefix("DISP")
    if "DISMISS" in word or "DISMIS" in word:
        return "dismissed"
    head = word[:9]
    if head == "CONVICTED" or _close(head, "CONVICTED"):
        return "convicted"
    return "other"


def _close(word: str, target: str) -> bool:
    """One or two wrong letters, as OCR gives (`COMVICTED`, `CONV1CTED`)."""
    if len(word) != len(target):
        return False
    return sum(a != b for a, b in zip(word, target, strict=True)) <= 2
