"""`python -m petition rapsheet`, end to end: rows, screened results, PDFs with a text layer,
scanned images read by Tesseract on this machine, and errors that never quote the record."""

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent.parent
SAMPLES = Path(__file__).parent / "samples"
SIMPLE = SAMPLES / "01_simple_11357_misdemeanor.txt"


def run_rapsheet(*args, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "petition", "rapsheet", *args, "--as-of",
                           "2026-12-01"], input=stdin, capture_output=True, cwd=ROOT,
                          timeout=120)


def rows_of(done: subprocess.CompletedProcess) -> list[dict]:
    assert done.returncode == 0, done.stderr
    return list(csv.DictReader(io.StringIO(done.stdout.decode())))


def test_a_record_gives_screening_rows_with_the_persons_details_and_sources():
    [row] = rows_of(run_rapsheet(str(SIMPLE)))
    assert {key: row[key] for key in ("county", "case_number", "section", "level",
                                      "offense_date", "conviction_date", "juvenile",
                                      "sentence_status", "first_name", "last_name",
                                      "date_of_birth", "arrest_date", "source_line")} == {
        "county": "Sonoma", "case_number": "MCR-480512", "section": "HS 11357",
        "level": "misdemeanor", "offense_date": "", "conviction_date": "2006-06-29",
        "juvenile": "no", "sentence_status": "completed", "first_name": "AMOS LYLE",
        "last_name": "PENDERWICK", "date_of_birth": "1979-06-22", "arrest_date": "2006-04-11",
        "source_line": "24"}


def test_the_review_says_the_arrest_date_is_not_the_offense_date():
    [row] = rows_of(run_rapsheet(str(SIMPLE)))
    assert "arrest date is not the offense date" in row["review"]


def test_rows_go_to_a_file_and_the_summary_to_stderr(tmp_path):
    out = tmp_path / "rows.csv"
    done = run_rapsheet(str(SIMPLE), "--out", str(out))
    assert (done.returncode, len(list(csv.DictReader(out.open()))), b"1 cannabis conviction"
            in done.stderr) == (0, 1, True)


def test_screen_gives_results_with_sources_in_one_go():
    rows = rows_of(run_rapsheet(str(SAMPLES / "08_dismissed_count.txt"), "--screen"))
    assert [(row["outcome"], row["source_line"]) for row in rows] == [("dismiss_and_seal", "29")]


def test_already_granted_relief_is_said_in_the_results():
    rows = rows_of(run_rapsheet(str(Path(__file__).parent / "records" / "prop64_granted.txt"),
                                "--screen"))
    assert rows[0]["relief_on_record"] == "already_granted"
    assert rows[0]["review"].startswith("Already granted")


def test_charges_with_no_conviction_are_counted_in_the_summary_with_the_caution():
    done = run_rapsheet(str(SAMPLES / "07_arrest_no_court_dispo.txt"))
    assert rows_of(done) == []
    assert b"3 cannabis charge(s) with no conviction shown" in done.stderr
    assert b"not proof" in done.stderr


def test_a_record_reads_from_stdin():
    assert len(rows_of(run_rapsheet("-", stdin=SIMPLE.read_bytes()))) == 1


def test_a_missing_file_is_an_error_without_a_traceback():
    done = run_rapsheet("no-such-record.txt")
    assert done.returncode != 0 and b"Traceback" not in done.stderr


def test_problems_are_reported_by_line_without_record_text_unless_debugging():
    text = b"* * * *\nCOURT: NAM:01\nRECORD ERROR ZEBRAFINCH\n"
    quiet = run_rapsheet("-", stdin=text)
    loud = run_rapsheet("-", "--debug", stdin=text)
    assert (b"line 3" in quiet.stderr, b"ZEBRAFINCH" in quiet.stderr,
            b"ZEBRAFINCH" in loud.stderr) == (True, False, True)


def test_a_pdf_with_a_text_layer_is_read_with_pdftotext(tmp_path):
    from weasyprint import HTML

    pdf = tmp_path / "record.pdf"
    text = SIMPLE.read_text().replace("&", "&amp;").replace("<", "&lt;")
    HTML(string=f"<pre style='font: 9pt monospace'>{text}</pre>").write_pdf(pdf)
    [row] = rows_of(run_rapsheet(str(pdf)))
    assert (row["county"], row["case_number"], row["section"]) == (
        "Sonoma", "MCR-480512", "HS 11357")


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="make install adds tesseract-ocr")
def test_a_scanned_image_is_read_with_tesseract_and_a_warning(tmp_path):
    from PIL import Image, ImageDraw, ImageFont

    lines = SIMPLE.read_text().splitlines()
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 28)
    image = Image.new("L", (1700, 40 * len(lines) + 80), 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        draw.text((40, 40 + 40 * number), line, font=font, fill=0)
    scan = tmp_path / "scan.png"
    image.save(scan)
    done = run_rapsheet(str(scan))
    rows = rows_of(done)
    assert b"OCR" in done.stderr
    # OCR may misread a character or two: assert loosely on what decides the screening
    assert [(row["county"], row["section"], row["level"]) for row in rows] == [
        ("Sonoma", "HS 11357", "misdemeanor")]
