"""The clinic workspace (design.md, "The web contract"): a legal aid clinic uploads a
spreadsheet of convictions and takes away every result, the results CSV, the packets and a
summary for each client, with nothing kept on the server.

``POST /<lang>/clinic`` takes ``file`` (or ``csv_text``, the same upload carried back by
the results page), ``csrf_token`` and ``format``: ``html`` (the results page), ``csv`` (the
command line's results CSV), ``zip`` (one packet per person and case) or ``summary`` (a
printable page per client, in the client's language). Every answer is built from the
upload of that one request: there is nothing to come back to.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from flask import (
    Blueprint,
    Flask,
    Response,
    current_app,
    g,
    render_template,
    request,
    stream_with_context,
)
from flask_babel import force_locale, format_number, get_translations
from markupsafe import Markup
from werkzeug.exceptions import RequestEntityTooLarge

from petition.documents.batch import FILER_COLUMNS
from petition.english_terms import mark_english
from petition.facts import READ_AND_FORGET
from petition.languages import DEFAULT, LANGUAGES, language_for
from petition.rules.vocabulary import Automatic, Certainty, Outcome, Track
from petition.screening import (
    OUTPUT_COLUMNS,
    Screened,
    Tally,
    UnreadableInput,
    delimiter_of,
    read_header,
    read_rows,
    screen_row,
    with_packets,
)
from petition.web import csrf
from petition.web.clinic_packets import (
    PACKET_WORKERS,
    SECONDS_PER_PACKET,
    PacketGroup,
    PacketPlan,
    packets_zip,
)
from petition.web.describe import HEADLINES, presumed_phrase
from petition.web.limits import limit_clinic
from petition.web.papers import DETAIL_FIELDS
from petition.web.questions import QUESTIONS
from petition.web.spreadsheets import (
    MAX_ROWS,
    MAX_UPLOAD_BYTES,
    InMemoryRequest,
    UploadProblem,
    spreadsheet_text,
    too_big,
    too_many_rows,
)
from petition.web.translation import gettext as _
from petition.web.translation import lazy_gettext as _l

blueprint = Blueprint("clinic", __name__, url_prefix="/<lang>")

FORMATS = ("html", "csv", "zip", "summary")
# The form's other fields, and the multipart framing, beside the file itself.
FORM_ALLOWANCE = 64 * 1024

OUTCOME_LABELS = {
    Outcome.DISMISS_AND_SEAL: _l("Dismiss and seal"),
    Outcome.REDUCE_TO_INFRACTION: _l("Reduce to an infraction"),
    Outcome.REDUCE_TO_MISDEMEANOR: _l("Reduce to a misdemeanor"),
    Outcome.NOT_ELIGIBLE: _l("Not eligible"),
    Outcome.NEEDS_REVIEW: _l("Needs review"),
}
CERTAINTY_LABELS = {
    Certainty.ESTABLISHED: _l("Established"),
    Certainty.PRESUMED: _l("Presumed"),
}
TRACK_LABELS = {
    Track.PETITION: _l("Petition (still serving)"),
    Track.APPLICATION: _l("Application (sentence done)"),
    Track.UNKNOWN: _l("Petition or application"),
    Track.NONE: _l("None"),
}
AUTOMATIC_LABELS = {
    Automatic.DA_PROGRAM: _l("Likely cleared by the DA's program"),
    Automatic.STATEWIDE: _l("Likely cleared under HS 11361.9"),
    Automatic.NONE: _l("No"),
}

# The column guide is made from the screener's own list of columns (petition/facts.py).
FACT_COLUMNS = ("case_id", "county", "case_number", "section",
                *(column for column, _read in READ_AND_FORGET.after_county))
PACKET_COLUMNS = (*FILER_COLUMNS, "language")
COLUMN_NOTES = {
    "case_id": _l("Your own label for the row. It comes back in the results."),
    "case_number": _l("The court case number. Convictions with the same number and county "
                      "go in one packet."),
    "section": _l("The code section, for example 11357(b), HS 11359 or H&S 11360(a)(2). "
                  "This column is required."),
    "offense_date": _l("YYYY-MM-DD, YYYY-MM or YYYY."),
    "conviction_date": _l("YYYY-MM-DD, YYYY-MM or YYYY."),
    "amount_grams": _l("A number of grams."),
    "language": _l("The client's language for the instructions and the summary."),
    "date_of_birth": _l("YYYY-MM-DD."),
}
# The papers' columns are labelled as the resident's details page labels them.
FILER_LABELS = {
    **{field.name: field.label for field in DETAIL_FIELDS},
    "date_of_birth": _l("Date of birth"), "language": _l("Language"),
    "case_id": _l("Row label"), "case_number": _l("Case number"),
}


def init_app(app: Flask) -> None:
    app.request_class = InMemoryRequest
    app.register_blueprint(blueprint)


@dataclass(frozen=True)
class GuideRow:
    column: str
    meaning: str
    values: str


def column_guide() -> tuple[list[GuideRow], list[GuideRow]]:
    def row(column: str) -> GuideRow:
        question = QUESTIONS.get(column)
        meaning = str(question.short) if question else str(FILER_LABELS.get(column, column))
        note = COLUMN_NOTES.get(column)
        if note:
            meaning = f"{meaning}. {note}" if question else f"{meaning}: {note}"
        values = ""
        if question and question.kind == "choice" and column != "section":
            values = ", ".join(option.value for option in question.options)
        elif question and question.kind == "number":
            values = _("a number, or empty")
        elif column == "language":
            values = ", ".join(f"{language.code} ({language.name})" for language in LANGUAGES)
        return GuideRow(column, meaning, values)

    return [row(column) for column in FACT_COLUMNS], [row(column) for column in PACKET_COLUMNS]


def template_csv() -> str:
    return ",".join((*FACT_COLUMNS, *PACKET_COLUMNS)) + "\n"


@blueprint.get("/clinic/template.csv")
def template():
    return Response(template_csv(), mimetype="text/csv", headers={
        "Content-Disposition": 'attachment; filename="prop64-screening-template.csv"'})


def form_page(problem: str = "", status: int = 200, rapsheet_problem: str = "",
              record_text: str = ""):
    facts, packet = column_guide()
    return render_template(
        "clinic.html", problem=problem, fact_columns=facts, packet_columns=packet,
        max_megabytes=MAX_UPLOAD_BYTES // (1024 * 1024),
        max_rows=format_number(MAX_ROWS), rapsheet_problem=rapsheet_problem,
        record_text=record_text), status


def large_form_read() -> bool:
    """The site's forms are small (MAX_CONTENT_LENGTH); only the clinic's carry a spreadsheet
    or a RAP sheet, as a file or as the text a results or review page sends back. Reads the
    body under the clinic's own limit (False when it is over) and then checks the CSRF token,
    which the body carries."""
    request.max_content_length = MAX_UPLOAD_BYTES + FORM_ALLOWANCE
    request.max_form_memory_size = MAX_UPLOAD_BYTES + FORM_ALLOWANCE
    try:
        request.form  # noqa: B018 (parse the body here, where a too-large one is ours)
    except RequestEntityTooLarge:
        return False
    if current_app.config.get("WTF_CSRF_ENABLED", True):
        csrf.protect()
    return True


@blueprint.route("/clinic", methods=["GET", "POST"])
@csrf.exempt  # checked in the view, once the upload's own size limit is set
@limit_clinic
def clinic():
    if request.method == "GET":
        return form_page()
    if not large_form_read():
        return form_page(too_big(), 413)
    chosen = request.form.get("format", "html")
    output = chosen if chosen in FORMATS else "html"
    try:
        screening = screen_upload(uploaded_text(), date.today())
    except UploadProblem as problem:
        return form_page(str(problem), 400)
    if output == "csv":
        return Response(screening.results_csv(), mimetype="text/csv", headers={
            "Content-Disposition": 'attachment; filename="prop64-results.csv"'})
    if output == "zip" and screening.packets:
        return Response(stream_with_context(packets_zip(screening.packets, screening.date)),
                        mimetype="application/zip", headers={
                            "Content-Disposition": 'attachment; filename="prop64-packets.zip"'})
    if output == "summary":
        return render_template("clinic_summary.html", people=client_summaries(screening))
    return results_page(screening, no_packets=output == "zip")


def uploaded_text() -> str:
    upload = request.files.get("file")
    if upload is not None and upload.filename:
        content = upload.read(MAX_UPLOAD_BYTES + 1)
        if len(content) > MAX_UPLOAD_BYTES:
            raise UploadProblem(too_big())
        return spreadsheet_text(upload.filename, content)
    carried = request.form.get("csv_text", "")
    if carried.strip():
        return carried
    raise UploadProblem(_("Choose a spreadsheet file to upload."))


# -- Screening: the one place the clinic calls petition.screening ----------------------------

@dataclass(frozen=True)
class ClinicRow:
    line: int
    row: dict
    screened: Screened


@dataclass
class Screening:
    text: str
    date: date
    rows: list[ClinicRow]
    tally: Tally
    packets: list[PacketGroup]

    def results_csv(self) -> str:
        """The command line's results, row for row (petition.screening writes each line)."""
        return ",".join(OUTPUT_COLUMNS) + "\n" + "".join(
            clinic_row.screened.line() for clinic_row in self.rows)


