"""The interview: one question per page, asked in the engine's order, answers kept."""

from __future__ import annotations

import pytest

from tests.web.helpers import (
    answer_all,
    asked_facts,
    finish,
    outcomes_of,
    post_form,
    reach,
    token,
)

POSSESSION = {"county": "Fresno", "section": "11357", "offense_date": "2012-03-27",
              "level": "misdemeanor", "age_at_offense": "30"}


def test_the_interview_always_starts_with_county_then_section(client):
    assert asked_facts(client, "en", {"county": "Fresno", "section": "other"})[:2] == [
        "county", "section"]


def test_a_question_the_engine_no_longer_needs_is_not_asked(client):
    asked = asked_facts(client, "en", {"county": "Fresno", "section": "other",
                                       "offense_date": "2012-01-01"})
    assert "amount_grams" not in asked and "plants" not in asked


def test_cultivation_asks_about_plants_and_not_grams(client):
    asked = asked_facts(client, "en", {"county": "Fresno", "section": "11358",
                                       "offense_date": "2012-01-01", "age_at_offense": "30",
                                       "plants": "4"})
    assert "plants" in asked and "amount_grams" not in asked


@pytest.mark.parametrize("fact, posted, message", [
    ("county", {"county": ""}, "Choose a county from the list"),
    ("county", {"county": "Atlantis"}, "Choose a county from the list"),
    ("section", {}, "Choose one of the answers"),
    ("section", {"section": "11361"}, "Choose one of the answers"),
])
def test_a_missing_or_wrong_answer_is_explained_on_the_same_page(client, fact, posted, message):
    if fact == "section":
        post_form(client, "/en/conviction/1/county", {"county": "Fresno"})
    response = post_form(client, f"/en/conviction/1/{fact}", posted)
    html = response.get_data(True)
    assert response.status_code == 200
    assert message in html and 'id="error-summary"' in html
    assert f'href="#{fact}"' in html
    assert "<title>Error:" in html


def reach_offense_date(client, lang="en"):
    post_form(client, f"/{lang}/conviction/1/county", {"county": "Fresno"})
    post_form(client, f"/{lang}/conviction/1/section", {"section": "11357"})


@pytest.mark.parametrize("parts, message", [
    ({"month": "2", "day": "30", "year": "2012"}, "Enter a real date."),
    ({"month": "", "day": "3", "year": "2012"}, "The date must include a month."),
    ({"month": "3", "day": "3", "year": "12"}, "The year must have 4 numbers"),
    ({"month": "x", "day": "3", "year": "2012"}, "Enter the date using numbers only."),
    ({"month": "3", "day": "3", "year": "2999"}, "The date must be today or in the past."),
])
def test_a_wrong_date_is_explained_and_what_was_typed_is_kept(client, parts, message):
    reach_offense_date(client)
    response = post_form(client, "/en/conviction/1/offense_date",
                         {f"offense_date-{part}": value for part, value in parts.items()})
    html = response.get_data(True)
    assert message in html
    for part, value in parts.items():
        assert f'name="offense_date-{part}" type="text" inputmode="numeric" maxlength' in html
        if value:
            assert f'value="{value}"' in html


@pytest.mark.parametrize("left_empty", [
    {"offense_date-month": "", "offense_date-day": "", "offense_date-year": ""},
    {"offense_date": ""},
])
def test_a_date_left_empty_is_i_dont_know_as_an_empty_csv_cell_is(client, left_empty):
    reach_offense_date(client)
    response = post_form(client, "/en/conviction/1/offense_date", left_empty)
    assert response.status_code == 302
    with client.session_transaction() as session:
        assert session["convictions"][0]["answers"]["offense_date"] == "unknown"


def test_an_amount_left_empty_is_i_dont_know(client):
    reach(client, "en", "amount_grams", POSSESSION)
    response = post_form(client, "/en/conviction/1/amount_grams", {"amount_grams": ""})
    assert response.status_code == 302
    with client.session_transaction() as session:
        assert session["convictions"][0]["answers"]["amount_grams"] == "unknown"


def test_a_date_can_be_one_field_in_the_csv_format(client):
    reach_offense_date(client)
    response = post_form(client, "/en/conviction/1/offense_date", {"offense_date": "2012-03-27"})
    assert response.status_code == 302
    assert not response.headers["Location"].endswith("/offense_date")


def test_i_dont_know_is_recorded_for_a_date(client):
    reach_offense_date(client)
    response = post_form(client, "/en/conviction/1/offense_date", {"dont_know": "1"})
    assert response.status_code == 302
    with client.session_transaction() as session:
        assert session["convictions"][0]["answers"]["offense_date"] == "unknown"


