"""Typed, validated facts about one conviction, from a CSV row or a web form.

Column names and values are the screening CSV contract in design.md. Every problem is
reported in words a clinic worker can act on; all problems of a row are reported at once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from petition.counties import County, find_county
from petition.rules import subdivisions
from petition.rules.dates import PROP_64_EFFECTIVE, PartialDate, earliest, latest
from petition.rules.thresholds import PERSONAL_GRAMS
from petition.rules.unconfirmed import INTERSTATE_CONCENTRATED_GRAMS
from petition.rules.vocabulary import Level

__all__ = ["PROP_64_EFFECTIVE", "ConvictionFacts", "FactsError", "Section", "parse_conviction"]

TRI_STATE_COLUMNS = (
    "concentrated", "juvenile", "for_sale", "school_grounds", "superstrike", "pc290",
    "sold_to_minor", "hired_under_21", "environmental_violation", "interstate",
)
YES_NO = {
    "yes": True, "y": True, "true": True, "1": True,
    "no": False, "n": False, "false": False, "0": False,
    "unknown": None, "": None, "u": None, "don't know": None, "dont know": None, "?": None,
}
LEVELS = {
    "felony": Level.FELONY, "f": Level.FELONY, "fel": Level.FELONY,
    "misdemeanor": Level.MISDEMEANOR, "m": Level.MISDEMEANOR, "misd": Level.MISDEMEANOR,
    "infraction": Level.INFRACTION, "i": Level.INFRACTION, "inf": Level.INFRACTION,
    "unknown": None, "": None,
}
SENTENCE_STATUSES = {
    "serving": "serving", "completed": "completed", "unknown": None, "": None,
    # The words clinic records use for the same thing (law.md section 1: custody or any
    # supervision is still serving).
    "probation": "serving", "parole": "serving", "custody": "serving", "jail": "serving",
    "prison": "serving", "supervision": "serving", "prcs": "serving",
    "complete": "completed", "done": "completed", "finished": "completed",
    "discharged": "completed",
}

# Sane outer limits: beyond them a value is a typing mistake, not a fact.
MAX_AGE = 110
MIN_AGE = 8
MAX_GRAMS = 100_000_000  # 100 tonnes
MAX_PLANTS = 1_000_000
MAX_PRIORS = 100
MAX_TEXT = 200

CODE_PREFIXES = {
    "HS": ("hs", "h&s", "hsc", "h&sc", "hscode", "h&scode", "healthandsafetycode",
           "health&safetycode", "healthandsafety", "health&safety"),
    "VC": ("vc", "veh", "vehcode", "vehiclecode"),
    "PC": ("pc", "pen", "pencode", "penalcode"),
    "BP": ("bp", "b&p", "bpc", "b&pc", "businessandprofessionscode"),
    "WI": ("wi", "w&i", "wic", "welfareandinstitutionscode"),
}
PREFIX_TO_CODE = {
    spelling: code for code, spellings in CODE_PREFIXES.items() for spelling in spellings
}
PREFIX = r"[A-Za-z][A-Za-z&.\s]{0,40}?"
SECTION_PATTERN = re.compile(
    rf"^(?:(?P<prefix>{PREFIX})\s*(?:§+|sec\.?|section)?\s*)?"
    r"(?P<number>\d{2,5}(?:\.\d{1,3})?)\s*"
    r"(?P<subdivisions>[A-Za-z](?:\d(?:[A-Da-d])?)?|(?:\(\s*[A-Za-z0-9]{1,4}\s*\)\s*)*)\s*"
    rf"(?P<suffix>{PREFIX})?\s*$"
)
SUBDIVISION = re.compile(r"\(\s*([A-Za-z0-9]{1,4})\s*\)")

OLD_SUBDIVISIONS = {"11357": "abcde", "11360": "ab"}
# Subdivision letters each covered section had or has (old law and Prop 64's numbering).
COVERED_SUBDIVISIONS = {
    "11357": "abcde",
    "11358": "abcd",
    "11359": "abcd",
    "11360": "abc",
}


class FactsError(ValueError):
    """One or more values of a row cannot be understood, or cannot all be true."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Section:
    code: str
    number: str
    subdivision: tuple[str, ...] = ()
    # Worked out once (a batch asks for them on every row).
    is_covered: bool = field(init=False, compare=False, repr=False)
    old_letter: str | None = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # HS 11361.8(a), (e): relief covers convictions under HS 11357, 11358, 11359, 11360.
        object.__setattr__(self, "is_covered",
                           self.code == "HS" and self.number in COVERED_SUBDIVISIONS)
        # The subdivision as the law before Prop 64 numbered it: old 11357 had (a)-(e) and
        # old 11360 (a)-(b), without paragraphs; old 11358 and 11359 had none. Anything else
        # (such as 11357(b)(2)) is Prop 64's numbering and says nothing about old conduct.
        old = (self.subdivision[0] if len(self.subdivision) == 1
               and self.subdivision[0] in OLD_SUBDIVISIONS.get(self.number, "") else None)
        object.__setattr__(self, "old_letter", old)

    def __str__(self) -> str:
        if self.code == "":
            return "another section"
        return f"{self.code} {self.number}" + "".join(f"({part})" for part in self.subdivision)

    @property
    def letter(self) -> str | None:
        return self.subdivision[0] if self.subdivision else None