class CountedLines:
    """The file's lines, counting how many the CSV reader has taken: the line number of
    each row, for the clinic to find a bad row in its spreadsheet."""

    def __init__(self, source: io.StringIO) -> None:
        self.source, self.count = source, 1  # the header is line 1

    def __iter__(self) -> Iterator[str]:
        for line in self.source:
            self.count += 1
            yield line


def screen_upload(text: str, evaluation_date: date) -> Screening:
    source = io.StringIO(text, newline="")
    header_line = source.readline()
    delimiter = delimiter_of(header_line)
    try:
        header = read_header(header_line, delimiter)
    except UnreadableInput:
        raise UploadProblem(_("The first row must name the columns, with at least a "
                              "\"section\" column. Start from the template CSV.")) from None
    lines = CountedLines(source)
    plan, tally, read = PacketPlan(), Tally(), []
    for row in read_rows(lines, header, delimiter=delimiter):
        if len(read) == MAX_ROWS:
            raise UploadProblem(too_many_rows())
        # A RAP sheet's row can show relief already granted (petition/rapsheet): no papers.
        papers = None if row.get("relief_on_record") == "already_granted" else plan
        read.append((lines.count, row, screen_row(row, evaluation_date, tally, papers)))
    screened = with_packets([item for _line, _row, item in read], plan, tally)
    rows = [ClinicRow(line, row, item)
            for (line, row, _unnamed), item in zip(read, screened, strict=True)]
    if not rows:
        raise UploadProblem(_("The file has no rows under its first row. Add one conviction "
                              "on each row."))
    return Screening(text, evaluation_date, rows, tally, list(plan.groups.values()))


