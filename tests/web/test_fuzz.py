"""Random and hostile values posted to every form: never a server error, answers kept."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petition import create_app
from petition.languages import LANGUAGES
from petition.web.questions import QUESTIONS
from tests.web.helpers import token
from tests.web.page_checks import CheckedClient

HOSTILE = st.sampled_from([
    "", " ", "unknown", "yes", "<script>alert(1)</script>", "' OR 1=1 --", "\x00", "\u202e",
    "9" * 400, "-1", "1e308", "NaN", "inf", "0x10", "28.5.5", "2012-02-30", "0000-00-00",
    "١٢", "𝟙𝟚", "%(today)s", "{{ 7*7 }}", "San Francisco\r\nSet-Cookie: x", "11357(b)",
])
VALUES = st.one_of(HOSTILE, st.text(max_size=60))
KNOWN = {"county": "Fresno", "section": "11357", "offense_date": "2012-03-27"}


def form_fields(fact: str) -> list[str]:
    question = QUESTIONS[fact]
    dates = [fact] if question.kind == "date" else []
    if question.birth_date:
        dates.append("date_of_birth")
    return [fact, *dates[1:]] + [f"{name}-{part}" for name in dates
                                 for part in ("month", "day", "year")]


@pytest.fixture(scope="module")
def fuzz_client():
    app = create_app({"TESTING": True, "SECRET_KEY": "fuzz"})
    app.test_client_class = CheckedClient
    return app.test_client()


def still_asked(answers: dict[str, str]) -> dict[str, str]:
    from petition.web.interview import still_asked as replayed

    return replayed(answers)


def prepare(client, answers: dict[str, str]) -> str:
    with client.session_transaction() as session:
        session["convictions"] = [{"answers": dict(answers), "asked": list(answers),
                                   "checked": False}]
    return token(client.get("/en/").get_data(True))


@pytest.mark.parametrize("fact", sorted(QUESTIONS))
def test_hostile_answers_to_a_question_never_crash_and_keep_earlier_answers(fuzz_client, fact):
    answers = {**KNOWN, fact: "unknown" if fact not in KNOWN else KNOWN[fact]}

    @settings(max_examples=25, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(values=st.fixed_dictionaries({name: VALUES for name in form_fields(fact)}),
           dont_know=st.booleans(), lang=st.sampled_from([language.code for language in LANGUAGES]))
    def post(values, dont_know, lang):
        csrf = prepare(fuzz_client, answers)
        data = {"csrf_token": csrf, **values, **({"dont_know": "1"} if dont_know else {})}
        response = fuzz_client.post(f"/{lang}/conviction/1/{fact}", data=data)
        assert response.status_code in (200, 302)
        with fuzz_client.session_transaction() as session:
            kept = session["convictions"][0]["answers"]
        if response.status_code == 200:
            assert 'id="error-summary"' in response.get_data(True)
            assert all(kept[key] == value for key, value in answers.items() if key != fact)
        else:
            # An accepted answer may change what is asked: answers no longer asked are
            # dropped (issue 8), the others are kept as they were.
            still = still_asked({**answers, fact: kept.get(fact, answers[fact])})
            assert {key: value for key, value in answers.items() if key != fact
                    and key in still} == {key: kept[key] for key in kept if key != fact}

    post()


@pytest.mark.parametrize("path, names", [
    ("/en/convictions", ["add_another"]),
    ("/es/details", ["first_name", "last_name", "street", "city", "state", "zip", "phone",
                     "email", "date_of_birth-month", "date_of_birth-day", "date_of_birth-year",
                     "case_number-1"]),
    ("/en/choices", ["waive_original_judge", "waive_appearance"]),
    ("/en/conviction/1/check", []),
])
def test_hostile_values_on_the_other_forms_never_crash(fuzz_client, path, names):
    complete = {"county": "Fresno", "section": "11357", "offense_date": "2012-03-27",
                "level": "misdemeanor", "age_at_offense": "30", "amount_grams": "10",
                "school_grounds": "no", "sentence_status": "completed"}

    @settings(max_examples=25, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(values=st.fixed_dictionaries({name: VALUES for name in names}))
    def post(values):
        csrf = prepare(fuzz_client, complete)
        response = fuzz_client.post(path, data={"csrf_token": csrf, **values})
        assert response.status_code in (200, 302)
        with fuzz_client.session_transaction() as session:
            assert session["convictions"][0]["answers"]["county"] == "Fresno"

    post()


PAGES = ["/en/", "/es/conviction/1/county", "/en/conviction/1/check", "/es/convictions",
         "/en/result", "/es/details", "/en/choices", "/es/papers", "/en/how-we-decide",
         "/es/glossary", "/en/papers/1.pdf", "/xx/", "/"]
QUERY_NAMES = st.one_of(st.sampled_from(["lang", "change", "_external", "_scheme", "_anchor",
                                         "_method", "endpoint", "values", "number", "fact"]),
                        st.text(min_size=1, max_size=10))


@pytest.mark.parametrize("page", PAGES)
def test_hostile_query_strings_never_crash_a_page(fuzz_client, page):
    @settings(max_examples=20, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(query=st.dictionaries(QUERY_NAMES, VALUES, max_size=3))
    def visit(query):
        prepare(fuzz_client, KNOWN)
        response = fuzz_client.get(page, query_string=query)
        assert response.status_code in (200, 302, 404)

    visit()


AGE_WITH_BIRTH = {"county": "Fresno", "section": "11357", "offense_date": "2012-03-27",
                  "level": "misdemeanor"}


@pytest.mark.parametrize("birth", ["unknown", "UNKNOWN", "", "1980-02-30", "١٩٨٠-٠١-٠١"])
def test_every_date_of_birth_the_contract_allows_on_the_age_question_leaves_no_stuck_page(
        fuzz_client, birth):
    csrf = prepare(fuzz_client, AGE_WITH_BIRTH)
    response = fuzz_client.post("/en/conviction/1/age_at_offense",
                                data={"csrf_token": csrf, "date_of_birth": birth})
    assert response.status_code in (200, 302)
    with fuzz_client.session_transaction() as session:
        assert "date_of_birth" not in session.get("filer", {})
    for page in ("/en/conviction/1/check", "/en/result", "/en/details", "/en/choices",
                 "/en/papers", "/en/convictions"):
        assert fuzz_client.get(page).status_code in (200, 302)


def test_a_stored_date_of_birth_that_cannot_be_read_is_dropped_with_a_message(fuzz_client):
    complete = {**AGE_WITH_BIRTH, "age_at_offense": "30", "amount_grams": "10",
                "concentrated": "no", "school_grounds": "no", "sentence_status": "completed"}
    prepare(fuzz_client, complete)
    with fuzz_client.session_transaction() as session:
        session["filer"] = {"date_of_birth": "unknown", "first_name": "Ana"}
    response = fuzz_client.get("/en/details")
    assert response.status_code == 200
    assert "We could not read the date of birth you gave before" in response.get_data(True)
    with fuzz_client.session_transaction() as session:
        assert session["filer"] == {"first_name": "Ana"}
    assert fuzz_client.get("/en/details").status_code == 200