OTHER_SECTION = Section("", "other")


class ConvictionFacts(NamedTuple):
    """One conviction. ``None`` means unknown: the person or the record does not say.
    (A named tuple, not a dataclass: a batch builds one per row, and this is 5x quicker.)"""

    section: Section | None = None
    case_id: str = ""
    county: County | None = None
    case_number: str = ""
    level: Level | None = None
    offense_date: date | None = None
    conviction_date: date | None = None
    age_at_offense: int | None = None
    amount_grams: float | None = None
    concentrated: bool | None = None
    plants: int | None = None
    juvenile: bool | None = None
    sentence_status: str | None = None
    for_sale: bool | None = None
    school_grounds: bool | None = None
    superstrike: bool | None = None
    pc290: bool | None = None
    prior_same_section: int | None = None
    sold_to_minor: bool | None = None
    hired_under_21: bool | None = None
    environmental_violation: bool | None = None
    interstate: bool | None = None


def clean(value: str | None) -> str:
    return (value or "").strip()


def parse_section(text: str) -> Section | None:
    """Read the usual spellings: 11357(b), HS 11357, H&S 11359(b), HSC 11360(a)(2), VC 23222(b)."""
    raw = text.strip()
    if raw.lower() in ("", "unknown"):
        return None
    if raw.lower() == "other":
        return OTHER_SECTION
    match = SECTION_PATTERN.match(raw) if len(raw) <= 80 else None
    if not match or (match["prefix"] and match["suffix"]):
        raise ValueError(
            f"section {shorten(raw)!r} is not a code section: write it like 11357(b) or HS 11360(a)"
        )
    prefix = match["prefix"] or match["suffix"]
    code = "HS"
    if prefix:
        key = re.sub(r"[\s.]", "", prefix.lower())
        if key not in PREFIX_TO_CODE:
            raise ValueError(
                f"section {shorten(raw)!r}: {prefix.strip()!r} is not a code we know "
                "(use HS, VC, PC, BP or WI)"
            )
        code = PREFIX_TO_CODE[key]
    subdivisions = match["subdivisions"] or ""
    parts = SUBDIVISION.findall(subdivisions) if "(" in subdivisions else list(
        re.findall(r"[A-Za-z]|\d", subdivisions))
    # Letters are lower case at the first level and upper case at the third: 11360(a)(3)(D).
    parts = [part.upper() if depth == 2 else part.lower() for depth, part in enumerate(parts)]
    section = Section(code, match["number"], tuple(parts))
    if section.is_covered and parts:
        check_covered_subdivision(section, raw)
    return section


def check_covered_subdivision(section: Section, raw: str) -> None:
    letters = COVERED_SUBDIVISIONS[section.number]
    first, *rest = section.subdivision
    valid = first in letters and all(
        part.isdigit() and 1 <= int(part) <= 4 if depth == 0 else part in "ABCD"
        for depth, part in enumerate(rest)
    ) and len(rest) <= 2
    if not valid:
        raise ValueError(
            f"section {shorten(raw)!r}: HS {section.number} has no subdivision "
            f"{''.join(f'({p})' for p in section.subdivision)}"
        )


PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?")
EARLIEST_YEAR = 1900


def parse_date(column: str, text: str) -> date | None:
    """A whole date (YYYY-MM-DD), or one known in part: a year (YYYY) or a year and month
    (YYYY-MM), law.md E2."""
    if text == "" or text.lower() == "unknown":
        return None
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    partial = PARTIAL_DATE.fullmatch(text)
    if partial and int(partial[1]) >= EARLIEST_YEAR and 1 <= int(partial[2] or 1) <= 12:
        return PartialDate(int(partial[1]), int(partial[2]) if partial[2] else None)
    raise ValueError(f"{column} {shorten(text)!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")


THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?=\D|$)")


def without_thousands_separators(text: str) -> str:
    """1,200 is twelve hundred; a comma anywhere else (28,5) is left for the parser to reject,
    rather than read as 285."""
    return THOUSANDS.sub(lambda match: match[0].replace(",", ""), text)


