"""The RAP sheet in the clinic workspace (issue 13, item 4): paste a client's record or upload
it, check each cannabis conviction the reader found beside the record lines it came from,
correct or add facts, then screen it through the clinic's own screening and results page.

Everything travels in the form: the record's text and the edited rows go back and forth in
form fields and nothing is put in the session, on disk or in a log (design.md, "Privacy and
safety"). Problems never quote the record; the source lines are shown only on the review
page, to the clinic worker whose client's record it is.

``POST /<lang>/clinic/rapsheet`` with ``action``:

- ``read`` (the clinic page's form): ``record_text`` or ``record_file`` -> the review page;
- ``add_row``: the review page again, with the rows as edited and one more empty row;
- ``screen``: the rows as screening CSV text, screened as an uploaded spreadsheet would be.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date

from flask import Blueprint, redirect, render_template, request, url_for
from wtforms import FieldList, Form, FormField, HiddenField, SelectField, StringField
from wtforms.validators import ValidationError

from petition.languages import LANGUAGES
from petition.rapsheet import Record, read_record, review_rows
from petition.rapsheet.convictions import NoConvictionShown, cannabis_non_convictions
from petition.rapsheet.rows import SCREENING_COLUMNS
from petition.rapsheet.sources import UnreadableRecord, record_text
from petition.web import csrf
from petition.web.clinic import (
    FILER_LABELS,
    form_page,
    labels,
    large_form_read,
    results_page,
    screen_upload,
)
from petition.web.forms import printable
from petition.web.limits import limit_clinic
from petition.web.questions import LEVELS, QUESTIONS, UNKNOWN, county_names, dont_know, yes_no
from petition.web.spreadsheets import MAX_UPLOAD_BYTES, UploadProblem, too_big
from petition.web.translation import gettext as _
from petition.web.translation import lazy_gettext as _l

blueprint = Blueprint("clinic_rapsheet", __name__, url_prefix="/<lang>")

MAX_REVIEW_ROWS = 200  # far more cannabis counts than any one record holds
MAX_SOURCE_LINES = 40  # lines shown beside one row
PERSON_COLUMNS = ("first_name", "last_name", "date_of_birth", "language")
CARRIED_COLUMNS = ("relief_on_record",)
ALREADY_GRANTED = "already_granted"

# What a person must check, by the reader's review flag (petition/rapsheet/rows.py keeps the
# English notes for the command line; these are the page's, in the clinic's language).
FLAG_SENTENCES = {
    "sentence_from_other_count": _l("The sentence is printed under another count of this "
                                    "case. Check that it applies to this count."),
    "charge_from_comment": _l("The charge was read from a comment line (SEE COMMENT FOR "
                              "CHARGE). Check it."),
    "juvenile_court": _l("Juvenile court entry. A juvenile case is not a criminal conviction, "
                         "and the papers are different (form JV-744)."),
    "under_18_at_arrest": _l("The person was under 18 at the arrest."),
    "ocr_corrected": _l("Letters read as numbers, or misread words, were fixed in this entry. "
                        "Check it against the paper record."),
    "pc1170h_sentencing_line": _l("A PC 1170(h) sentencing line is printed with this count."),
    "county_unknown": _l("We do not know the court's place name. Choose the county by hand."),
    "county_close_spelling": _l("The county was matched from a close spelling of the "
                                "court's name. Check it."),
    "level_from_toc": _l("The record shows no conviction level (CONV STATUS). The level here "
                         "is the type of charge (TOC), which can differ from the conviction."),
    "level_unknown": _l("The record does not show if this was a felony, a misdemeanor or an "
                        "infraction."),
    "prop64_wording_unconfirmed": _l("The record seems to show that Prop 64 relief (HS "
                                     "11361.8) was already granted. Confirm it with the "
                                     "court. If so, no papers are needed."),
    "record_relief_wording_unconfirmed": _l("The record shows a \"relief granted\" note. "
                                            "Confirm what relief it was."),
    "update_under_last_count_only": _l("A later event is printed only under the last count "
                                       "of this case. It may apply to this count too."),
    "subdivision_from_letter": _l("The subdivision was read from a letter printed after the "
                                  "section without brackets. Check it."),
    "attempted": _l("Marked as an attempt (PC 664)."),
    "case_number_unknown": _l("No case number is printed for this court entry."),
    "excluded_subdivision": _l("This subdivision (for example, a sale to a minor) may keep "
                               "the felony. Check the facts."),
    "separator_missing": _l("The lines between entries could not be read here. Check that "
                            "the arrest and the court entry belong together."),
}
UNKNOWN_FLAG = _l("Check this entry against the paper record.")


def flag_sentence(code: str) -> str:
    return str(FLAG_SENTENCES.get(code, UNKNOWN_FLAG))


def no_conviction_reason(entry: NoConvictionShown) -> str:
    """The reader's reason (petition/rapsheet/convictions.py) in the clinic's language."""
    if entry.event == "arrest":
        return _("Arrest only: the record shows no court entry for it.")
    if entry.reason == "dismissed":
        return _("Dismissed in court.")
    if entry.reason == "no disposition shown":
        return _("The court entry shows no result for this charge.")
    return _("The court result does not show a conviction.")


# -- The form: one sub-form per conviction row, the CSV column as each field's name -----------

def full_date(form, field) -> None:
    """YYYY-MM-DD or empty: what the screening reads (petition/facts.py parse_date)."""
    text = (field.data or "").strip()
    if not text:
        return
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            date.fromisoformat(text)
            return
    except ValueError:
        pass
    raise ValidationError(_("Write the date as YYYY-MM-DD, for example 2012-03-27."))


def number_between(column: str, whole: bool = True):
    question = QUESTIONS[column]

    def check(form, field) -> None:
        text = (field.data or "").strip()
        if not text:
            return
        try:
            value = float(text) if not whole else int(text)
        except ValueError:
            value = None
        if value is None or not question.low <= value <= question.high:
            raise ValidationError(_("Write a number from %(low)s to %(high)s, or leave it "
                                    "empty.", low=f"{question.low:,.0f}",
                                    high=f"{question.high:,.0f}"))
    return check


def clean_text(value):
    return printable(value.strip(), 200) if isinstance(value, str) else value


def choices(options) -> list[tuple[str, object]]:
    return [(option.value, option.label) for option in options]


SENTENCE_CHOICES = (("serving", _l("Still serving")), ("completed", _l("Finished")),
                    (UNKNOWN, dont_know().label))
YES_NO_COLUMNS = ("juvenile", "concentrated", "for_sale", "school_grounds", "superstrike",
                  "pc290", "sold_to_minor", "hired_under_21", "environmental_violation",
                  "interstate")
# Facts a RAP sheet never shows: on the page, under "More facts", all "I don't know".
MORE_FACTS = ("amount_grams", "concentrated", "plants", "for_sale", "school_grounds",
              "prior_same_section", "sold_to_minor", "hired_under_21",
              "environmental_violation", "interstate", "superstrike", "pc290")


class ConvictionRowForm(Form):
    """One conviction: the screening CSV columns (design.md) a clinic can know."""

    case_id = HiddenField(filters=[clean_text])
    county = SelectField(validate_choice=False)
    case_number = StringField(filters=[clean_text])
    section = StringField(filters=[clean_text])
    level = SelectField(validate_choice=False)
    conviction_date = StringField(filters=[clean_text], validators=[full_date])
    offense_date = StringField(filters=[clean_text], validators=[full_date])
    age_at_offense = StringField(filters=[clean_text],
                                 validators=[number_between("age_at_offense")])
    sentence_status = SelectField(validate_choice=False)
    amount_grams = StringField(filters=[clean_text],
                               validators=[number_between("amount_grams", whole=False)])
    plants = StringField(filters=[clean_text], validators=[number_between("plants")])
    prior_same_section = StringField(filters=[clean_text],
                                     validators=[number_between("prior_same_section")])
    juvenile = SelectField(validate_choice=False)
    concentrated = SelectField(validate_choice=False)
    for_sale = SelectField(validate_choice=False)
    school_grounds = SelectField(validate_choice=False)
    superstrike = SelectField(validate_choice=False)
    pc290 = SelectField(validate_choice=False)
    sold_to_minor = SelectField(validate_choice=False)
    hired_under_21 = SelectField(validate_choice=False)
    environmental_violation = SelectField(validate_choice=False)
    interstate = SelectField(validate_choice=False)
    # Carried, not edited: what the record said and where.
    relief_on_record = HiddenField(filters=[clean_text])
    arrest_date = HiddenField(filters=[clean_text])
    first_line = HiddenField(filters=[clean_text])
    last_line = HiddenField(filters=[clean_text])
    review_flags = HiddenField(filters=[clean_text])


class RecordReviewForm(Form):
    first_name = StringField(filters=[clean_text])
    last_name = StringField(filters=[clean_text])
    date_of_birth = StringField(filters=[clean_text], validators=[full_date])
    language = SelectField(validate_choice=False)
    ocr = HiddenField()
    rows = FieldList(FormField(ConvictionRowForm), max_entries=MAX_REVIEW_ROWS)


def set_choices(form: RecordReviewForm) -> None:
    form.language.choices = [(language.code, language.name) for language in LANGUAGES]
    counties = [("", dont_know().label), *((name, name) for name in county_names())]
    for entry in form.rows:
        row = entry.form
        row.county.choices = counties
        row.level.choices = choices(LEVELS)
        row.sentence_status.choices = list(SENTENCE_CHOICES)
        for column in YES_NO_COLUMNS:
            row[column].choices = choices(yes_no())
        for column in ("level", "sentence_status", *YES_NO_COLUMNS):
            if row[column].data not in {value for value, _label in row[column].choices}:
                row[column].data = UNKNOWN


def empty_row() -> dict[str, str]:
    return {column: UNKNOWN for column in ("level", "sentence_status", *YES_NO_COLUMNS)}


def review_form(record: Record, today: date, ocr: bool) -> RecordReviewForm:
    rows = [row for row in review_rows(record, today) if row["status"] == "conviction"]
    person = rows[0] if rows else {}
    data = {
        "first_name": person.get("first_name", "") or first_names(record),
        "last_name": person.get("last_name", "") or last_name(record),
        "date_of_birth": person.get("date_of_birth", "") or (
            record.person.dob.isoformat() if record.person.dob else ""),
        "language": "en", "ocr": "1" if ocr else "",
        "rows": [{**row, "first_line": str(row["lines"][0]), "last_line": str(row["lines"][1]),
                  "review_flags": " ".join(row["review_flags"])} for row in rows]
        + [empty_row()],
    }
    form = RecordReviewForm(data=data)
    set_choices(form)
    return form


def first_names(record: Record) -> str:
    return " ".join((record.person.primary_name or "").partition(",")[2].split())


def last_name(record: Record) -> str:
    return " ".join((record.person.primary_name or "").partition(",")[0].split())


def is_empty(row: dict) -> bool:
    return not any((row.get(column) or "").strip() for column in
                   ("section", "case_number", "conviction_date", "offense_date"))


def screening_csv(form: RecordReviewForm) -> str:
    """The edited rows as the clinic's screening CSV (design.md), for the clinic's own
    screening: the results page, the CSV, the ZIP and the summaries all work from it."""
    columns = (*SCREENING_COLUMNS, *PERSON_COLUMNS, *CARRIED_COLUMNS)
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    person = {column: form[column].data or "" for column in PERSON_COLUMNS}
    for number, row in enumerate(form.rows.data, 1):
        if not is_empty(row):
            writer.writerow({**row, **person, "case_id": row["case_id"] or f"added-{number}"})
    return out.getvalue()


# -- The review page -----------------------------------------------------------------------

@dataclass(frozen=True)
class SourceLine:
    number: int
    text: str


@dataclass(frozen=True)
class RowReview:
    entry: object  # the row's sub-form
    number: int
    sources: list[SourceLine]
    flags: list[str]
    already_granted: bool
    arrest_date: str
    age_at_arrest: str
    from_record: bool


@dataclass(frozen=True)
class NoConvictionView:
    section: str
    when: str
    case_number: str
    reason: str
    sources: list[SourceLine]


def record_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def sources(lines: list[str], first: int, last: int) -> list[SourceLine]:
    if not 1 <= first <= last:
        return []
    last = min(last, first + MAX_SOURCE_LINES - 1, len(lines))
    return [SourceLine(number, lines[number - 1].rstrip()) for number in range(first, last + 1)]


def whole(text: str) -> int:
    return int(text) if text.isdigit() else 0


def review_page(form: RecordReviewForm, text: str, record: Record, status: int = 200):
    lines = record_lines(text)
    rows = []
    for number, entry in enumerate(form.rows, 1):
        row = entry.form
        flags = [flag_sentence(code) for code in (row.review_flags.data or "").split()]
        rows.append(RowReview(entry, number, sources(lines, whole(row.first_line.data or ""),
                                                     whole(row.last_line.data or "")),
                              flags, row.relief_on_record.data == ALREADY_GRANTED,
                              row.arrest_date.data or "",
                              age_at(form.date_of_birth.data, row.arrest_date.data),
                              bool(row.first_line.data)))
    absent = [NoConvictionView(entry.section_normalized, entry.date.isoformat() if entry.date
                               else "", entry.case_number or "", no_conviction_reason(entry),
                               sources(lines, *entry.lines))
              for entry in cannabis_non_convictions(record)]
    problems = [(f"{entry.id}-{name}", message) for entry in form.rows
                for name, messages in entry.form.errors.items() for message in messages[:1]]
    problems += [(name, messages[0]) for name, messages in form.errors.items()
                 if name != "rows"]
    return render_template(
        "clinic_rapsheet.html", form=form, rows=rows, absent=absent, record_text=text,
        found=sum(1 for row in rows if row.from_record), problems=problems,
        more_facts=MORE_FACTS, questions=QUESTIONS, filer_labels=labels(FILER_LABELS)), status


def age_at(born: str | None, when: str | None) -> str:
    """Whole years between two YYYY-MM-DD dates, or "" (shown as a hint, never filled in:
    the arrest can come long after the offense)."""
    try:
        birth, day = date.fromisoformat(born or ""), date.fromisoformat(when or "")
    except ValueError:
        return ""
    years = day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
    return str(years) if 0 <= years <= 120 else ""


# -- The view ------------------------------------------------------------------------------

@blueprint.get("/clinic/rapsheet")
def start():
    return redirect(url_for("clinic.clinic") + "#rapsheet")


@blueprint.post("/clinic/rapsheet")
@csrf.exempt  # checked in the view, once the record's own size limit is set
@limit_clinic
def rapsheet():
    # Like the clinic's upload: the record (or the review form carrying it) may be large.
    if not large_form_read():
        return record_problem(too_big(), 413)
    action = request.form.get("action", "read")
    today = date.today()
    if action == "read":
        try:
            text, warnings = uploaded_record()
        except UploadProblem as problem:
            return record_problem(str(problem), 400)
        record = read_record(text)
        if not record.cycles:
            return record_problem(_("We could not find a RAP sheet in this text. Paste the "
                                    "whole record, from the first line to the last, or "
                                    "upload the PDF."), 400)
        return review_page(review_form(record, today, bool(warnings)), text, record)
    text = request.form.get("record_text", "")
    record = read_record(text)
    form = RecordReviewForm(request.form)
    set_choices(form)
    if action == "add_row" and len(form.rows) < MAX_REVIEW_ROWS:
        form.rows.append_entry(empty_row())
        set_choices(form)
        return review_page(form, text, record)
    if not form.validate():
        return review_page(form, text, record, 400)
    try:
        screening = screen_upload(screening_csv(form), today)
    except UploadProblem:
        return review_page_with(form, text, record, _("Fill in the section of at least one "
                                                      "conviction to screen it."))
    return results_page(screening, no_packets=False)


def review_page_with(form, text: str, record: Record, problem: str):
    form.rows[0].form.section.errors = [problem]
    return review_page(form, text, record, 400)


def record_problem(message: str, status: int):
    return form_page(status=status, rapsheet_problem=message,
                     record_text=printable(request.form.get("record_text", ""),
                                           MAX_UPLOAD_BYTES) if status != 413 else "")


def uploaded_record() -> tuple[str, list[str]]:
    """The record's text, from the file if one was chosen, else from the text box; and
    whether it was read by OCR. Never quotes the record in a problem."""
    upload = request.files.get("record_file")
    if upload is not None and upload.filename:
        content = upload.read(MAX_UPLOAD_BYTES + 1)
        if len(content) > MAX_UPLOAD_BYTES:
            raise UploadProblem(too_big())
        if not content.strip():
            raise UploadProblem(_("The file is empty. Choose the PDF of the RAP sheet, or "
                                  "paste its text."))
        try:
            text, warnings = record_text(content)
        except UnreadableRecord:
            raise UploadProblem(_("We cannot read this file. Upload a PDF or a picture of "
                                  "the RAP sheet, or paste its text.")) from None
        return text, warnings
    pasted = request.form.get("record_text", "")
    if pasted.strip():
        return pasted, []
    raise UploadProblem(_("Paste the text of the RAP sheet, or choose its file."))
