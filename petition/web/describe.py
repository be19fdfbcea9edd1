"""Answers and results in plain words, in the person's language. Wording only: every
decision shown here was made by the engine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from babel.dates import format_skeleton
from flask import url_for
from flask_babel import format_date, format_decimal, get_locale
from markupsafe import Markup, escape

from petition.english_terms import english_span
from petition.next_steps import Name, Text, words
from petition.rules.catalogue import explain
from petition.rules.engine import OTHER_ROUTES, PRESUMED, Presumption, Result
from petition.rules.vocabulary import AgeBand, Automatic, Level, Outcome
from petition.web import interview
from petition.web.questions import QUESTIONS, UNKNOWN
from petition.web.translation import gettext as _
from petition.web.translation import lazy_gettext as _l
from petition.web.translation import request_translations

HEADLINES = {
    Outcome.DISMISS_AND_SEAL: _l("You likely qualify to have this conviction dismissed and "
                                 "sealed."),
    Outcome.REDUCE_TO_INFRACTION: _l("You likely qualify to have this conviction reduced to an "
                                     "infraction."),
    Outcome.REDUCE_TO_MISDEMEANOR: _l("You likely qualify to have this felony reduced to a "
                                      "misdemeanor."),
    Outcome.NOT_ELIGIBLE: _l("Prop 64 likely does not help with this conviction."),
    Outcome.NEEDS_REVIEW: _l("We cannot tell yet: we need to know more."),
}
# A juvenile court case is an adjudication, not a conviction (HS 11361.8(m)).
JUVENILE_HEADLINES = {
    Outcome.DISMISS_AND_SEAL: _l("You likely qualify to have this juvenile adjudication "
                                 "dismissed and sealed."),
    Outcome.REDUCE_TO_INFRACTION: _l("You likely qualify to have this juvenile adjudication "
                                     "reduced to an infraction."),
    Outcome.REDUCE_TO_MISDEMEANOR: _l("You likely qualify to have this juvenile adjudication "
                                      "reduced to a misdemeanor."),
}
# The short form for the summary at the top of a result with several convictions.
SUMMARY_NAMES = {
    Outcome.DISMISS_AND_SEAL: _l("can likely be dismissed and sealed"),
    Outcome.REDUCE_TO_INFRACTION: _l("can likely be reduced to an infraction"),
    Outcome.REDUCE_TO_MISDEMEANOR: _l("can likely be reduced to a misdemeanor"),
    Outcome.NOT_ELIGIBLE: _l("Prop 64 likely does not help"),
    Outcome.NEEDS_REVIEW: _l("we cannot tell yet"),
}
OUTCOME_NAMES = {
    Outcome.DISMISS_AND_SEAL: _l("dismissed and sealed"),
    Outcome.REDUCE_TO_INFRACTION: _l("reduced to an infraction"),
    Outcome.REDUCE_TO_MISDEMEANOR: _l("reduced to a misdemeanor"),
}
# Words the engine puts into its reasons (%(today)s, %(old)s): extracted here for translation.
LEVEL_WORDS = (_l("lawful"), _l("infraction"), _l("misdemeanor"), _l("felony"))

YES_NO_WORDS = {"yes": _l("Yes"), "no": _l("No"), UNKNOWN: _l("I don't know")}

# What was taken on the presumption, in words: (fact, value the engine took) -> phrase.
PRESUMED_PHRASES = {
    ("offense_date", True): _l("that it happened before 9 November 2016"),
    ("conviction_date", True): _l("that it happened before 9 November 2016"),
    ("age_at_offense", AgeBand.AGE_21_PLUS): _l("that you were 21 or older"),
    ("amount_grams", "small"): _l("that the amount was 28.5 grams (about 1 ounce) or less"),
    ("amount_grams", "large"): _l("that the amount was more than 28.5 grams"),
    ("concentrated", False): _l("that it was not concentrated cannabis"),
    ("concentrated", True): _l("that it was concentrated cannabis"),
    ("school_grounds", False): _l("that it was not on school grounds"),
    ("plants", "small"): _l("that there were 6 plants or fewer"),
    ("plants", "large"): _l("that there were more than 6 plants"),
    ("for_sale", False): _l("that it was not for selling"),
    ("sold_to_minor", False): _l("that no one under 18 was involved"),
    ("interstate", False): _l("that it did not cross the state line"),
    ("hired_under_21", False): _l("that you did not hire or use anyone under 21"),
    ("environmental_violation", False): _l("that the growing broke no environmental law"),
    ("superstrike", False): _l("that you had no earlier very serious conviction"),
    ("pc290", False): _l("that you had no earlier conviction needing registration"),
    ("prior_same_section", "small"): _l("that you had fewer than 2 earlier convictions for "
                                        "the same offense"),
    ("juvenile", False): _l("that the case was in adult court"),
    ("juvenile", True): _l("that the case was in juvenile court"),
    ("level", Level.FELONY): _l("that it was a felony"),
    ("level", Level.MISDEMEANOR): _l("that it was a misdemeanor"),
    ("level", Level.INFRACTION): _l("that it was an infraction"),
}
SMALL_LIMITS = {"amount_grams": 28.5, "plants": 6, "prior_same_section": 1}


def headline(result: Result) -> str:
    if result.juvenile and result.outcome in JUVENILE_HEADLINES:
        return str(JUVENILE_HEADLINES[result.outcome])
    return str(HEADLINES[result.outcome])


def why_automatic(result: Result, facts) -> str:
    """Why relief is or is not automatic, in the person's terms (issue 10, item 3)."""
    dismissal = result.outcome is Outcome.DISMISS_AND_SEAL
    if result.automatic is Automatic.DA_PROGRAM and result.program:
        if dismissal:
            return _("Good news: the %(agency)s ran a program that dismissed and sealed "
                     "convictions like this one without anyone filing.",
                     agency=_(result.program.agency))
        return _("Good news: the %(agency)s ran a program that reduced convictions like this "
                 "one without anyone filing.", agency=_(result.program.agency))
    if result.automatic is Automatic.STATEWIDE:
        if dismissal:
            return _("Good news: a state law (HS 11361.9) told the courts to dismiss and seal "
                     "convictions like this one without anyone filing. The courts were due to "
                     "finish in 2023, but some were missed. Step 1 below says how to check.")
        return _("Good news: a state law (HS 11361.9) told the courts to reduce convictions "
                 "like this one without anyone filing. The courts were due to finish in 2023, "
                 "but some were missed. Step 1 below says how to check.")
    if result.old_level is Level.INFRACTION:
        day = facts.offense_date or facts.conviction_date
        if day:
            return _("In %(year)s this was an infraction (like a traffic ticket). The automatic "
                     "reviews did not cover infractions, so you need to apply yourself.",
                     year=day.year)
        return _("Back then this was an infraction (like a traffic ticket). The automatic "
                 "reviews did not cover infractions, so you need to apply yourself.")
    if result.juvenile:
        return _("The automatic reviews did not cover juvenile court cases, so you need to "
                 "apply yourself.")
    return _("This was not part of an automatic review, so you need to apply yourself.")


