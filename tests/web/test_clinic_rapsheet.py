"""The RAP sheet in the clinic workspace (issue 13, item 4): paste or upload a record, check
the convictions found beside their record lines, correct or add facts, screen them through
the clinic's own results page, with nothing kept."""

from __future__ import annotations

import html as html_module
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from petition.rapsheet.rows import FLAG_NOTES
from petition.web.clinic_rapsheet import FLAG_SENTENCES
from tests.web.helpers import token
from tests.web.test_clinic import table_rows

SAMPLES = Path(__file__).resolve().parents[1] / "rapsheet" / "samples"
RECORDS = Path(__file__).resolve().parents[1] / "rapsheet" / "records"
SAMPLE_01 = (SAMPLES / "01_simple_11357_misdemeanor.txt").read_text()
GARBAGE = "Dear clinic,\nplease find attached my grocery list.\nEGGS 12\nMILK 1\n"


class ReviewForm(HTMLParser):
    """The review form's fields as a browser would send them (selected options, values)."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self.select: str | None = None
        start = page.index('class="usa-form usa-form--large clinic-review"')
        self.feed(page[start:page.index("</form>", start)])

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if tag == "input" and attributes.get("name") and attributes.get("type") != "file":
            self.fields[attributes["name"]] = attributes.get("value") or ""
        elif tag == "select":
            self.select = attributes["name"]
            self.fields.setdefault(self.select, "")
        elif tag == "option" and self.select and "selected" in attributes:
            self.fields[self.select] = attributes["value"]

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None


def read(client, text: str = "", lang: str = "en", file: tuple | None = None,
         expect: int = 200) -> str:
    page = client.get(f"/{lang}/clinic")
    data = {"csrf_token": token(page.get_data(True)), "action": "read", "record_text": text}
    if file:
        data["record_file"] = (io.BytesIO(file[1]), file[0])
    response = client.post(f"/{lang}/clinic/rapsheet", data=data,
                           content_type="multipart/form-data")
    assert response.status_code == expect, response.get_data(True)[:2000]
    return response.get_data(True)


def send(client, fields: dict[str, str], action: str, lang: str = "en", expect: int = 200):
    response = client.post(f"/{lang}/clinic/rapsheet", data={**fields, "action": action})
    assert response.status_code == expect, response.get_data(True)[:2000]
    return response.get_data(True)


def test_a_pasted_record_lists_its_conviction_beside_the_lines_it_came_from(client):
    page = read(client, SAMPLE_01)
    fields = ReviewForm(page).fields
    assert fields["rows-0-county"] == "Sonoma"
    assert fields["rows-0-case_number"] == "MCR-480512"
    assert fields["rows-0-conviction_date"] == "2006-06-29"
    assert fields["rows-0-section"] == "HS 11357"
    assert fields["rows-0-level"] == "misdemeanor"
    assert fields["rows-0-offense_date"] == ""
    assert (fields["first_name"], fields["last_name"], fields["date_of_birth"]) == \
        ("AMOS LYLE", "PENDERWICK", "1979-06-22")
    assert "Record lines 24 to 28" in page and "SEN: 010 DAYS JAIL, FINE" in page
    assert "The arrest date (2006-04-11) is not the offense date" in page
    assert "At the arrest the client was 26." in page


def test_the_reviewed_rows_screen_on_the_clinics_results_page(client):
    fields = ReviewForm(read(client, SAMPLE_01)).fields
    rows = table_rows(send(client, fields, "screen"))
    assert set(rows) == {"cycle1-count1"}  # the empty row to add is skipped
    assert rows["cycle1-count1"]["outcome"] == "dismiss_and_seal"


def test_an_edited_fact_changes_the_outcome(client):
    fields = ReviewForm(read(client, SAMPLE_01)).fields
    fields.update({"rows-0-section": "HS 11359", "rows-0-level": "felony"})
    rows = table_rows(send(client, fields, "screen"))
    assert rows["cycle1-count1"]["outcome"] == "reduce_to_misdemeanor"


def test_an_added_row_is_screened_too(client):
    fields = ReviewForm(read(client, SAMPLE_01)).fields
    fields.update({"rows-1-county": "Fresno", "rows-1-section": "HS 11359",
                   "rows-1-level": "felony", "rows-1-offense_date": "2012-05-01"})
    rows = table_rows(send(client, fields, "screen"))
    assert set(rows) == {"cycle1-count1", "added-2"}
    assert rows["added-2"]["outcome"] == "reduce_to_misdemeanor"


def test_add_another_conviction_gives_one_more_empty_row_and_keeps_the_edits(client):
    fields = ReviewForm(read(client, SAMPLE_01)).fields
    fields["rows-0-case_number"] = "MCR-480512-A"
    page = send(client, fields, "add_row")
    again = ReviewForm(page).fields
    assert again["rows-0-case_number"] == "MCR-480512-A"
    assert "rows-2-section" in again and page.count("A conviction to add") == 2
    assert "SEN: 010 DAYS JAIL, FINE" in page  # the record travelled in the form


def test_a_wrong_date_gets_a_message_on_the_review_page_and_keeps_the_answers(client):
    fields = ReviewForm(read(client, SAMPLE_01)).fields
    fields.update({"rows-0-conviction_date": "2006-13-45", "rows-0-case_number": "X-1"})
    page = send(client, fields, "screen", expect=400)
    assert 'href="#rows-0-conviction_date"' in page and "YYYY-MM-DD" in page
    assert ReviewForm(page).fields["rows-0-case_number"] == "X-1"


def test_the_download_form_of_the_results_carries_the_reviewed_rows(client):
    fields = ReviewForm(read(client, SAMPLE_01)).fields
    page = send(client, fields, "screen")
    carried = html_module.unescape(re.search(r'name="csv_text" value="([^"]*)"', page).group(1))
    assert "MCR-480512" in carried and "PENDERWICK" in carried
    response = client.post("/en/clinic", data={"csrf_token": token(page), "format": "csv",
                                               "csv_text": carried})
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "cycle1-count1,dismiss_and_seal" in response.get_data(True)


def test_relief_already_granted_is_marked_and_gets_no_papers(client):
    page = read(client, (RECORDS / "prop64_granted.txt").read_text())
    assert "Already granted" in page and "No papers will be made" in page
    fields = ReviewForm(page).fields
    assert "already_granted" in fields.values()
    granted = [key.rsplit("-", 1)[0] for key, value in fields.items()
               if key.endswith("relief_on_record") and value == "already_granted"]
    results = send(client, fields, "screen")
    response = client.post("/en/clinic", data={
        "csrf_token": token(results), "format": "csv",
        "csv_text": html_module.unescape(
            re.search(r'name="csv_text" value="([^"]*)"', results).group(1))})
    lines = {line.split(",")[0]: line for line in response.get_data(True).splitlines()[1:]}
    for prefix in granted:
        assert not lines[fields[f"{prefix}-case_id"]].split(",")[-2]  # the pdf column


def test_a_record_with_only_arrests_shows_no_conviction_with_its_caution(client):
    page = read(client, (SAMPLES / "07_arrest_no_court_dispo.txt").read_text())
    assert "We found no cannabis conviction on this record." in page
    assert "No conviction shown" in page
    assert "A missing court result is not proof that there was no conviction" in page
    assert "HS 11359" in page and "Arrest only" in page
    assert "rows-0-section" in ReviewForm(page).fields  # a row to add one by hand


def test_garbage_text_gets_a_clear_message_that_does_not_quote_it(client):
    page = read(client, GARBAGE, expect=400)
    message = re.search(r'id="record_text-error"[^>]*>([^<]*)<', page).group(1)
    assert "We could not find a RAP sheet in this text" in message
    assert "grocery" not in message and 'href="#record_text"' in page
    assert "grocery list" in page  # the pasted text is given back in its box, not lost


def test_garbage_text_gets_its_message_in_spanish(client):
    page = read(client, GARBAGE, lang="es", expect=400)
    assert "No encontramos un registro de antecedentes" in page


def test_nothing_pasted_or_chosen_asks_for_the_record(client):
    assert "Paste the text of the RAP sheet" in read(client, "  ", expect=400)


def test_a_file_that_is_not_a_record_gets_a_message(client):
    page = read(client, file=("record.pdf", b"%PDF-1.4 broken"), expect=400)
    assert "We cannot read this file" in page


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    from weasyprint import HTML

    text = html_module.escape(SAMPLE_01)
    return HTML(string=f"<pre style='font: 9pt monospace'>{text}</pre>").write_pdf()


def test_an_uploaded_pdf_of_a_record_is_read_like_its_text(client, sample_pdf):
    fields = ReviewForm(read(client, file=("record.pdf", sample_pdf))).fields
    assert (fields["rows-0-county"], fields["rows-0-case_number"], fields["rows-0-section"]) \
        == ("Sonoma", "MCR-480512", "HS 11357")
    assert fields["ocr"] == ""  # a text layer: no OCR warning


def test_a_large_upload_never_touches_the_disk(client, monkeypatch):
    import tempfile

    import werkzeug.formparser

    def no_disk(*args, **kwargs):
        raise AssertionError("something was written to a temporary file")

    monkeypatch.setattr(werkzeug.formparser, "SpooledTemporaryFile", no_disk)
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", no_disk)
    monkeypatch.setattr(tempfile, "mkstemp", no_disk)
    record = SAMPLE_01 + "\n" * 30_000 + "COMMENT LINE FOR PADDING\n" * 30_000
    assert len(record) > 600_000
    fields = ReviewForm(read(client, file=("record.txt", record.encode()))).fields
    assert fields["rows-0-case_number"] == "MCR-480512"


def test_every_review_flag_of_the_reader_has_a_translated_sentence():
    assert set(FLAG_NOTES) <= set(FLAG_SENTENCES)


def test_the_spanish_review_page_is_in_spanish(client):
    page = read(client, SAMPLE_01, lang="es")
    assert "Revise el registro de antecedentes" in page
    assert "no es la fecha del delito" in page


def test_the_clinic_page_offers_the_rap_sheet_with_a_text_box_and_a_file(client):
    page = client.get("/en/clinic").get_data(True)
    assert 'name="record_text"' in page and 'name="record_file"' in page
    assert "Read a RAP sheet" in page


def test_the_review_url_on_its_own_leads_back_to_the_clinic_page(client):
    response = client.get("/es/clinic/rapsheet")
    assert response.status_code == 302 and response.location.endswith("/es/clinic#rapsheet")
