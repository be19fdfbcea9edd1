"""The engine names the unknown facts that could still change the answer, in asking order:
the interview asks exactly those and stops when none is left."""

from datetime import date

import pytest

from petition.facts import parse_conviction
from petition.rules.engine import QUESTION_ORDER, evaluate

TODAY = date(2026, 11, 26)


def open_questions(**row) -> tuple[str, ...]:
    return evaluate(parse_conviction(row, TODAY), TODAY).open_questions


def test_with_nothing_known_the_section_comes_first():
    assert open_questions() == ("section",)


def test_a_section_outside_prop_64_needs_nothing_more():
    assert open_questions(section="PC 1203.4") == ()


def test_possession_asks_when_age_amount_and_where_but_never_about_sales_or_plants():
    asked = open_questions(section="11357")
    assert asked[:3] == ("county", "offense_date", "conviction_date")
    assert {"amount_grams", "school_grounds", "age_at_offense"} <= set(asked)
    assert not {"for_sale", "plants", "superstrike", "pc290", "interstate"} & set(asked)


def test_concentrate_is_asked_only_once_the_amount_makes_it_matter():
    """8 g or less is within both limits; 20 g is within only the 28.5 g one. (Before 2011 a
    small amount was a misdemeanor, so the old level does not hang on it either: E4.)"""
    assert "concentrated" not in open_questions(section="11357", amount_grams="5",
                                                offense_date="2009-01-01")
    assert "concentrated" in open_questions(section="11357", amount_grams="20",
                                            offense_date="2009-01-01")


def test_questions_come_in_the_order_a_person_should_be_asked():
    asked = open_questions(section="11360")
    assert list(asked) == sorted(asked, key=QUESTION_ORDER.index)


def test_answered_facts_are_not_asked_again():
    asked = open_questions(section="11359", county="Fresno", offense_date="2012-01-01",
                           age_at_offense="30", superstrike="no", pc290="no")
    assert not {"county", "offense_date", "age_at_offense", "superstrike", "pc290"} & set(asked)
    assert {"prior_same_section", "sold_to_minor", "hired_under_21", "sentence_status"} <= set(
        asked)


def test_disqualifiers_are_not_asked_when_the_conduct_is_lawful_today():
    asked = open_questions(section="11358", county="Fresno", offense_date="2012-01-01",
                           age_at_offense="30", plants="4")
    assert not {"superstrike", "pc290", "prior_same_section", "environmental_violation"} & set(
        asked)


def test_nothing_is_left_to_ask_once_every_fact_that_matters_is_known():
    assert open_questions(section="11359", county="Fresno", offense_date="2012-01-01",
                          level="felony", age_at_offense="30", superstrike="no", pc290="no",
                          prior_same_section="0", sold_to_minor="no", hired_under_21="no",
                          sentence_status="completed") == ()


def test_a_disqualifier_known_yes_ends_the_questions_about_conduct():
    asked = open_questions(section="11359", county="Fresno", offense_date="2012-01-01",
                           age_at_offense="30", pc290="yes")
    assert asked == ()


@pytest.mark.parametrize("row, question", [
    ({"section": "11359", "county": "San Francisco", "offense_date": "1974-06-01"},
     "conviction_date"),
    ({"section": "11359", "age_at_offense": "16"}, "juvenile"),
    ({"section": "11359", "offense_date": "", "conviction_date": "2018-01-01"}, "offense_date"),
])
def test_facts_that_change_automatic_relief_or_scope_are_asked(row, question):
    assert question in open_questions(**row)


def test_the_age_is_asked_where_being_under_18_would_change_the_answer():
    """Possession for sale is a misdemeanor at 18 or over, an infraction under 18."""
    assert "age_at_offense" in open_questions(section="11359", county="Fresno",
                                              offense_date="2010-01-01", level="felony")


def test_the_engine_keeps_no_cache_so_the_site_leaves_no_decisions_in_memory():
    """Only a batch keeps decisions (screening.BatchEvaluator), keyed on legal categories."""
    from petition.rules import engine

    cached = [name for name, value in vars(engine).items() if hasattr(value, "cache_info")]
    assert cached == []


def test_where_the_old_level_could_have_been_an_infraction_what_settles_it_is_asked():
    """law.md E10: never promise a review that may not have come."""
    result = evaluate(parse_conviction({"section": "11357(b)", "amount_grams": "10",
                                        "concentrated": "no", "age_at_offense": "30"}, TODAY),
                      TODAY)
    assert result.automatic == "none"
    assert {"offense_date", "level"} <= set(result.open_questions)


def test_a_juvenile_case_is_asked_about_when_the_age_is_unknown():
    assert "juvenile" in open_questions(section="11359", county="Fresno",
                                        offense_date="2010-01-01", level="felony")


def test_a_partial_date_that_crosses_prop_64_asks_for_the_conviction_date():
    assert "conviction_date" in open_questions(section="11359", offense_date="2016",
                                               level="felony")


@pytest.mark.parametrize("subdivision", ["11357(a)", "11357(b)", "11357(c)", "11357(d)",
                                         "11357(e)", "11360(b)"])
def test_one_table_gives_both_the_engines_facts_and_the_parsers_contradictions(subdivision):
    """law.md E3: each fact an old subdivision carries is filled in by the engine, and its
    opposite is a row error."""
    from petition.facts import FactsError
    from petition.rules.circumstances import circumstances_of
    from petition.rules.subdivisions import carries

    number, letter = subdivision[:5], subdivision[6]
    said = carries(number, letter)
    known = circumstances_of(parse_conviction({"section": subdivision,
                                               "offense_date": "2009-01-01"}, TODAY))
    opposite = {"concentrated": "no" if said.concentrated else "yes",
                "school_grounds": "no" if said.school_grounds else "yes",
                "for_sale": "yes", "interstate": "yes"}
    for fact in ("concentrated", "school_grounds", "for_sale", "interstate"):
        value = getattr(said, fact)
        if value is None:
            continue
        assert getattr(known, fact) is value
        with pytest.raises(FactsError):
            parse_conviction({"section": subdivision, "offense_date": "2009-01-01",
                              fact: opposite[fact]}, TODAY)
    if said.under_18:
        assert known.age_at_offense == "under_18"