def name_in_english(name: str) -> Markup:
    """A name kept as the court writes it; marked as English inside another language."""
    if str(get_locale()).startswith("en"):
        return Markup(escape(name))
    return english_span(name)


def say_name(name: Name) -> Markup:
    """Courts and prosecutors as the site names them in the person's language (glossary)."""
    if name.kind == "court":
        return Markup(escape(court_name(name.county)))
    if name.kind == "prosecutor":
        return Markup(escape(prosecutor_name(name.county)))
    if name.kind == "agency":
        return Markup(escape(_(name.english)))
    if name.kind == "place":
        return Markup(escape(name.english))
    return name_in_english(name.english)


def step_words(item: Text) -> Markup:
    return words(item, request_translations().ugettext, say_name)


def conviction_title(number: int, answers: dict[str, str], juvenile: bool = False) -> str:
    """A juvenile court case is an adjudication, not a conviction (HS 11361.8(m))."""
    section = answers.get("section")
    options = {option.value: option.label for option in QUESTIONS["section"].options}
    if section and section != UNKNOWN:
        if juvenile:
            return _("Juvenile case %(number)s: %(what)s", number=number,
                     what=options[section])
        return _("Conviction %(number)s: %(what)s", number=number, what=options[section])
    if juvenile:
        return _("Juvenile case %(number)s", number=number)
    return _("Conviction %(number)s", number=number)