@pytest.mark.parametrize("typed, message", [
    ("abc", "Enter a number using digits."),
    ("-3", "Enter a number using digits."),
    ("1e9", "Enter a number using digits."),
])
def test_a_wrong_amount_is_explained_and_kept(client, typed, message):
    reach(client, "en", "amount_grams", POSSESSION)
    response = post_form(client, "/en/conviction/1/amount_grams", {"amount_grams": typed})
    html = response.get_data(True)
    assert message in html
    assert f'id="amount_grams" name="amount_grams" type="text" inputmode="decimal" ' \
           f'autocomplete="off" spellcheck="false" value="{typed}"' in html


@pytest.mark.parametrize("typed, stored", [("28,5", "28.5"), ("28.5", "28.5"), ("1,000", "1000")])
def test_amounts_are_read_as_people_write_them(client, typed, stored):
    reach(client, "en", "amount_grams", POSSESSION)
    post_form(client, "/en/conviction/1/amount_grams", {"amount_grams": typed})
    with client.session_transaction() as session:
        assert session["convictions"][0]["answers"]["amount_grams"] == stored


def test_an_age_that_contradicts_juvenile_court_is_explained_not_a_crash(client):
    # Juvenile court is asked before the age: a juvenile case would change the answer
    # (law.md E7, E10), whatever the age turns out to be.
    reach(client, "en", "age_at_offense", {**POSSESSION, "juvenile": "no"})
    post_form(client, "/en/conviction/1/age_at_offense", {"age_at_offense": "30"})
    # Juvenile court no longer fits an adult's age.
    response = post_form(client, "/en/conviction/1/juvenile?change=1", {"juvenile": "yes"})
    assert "does not fit with another answer" in response.get_data(True)


def test_a_changed_answer_asks_the_new_questions_it_opens(client):
    answer_all(client, "en", {"county": "Fresno", "section": "other"})
    response = post_form(client, "/en/conviction/1/section?change=1", {"section": "11358"})
    assert response.status_code == 302
    assert not response.headers["Location"].endswith("/check")
    check = answer_all(client, "en", {"offense_date": "2010-05-01", "age_at_offense": "40",
                                      "plants": "3", "sentence_status": "completed"})
    assert "Growing cannabis plants" in check.get_data(True)
    html = finish(client, "en").get_data(True)
    assert [item["outcome"] for item in outcomes_of(html)] == ["dismiss_and_seal"]


def test_check_your_answers_has_a_change_link_for_every_answer(client):
    check = answer_all(client, "en", {"county": "Fresno", "section": "11357",
                                      "offense_date": "2012-01-01"})
    html = check.get_data(True)
    with client.session_transaction() as session:
        answered = session["convictions"][0]["answers"]
    for fact in answered:
        assert f'href="/en/conviction/1/{fact}?change=1"' in html


def test_the_back_link_goes_to_the_previous_question(client):
    post_form(client, "/en/conviction/1/county", {"county": "Fresno"})
    post_form(client, "/en/conviction/1/section", {"section": "11357"})
    html = client.get("/en/conviction/1/offense_date").get_data(True)
    assert '<a href="/en/conviction/1/section" class="usa-link">Back</a>' in html


def test_a_question_far_ahead_cannot_be_skipped_to(client):
    response = client.get("/en/conviction/1/superstrike")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/conviction/1/county")


def test_several_convictions_are_listed_and_one_can_be_removed(client):
    answer_all(client, "en", {"county": "Fresno", "section": "other"})
    check = client.get("/en/conviction/1/check")
    client.post("/en/conviction/1/check", data={"csrf_token": token(check.get_data(True))})
    response = post_form(client, "/en/convictions", {"add_another": "yes"})
    assert response.headers["Location"].endswith("/conviction/2/county")
    answer_all(client, "en", {"county": "Alameda", "section": "other"}, number=2)
    listing = client.get("/en/convictions").get_data(True)
    assert "Fresno County" in listing and "Alameda County" in listing
    client.post("/en/convictions/1/remove", data={"csrf_token": token(listing)})
    listing = client.get("/en/convictions").get_data(True)
    assert "Fresno County" not in listing and "Alameda County" in listing


def test_the_add_another_question_needs_an_answer(client):
    answer_all(client, "en", {"county": "Fresno", "section": "other"})
    response = post_form(client, "/en/convictions", {})
    assert "Choose yes if you have another conviction" in response.get_data(True)


