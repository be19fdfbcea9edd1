"""The pages around the questions: start, your convictions, the result, and the guides."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from markupsafe import Markup

from petition.counties import County
from petition.facts import ConvictionFacts
from petition.rules.catalogue import GROUPS, RULES
from petition.rules.engine import Result
from petition.rules.vocabulary import Automatic, Outcome
from petition.web import interview
from petition.web.describe import (
    HEADLINES,
    OUTCOME_NAMES,
    CitationNote,
    anchor_for,
    citation_notes,
    conviction_title,
    county_words,
    court_name,
    presumed_phrase,
    prosecutor_name,
    reason_texts,
)
from petition.web.glossary import GLOSSARY
from petition.web.translation import gettext as _

blueprint = Blueprint("pages", __name__, url_prefix="/<lang>")

# Where the person is sent after "Leave this site quickly": an ordinary, harmless page
# (config LEAVE_TO overrides it, e.g. for tests that must not reach the network).
LEAVE_TO = "https://www.google.com/search?q=weather"


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

    @property
    def gives_relief(self) -> bool:
        return self.result.outcome.gives_relief

    @property
    def automatic(self) -> bool:
        return self.result.automatic is not Automatic.NONE


def results() -> list[ConvictionResult]:
    return [conviction_result(number, answers)
            for number, answers in interview.complete_convictions()]


def conviction_result(number: int, answers: dict[str, str]) -> ConvictionResult:
    assessment = interview.assess(answers)
    result = assessment.result
    alternative = OUTCOME_NAMES.get(result.alternative) if result.alternative else None
    return ConvictionResult(
        number=number, title=conviction_title(number, answers),
        county=assessment.facts.county, county_words=county_words(answers),
        facts=assessment.facts, result=result, headline=str(HEADLINES[result.outcome]),
        reasons=reason_texts(result), notes=citation_notes(result),
        presumed=[presumed_phrase(p) for p in result.presumed],
        alternative=str(alternative) if alternative else "",
    )


@blueprint.get("/result")
def result():
    shown = results()
    if not shown:
        return redirect(url_for("questions.resume", number=1))
    return render_template("result.html", results=shown, result_card=result_card,
                           any_relief=any(item.gives_relief for item in shown))


def result_card(item: ConvictionResult) -> Markup:
    return Markup(render_template("_result_card.html", item=item, Outcome=Outcome,
                                  Automatic=Automatic, court_name=court_name,
                                  prosecutor_name=prosecutor_name))


@blueprint.get("/how-we-decide")
def how_we_decide():
    groups = [(_(group), [entry for entry in RULES if entry.group == group]) for group in GROUPS]
    return render_template("how_we_decide.html", groups=groups, anchor_for=anchor_for)


@blueprint.get("/glossary")
def glossary():
    return render_template("glossary.html", glossary=GLOSSARY)


@blueprint.post("/clear")
def clear():
    interview.clear()
    return redirect(url_for("pages.start", cleared="1"))


@blueprint.get("/leave")
def leave():
    interview.clear()
    return redirect(current_app.config.get("LEAVE_TO", LEAVE_TO))

