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