def test_a_spanish_error_message_is_in_spanish(client):
    response = post_form(client, "/es/conviction/1/county", {"county": ""})
    assert "Elija un condado de la lista" in response.get_data(True)


@pytest.mark.parametrize("posted", [
    {"date_of_birth-month": "3", "date_of_birth-day": "28", "date_of_birth-year": "1995"},
    {"date_of_birth": "1995-03-28"},
])
def test_the_age_can_be_worked_out_from_a_date_of_birth(client, posted):
    reach(client, "en", "age_at_offense", POSSESSION)
    response = post_form(client, "/en/conviction/1/age_at_offense", posted)
    assert response.status_code == 302
    with client.session_transaction() as session:
        # 2012-03-27 was the day before the 17th birthday.
        assert session["convictions"][0]["answers"]["age_at_offense"] == "16"
        assert session["filer"]["date_of_birth"] == "1995-03-28"


def test_a_date_of_birth_needs_the_date_it_happened(client):
    reach(client, "en", "age_at_offense", {**POSSESSION, "offense_date": "unknown",
                                           "conviction_date": "2013-01-01"})
    html = client.get("/en/conviction/1/age_at_offense").get_data(True)
    assert "date_of_birth-month" not in html
    response = post_form(client, "/en/conviction/1/age_at_offense",
                         {"date_of_birth": "1990-01-01"})
    assert "We need the date it happened" in response.get_data(True)


def stored_answers(client) -> dict[str, str]:
    with client.session_transaction() as session:
        return session["convictions"][0]["answers"]


def test_a_changed_section_leaves_no_stale_answers_behind(client):
    """Issue 8: after 11357 -> 11359 the amount and concentrate are no longer asked, so they
    are dropped, not kept and silently used."""
    answer_all(client, "en", {**POSSESSION, "juvenile": "no", "amount_grams": "40",
                              "concentrated": "no", "school_grounds": "no",
                              "sentence_status": "completed"})
    assert "amount_grams" in stored_answers(client)
    post_form(client, "/en/conviction/1/section?change=1", {"section": "11359"})
    answers = stored_answers(client)
    assert not {"amount_grams", "concentrated", "school_grounds"} & set(answers)
    assert answers["county"] == "Fresno" and answers["offense_date"] == "2012-03-27"


def test_check_your_answers_lists_facts_in_one_fixed_order(client):
    from petition.rules.engine import QUESTION_ORDER
    from petition.web import interview

    check = answer_all(client, "en", {**POSSESSION, "juvenile": "no", "amount_grams": "40",
                                      "concentrated": "no", "school_grounds": "no",
                                      "sentence_status": "completed"})
    post_form(client, "/en/conviction/1/offense_date?change=1", {"offense_date": "2012-04-01"})
    with client.application.test_request_context():
        with client.session_transaction() as session:
            stored = session["convictions"]
        from flask import session as live
        live["convictions"] = stored
        facts = [fact for fact, _value in interview.answered_in_order(1)]
    assert facts == sorted(facts, key=QUESTION_ORDER.index)
    assert check.status_code == 200


@pytest.mark.parametrize("parts, stored", [
    ({"offense_date-year": "2012"}, "2012"),
    ({"offense_date-month": "6", "offense_date-year": "2012"}, "2012-06"),
])
def test_a_date_known_only_in_part_is_kept_as_far_as_it_is_known(client, parts, stored):
    reach(client, "en", "offense_date", {"county": "Fresno", "section": "11357"})
    response = post_form(client, "/en/conviction/1/offense_date", parts)
    assert response.status_code == 302
    assert stored_answers(client)["offense_date"] == stored


def test_the_date_question_says_the_year_alone_is_enough(client):
    page = reach(client, "en", "offense_date", {"county": "Fresno", "section": "11357"})
    assert "If you only know the year, enter the year." in page.get_data(True)


def test_leaf_cannabis_over_the_limit_is_asked_about_concentrate_before_any_promise(client):
    """Issue 8's first report: Fresno, 11357, 40 g, 2012, age 30, level unknown. Leaf cannabis
    was old 11357(c), a misdemeanor then and now: no relief."""
    check = answer_all(client, "en", {"county": "Fresno", "section": "11357",
                                      "offense_date": "2012-03-01", "age_at_offense": "30",
                                      "juvenile": "no", "amount_grams": "40",
                                      "concentrated": "no", "school_grounds": "no",
                                      "sentence_status": "completed"})
    assert check.status_code == 200
    assert "concentrated" in stored_answers(client)
    html = finish(client, "en").get_data(True)
    assert [item["outcome"] for item in outcomes_of(html)] == ["not_eligible"]
