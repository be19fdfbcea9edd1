"""The pages around the questions: start, your convictions, the result, and the guides."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_time
from flask import (
    Blueprint,
    Response,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import get_locale
from markupsafe import Markup

from petition.counties import County
from petition.facts import ConvictionFacts
from petition.next_steps import Step, steps_for
from petition.rules.catalogue import GROUPS, RULES
from petition.rules.engine import Result
from petition.rules.vocabulary import Automatic, Outcome
from petition.web import interview
from petition.web.describe import (
    OUTCOME_NAMES,
    SUMMARY_NAMES,
    CitationNote,
    anchor_for,
    citation_notes,
    conviction_title,
    county_words,
    court_name,
    headline,
    presumed_phrase,
    prosecutor_name,
    reason_texts,
    step_words,
    why_automatic,
)
from petition.web.glossary import GLOSSARY
from petition.web.sealed_session import idle_clock_started
from petition.web.translation import gettext as _

blueprint = Blueprint("pages", __name__, url_prefix="/<lang>")

# Where the person is sent after "Leave this site quickly": an ordinary, harmless page
# (config LEAVE_TO overrides it, e.g. for tests that must not reach the network).
LEAVE_TO = "https://www.google.com/search?q=weather"
CALIFORNIA = ZoneInfo("America/Los_Angeles")


@blueprint.app_context_processor
def next_steps_helpers():
    """The papers page shows the same steps as the result page, from the same source."""
    return {"step_groups": step_groups, "step_words": step_words,
            "answers_deleted_at": answers_deleted_at}


def answers_deleted_at() -> str:
    """When the answers will be deleted if the person does nothing, in California time (the
    notice a person reads without JavaScript; site.js adds the warning and "Keep my answers").
    Empty when there are no answers to lose."""
    if not interview.convictions():
        return ""
    started = idle_clock_started(session)
    start = datetime.now(CALIFORNIA) if started is None else datetime.fromtimestamp(
        started, CALIFORNIA)
    deadline = start + current_app.permanent_session_lifetime
    return california_time(deadline.replace(second=0, microsecond=0), str(get_locale()))


@lru_cache(maxsize=64)
def california_time(moment: datetime, locale: str) -> str:
    """A time of day as hours and minutes (the same for everyone: nothing personal)."""
    return format_time(moment, "short", tzinfo=CALIFORNIA, locale=locale)


@blueprint.get("/")
def start():
    return render_template("start.html", has_answers=bool(interview.convictions()))


@blueprint.route("/convictions", methods=["GET", "POST"])
def convictions():
    stored = interview.convictions()
    if not stored:
        return redirect(url_for("questions.ask", number=1, fact="county"))
    rows = [(number, conviction_title(number, entry["answers"]),
             county_words(entry["answers"]),
             interview.next_question(entry["answers"]) == interview.CHECK)
            for number, entry in enumerate(stored, 1)]
    problem = None
    if request.method == "POST":
        choice = request.form.get("add_another", "")
        if choice == "yes" and len(stored) < interview.MAX_CONVICTIONS:
            return redirect(url_for("questions.ask", number=len(stored) + 1, fact="county"))
        if choice == "no":
            unfinished = [number for number, _t, _c, done in rows if not done]
            if unfinished:
                return redirect(url_for("questions.resume", number=unfinished[0]))
            return redirect(url_for("pages.result"))
        if choice == "yes":
            problem = limit_message()
        else:
            problem = _("Choose yes if you have another conviction to add, or no.")
    return render_template("convictions.html", rows=rows, problem=problem,
                           can_add=len(stored) < interview.MAX_CONVICTIONS,
                           limit=interview.MAX_CONVICTIONS, limit_message=limit_message())


def limit_message() -> str:
    return _("You can add up to %(count)s convictions here. For more, a legal aid clinic can "
             "check all of them at once with its clinic workspace.",
             count=interview.MAX_CONVICTIONS)


@blueprint.get("/convictions/<int:number>/remove")
def confirm_remove(number: int):
    """GOV.UK's pattern: Remove asks first, on a page of its own (works without JavaScript)."""
    stored = interview.convictions()
    if not 1 <= number <= len(stored):
        return redirect(url_for("pages.convictions"))
    return render_template("remove.html", number=number,
                           title=conviction_title(number, stored[number - 1]["answers"]),
                           county=county_words(stored[number - 1]["answers"]))