def county_words(answers: dict[str, str]) -> str:
    county = answers.get("county")
    if county and county != UNKNOWN:
        return _("%(county)s County", county=county)
    return _("County not known")


def show_value(fact: str, value: str) -> str:
    question = QUESTIONS[fact]
    if value == UNKNOWN:
        return _("I don't know")
    if question.kind == "county":
        return county_words({"county": value})
    if question.kind == "choice":
        labels = {option.value: option.label for option in question.options}
        return str(labels.get(value, value))
    if question.kind == "date":
        if len(value) == 4:  # a year only (law.md E2)
            return value
        if len(value) == 7:  # a year and month
            return format_skeleton("yMMMM", date.fromisoformat(value + "-01"),
                                   locale=get_locale())
        return format_date(date.fromisoformat(value), "long")
    return f"{format_decimal(float(value))} {question.unit}"


@dataclass(frozen=True)
class AnswerRow:
    fact: str
    label: str
    value: str
    change_url: str


def answer_rows(number: int) -> list[AnswerRow]:
    return [
        AnswerRow(fact, str(QUESTIONS[fact].short), show_value(fact, value),
                  url_for("questions.ask", number=number, fact=fact, change="1"))
        for fact, value in interview.answered_in_order(number)
    ]


def presumed_phrase(presumption: Presumption) -> str:
    value = presumption.value
    if presumption.fact in SMALL_LIMITS and isinstance(value, int | float):
        value = "small" if value <= SMALL_LIMITS[presumption.fact] else "large"
    phrase = PRESUMED_PHRASES.get((presumption.fact, value))
    if phrase is None:
        return _("an answer to: %(question)s", question=QUESTIONS[presumption.fact].short)
    return str(phrase)


def reason_texts(result: Result) -> list[str]:
    # The result page says these in full under their own headings: never twice.
    return [
        _(reason.template, **{key: _(value) for key, value in reason.params})
        if reason.params else _(reason.template)
        for reason in result.reasons if reason.template not in (OTHER_ROUTES, PRESUMED)
    ]


@dataclass(frozen=True)
class CitationNote:
    citation: str
    anchor: str
    title: str
    explanation: str


def anchor_for(citation: str) -> str:
    return "rule-" + "".join(ch if ch.isalnum() else "-" for ch in citation.lower()).strip("-")


def citation_notes(result: Result) -> list[CitationNote]:
    notes = []
    for citation in result.citations:
        entry = explain(citation)
        notes.append(CitationNote(
            citation, anchor_for(citation),
            _(entry.title) if entry else "",
            _(entry.explanation) if entry else ""))
    return notes


def court_name(county) -> str:
    """The court's name as the county data gives it (in English, as on court papers); other
    languages get the same name from a translated pattern."""
    if county is None:
        # Templates put "the" before the name, as for "the Superior Court of ...".
        return _("superior court of the county where you were convicted")
    if str(get_locale()).startswith("en"):
        return county.court
    return _("Superior Court of California, County of %(county)s", county=county.name)


def prosecutor_name(county) -> str:
    if county is None:
        return _("District Attorney of that county")
    if str(get_locale()).startswith("en"):
        return county.prosecutor
    return _("District Attorney of %(county)s County", county=county.name)
