"""Reading one answer from a question page, with our own messages in the person's language.

WTForms binds the posted values (and Flask-WTF checks the CSRF token); the checks are ours
so that every message is translated and says what to do, in plain words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from flask_babel import format_decimal
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, StringField

from petition.facts import parse_date
from petition.rules.dates import PartialDate, earliest, latest
from petition.rules.vocabulary import AgeBand
from petition.web.questions import UNKNOWN, Question, county_names
from petition.web.translation import gettext as _

DATE_PARTS = ("month", "day", "year")
BIRTH = "date_of_birth"  # design.md: the interview may ask this instead of age_at_offense
EARLIEST_YEAR = 1900
MAX_TEXT = 40  # longer than any real answer to these questions


@dataclass(frozen=True)
class Problem:
    message: str
    field_id: str  # the input the error summary links to


class AnswerForm(FlaskForm):
    """The base form: a CSRF token plus the fields of one question."""

    class Meta:
        locales = False


@lru_cache(maxsize=64)
def form_class_for(question: Question) -> type[AnswerForm]:
    # Labels are rendered by our templates; an empty label here keeps WTForms from
    # translating a made-up one on every request.
    fields: dict[str, object] = {}
    if question.kind in ("choice", "county"):
        field_class = SelectField if question.kind == "county" else RadioField
        fields[question.fact] = field_class(label="", validate_choice=False, choices=[])
    else:
        fields[question.fact] = StringField(label="")
    dates = [question.fact] if question.kind == "date" else []
    if question.birth_date:
        fields[BIRTH] = StringField(label="")
        dates.append(BIRTH)
    for name in dates:
        for part in DATE_PARTS:
            fields[f"{name}-{part}"] = StringField(label="")
    return type("QuestionForm", (AnswerForm,), fields)


def form_for(question: Question, formdata=None, stored: str | None = None) -> AnswerForm:
    form = form_class_for(question)(formdata=formdata)
    for bound in form:
        if isinstance(bound.data, str):
            bound.data = printable(bound.data)
    if formdata is None and stored:
        fill_from_stored(form, question, stored)
    return form


def printable(text: str, limit: int = 200) -> str:
    """What was typed, safe to show again: no control or unassigned characters (a browser
    cannot send them on purpose), and not more than a page can hold."""
    return "".join(ch for ch in text[:limit]
                   if unicodedata.category(ch) not in ("Cc", "Cs", "Co", "Cn")
                   or ch in "\t")


def fill_from_stored(form: AnswerForm, question: Question, stored: str) -> None:
    if question.kind == "date":
        if stored != UNKNOWN:
            # A date known in part (law.md E2) leaves its month and day blank.
            year, month, day = (stored.split("-") + ["", ""])[:3]
            form[f"{question.fact}-month"].data = str(int(month)) if month else ""
            form[f"{question.fact}-day"].data = str(int(day)) if day else ""
            form[f"{question.fact}-year"].data = year
    elif stored != UNKNOWN or question.kind != "number":
        form[question.fact].data = stored


def read_answer(question: Question, form: AnswerForm, dont_know: bool,
                answers: dict[str, str] | None = None) -> tuple[str | None, Problem | None]:
    """The CSV value of the answer, or what is wrong with it."""
    if dont_know:
        return UNKNOWN, None
    if question.birth_date and not text_of(form, question.fact) and born_given(form):
        return read_age_from_birth(question, form, answers or {})
    reader = {"choice": read_choice, "county": read_county, "number": read_number,
              "date": read_date}[question.kind]
    return reader(question, form)


def born_given(form: AnswerForm) -> bool:
    return any(text_of(form, name) for name in
               (BIRTH, *(f"{BIRTH}-{part}" for part in DATE_PARTS)))


def born_on(form: AnswerForm) -> str | None:
    """The date of birth typed on the age question, when there is a valid one."""
    if BIRTH not in form or not born_given(form):
        return None
    born, problem = read_date_named(form, BIRTH)
    return None if problem or born == UNKNOWN else born


def read_age_from_birth(question: Question, form: AnswerForm, answers: dict[str, str]):
    if text_of(form, BIRTH).lower() == UNKNOWN:
        return UNKNOWN, None  # "I don't know my date of birth" is "I don't know my age"
    offense = answers.get("offense_date", UNKNOWN)
    if offense == UNKNOWN:
        return None, Problem(_("We need the date it happened to work out your age from your "
                               "date of birth. Enter your age instead, or choose \"I don't "
                               "know\"."), question.fact)
    born, problem = read_date_named(form, BIRTH)
    if problem:
        return None, problem
    if born == UNKNOWN:  # "unknown" is a date of the contract: no date, so no age either
        return UNKNOWN, None
    birth, happened = date.fromisoformat(born), parse_date("offense_date", offense)
    # A date known in part gives an age range, known where it does not cross 18 or 21.
    youngest, oldest = (age_on(birth, earliest(happened)), age_on(birth, latest(happened)))
    age = youngest
    if AgeBand.of(max(youngest, 0)) is not AgeBand.of(max(oldest, 0)):
        return None, Problem(_("We cannot tell your age from the year alone. Enter your age "
                               "instead, or choose \"I don't know\"."), question.fact)
    if not question.low <= age <= question.high:
        return None, Problem(_("Check your date of birth: it must be at least 8 years before "
                               "the date it happened."), f"{BIRTH}-month")
    return str(age), None


ARABIC_MARKS = {"\u066b": ".", "\u066c": ",", "\u060c": ","}


def latin_digits(text: str) -> str:
    """Digits of any script as 0-9 ("٩٤١٠٢", "۹۴۱۰۲" and "９４１０２" are 94102), and the
    Arabic decimal and thousands marks as "." and ",": the engine, the papers' font and the
    court's clerks read Latin digits, and the person may type with another keyboard."""
    return "".join(str(unicodedata.decimal(ch)) if unicodedata.decimal(ch, None) is not None
                   else ARABIC_MARKS.get(ch, ch) for ch in text)


