"""law.md E7, "What still matters": answering only what the engine asks gives the same
outcome and automatic status as answering everything (certainty aside).

A resident starts with the facts a person always gives first (county and section), then
answers the first open question they have not answered, from the full facts ("I don't
know" where the full facts are blank too), until nothing open is left unanswered.
"""

from datetime import date

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from petition.facts import FactsError, parse_conviction
from petition.rules.engine import evaluate

TODAY = date(2026, 11, 26)
FIRST = ("county", "section")
YES_NO_BLANK = st.sampled_from(["yes", "no", ""])


def partial(day: date) -> st.SearchStrategy[str]:
    return st.sampled_from([day.isoformat(), day.isoformat()[:7], day.isoformat()[:4], ""])


@st.composite
def rows(draw) -> dict[str, str]:
    offense = draw(st.dates(date(1995, 1, 1), date(2018, 12, 31)))
    convicted = draw(st.dates(offense, date(2019, 12, 31)))
    juvenile = draw(YES_NO_BLANK)
    return {
        "county": draw(st.sampled_from(["Fresno", "San Francisco", ""])),
        "section": draw(st.sampled_from(["11357", "11358", "11359", "11360", "11357(a)",
                                         "11357(b)", "11357(c)", "11357(d)", "11357(e)",
                                         "11360(a)", "11360(b)", "PC 1203.4", ""])),
        "level": draw(st.sampled_from(["felony", "misdemeanor", "infraction", ""])),
        "offense_date": draw(partial(offense)),
        "conviction_date": draw(partial(convicted)),
        "juvenile": juvenile,
        "age_at_offense": draw(st.sampled_from(
            ["14", "17", ""] if juvenile == "yes" else ["14", "17", "18", "20", "21", "40", ""])),
        "amount_grams": draw(st.sampled_from(["3", "8", "20", "28.5", "40", "900", ""])),
        "concentrated": draw(YES_NO_BLANK),
        "plants": draw(st.sampled_from(["3", "6", "7", "40", ""])),
        "sentence_status": draw(st.sampled_from(["serving", "completed", ""])),
        "prior_same_section": draw(st.sampled_from(["0", "1", "2", ""])),
        **{fact: draw(YES_NO_BLANK) for fact in (
            "for_sale", "school_grounds", "superstrike", "pc290", "sold_to_minor",
            "hired_under_21", "environmental_violation", "interstate")},
    }


def decided(row: dict[str, str]):
    return evaluate(parse_conviction(row, TODAY), TODAY)


def interview(full: dict[str, str]) -> dict[str, str]:
    """The answers a resident gives when answering only what is asked."""
    answers = {fact: full[fact] for fact in FIRST}
    while True:
        asked = [fact for fact in decided(answers).open_questions if fact not in answers]
        if not asked:
            return answers
        answers[asked[0]] = full[asked[0]]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(rows())
@example({"county": "Fresno", "section": "11357", "level": "", "offense_date": "2012-03-01",
          "conviction_date": "", "juvenile": "no", "age_at_offense": "30", "amount_grams": "40",
          "concentrated": "no", "plants": "", "sentence_status": "completed",
          "prior_same_section": "0", "for_sale": "", "school_grounds": "no", "superstrike": "no",
          "pc290": "no", "sold_to_minor": "no", "hired_under_21": "no",
          "environmental_violation": "no", "interstate": "no"})
# E10 with facts that only matter together: 3 g, concentrate unknown, in 2011 could be an
# infraction (old 11357(b)), so automatic is none until `concentrated` is asked.
@example({"county": "Fresno", "section": "11357", "level": "", "offense_date": "2011-01-01",
          "conviction_date": "2011-01-01", "juvenile": "no", "age_at_offense": "14",
          "amount_grams": "3", "concentrated": "yes", "plants": "3", "sentence_status": "serving",
          "prior_same_section": "0", "for_sale": "yes", "school_grounds": "", "superstrike": "yes",
          "pc290": "yes", "sold_to_minor": "yes", "hired_under_21": "yes",
          "environmental_violation": "yes", "interstate": "yes"})
def test_answering_only_what_is_asked_gives_the_answer_every_fact_gives(full):
    try:
        everything = decided(full)
    except FactsError:
        assume(False)
    asked = decided(interview(full))
    assert (asked.outcome, asked.automatic) == (everything.outcome, everything.automatic)
