"""Issue 9: papers a clerk accepts and a legal-aid lawyer would sign off, read back from the
rendered PDFs (text with pdftotext, ink with pdftoppm)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace

import pytest

from petition.counties import CityAttorney
from petition.documents.filings import filings, person_key
from petition.documents.model import Filer, PacketCase
from petition.rules.vocabulary import Level
from tests.documents.checks import contains, is_checked
from tests.documents.conftest import FULL_FILER, TODAY, conviction, render

RESOLUTION = 50  # dots per inch when the pages are looked at for ink
MARGIN = 0.5  # inches of white paper on every side of every page


def los_angeles():
    county = conviction(county="Los Angeles").facts.county
    office = CityAttorney("Los Angeles City Attorney", ("Los Angeles",),
                          (Level.MISDEMEANOR, Level.INFRACTION), "https://example.org/source")
    return replace(county, city_attorneys=(office,))


def count(section: str, level: str, status: str = "completed", **more: str):
    return conviction(county="Los Angeles", case_number="H-55555", section=section, level=level,
                      offense_date="2012-03-04", conviction_date="2012-05-06",
                      age_at_offense="30", sentence_status=status, **more)


@pytest.fixture(scope="module")
def three_counts():
    return render(PacketCase(FULL_FILER, los_angeles(), "H-55555", (
        count("11357(b)", "misdemeanor", "serving"), count("11360", "misdemeanor", "serving"),
        count("11358", "misdemeanor", "serving", plants="3")), TODAY))


@pytest.fixture(scope="module")
def at_the_limits():
    filer = Filer(first_name="M" * 50, last_name="W" * 50, date_of_birth="1980-02-03",
                  street="W" * 100, city="C" * 100, state="CA", zip="93701",
                  phone="555-123-4567", email="e" * 88 + "@example.org")
    return render(PacketCase(filer, los_angeles(), "LA-" + "9" * 37,
                             (count("11359", "felony", "serving"),), TODAY))


def pages_of(rendered, marker: str) -> list[str]:
    return [page for page in rendered.pages if marker in page]


def test_three_counts_of_one_case_make_one_petition_and_one_order(three_counts):
    petitions = pages_of(three_counts, "1. CONVICTION INFORMATION")
    orders = pages_of(three_counts, "[PROPOSED] ORDER AFTER PETITION/APPLICATION")
    assert len(petitions) == 1 and len(orders) == 1
    assert len(pages_of(three_counts, "I declare under penalty of perjury")) == 1
    for section in ("11357 - Possession", "11358 - Cultivation", "11360 - Transportation"):
        assert is_checked(petitions[0], section)
    order_rows = re.findall(r"^([123]) HS 113", orders[0], re.MULTILINE)
    assert order_rows == ["1", "2", "3"]


def test_a_misdemeanor_names_the_da_and_leaves_the_city_attorney_to_choose(three_counts):
    proof = three_counts.page_with("I declare under penalty of perjury")
    assert "Los Angeles County District Attorney" in proof
    assert "City Attorney of (city):" in proof
    instructions = three_counts.pages[0] + three_counts.pages[1]
    assert contains(instructions,
                    "the District Attorney or City Attorney that prosecuted your case")
    assert contains(instructions, "look at your court papers, or ask the court clerk")
    assert "Los Angeles City Attorney" in three_counts.text


def test_a_felony_is_served_on_the_district_attorney_alone(at_the_limits):
    proof = at_the_limits.page_with("I declare under penalty of perjury")
    assert "Los Angeles County District Attorney" in proof
    assert "City Attorney" not in proof


def test_the_petition_stays_one_page_at_the_sites_field_limits(at_the_limits):
    petition = [n for n, page in enumerate(at_the_limits.pages) if "CR-400 [New July 1" in page]
    first = at_the_limits.page_with("1. CONVICTION INFORMATION")
    assert "Form CR-401" in first and "SIGNATURE OF PETITIONER/APPLICANT" in first
    assert "Page 1 of 2" in first  # the petition, then its attachment
    assert len(petition) == 2


def test_the_attachment_keeps_the_presumption_without_a_list_of_disqualifiers():
    rendered = render(PacketCase(FULL_FILER, los_angeles(), "H-1", (
        conviction(county="Los Angeles", section="11360", level="felony",
                   offense_date="2014-03-04", sentence_status="completed"),), TODAY))
    attachment = rendered.page_with("ATTACHMENT 1 TO PETITION/APPLICATION")
    assert contains(attachment, "proves by clear and convincing evidence")
    for listed in ("667(e)(2)(C)(iv)", "PC 290", "Not shown by the record"):
        assert listed not in attachment
    order = rendered.page_with("[PROPOSED] ORDER AFTER")
    result = rendered.case.convictions[0].result
    assert result.alternative_citations, "the engine names the alternative's authority"
    for citation in result.alternative_citations:
        assert contains(attachment, citation) and contains(order, citation)


def test_a_petition_order_has_lines_for_the_new_sentence_and_a_safety_denial(three_counts):
    order = three_counts.page_with("[PROPOSED] ORDER AFTER")
    for words in ("New sentence:", "Credit for time served:", "not more than one year",
                  "unreasonable risk of danger to public safety"):
        assert contains(order, words)
    assert contains(three_counts.text, "supervision after the new sentence lasts at most one year")


def test_juvenile_papers_speak_juvenile():
    alameda = conviction(county="Alameda").facts.county
    rendered = render(PacketCase(
        Filer(first_name="Sam", last_name="Ortiz"), alameda, "J-1",
        (conviction(county="Alameda", section="11359", level="felony", juvenile="yes",
                    offense_date="2010-03-04", conviction_date="2010-05-06",
                    sentence_status="serving"),), TODAY))
    words = rendered.text.lower()
    assert "adjudication" in words and "found true" in words and "disposition" in words
    assert "juvenile court" in words
    assert "conviction" not in words and "sentence" not in words.replace("sentence_status", "")
    assert "11361.8(f))" not in rendered.text and "(f) box" not in words
    assert contains(rendered.text, "first box in item 3 of the juvenile request")


def test_no_unsourced_timing_claims_remain(three_counts):
    for claim in ("several weeks", "after 2 months", "often without a hearing",
                  "can be faster"):
        assert claim not in three_counts.text


def test_empty_values_leave_a_ruled_blank_and_dates_are_mm_dd_yyyy(three_counts):
    html = subprocess.run(["pdftotext", "-raw", "-", "-"], input=three_counts.pdf,
                          capture_output=True, check=True).stdout.decode()
    assert "02/03/1980" in html and "1980-02-03" not in html
    from petition.documents.packet import packet_html
    empty = PacketCase(Filer(), None, "", three_counts.case.convictions, TODAY)
    page = packet_html(empty)
    attachment = page[page.index("ATTACHMENT 1 TO"):]
    assert attachment.count('class="blankline"', 0, 2000) >= 3  # name, case number, birth


@pytest.mark.parametrize("first, last, shown", [
    ("美玲", "陳", "陳美玲"),
    ("Maria", "Lopez", "Maria Lopez"),
    ("Ana", "", "Ana"),
])
def test_names_are_written_in_the_persons_own_order(first, last, shown):
    assert Filer(first_name=first, last_name=last).full_name == shown


def test_the_name_on_the_court_record_goes_in_the_caption():
    filer = Filer(first_name="Maria", last_name="Lopez", record_name="Maria Gomez")
    rendered = render(PacketCase(filer, los_angeles(), "H-2", (count("11360", "felony"),),
                                 TODAY))
    petition = rendered.page_with("1. CONVICTION INFORMATION")
    assert "Maria Gomez" in petition and "Maria Lopez" in petition


@pytest.mark.parametrize("kind", ["three_counts", "at_the_limits", "long"])
def test_no_ink_within_half_an_inch_of_any_edge(kind, request, tmp_path, packets):
    from PIL import Image

    rendered = packets["long"] if kind == "long" else request.getfixturevalue(kind)
    source = tmp_path / "packet.pdf"
    source.write_bytes(rendered.pdf)
    subprocess.run(["pdftoppm", "-r", str(RESOLUTION), "-gray", "-png", source,
                    tmp_path / "page"], check=True)
    edge = int(MARGIN * RESOLUTION) - 1  # the pixel row that ends 1/50 in short of 0.5 in
    inked = []
    for path in sorted(tmp_path.glob("page-*.png")):
        image = Image.open(path).convert("L")
        width, height = image.size
        for box in ((0, 0, width, edge), (0, height - edge, width, height),
                    (0, 0, edge, height), (width - edge, 0, width, height)):
            if image.crop(box).getextrema()[0] < 200:  # darker than light gray
                inked.append(path.name)
                break
    assert inked == []


def test_rows_of_one_person_and_case_are_one_filing_and_other_cases_their_own():
    rows = [
        ("H-55555-1", "Ana", "Ruiz", "H-55555"), ("H-55555-2", "Ana", "Ruiz", "h-55555"),
        ("H-55555-3", "ana", "RUIZ", "H-55555"), ("H-6-1", "Ana", "Ruiz", "H-6"),
        ("P7-1", "", "", "H-55555"), ("P7-2", "", "", "H-55555"), ("X", "Bo", "Li", ""),
        ("Y", "Bo", "Li", ""),
    ]
    facts = {row[0]: conviction(county="Fresno", case_id=row[0], case_number=row[3],
                                section="11359").facts for row in rows}
    grouped = filings(rows, lambda row: facts[row[0]],
                      lambda row: person_key(row[1], row[2], "", row[0]))
    assert [[row[0] for row in filing.items] for filing in grouped] == [
        ["H-55555-1", "H-55555-2", "H-55555-3"], ["H-6-1"], ["P7-1", "P7-2"], ["X"], ["Y"]]