def parse_whole_number(column: str, text: str, low: int, high: int) -> int | None:
    if text == "" or text.lower() == "unknown":
        return None
    cleaned = without_thousands_separators(text).replace("_", "x")
    if not re.fullmatch(r"[+-]?\d{1,12}(\.0+)?", cleaned):
        raise ValueError(f"{column} {shorten(text)!r} is not a whole number")
    number = int(float(cleaned))
    if not low <= number <= high:
        raise ValueError(f"{column} {number} is out of range: use a number from {low} to {high}")
    return number


GRAMS_PER_UNIT = {
    "": 1.0, "g": 1.0, "gram": 1.0, "grams": 1.0, "kg": 1000.0, "kilo": 1000.0, "kilos": 1000.0,
    "oz": 28.349523125, "ounce": 28.349523125, "ounces": 28.349523125,
    "lb": 453.59237, "lbs": 453.59237, "pound": 453.59237, "pounds": 453.59237,
}
AMOUNT = re.compile(r"([+-]?(?:\d+\.?\d*|\.\d+))\s*([a-z]*)")


def parse_grams(text: str) -> float | None:
    """Grams, or an amount with a unit a record might use (28.5 g, 1 oz, 2 lb, 1.5 kg)."""
    if text == "" or text.lower() == "unknown":
        return None
    match = AMOUNT.fullmatch(without_thousands_separators(text.lower()).strip())
    grams = math.nan
    if match and match[2] in GRAMS_PER_UNIT:
        grams = float(match[1]) * GRAMS_PER_UNIT[match[2]]
    if math.isnan(grams):
        raise ValueError(f"amount_grams {shorten(text)!r} is not a number of grams: use e.g. 28.5")
    if not 0 <= grams <= MAX_GRAMS:
        raise ValueError(
            f"amount_grams {shorten(text)!r} is out of range: use grams from 0 to {MAX_GRAMS:,}"
        )
    return grams


def parse_choice(column: str, text: str, choices: Mapping[str, object]):
    try:
        return choices[text.lower()]
    except KeyError:
        allowed = ", ".join(sorted({key for key, v in choices.items() if key and len(key) > 2}))
        raise ValueError(f"{column} {shorten(text)!r} is not one of: {allowed}") from None


def shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def choice_reader(column: str, choices: Mapping[str, object]):
    return lambda text: parse_choice(column, text, choices)


def number_reader(column: str, low: int, high: int):
    return lambda text: parse_whole_number(column, text, low, high)


def date_reader(column: str):
    return lambda text: parse_date(column, text)


def remembering(read, size: int = 512):
    """Columns repeat their values from row to row: read each distinct value once. The raw
    value is the cache key, so stripping happens once per distinct value too."""
    return lru_cache(maxsize=size)(lambda raw: read(raw.strip()))


def forgetting(read):
    return lambda raw: read(raw.strip())


@dataclass(frozen=True, slots=True)
class ColumnReaders:
    """How to read each fact column: ``section``, ``county``, then the rest in
    ConvictionFacts order after case_number."""

    section: Callable[[str], Section | None]
    county: Callable[[str], County | None]
    after_county: tuple[tuple[str, Callable[[str], object]], ...]

    def all(self) -> tuple[tuple[str, Callable[[str], object]], ...]:
        return (("section", self.section), ("county", self.county), *self.after_county)


def column_readers(remember: bool) -> ColumnReaders:
    """``remember`` keeps recent values in memory for speed: for batches only. The site reads
    with ``remember=False``, so nothing a person typed outlives their request."""
    cached = remembering if remember else forgetting
    return ColumnReaders(
        section=cached(parse_section),
        county=cached(find_county),
        after_county=(
            ("level", cached(choice_reader("level", LEVELS))),
            # Dates and amounts have too many distinct values for a cache to pay.
            ("offense_date", forgetting(date_reader("offense_date"))),
            ("conviction_date", forgetting(date_reader("conviction_date"))),
            ("age_at_offense", cached(number_reader("age_at_offense", MIN_AGE, MAX_AGE))),
            ("amount_grams", forgetting(parse_grams)),
            ("concentrated", cached(choice_reader("concentrated", YES_NO))),
            ("plants", cached(number_reader("plants", 0, MAX_PLANTS))),
            ("juvenile", cached(choice_reader("juvenile", YES_NO))),
            ("sentence_status", cached(choice_reader("sentence_status", SENTENCE_STATUSES))),
            *((column, cached(choice_reader(column, YES_NO))) for column in (
                "for_sale", "school_grounds", "superstrike", "pc290")),
            ("prior_same_section", cached(number_reader("prior_same_section", 0, MAX_PRIORS))),
            *((column, cached(choice_reader(column, YES_NO))) for column in (
                "sold_to_minor", "hired_under_21", "environmental_violation", "interstate")),
        ),
    )