@blueprint.post("/convictions/<int:number>/remove")
def remove(number: int):
    interview.remove(number)
    if interview.convictions():
        return redirect(url_for("pages.convictions"))
    return redirect(url_for("pages.start"))


@dataclass(frozen=True)
class ConvictionResult:
    number: int
    title: str
    county: County | None
    county_words: str
    facts: ConvictionFacts
    result: Result
    headline: str
    reasons: list[str]
    notes: list[CitationNote]
    presumed: list[str]
    alternative: str
    why_automatic: str

    @property
    def gives_relief(self) -> bool:
        return self.result.outcome.gives_relief

    @property
    def automatic(self) -> bool:
        return self.result.automatic is not Automatic.NONE

    @property
    def summary(self) -> str:
        return str(SUMMARY_NAMES[self.result.outcome])


@dataclass(frozen=True)
class StepGroup:
    """The numbered steps for the convictions of one county that share what to do."""

    county_words: str
    items: tuple[ConvictionResult, ...]
    steps: tuple[Step, ...]

    @property
    def numbers(self) -> str:
        return ", ".join(str(item.number) for item in self.items)


def step_groups(items: list[ConvictionResult]) -> list[StepGroup]:
    """One list of steps per county for the convictions that give relief (they are filed in
    that county's court), in the order the convictions were given."""
    by_county: dict[str, list[ConvictionResult]] = {}
    for item in items:
        if item.gives_relief:
            by_county.setdefault(item.county.name if item.county else "", []).append(item)
    return [StepGroup(group[0].county_words, tuple(group),
                      steps_for(group[0].county, [item.result for item in group]))
            for group in by_county.values()]


def results() -> list[ConvictionResult]:
    return [conviction_result(number, answers)
            for number, answers in interview.complete_convictions()]


def conviction_result(number: int, answers: dict[str, str]) -> ConvictionResult:
    assessment = interview.assess(answers)
    result = assessment.result
    alternative = OUTCOME_NAMES.get(result.alternative) if result.alternative else None
    return ConvictionResult(
        number=number, title=conviction_title(number, answers, result.juvenile),
        county=assessment.facts.county, county_words=county_words(answers),
        facts=assessment.facts, result=result, headline=headline(result),
        reasons=reason_texts(result), notes=citation_notes(result),
        presumed=[presumed_phrase(p) for p in result.presumed],
        alternative=str(alternative) if alternative else "",
        why_automatic=why_automatic(result, assessment.facts) if result.outcome.gives_relief
        else "",
    )


@blueprint.get("/result")
def result():
    shown = results()
    if not shown:
        return redirect(url_for("questions.resume", number=1))
    return render_template("result.html", results=shown, result_card=result_card,
                           groups=step_groups(shown),
                           any_relief=any(item.gives_relief for item in shown))


@blueprint.get("/result/print")
def result_print():
    """One or two pages to take to a clinic: each outcome, what was presumed, the steps with
    their links written out."""
    shown = results()
    if not shown:
        return redirect(url_for("questions.resume", number=1))
    return render_template("result_print.html", results=shown, groups=step_groups(shown),
                           steps_for=steps_for, Outcome=Outcome)


def result_card(item: ConvictionResult) -> Markup:
    return Markup(render_template("_result_card.html", item=item, Outcome=Outcome,
                                  Automatic=Automatic, court_name=court_name,
                                  prosecutor_name=prosecutor_name, steps_for=steps_for,
                                  step_words=step_words))


@blueprint.get("/how-we-decide")
def how_we_decide():
    groups = [(_(group), [entry for entry in RULES if entry.group == group]) for group in GROUPS]
    return render_template("how_we_decide.html", groups=groups, anchor_for=anchor_for)


@blueprint.get("/glossary")
def glossary():
    return render_template("glossary.html", glossary=GLOSSARY)


@blueprint.get("/still-here")
def still_here():
    """'Keep my answers' on the timeout warning: the session is sealed again, so its 30
    minutes start now."""
    session.modified = True
    return Response(status=204, mimetype="text/plain")


@blueprint.post("/clear")
def clear():
    interview.clear()
    return redirect(url_for("pages.start", cleared="1"))


@blueprint.get("/leave")
def leave():
    interview.clear()
    return redirect(current_app.config.get("LEAVE_TO", LEAVE_TO))