def text_of(form: AnswerForm, name: str) -> str:
    value = form[name].data
    return latin_digits(value.strip()) if isinstance(value, str) else ""


def read_choice(question: Question, form: AnswerForm):
    value = text_of(form, question.fact)
    if value in {option.value for option in question.options}:
        return value, None
    return None, Problem(_("Choose one of the answers, or \"I don't know\"."), question.fact)


def read_county(question: Question, form: AnswerForm):
    value = text_of(form, question.fact)
    if value == UNKNOWN:
        return UNKNOWN, None
    by_key = {name.lower(): name for name in county_names()}
    name = by_key.get(value.lower().removesuffix(" county").strip())
    if name:
        return name, None
    return None, Problem(_("Choose a county from the list, or \"I don't know\"."), question.fact)


def read_number(question: Question, form: AnswerForm):
    text = text_of(form, question.fact)
    if text.lower() == UNKNOWN:
        return UNKNOWN, None
    if not text:
        # Left empty is "I don't know", as an empty cell is in the screening CSV: a script
        # driving the web contract need not find the button, and Check your answers shows it.
        return UNKNOWN, None
    number = parse_number(text)
    if number is None:
        return None, Problem(_("Enter a number using digits. %(example)s.",
                               example=question.example), question.fact)
    if question.whole and number != number.to_integral_value():
        return None, Problem(_("Enter a whole number. %(example)s.", example=question.example),
                             question.fact)
    if not question.low <= number <= question.high:
        return None, Problem(_("Enter a number from %(low)s to %(high)s.",
                               low=format_decimal(question.low),
                               high=format_decimal(question.high)),
                             question.fact)
    return (str(int(number)) if question.whole else f"{number.normalize():f}"), None


def parse_number(text: str) -> Decimal | None:
    """Read numbers as people in California write them: a dot is the decimal point (as in
    the CSV contract, and in Mexican and U.S. Spanish); "28,5" is also read as 28.5, while
    "1,000" is a thousand."""
    # Spaces (ordinary, no-break, narrow) group thousands in French-style locales (ru, hy).
    cleaned = re.sub(r"[ \u00a0\u202f]", "", text)
    if len(cleaned) > MAX_TEXT or not re.fullmatch(r"[0-9.,]+", cleaned):
        return None
    if re.fullmatch(r"\d+,\d{1,2}", cleaned):
        cleaned = cleaned.replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", cleaned):
        cleaned = cleaned.replace(",", "")
    if not re.fullmatch(r"\d+(\.\d+)?|\.\d+", cleaned):
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def read_date(question: Question, form: AnswerForm):
    return read_date_named(form, question.fact)


def read_date_named(form: AnswerForm, fact: str):
    """A whole date, or for the facts of the case (not a date of birth) one known in part:
    the month and day may be left blank when the year is known (law.md E2)."""
    partial_allowed = fact != BIRTH
    whole = text_of(form, fact)
    if whole.lower() == UNKNOWN:
        return UNKNOWN, None
    if whole:
        try:
            when = parse_date(fact, whole) if partial_allowed else (
                date.fromisoformat(whole) if len(whole) == 10 else None)
        except ValueError:
            when = None
        if when is None:
            return None, Problem(_("Enter a real date."), f"{fact}-month")
        return check_date(fact, when)
    parts = {part: text_of(form, f"{fact}-{part}") for part in DATE_PARTS}
    missing = [part for part in DATE_PARTS if not parts[part]]
    if len(missing) == len(DATE_PARTS):
        return UNKNOWN, None  # left empty is "I don't know", as in the CSV
    if partial_allowed and parts["year"] and (missing in (["month", "day"], ["day"])):
        return read_partial_date(fact, parts)
    if missing:
        message = {
            "month": _("The date must include a month."),
            "day": _("The date must include a day."),
            "year": _("The date must include a year."),
        }[missing[0]]
        return None, Problem(message, f"{fact}-{missing[0]}")
    for part in DATE_PARTS:
        if not re.fullmatch(r"\d{1,4}", parts[part]):
            return None, Problem(_("Enter the date using numbers only."), f"{fact}-{part}")
    if len(parts["year"]) != 4:
        return None, Problem(_("The year must have 4 numbers, like 2012."), f"{fact}-year")
    try:
        when = date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
    except ValueError:
        return None, Problem(_("Enter a real date."), f"{fact}-month")
    return check_date(fact, when)


def read_partial_date(fact: str, parts: dict[str, str]):
    for part in ("month", "year"):
        if parts[part] and not re.fullmatch(r"\d{1,4}", parts[part]):
            return None, Problem(_("Enter the date using numbers only."), f"{fact}-{part}")
    if len(parts["year"]) != 4:
        return None, Problem(_("The year must have 4 numbers, like 2012."), f"{fact}-year")
    month = int(parts["month"]) if parts["month"] else None
    if month is not None and not 1 <= month <= 12:
        return None, Problem(_("Enter a real date."), f"{fact}-month")
    return check_date(fact, PartialDate(int(parts["year"]), month))


def check_date(fact: str, when: date):
    if when.year < EARLIEST_YEAR:
        return None, Problem(_("Enter a year from 1900 on."), f"{fact}-year")
    if earliest(when) > date.today():
        return None, Problem(_("The date must be today or in the past."), f"{fact}-month")
    return when.isoformat(), None
