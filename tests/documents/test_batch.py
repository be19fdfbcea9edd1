"""Clinic batch mode: one PDF per court case, safe file names, never overwriting."""

from __future__ import annotations

import io
import subprocess

import pytest

from petition.documents.batch import PacketFolder, file_stem
from petition.screening import screen_stream
from tests.documents.conftest import TODAY


@pytest.mark.parametrize("case_id, case_number, stem", [
    ("A-17", "F12-345", "A-17"),
    ("", "F12/345", "F12-345"),
    ("../../etc/passwd", "", "etc-passwd"),
    ("..", "..", "case"),
    ("/abs/path", "", "abs-path"),
    ("C:\\Windows\\x", "", "C-Windows-x"),
    ("name with spaces & ünïcode", "", "name-with-spaces-n-code"),
    ("x" * 500, "", "x" * 60),
    ("", "", "case"),
])
def test_file_names_come_only_from_safe_characters(case_id, case_number, stem):
    assert file_stem(case_id, case_number) == stem


def test_the_screening_cli_writes_one_packet_per_case_with_relief(tmp_path):
    rows = io.StringIO(
        "case_id,county,case_number,section,level,offense_date,sentence_status,"
        "first_name,last_name,language\n"
        "../../escape,Fresno,F1,11358,felony,2012-01-01,completed,Ana,Ruiz,es\n"
        "../../escape,Fresno,F2,11358,felony,2012-01-01,serving,Bo,Li,\n"
        "N1,Fresno,F3,11357(c),misdemeanor,2012-01-01,completed,Cy,Wu,\n"
    )
    out = io.StringIO()
    folder = tmp_path / "packets"
    screen_stream(rows, out, TODAY, PacketFolder(folder, TODAY))
    lines = out.getvalue().splitlines()
    assert lines[1].split(",")[-2] == "prop64-escape.pdf"
    assert lines[2].split(",")[-2] == "prop64-escape-2.pdf"
    assert lines[3].split(",")[-2] == ""  # not eligible: no packet
    assert sorted(path.name for path in folder.iterdir()) == [
        "prop64-escape-2.pdf", "prop64-escape.pdf"]
    assert not (tmp_path / "escape.pdf").exists()
    assert (folder / "prop64-escape.pdf").read_bytes().startswith(b"%PDF")


def test_an_existing_file_is_never_overwritten(tmp_path):
    (tmp_path / "prop64-A1.pdf").write_bytes(b"keep me")
    name = PacketFolder(tmp_path, TODAY).save("A1", b"%PDF-new")
    assert name == "prop64-A1-2.pdf"
    assert (tmp_path / "prop64-A1.pdf").read_bytes() == b"keep me"


def test_a_planted_symlink_is_not_followed(tmp_path):
    target = tmp_path / "outside.txt"
    target.write_bytes(b"untouched")
    folder = tmp_path / "packets"
    folder.mkdir()
    (folder / "prop64-A1.pdf").symlink_to(target)
    PacketFolder(folder, TODAY).save("A1", b"%PDF-new")
    assert target.read_bytes() == b"untouched"


def test_three_rows_of_one_case_share_one_packet_and_another_case_gets_its_own(tmp_path):
    rows = io.StringIO(
        "case_id,county,case_number,section,level,offense_date,sentence_status,plants,"
        "first_name,last_name,date_of_birth\n"
        "H-55555-1,Los Angeles,H-55555,11357(b),misdemeanor,2012-01-01,completed,,Ana,Ruiz,"
        "1980-02-03\n"
        "H-6-1,Los Angeles,H-6,11360,misdemeanor,2012-01-01,completed,,Ana,Ruiz,1980-02-03\n"
        "H-55555-2,Los Angeles,H-55555,11360,misdemeanor,2012-01-01,completed,,Ana,Ruiz,"
        "1980-02-03\n"
        "H-55555-3,Los Angeles,H-55555,11358,misdemeanor,2012-01-01,completed,3,Ana,Ruiz,"
        "1980-02-03\n"
    )
    out = io.StringIO()
    folder = tmp_path / "packets"
    screen_stream(rows, out, TODAY, PacketFolder(folder, TODAY))
    pdf_column = [line.split(",")[-2] for line in out.getvalue().splitlines()[1:]]
    assert pdf_column == ["prop64-H-55555.pdf", "prop64-H-6.pdf", "prop64-H-55555.pdf",
                          "prop64-H-55555.pdf"]
    assert sorted(path.name for path in folder.iterdir()) == [
        "prop64-H-55555.pdf", "prop64-H-6.pdf"]
    text = subprocess.run(["pdftotext", "-raw", folder / "prop64-H-55555.pdf", "-"],
                          capture_output=True, check=True, text=True).stdout
    assert text.count("1. CONVICTION INFORMATION") == 1
    assert text.count("I declare under penalty of perjury") == 1
    for section in ("HS 11357(b)", "HS 11360", "HS 11358"):
        assert section in text