READ_AND_FORGET = column_readers(remember=False)
READ_AND_REMEMBER = column_readers(remember=True)


def parse_conviction(row: Mapping[str, str | None], today: date,
                     readers: ColumnReaders = READ_AND_FORGET) -> ConvictionFacts:
    """Turn one CSV row or form submission into facts, or raise FactsError listing every problem."""
    get = row.get
    try:
        case_id, case_number = (get("case_id") or "").strip(), (get("case_number") or "").strip()
        if len(case_id) > MAX_TEXT or len(case_number) > MAX_TEXT:
            raise ValueError
        facts = ConvictionFacts(
            readers.section(get("section") or ""), case_id, readers.county(get("county") or ""),
            case_number, *[read(get(column) or "") for column, read in readers.after_county])
    except ValueError:
        raise FactsError(every_problem(row, readers)) from None
    problems = impossible_combinations(facts, today)
    if problems:
        raise FactsError(problems)
    return facts


def every_problem(row: Mapping[str, str | None], readers: ColumnReaders) -> list[str]:
    """The slow path, for a row known to be wrong: every value it cannot read, at once."""
    problems = []
    for column in ("case_id", "case_number"):
        text = clean(row.get(column))
        if len(text) > MAX_TEXT:
            problems.append(f"{column} is {len(text):,} characters long: at most {MAX_TEXT}")
    for column, read in readers.all():
        try:
            read(row.get(column) or "")
        except ValueError as error:
            problems.append(str(error))
    return problems


def impossible_combinations(facts: ConvictionFacts, today: date) -> list[str]:
    problems = []
    offense, conviction = facts.offense_date, facts.conviction_date
    if offense and earliest(offense) > today:
        problems.append(f"offense_date {offense} is in the future")
    if conviction and earliest(conviction) > today:
        problems.append(f"conviction_date {conviction} is in the future")
    if offense and conviction and latest(conviction) < earliest(offense):
        problems.append(f"conviction_date {conviction} is before offense_date {offense}")
    if facts.juvenile and facts.age_at_offense is not None and facts.age_at_offense >= 18:
        problems.append(
            f"juvenile is yes but age_at_offense is {facts.age_at_offense}: "
            "juvenile court handles offenses before 18"
        )
    section = facts.section
    if section is not None and section.is_covered:
        new_numbering = uses_new_numbering(facts)
        if section.old_letter and not new_numbering:
            problems.extend(subdivisions.contradictions(section, facts))
        # The `interstate` column means more than 28.5 g whatever the numbering (design.md);
        # under old 11360(b) the E3 table above already says it was not imported.
        if facts.interstate and (new_numbering or section.old_letter != "b"):
            problems.extend(interstate_contradictions(facts))
    return problems


def interstate_contradictions(facts: ConvictionFacts) -> list[str]:
    """HS 11360(a)(3)(D): `interstate` means more than 28.5 g, or more than 4 g concentrated
    (the 4 g is UNCONFIRMED in law.md), so a smaller given amount contradicts it."""
    if not (facts.interstate and facts.section.number == "11360"):
        return []
    limit = PERSONAL_GRAMS if facts.concentrated is False else INTERSTATE_CONCENTRATED_GRAMS
    if facts.amount_grams is not None and facts.amount_grams <= limit:
        concentrated = f" ({INTERSTATE_CONCENTRATED_GRAMS:g} g concentrated)"
        return [f"interstate is yes, which means more than {limit:g} g"
                f"{'' if limit == PERSONAL_GRAMS else concentrated}, but amount_grams is "
                f"{facts.amount_grams:.10g}"]
    return []


def uses_new_numbering(facts: ConvictionFacts) -> bool:
    """law.md E3: conduct from 9 November 2016 on was charged under Prop 64's numbering, where
    the old subdivisions' facts no longer hold (such convictions are out of scope by E2), and
    so may a conviction from that day on whose offense date is not known to be earlier."""
    offense, conviction = facts.offense_date, facts.conviction_date
    if offense is not None and earliest(offense) >= PROP_64_EFFECTIVE:
        return True
    # A year such as 2016 crosses the day (E2): the offense date is then unknown, and a
    # conviction from that day on may have used the new numbering.
    offense_before = offense is not None and latest(offense) < PROP_64_EFFECTIVE
    return (not offense_before and conviction is not None
            and earliest(conviction) >= PROP_64_EFFECTIVE)
