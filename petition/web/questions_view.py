"""One question per page, then Check your answers, for each conviction."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for

from petition.facts import FactsError
from petition.web import interview
from petition.web.describe import answer_rows, conviction_title
from petition.web.forms import Problem, born_on, form_for, read_answer
from petition.web.questions import QUESTIONS, WHY_WE_ASK, county_names
from petition.web.translation import gettext as _

blueprint = Blueprint("questions", __name__, url_prefix="/<lang>/conviction")


def step_url(number: int, step: str) -> str:
    if step == interview.CHECK:
        return url_for("questions.check", number=number)
    return url_for("questions.ask", number=number, fact=step)


@blueprint.get("/<int:number>")
def resume(number: int):
    if interview.conviction(number) is None:
        return redirect(url_for("questions.ask", number=len(interview.convictions()) + 1,
                                fact="county"))
    return redirect(step_url(number, interview.next_question(interview.answers_of(number))))


@blueprint.route("/<int:number>/<fact>", methods=["GET", "POST"])
def ask(number: int, fact: str):
    question = QUESTIONS.get(fact)
    if question is None:
        abort(404)
    stored = interview.convictions()
    if number > len(stored) + 1 or number < 1 or (
            number == len(stored) + 1 and len(stored) >= interview.MAX_CONVICTIONS):
        return redirect(url_for("pages.convictions"))
    answers = interview.answers_of(number)
    expected = interview.next_question(answers)
    if fact not in answers and fact != expected:
        return redirect(step_url(number, expected))

    problem: Problem | None = None
    if request.method == "POST":
        form = form_for(question, request.form)
        form.validate()  # binds the fields; the CSRF token was checked before the view ran
        value, problem = read_answer(question, form, "dont_know" in request.form, answers)
        if problem is None:
            try:
                interview.assess({**answers, fact: value})
            except FactsError:
                problem = Problem(
                    _("This answer does not fit with another answer you gave. Check this "
                      "answer, or change the other one on the Check your answers page."),
                    first_field_id(question))
        if problem is None:
            try:
                interview.record_answer(number, fact, value)
                born = born_on(form)
                if born and not interview.filer_details().get("date_of_birth"):
                    # Asked once: the papers need it too.
                    interview.save_filer_details({**interview.filer_details(),
                                                  "date_of_birth": born})
            except interview.TooMuchToKeep:
                problem = Problem(too_much_message(), first_field_id(question))
        if problem is None:
            return redirect(step_url(number, interview.next_question({**answers, fact: value})))
    else:
        form = form_for(question, stored=answers.get(fact))

    changing = request.args.get("change") == "1" or expected == interview.CHECK
    back = interview.previous_question(number, fact)
    if changing:
        back_url = url_for("questions.check", number=number)
    elif back:
        back_url = url_for("questions.ask", number=number, fact=back)
    elif number > 1:
        back_url = url_for("pages.convictions")
    else:
        back_url = url_for("pages.start")
    return render_template(
        "question.html", question=question, form=form, problem=problem, number=number,
        back_url=back_url, counties=county_names(), caption=conviction_title(number, answers),
        why_we_ask=WHY_WE_ASK,
        offer_birth_date=question.birth_date
        and answers.get("offense_date", "unknown") != "unknown",
    )


def too_much_message() -> str:
    return _("We cannot keep any more answers: your browser would lose all of them. Your "
             "earlier answers are safe. Shorten this answer, or remove a conviction you do not "
             "need. A legal aid clinic can screen many convictions at once with its clinic "
             "workspace.")


def first_field_id(question) -> str:
    return f"{question.fact}-month" if question.kind == "date" else question.fact


@blueprint.route("/<int:number>/check", methods=["GET", "POST"])
def check(number: int):
    if interview.conviction(number) is None:
        return redirect(url_for("pages.convictions"))
    answers = interview.answers_of(number)
    step = interview.next_question(answers)
    problem = None
    try:
        interview.assess(answers)
    except FactsError:
        problem = _("Some answers do not fit together. Change one of them.")
    if step != interview.CHECK and problem is None:
        return redirect(step_url(number, step))
    if request.method == "POST" and problem is None:
        interview.mark_checked(number)
        return redirect(url_for("pages.convictions"))
    last = interview.previous_question(number, interview.CHECK)
    back_url = url_for("questions.ask", number=number, fact=last) if last else \
        url_for("pages.start")
    return render_template("check.html", number=number, rows=answer_rows(number),
                           back_url=back_url,
                           caption=conviction_title(number, answers), problem=problem)
