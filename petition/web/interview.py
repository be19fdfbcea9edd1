"""The interview's state: each conviction's answers, kept only in the signed session cookie.

Answers are stored as the CSV values of design.md (``"unknown"`` for "I don't know"), so
the engine reads a web answer exactly as it reads a screening row. The next question is
whatever the engine still lists as open and the person has not answered: no branching here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from flask import g, has_request_context, session

from petition.facts import ConvictionFacts, FactsError, parse_conviction
from petition.rules.engine import QUESTION_ORDER, Result, decide, evaluate
from petition.web.sealed_session import session_fits

# Privacy: decisions are remembered across requests only by their legal categories (the
# section, amount and age bands, yes/no facts, the automatic status each old level would
# get: engine.Categories), never by a typed value, a date, a name or anything that
# identifies a person (design.md, "Privacy and safety"). Answers themselves live only in
# the sealed session cookie.
DECIDE_BY_CATEGORY = lru_cache(maxsize=4096)(decide)

# County and section are always asked first: they say where and what, and the engine
# cannot list what else matters without them.
FIRST_QUESTIONS = ("county", "section")
CHECK = "check"
# Compressed and sealed, 20 convictions with every question answered take about 2 KB of
# the cookie's 4 KB (tests/web/test_session.py); what would not fit is refused with a message.
MAX_CONVICTIONS = 20


class TooMuchToKeep(Exception):
    """The answers would no longer fit in the session cookie: nothing was saved."""


@dataclass(frozen=True)
class Assessment:
    facts: ConvictionFacts
    result: Result


def today() -> date:
    return date.today()


def convictions() -> list[dict]:
    """Every conviction as {"answers": {fact: value}, "asked": [fact, ...], "checked": bool}."""
    return session.get("convictions", [])


def keep(key: str, value) -> None:
    """Store ``value`` in the session, or raise TooMuchToKeep (and store nothing) when the
    browser would drop a cookie that large, losing every answer without a word."""
    if not session_fits({**session, key: value}):
        raise TooMuchToKeep(key)
    session[key] = value


def save(all_convictions: list[dict]) -> None:
    keep("convictions", all_convictions)


def conviction(number: int) -> dict | None:
    """Conviction ``number`` (counted from 1, as people count)."""
    stored = convictions()
    return stored[number - 1] if 1 <= number <= len(stored) else None


def answers_of(number: int) -> dict[str, str]:
    stored = conviction(number)
    return dict(stored["answers"]) if stored else {}


def assess(answers: dict[str, str]) -> Assessment:
    """The engine's view of these answers. Raises FactsError if they cannot all be true.

    Remembered for the rest of the request only (a page asks several times): answers must
    not outlive the request on the server (design.md, privacy)."""
    key = tuple(sorted(answers.items()))
    remembered = g.setdefault("assessments", {}) if has_request_context() else {}
    if key not in remembered:
        facts = parse_conviction(answers, today())
        remembered[key] = Assessment(facts, evaluate(facts, today(), DECIDE_BY_CATEGORY))
    return remembered[key]


def next_question(answers: dict[str, str]) -> str:
    """The first fact the engine still needs that the person has not answered, or CHECK."""
    for fact in FIRST_QUESTIONS:
        if fact not in answers:
            return fact
    try:
        open_questions = assess(answers).result.open_questions
    except FactsError:
        return CHECK  # the check page shows the answers so the person can fix them
    for fact in open_questions:
        if fact not in answers:
            return fact
    return CHECK


def still_asked(answers: dict[str, str]) -> dict[str, str]:
    """The answers the engine still asks for after a change: replaying the interview from
    the first questions, an answer is kept when some step lists its fact as open. The others
    (the amount after the section changed to cultivation, say) are dropped, never silently
    used. Details that are not facts of the decision (the case number) are kept."""
    kept = {fact: answers[fact] for fact in FIRST_QUESTIONS if fact in answers}
    while True:
        try:
            open_questions = assess(kept).result.open_questions
        except FactsError:
            return answers  # Check your answers shows them so the person can fix them
        waiting = [fact for fact in open_questions if fact in answers and fact not in kept]
        if not waiting:
            break
        kept[waiting[0]] = answers[waiting[0]]
    return {**{key: value for key, value in answers.items() if key not in QUESTION_ORDER},
            **kept}


def record_answer(number: int, fact: str, value: str) -> None:
    """Raises TooMuchToKeep when there is no room for it (or for another conviction)."""
    stored = convictions()
    if number == len(stored) + 1:
        if len(stored) >= MAX_CONVICTIONS:
            raise TooMuchToKeep("convictions")
        stored = [*stored, {"answers": {}, "asked": [], "checked": False}]
    entry = dict(stored[number - 1])
    entry["answers"] = still_asked({**entry["answers"], fact: value})
    entry["asked"] = [asked for asked in entry["asked"] if asked != fact
                      and asked in entry["answers"]] + [fact]
    entry["checked"] = False
    stored = [*stored[: number - 1], entry, *stored[number:]]
    save(stored)


def mark_checked(number: int) -> None:
    stored = convictions()
    if conviction(number) is not None:
        stored = [dict(entry) for entry in stored]
        stored[number - 1]["checked"] = True
        save(stored)


def remove(number: int) -> None:
    stored = convictions()
    if conviction(number) is not None:
        save([entry for index, entry in enumerate(stored, 1) if index != number])


def previous_question(number: int, fact: str) -> str | None:
    """The question answered just before ``fact``, for the Back link."""
    stored = conviction(number)
    asked = stored["asked"] if stored else []
    if fact in asked:
        position = asked.index(fact)
        return asked[position - 1] if position else None
    return asked[-1] if asked else None


def answered_in_order(number: int) -> list[tuple[str, str]]:
    """Answers for Check your answers, always in the one order of QUESTION_ORDER."""
    stored = conviction(number)
    if not stored:
        return []
    answers = stored["answers"]
    return [(fact, answers[fact]) for fact in QUESTION_ORDER if fact in answers]


def complete_convictions() -> list[tuple[int, dict[str, str]]]:
    """Convictions whose questions are all answered, numbered from 1."""
    return [(number, entry["answers"]) for number, entry in enumerate(convictions(), 1)
            if next_question(entry["answers"]) == CHECK]


def clear() -> None:
    session.clear()


def set_case_numbers(case_numbers: dict[int, str]) -> None:
    """Case numbers belong to each conviction (one filing per case number)."""
    stored = [dict(entry) for entry in convictions()]
    for number, case_number in case_numbers.items():
        if 1 <= number <= len(stored):
            stored[number - 1]["answers"] = {**stored[number - 1]["answers"],
                                             "case_number": case_number}
    save(stored)


def filer_details() -> dict[str, str]:
    return session.get("filer", {})


def save_filer_details(details: dict[str, str]) -> None:
    keep("filer", details)


def waivers() -> dict[str, str]:
    return session.get("waivers", {})


def save_waivers(choices: dict[str, str]) -> None:
    keep("waivers", choices)
