"""After the result: details, the two CR-400 choices, and one download per court case."""

from __future__ import annotations

import importlib.util
import io

import pytest
from pypdf import PdfReader

from tests.web.helpers import answer_all, finish, post_form, token

HAS_PACKET = importlib.util.find_spec("petition.documents.packet") is not None
GIFT = {"county": "Fresno", "section": "11360", "offense_date": "2012-03-27", "level": "felony",
        "age_at_offense": "30", "amount_grams": "10", "for_sale": "no", "sold_to_minor": "no",
        "sentence_status": "completed"}
DETAILS = {"first_name": "Ana", "last_name": "Pérez", "street": "1 Main St", "city": "Fresno",
           "state": "ca", "zip": "93721", "phone": "(559) 555-0100", "email": "",
           "date_of_birth-month": "3", "date_of_birth-day": "27", "date_of_birth-year": "1980"}


def with_result(client, rows=(GIFT,)):
    for number, row in enumerate(rows, 1):
        if number > 1:
            post_form(client, "/en/convictions", {"add_another": "yes"})
        answer_all(client, "en", row, number=number)
        check = client.get(f"/en/conviction/{number}/check")
        client.post(f"/en/conviction/{number}/check",
                    data={"csrf_token": token(check.get_data(True))})
    return finish(client, "en", number=len(rows))


def test_the_result_offers_the_papers_when_relief_is_possible(client):
    assert 'href="/en/details"' in with_result(client).get_data(True)


def test_details_with_mistakes_are_explained_and_kept(client):
    with_result(client)
    response = post_form(client, "/en/details", {**DETAILS, "zip": "9372", "case_number-1": "A1"})
    html = response.get_data(True)
    assert "Enter a ZIP code with 5 numbers" in html
    assert 'value="Pérez"' in html and 'value="9372"' in html


def test_details_then_choices_then_the_papers_page(client):
    with_result(client)
    response = post_form(client, "/en/details", {**DETAILS, "case_number-1": "F12345"})
    assert response.headers["Location"].endswith("/en/choices")
    response = post_form(client, "/en/choices", {"waive_original_judge": "yes",
                                                  "waive_appearance": "unknown"})
    assert response.headers["Location"].endswith("/en/papers")
    with client.session_transaction() as session:
        assert session["filer"]["state"] == "CA"
        assert session["filer"]["date_of_birth"] == "1980-03-27"
        assert session["convictions"][0]["answers"]["case_number"] == "F12345"


@pytest.mark.skipif(not HAS_PACKET, reason="petition.documents.packet has not landed")
def test_convictions_with_the_same_case_number_share_one_packet(client):
    with_result(client, rows=(GIFT, {**GIFT, "section": "11357", "amount_grams": "20"},
                              {**GIFT, "county": "Alameda"}))
    post_form(client, "/en/details", {**DETAILS, "case_number-1": "F1", "case_number-2": "F1",
                                      "case_number-3": ""})
    html = client.get("/en/papers").get_data(True)
    assert html.count('href="/en/papers/') == 2


@pytest.mark.skipif(not HAS_PACKET, reason="petition.documents.packet has not landed")
def test_the_papers_download_as_a_pdf_attachment_that_is_not_stored(client):
    with_result(client)
    post_form(client, "/en/details", {**DETAILS, "case_number-1": "F12345"})
    response = client.get("/en/papers/1.pdf")
    assert response.status_code == 200
    assert response.data.startswith(b"%PDF")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["Cache-Control"] == "no-store"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    assert "F12345" in text


def test_a_packet_that_does_not_exist_is_not_found(client):
    with_result(client)
    assert client.get("/en/papers/9.pdf").status_code == 404


def test_no_papers_are_offered_when_nothing_qualifies(client):
    answer_all(client, "en", {"county": "Fresno", "section": "other"})
    html = finish(client, "en").get_data(True)
    assert 'href="/en/details"' not in html
    assert client.get("/en/details").status_code == 302


@pytest.mark.skipif(not HAS_PACKET, reason="petition.documents.packet has not landed")
def test_papers_can_be_made_when_the_county_and_details_are_unknown(client):
    with_result(client, rows=({**GIFT, "county": "unknown"},))
    response = client.get("/es/papers/1.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")


@pytest.mark.skipif(not HAS_PACKET, reason="the papers are not part of this build")
def test_the_name_on_the_court_record_goes_on_the_papers(client):
    with_result(client)
    page = client.get("/en/details").get_data(True)
    assert 'name="record_name"' in page
    post_form(client, "/en/details", {**DETAILS, "record_name": "Ana Gómez",
                                      "case_number-1": "F12345"})
    text = "".join(page.extract_text()
                   for page in PdfReader(io.BytesIO(client.get("/en/papers/1.pdf").data)).pages)
    assert "Ana Gómez" in text and "Ana Pérez" in text
