"""After the result: the person's details, the CR-400 waiver choices, and the papers.

The PDF is built in memory and streamed: it is never written to disk and never logged.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import date

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.exceptions import ServiceUnavailable

from petition.documents.filings import Filing, filings
from petition.documents.model import Conviction, Filer, PacketCase
from petition.web import interview
from petition.web.forms import AnswerForm, latin_digits, printable
from petition.web.limits import limit_packets
from petition.web.pages import ConvictionResult, results
from petition.web.translation import gettext as _
from petition.web.translation import lazy_gettext as _l

blueprint = Blueprint("papers", __name__, url_prefix="/<lang>")

MAX_FIELD = 100


@dataclass(frozen=True)
class DetailField:
    name: str
    label: object
    hint: object = ""
    autocomplete: str = ""
    width: str = ""
    input_type: str = "text"


DETAIL_FIELDS = (
    DetailField("first_name", _l("First name"), autocomplete="given-name"),
    DetailField("last_name", _l("Last name"), autocomplete="family-name"),
    DetailField("record_name", _l("Name as on your court record (optional)"),
                _l("Fill this in only if your court papers show another name, for example "
                   "a name you used before. The court papers use it to find your case."),
                autocomplete="off"),
    DetailField("street", _l("Street address"), autocomplete="street-address"),
    DetailField("city", _l("City"), autocomplete="address-level2"),
    DetailField("state", _l("State"), _l("2 letters, for example CA"),
                autocomplete="address-level1", width="usa-input--xs"),
    DetailField("zip", _l("ZIP code"), autocomplete="postal-code", width="usa-input--small"),
    DetailField("phone", _l("Phone number"), autocomplete="tel", width="usa-input--medium",
                input_type="tel"),
    DetailField("email", _l("Email (optional)"), autocomplete="email", input_type="email"),
)
WAIVERS = (
    ("waive_original_judge",
     _l("Do you agree that a judge other than the one who sentenced you can decide?"),
     _l("If you say no, you may have to wait for the original judge. Most people say yes.")),
    ("waive_appearance",
     _l("Do you agree to let the court decide without you being there?"),
     _l("If you say no, you must go to court for a hearing. Most people say yes.")),
)
WAIVER_VALUES = ("yes", "no", "unknown")


def relief_results() -> list[ConvictionResult]:
    return [item for item in results() if item.gives_relief]


def detail_problems(details: dict[str, str]) -> list[tuple[str, str]]:
    """(field id, message) for values that cannot go on court papers as they are."""
    problems = []
    for name, value in details.items():
        if len(value) > MAX_FIELD:
            problems.append((name, _("This is too long: use at most %(count)s characters.",
                                     count=MAX_FIELD)))
    if details.get("state") and not re.fullmatch(r"[A-Za-z]{2}", details["state"]):
        problems.append(("state", _("Enter the state as 2 letters, for example CA.")))
    if details.get("zip") and not re.fullmatch(r"[0-9]{5}(-[0-9]{4})?", details["zip"]):
        problems.append(("zip", _("Enter a ZIP code with 5 numbers, for example 94102.")))
    digits = re.sub(r"[\s().+-]", "", details.get("phone", ""))
    if details.get("phone") and not re.fullmatch(r"1?[0-9]{10}", digits):
        problems.append(("phone", _("Enter a phone number with 10 numbers, for example "
                                    "415 555 0100.")))
    if details.get("email") and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", details["email"]):
        problems.append(("email", _("Enter an email address like name@example.com, or leave "
                                    "it blank.")))
    return problems


def birth_date(form) -> tuple[str, tuple[str, str] | None]:
    parts = {part: form.get(f"date_of_birth-{part}", "").strip()
             for part in ("month", "day", "year")}
    if not any(parts.values()):
        return "", None
    try:
        born = date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
        if not 1900 <= born.year <= date.today().year - 8:
            raise ValueError
    except ValueError:
        return "", ("date_of_birth-month", _("Enter your real date of birth, for example "
                                               "3 27 1980, or leave it blank."))
    return born.isoformat(), None


@blueprint.route("/details", methods=["GET", "POST"])
def details():
    items = relief_results()
    if not items:
        return redirect(url_for("pages.result"))
    stored = interview.filer_details()
    form = AnswerForm()
    problems: list[tuple[str, str]] = []
    values = dict(stored)
    case_numbers = {item.number: item.facts.case_number for item in items}
    if request.method == "POST":
        form.validate()
        values = {field.name: printable(request.form.get(field.name, ""), 1000).strip()
                  for field in DETAIL_FIELDS}
        for name in ("zip", "phone"):
            values[name] = latin_digits(values[name])
        born, problem = birth_date(request.form)
        values["date_of_birth"] = born
        problems = detail_problems(values)
        if problem:
            problems.append(problem)
            values["date_of_birth-parts"] = {
                part: printable(request.form.get(f"date_of_birth-{part}", ""), 10)
                for part in ("month", "day", "year")}
        case_numbers = {item.number: printable(request.form.get(f"case_number-{item.number}",
                                                                 ""), 1000).strip()
                        for item in items}
        for number, case_number in case_numbers.items():
            if len(case_number) > 40 or not re.fullmatch(r"[A-Za-z0-9 ./-]*", case_number):
                problems.append((f"case_number-{number}", _(
                    "Enter the case number as it is on your papers: letters, numbers and "
                    "dashes only.")))
        if not problems:
            values["state"] = values["state"].upper()
            try:
                interview.save_filer_details({k: v for k, v in values.items() if v})
                interview.set_case_numbers(case_numbers)
                return redirect(url_for("papers.choices"))
            except interview.TooMuchToKeep:
                problems.append(("first_name", _(
                    "We cannot keep this much: your browser would lose all your answers. "
                    "Shorten the longest answers (a street address, for example) and try "
                    "again.")))
    if "date_of_birth-parts" not in values and values.get("date_of_birth"):
        try:
            born = date.fromisoformat(values["date_of_birth"])
            values["date_of_birth-parts"] = {"month": str(born.month), "day": str(born.day),
                                             "year": str(born.year)}
        except ValueError:  # kept by an older version of the site: drop it, and say so
            values.pop("date_of_birth")
            interview.save_filer_details({k: v for k, v in stored.items()
                                          if k != "date_of_birth"})
            problems.append(("date_of_birth-month", _(
                "We could not read the date of birth you gave before. Enter it again, or "
                "leave it blank.")))
    return render_template("details.html", fields=DETAIL_FIELDS, values=values, items=items,
                           case_numbers=case_numbers, problems=problems, form=form)


@blueprint.route("/choices", methods=["GET", "POST"])
def choices():
    if not relief_results():
        return redirect(url_for("pages.result"))
    chosen = dict(interview.waivers())
    problems = []
    if request.method == "POST":
        chosen = {name: request.form.get(name, "") for name, _q, _h in WAIVERS}
        problems = [(name, _("Choose yes, no, or \"I am not sure\"."))
                    for name, value in chosen.items() if value not in WAIVER_VALUES]
        if not problems:
            try:
                interview.save_waivers(chosen)
                return redirect(url_for("papers.papers"))
            except interview.TooMuchToKeep:
                problems = [(WAIVERS[0][0], _(
                    "We cannot keep this much: your browser would lose all your answers. "
                    "Go back and shorten the longest answers (a street address, for example)."))]
    return render_template("choices.html", waivers=WAIVERS, chosen=chosen, problems=problems)


def packets() -> list[Filing[ConvictionResult]]:
    """One packet per court case, grouped as the command line groups them (one person here)."""
    return filings(relief_results(), lambda item: item.facts)


def packet_builder():
    try:
        from petition.documents.packet import build_packet
    except ImportError:
        return None
    return build_packet


@blueprint.get("/papers")
def papers():
    found = packets()
    if not found:
        return redirect(url_for("pages.result"))
    return render_template("papers.html", packets=found, ready=packet_builder() is not None)


def as_choice(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


@blueprint.get("/papers/<int:number>.pdf")
@limit_packets
def download(number: int):
    found = {packet.number: packet for packet in packets()}
    build_packet = packet_builder()
    if number not in found or build_packet is None:
        abort(404)
    headers = {"Content-Disposition": f'attachment; filename="prop64-papers-{number}.pdf"',
               "Cache-Control": "no-store"}
    if request.method == "HEAD":  # says the packet exists without paying for it
        return Response(mimetype="application/pdf", headers=headers)
    packet = found[number]
    from petition.web.language import current_language

    chosen = interview.waivers()
    case = PacketCase(
        filer=Filer(**{key: value for key, value in interview.filer_details().items()
                       if key in Filer.__dataclass_fields__}),
        county=packet.county,
        case_number=packet.case_number,
        convictions=tuple(Conviction(item.facts, item.result) for item in packet.items),
        evaluation_date=interview.today(),
        language=current_language().code,
        waive_original_judge=as_choice(chosen.get("waive_original_judge")),
        waive_appearance=as_choice(chosen.get("waive_appearance")),
    )
    slots = render_slots(current_app)
    if not slots.acquire(blocking=False):
        raise RendersBusy(retry_after=RETRY_AFTER_SECONDS)
    try:
        pdf = build_packet(case)
    finally:
        slots.release()
    return Response(pdf, mimetype="application/pdf", headers=headers)


RETRY_AFTER_SECONDS = 5


class RendersBusy(ServiceUnavailable):
    """Every render slot of this worker is taken: try again in a few seconds."""


def render_slots(app) -> threading.BoundedSemaphore:
    """A packet costs about 0.4 CPU-seconds: at most PACKET_RENDERS_PER_WORKER at once in a
    worker, so a flood of downloads cannot leave the question pages waiting."""
    return app.extensions.setdefault(
        "packet_render_slots",
        threading.BoundedSemaphore(app.config.get("PACKET_RENDERS_PER_WORKER", 1)))