# -- The results page --------------------------------------------------------------------------

@dataclass(frozen=True)
class RowView:
    line: int
    case_id: str
    section: str
    outcome: str
    outcome_label: str
    certainty: str
    certainty_label: str
    track_label: str
    automatic: str
    automatic_label: str
    presumed: str
    citations: str
    error: str
    needs_person: bool
    pdf: str


@dataclass
class CaseView:
    title: str
    rows: list[RowView]


@dataclass
class PersonView:
    name: str
    cases: list[CaseView]


def labels(table: dict) -> dict:
    return {key: str(label) for key, label in table.items()}


def person_name(row: dict) -> str:
    name = " ".join(part for part in ((row.get("first_name") or "").strip(),
                                      (row.get("last_name") or "").strip()) if part)
    born = (row.get("date_of_birth") or "").strip()
    if name and born:
        return _("%(name)s, born %(date)s", name=name, date=born)
    return name or _("No name given")


def case_title(row: dict, line: int) -> str:
    county = (row.get("county") or "").strip()
    number = (row.get("case_number") or "").strip()
    if number:
        return _("Case %(number)s, %(county)s", number=number,
                 county=county or _("county not given"))
    return _("Line %(line)s: no case number", line=line)


def grouped_rows(screening: Screening) -> list[PersonView]:
    """One row per conviction, grouped by person and then by court case, in file order."""
    outcome_labels, certainty_labels = labels(OUTCOME_LABELS), labels(CERTAINTY_LABELS)
    track_labels, automatic_labels = labels(TRACK_LABELS), labels(AUTOMATIC_LABELS)
    presumed_words: dict[tuple, str] = {}
    people: dict[tuple, PersonView] = {}
    cases: dict[tuple, CaseView] = {}
    for clinic_row in screening.rows:
        row, screened, result = clinic_row.row, clinic_row.screened, clinic_row.screened.result
        person = tuple((row.get(column) or "").strip().casefold()
                       for column in ("first_name", "last_name", "date_of_birth"))
        number = (row.get("case_number") or "").strip().casefold()
        case = (person, (row.get("county") or "").strip().casefold(), number) if number \
            else (person, clinic_row.line)
        if person not in people:
            people[person] = PersonView(person_name(row), [])
        if case not in cases:
            cases[case] = CaseView(case_title(row, clinic_row.line), [])
            people[person].cases.append(cases[case])
        if result is None:
            view = RowView(clinic_row.line, screened.case_id, (row.get("section") or "")[:40],
                           "", "", "", "", "", "", "", "", "", screened.error, True, "")
        else:
            if result.presumed not in presumed_words:
                presumed_words[result.presumed] = "; ".join(
                    presumed_phrase(presumption) for presumption in result.presumed)
            view = RowView(
                clinic_row.line, screened.case_id, (row.get("section") or "")[:40],
                result.outcome.value, outcome_labels[result.outcome], result.certainty.value,
                certainty_labels[result.certainty], track_labels[result.track],
                result.automatic.value, automatic_labels[result.automatic],
                presumed_words[result.presumed], "; ".join(result.citations), screened.error,
                bool(screened.error) or result.outcome is Outcome.NEEDS_REVIEW
                or result.certainty is Certainty.PRESUMED, screened.pdf)
        cases[case].rows.append(view)
    return list(people.values())


