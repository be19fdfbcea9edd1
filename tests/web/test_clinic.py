"""The clinic workspace through the test client: upload, results, CSV, ZIP, bad files,
rate limits (design.md, "The web contract")."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from petition import create_app
from petition.web.limits import LIMITED_VIEWS
from tests.web.helpers import token
from tests.web.page_checks import CheckedClient

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_CASES = ROOT / "tests" / "rules" / "public_cases.csv"  # a copy of ../shared/cases
RELIEF = {"dismiss_and_seal", "reduce_to_infraction", "reduce_to_misdemeanor"}

PEOPLE_CSV = (
    "case_id,county,case_number,section,level,offense_date,age_at_offense,amount_grams,"
    "sentence_status,first_name,last_name,language\n"
    "A1,Fresno,F123,11357(b),misdemeanor,2015-06-01,25,20,completed,Ana,Lopez,es\n"
    "A2,Fresno,F123,11360,felony,2012-01-01,30,,completed,Ana,Lopez,es\n"
    "B1,Fresno,,11357(b),misdemeanor,2015-06-01,25,20,completed,Bob,Smith,en\n"
    "B2,Los Angeles,,11359,felony,2013-13-45,,,,Bob,Smith,en\n"
)


@pytest.fixture
def limited_app():
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret-key",
                      "CLINIC_RATE_LIMIT": "2 per minute", "PACKET_RATE_LIMIT": "1 per minute"})
    app.test_client_class = CheckedClient
    return app


def upload(client, content: bytes | str, name: str = "clients.csv", output: str = "html",
           lang: str = "en", expect: int = 200):
    page = client.get(f"/{lang}/clinic")
    data = content.encode() if isinstance(content, str) else content
    response = client.post(f"/{lang}/clinic", data={
        "csrf_token": token(page.get_data(True)), "format": output,
        "file": (io.BytesIO(data), name)}, content_type="multipart/form-data")
    assert response.status_code == expect, response.get_data(True)[:2000]
    return response


def table_rows(html: str) -> dict[str, dict[str, str]]:
    rows = {}
    for attributes in re.findall(r"<tr class=\"clinic-row[^\"]*\"([^>]*)>", html):
        values = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', attributes))
        rows[values["case-id"]] = values
    return rows


def public_cases_csv() -> str:
    with open(PUBLIC_CASES, newline="") as cases:
        rows = list(csv.DictReader(cases))
    columns = [name for name in rows[0] if not name.startswith("expected_")
               and name not in ("basis", "web")]
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def command_line_results(text: str) -> list[dict[str, str]]:
    done = subprocess.run([sys.executable, "-m", "petition", "screen", "-", "--jobs", "1"],
                          input=text, capture_output=True, text=True, check=True, cwd=ROOT)
    return list(csv.DictReader(io.StringIO(done.stdout)))


def test_the_form_shows_the_limits_the_template_and_every_screening_column(client):
    from petition.facts import READ_AND_FORGET

    html = client.get("/en/clinic").get_data(True)
    assert 'type="file"' in html and 'name="file"' in html
    assert "5 MB" in html and "5,000 rows" in html
    assert "Nothing is kept" in html
    for column in ("case_id", "county", "case_number", "section",
                   *(name for name, _read in READ_AND_FORGET.after_county), "language"):
        assert f'<code lang="en">{column}</code>' in html, column


def test_the_template_csv_names_the_columns_the_screener_reads(client):
    header = client.get("/en/clinic/template.csv").get_data(True).strip().split(",")
    assert header[:4] == ["case_id", "county", "case_number", "section"]
    assert "interstate" in header and "language" in header


def test_the_spanish_form_is_in_spanish(client):
    html = client.get("/es/clinic").get_data(True)
    assert "Revisar una hoja de cálculo de condenas" in html


def test_public_cases_in_the_table_match_the_command_line(client):
    text = public_cases_csv()
    expected = command_line_results(text)
    shown = table_rows(upload(client, text).get_data(True))
    assert len(shown) == len(expected)
    for row in expected:
        got = shown[row["case_id"]]
        assert got.get("outcome", "") == row["outcome"], row["case_id"]
        assert got.get("automatic", "") == row["automatic"], row["case_id"]
        assert got.get("certainty", "") == row["certainty"], row["case_id"]


def test_the_results_csv_is_the_command_lines_with_the_zips_file_names(client):
    text = public_cases_csv()
    expected = command_line_results(text)
    response = upload(client, text, output="csv")
    assert response.mimetype == "text/csv"
    got = list(csv.DictReader(io.StringIO(response.get_data(True))))
    assert [list(row) for row in got[:1]] == [list(row) for row in expected[:1]]
    for mine, theirs in zip(got, expected, strict=True):
        assert {k: v for k, v in mine.items() if k != "pdf"} == \
            {k: v for k, v in theirs.items() if k != "pdf"}
        assert bool(mine["pdf"]) == (mine["outcome"] in RELIEF and not mine["error"])


def test_the_results_page_groups_by_person_and_case_and_is_not_cached(client):
    response = upload(client, PEOPLE_CSV)
    html = response.get_data(True)
    assert "no-store" in response.headers["Cache-Control"]
    assert html.index("Ana Lopez") < html.index("Case F123, Fresno") < html.index("Bob Smith")
    rows = table_rows(html)
    assert rows["A1"]["outcome"] == "dismiss_and_seal"
    assert "error" in rows["B2"] and "outcome" not in rows["B2"]
    assert 'data-line="5"' in html and "2013-13-45" in html


def test_the_download_form_carries_the_upload_back_so_nothing_is_kept(client):
    html = upload(client, PEOPLE_CSV).get_data(True)
    carried = re.search(r'name="csv_text" value="([^"]*)"', html, re.S).group(1)
    import html as html_module

    text = html_module.unescape(carried)
    response = client.post("/en/clinic", data={"csrf_token": token(html), "format": "csv",
                                                "csv_text": text})
    assert response.status_code == 200
    assert response.get_data(True) == upload(client, PEOPLE_CSV, output="csv").get_data(True)


def test_the_zip_holds_one_readable_pdf_per_person_and_case(client):
    response = upload(client, PEOPLE_CSV, output="zip")
    assert response.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.get_data()))
    names = archive.namelist()
    # Ana's two convictions share case F123; Bob's readable one has no case number.
    assert sorted(names) == ["prop64-A1.pdf", "prop64-B1.pdf"]
    for name in names:
        reader = PdfReader(io.BytesIO(archive.read(name)))
        assert "11361.8" in "".join(page.extract_text() for page in reader.pages)
    csv_rows = list(csv.DictReader(io.StringIO(upload(client, PEOPLE_CSV, output="csv")
                                               .get_data(True))))
    assert [row["pdf"] for row in csv_rows] == ["prop64-A1.pdf", "prop64-A1.pdf",
                                                "prop64-B1.pdf", ""]


def test_client_summaries_are_in_each_clients_language(client):
    html = upload(client, PEOPLE_CSV, output="summary").get_data(True)
    ana = html[html.index('lang="es"'):]
    assert "Su revisión de la Proposición 64" in ana
    assert 'lang="en"' in html and "Your Prop 64 screening" in html


def test_a_right_to_left_clients_summary_reads_right_to_left_with_sections_kept_english(client):
    arabic = PEOPLE_CSV.replace(",Ana,Lopez,es", ",Ana,Lopez,ar")
    html = upload(client, arabic, output="summary").get_data(True)
    ana = html[html.index('<section class="client-summary" lang="ar" dir="rtl">'):]
    ana = ana[:ana.index("</section>")]
    from petition.translation_check import catalogue

    assert catalogue("ar").get("Your Prop 64 screening").string in ana
    assert '<span lang="en" dir="ltr">' in ana  # the Proposition's code section


def workbook(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_excel_workbook_gives_the_same_results_as_its_csv(client):
    content = workbook([
        ["case_id", "county", "section", "level", "offense_date", "age_at_offense",
         "amount_grams", "sentence_status"],
        ["X1", "Fresno", "11357(b)", "misdemeanor", datetime(2015, 6, 1), 25, 20.0,
         "completed"],
    ])
    rows = table_rows(upload(client, content, name="clients.xlsx").get_data(True))
    assert rows["X1"]["outcome"] == "dismiss_and_seal"


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (80 * 1024 * 1024))
    return out.getvalue()


BAD_FILES = [
    ("a picture is not a spreadsheet", "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 50,
     400, "We cannot read this file"),
    ("a Latin-1 file asks for UTF-8", "clients.csv",
     "case_id,section,county\nA,11357,Peña\n".encode("latin-1"), 400, "UTF-8"),
    ("a file without a section column", "clients.csv", b"case_id,county\nA,Fresno\n", 400,
     "section"),
    ("an empty file", "clients.csv", b"", 400, "The file is empty"),
    ("10 MB of junk is too big", "junk.csv", b"x" * (10 * 1024 * 1024), 413, "too big"),
    ("a zip bomb renamed .xlsx", "clients.xlsx", zip_bomb(), 400, "too big once opened"),
    ("random bytes named .xlsx", "clients.xlsx", b"PK\x03\x04 not really a zip", 400,
     "We cannot read this file"),
]


@pytest.mark.parametrize(("name", "content", "status", "message"),
                         [case[1:] for case in BAD_FILES], ids=[case[0] for case in BAD_FILES])
def test_a_bad_file_gets_a_clear_message_on_the_form(client, name, content, status, message):
    html = upload(client, content, name=name, expect=status).get_data(True)
    assert message in html
    assert 'name="file"' in html and 'id="error-summary"' in html


def test_a_bad_file_gets_its_message_in_spanish(client):
    html = upload(client, b"case_id,county\nA,Fresno\n", lang="es", expect=400).get_data(True)
    assert "La primera fila" in html


def test_formula_cells_come_back_harmless(client):
    text = "case_id,section,county\n=HYPERLINK(\"x\"),11357(b),Fresno\n@SUM(A1),=1+1,Fresno\n"
    response = upload(client, text, output="csv")
    lines = response.get_data(True).splitlines()[1:]
    assert all(not line.startswith(("=", "@", "+", "-")) for line in lines)
    assert "'=HYPERLINK" in lines[0] and lines[1].startswith("'@SUM")


def test_an_upload_over_half_a_megabyte_never_touches_the_disk(client, monkeypatch):
    import werkzeug.formparser

    def no_disk(*args, **kwargs):
        raise AssertionError("the upload was spooled to a temporary file")

    monkeypatch.setattr(werkzeug.formparser, "SpooledTemporaryFile", no_disk)
    row = "R,Fresno,11357(b),misdemeanor,2015-06-01,25,20,completed\n"
    text = "case_id,county,section,level,offense_date,age_at_offense,amount_grams," \
           "sentence_status\n" + row * 12_000
    assert len(text) > 600_000
    upload(client, text, output="csv", expect=400)  # 12,000 rows: over the row limit


def test_the_clinic_post_is_rate_limited_with_a_translated_page(limited_app):
    client = limited_app.test_client()
    for _ in range(2):
        upload(client, PEOPLE_CSV, lang="es", output="csv")
    page = client.get("/es/clinic")
    response = client.post("/es/clinic", data={
        "csrf_token": token(page.get_data(True)),
        "file": (io.BytesIO(PEOPLE_CSV.encode()), "clients.csv")},
        content_type="multipart/form-data")
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    html = response.get_data(True)
    assert "Por favor, espere un momento" in html and "intente otra vez en" in html


def test_the_resident_packet_download_is_rate_limited(limited_app):
    client = limited_app.test_client()
    assert client.get("/en/papers/1.pdf").status_code == 404  # no answers yet: not found
    response = client.get("/en/papers/1.pdf")
    assert response.status_code == 429
    assert "try again in" in response.get_data(True)
    assert client.get("/en/").status_code == 200  # pages are never limited


def test_the_expensive_endpoints_and_only_they_are_rate_limited(app):
    # A limit decorator put below another decorator would guard a function the route
    # never calls: the routes must be given the limited views themselves.
    assert {endpoint for endpoint, view in app.view_functions.items()
            if view in LIMITED_VIEWS} == {"clinic.clinic", "clinic_rapsheet.rapsheet",
                                          "papers.download"}


def test_reading_a_rap_sheet_is_rate_limited(limited_app):
    client = limited_app.test_client()
    for expected in (400, 400, 429):  # "x" is no RAP sheet; the third post is one too many
        page = client.get("/en/clinic")
        response = client.post("/en/clinic/rapsheet", data={
            "csrf_token": token(page.get_data(True)), "action": "read", "record_text": "x"},
            content_type="multipart/form-data")
        assert response.status_code == expected
