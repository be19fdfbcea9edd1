"""Every language the site speaks: its own page direction and menu, numbers and dates as
its readers write them (issue 11)."""

from __future__ import annotations

import re

import pytest

from petition.languages import LANGUAGES
from tests.web.helpers import answer_all

POSSESSION = {"county": "Fresno", "section": "11357", "offense_date": "2012-03-27",
              "level": "misdemeanor", "age_at_offense": "30", "concentrated": "no",
              "school_grounds": "no", "sentence_status": "completed"}


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_each_page_has_the_languages_direction_and_a_menu_of_every_language_in_its_own_name(
        client, language):
    html = client.get(f"/{language.code}/").get_data(True)
    assert f'<html lang="{language.code}" dir="{language.direction}"' in html
    for other in LANGUAGES:
        assert f'lang="{other.code}" dir="{other.direction}"' in html
        assert f">{other.name}<" in html


@pytest.mark.parametrize("lang, typed, stored", [
    ("ar", "٤٠٫٥", "40.5"),   # Arabic-Indic digits and the Arabic decimal mark
    ("fa", "۴۰٫۵", "40.5"),   # Persian digits
    ("ru", "40,5", "40.5"),   # a decimal comma
    ("hy", "40,5", "40.5"),
    ("vi", "40,5", "40.5"),
    ("zh-hant", "４０.５", "40.5"),  # full-width, as CJK keyboards type
    ("en", "1,000", "1000"),  # a thousands comma, as in English
])
def test_an_amount_is_read_as_the_reader_writes_it(client, lang, typed, stored):
    answer_all(client, lang, {**POSSESSION, "amount_grams": typed})
    with client.session_transaction() as session:
        assert re.search(rf"\b{re.escape(stored)}\b", str(session["convictions"]))


@pytest.mark.parametrize("lang, shown", [("ru", "40,5"), ("es", "40,5"), ("en", "40.5")])
def test_check_your_answers_shows_the_number_in_the_readers_locale(client, lang, shown):
    html = answer_all(client, lang, {**POSSESSION, "amount_grams": "40.5"}).get_data(True)
    assert re.search(rf"{re.escape(shown)}\s", html)


def test_a_date_typed_in_persian_digits_is_the_same_date(client):
    answer_all(client, "fa", {**POSSESSION, "offense_date": "۲۰۱۲-۰۳-۲۷",
                              "amount_grams": "10"})
    with client.session_transaction() as session:
        assert "2012-03-27" in str(session["convictions"])


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_right_to_left_pages_keep_code_sections_left_to_right_and_in_english(client, lang):
    html = client.get(f"/{lang}/how-we-decide").get_data(True)
    assert f'<html lang="{lang}" dir="rtl"' in html
    assert re.search(r'<span lang="en" dir="ltr">HS 11360\(a\)\(3\)\(C\)</span>', html)


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
@pytest.mark.parametrize("page", ["/", "/glossary", "/how-we-decide", "/clinic",
                                  "/no-such-page"])
def test_every_page_outside_the_interview_is_in_the_language_too(client, language, page):
    """The checked client fails a page with English its catalogue translates."""
    response = client.get(f"/{language.code}{page}")
    assert response.status_code in (200, 404)
    assert f'lang="{language.code}"' in response.get_data(True)