def results_page(screening: Screening, no_packets: bool = False):
    tally = screening.tally
    counts = [(outcome.value, str(OUTCOME_LABELS[outcome]), tally.outcomes.get(outcome, 0))
              for outcome in Outcome]
    people = grouped_rows(screening)
    needs_person = sum(1 for person in people for case in person.cases for row in case.rows
                       if row.needs_person)
    minutes = max(1, round(len(screening.packets) * SECONDS_PER_PACKET / PACKET_WORKERS / 60))
    return render_template(
        "clinic_results.html", people=people, counts=counts, total=tally.rows,
        errors=tally.errors, needs_person=needs_person, packets=len(screening.packets),
        minutes=minutes, csv_text=screening.text, no_packets=no_packets)


# -- Client summaries ---------------------------------------------------------------------------

@dataclass(frozen=True)
class SummaryItem:
    title: str
    headline: str
    outcome: str
    automatic: bool
    presumed: list[str]
    error: str


@dataclass(frozen=True)
class ClientSummary:
    name: str
    language: str
    items: list[SummaryItem]
    direction: str = "ltr"


@contextmanager
def speaking(code: str):
    """Render in the client's language (the CSV's ``language`` column), not the clinic's."""
    language = language_for(code)
    saved = g.get("translations")
    with force_locale(language.locale):
        g.translations = get_translations()
        try:
            yield language
        finally:
            g.translations = saved


def client_summaries(screening: Screening) -> list[Markup]:
    people: dict[tuple, list[ClinicRow]] = {}
    for clinic_row in screening.rows:
        person = tuple((clinic_row.row.get(column) or "").strip().casefold()
                       for column in ("first_name", "last_name", "date_of_birth"))
        people.setdefault(person, []).append(clinic_row)
    summaries = []
    for rows in people.values():
        with speaking(rows[0].row.get("language") or "en") as language:
            items = []
            for clinic_row in rows:
                result = clinic_row.screened.result
                title = " – ".join(part for part in (
                    case_title(clinic_row.row, clinic_row.line),
                    (clinic_row.row.get("section") or "").strip()[:40]) if part)
                if result is None:
                    items.append(SummaryItem(title, _("We could not read this row. Ask your "
                                                      "legal aid worker."), "", False, [],
                                             clinic_row.screened.error))
                    continue
                items.append(SummaryItem(
                    title, str(HEADLINES[result.outcome]), result.outcome.value,
                    result.automatic is not Automatic.NONE,
                    [presumed_phrase(presumption) for presumption in result.presumed], ""))
            summary = ClientSummary(person_name(rows[0].row), language.code, items,
                                    language.direction)
            # Rendered here, so that the headings too are in the client's language (with its
            # court names and code sections marked English, as on every translated page).
            page = render_template("clinic_summary_person.html", summary=summary)
            summaries.append(Markup(page if language == DEFAULT else mark_english(page)))
    return summaries
