"""ZIP codes and phone numbers typed in any script's digits are kept as 0-9 for the papers."""

from __future__ import annotations

import pytest

from tests.web.helpers import answer_all, finish, post_form

ANSWERS = {"county": "Fresno", "section": "11357", "offense_date": "2012-03-27",
           "level": "misdemeanor", "age_at_offense": "30", "amount_grams": "10",
           "concentrated": "no", "school_grounds": "no", "sentence_status": "completed"}


@pytest.mark.parametrize("zip_code, phone, birth_year", [
    ("٩٤١٠٢", "٤١٥ ٥٥٥ ٠١٠٠", "١٩٨٠"),        # Arabic-Indic
    ("۹۴۱۰۲", "(۴۱۵) ۵۵۵-۰۱۰۰", "۱۹۸۰"),      # Persian
    ("９４１０２", "４１５-５５５-０１００", "１９８０"),  # full-width, as CJK keyboards type
    ("94102", "415 555 0100", "1980"),
])
def test_digits_of_any_script_are_stored_as_latin_digits(client, zip_code, phone, birth_year):
    answer_all(client, "en", ANSWERS)
    finish(client, "en")
    response = post_form(client, "/en/details", {
        "first_name": "سارة", "last_name": "Nguyễn", "street": "1 Main St", "city": "Fresno",
        "state": "CA", "zip": zip_code, "phone": phone, "date_of_birth-month": "3",
        "date_of_birth-day": "4", "date_of_birth-year": birth_year, "case_number-1": ""})
    assert response.status_code == 302
    with client.session_transaction() as session:
        filer = session["filer"]
    assert filer["zip"] == "94102"
    assert filer["phone"].translate(str.maketrans("", "", " ()-")) == "4155550100"
    assert filer["date_of_birth"] == "1980-03-04"
    assert filer["first_name"] == "سارة"
