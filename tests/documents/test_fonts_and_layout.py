"""Our own fonts, embedded, for every character; Letter pages; nothing cut off."""

from __future__ import annotations

import io
import subprocess

import pytest
from pypdf import PdfReader

from petition.documents.fonts import FAMILIES
from tests.documents.checks import contains, contains_wrapped
from tests.documents.conftest import LONG_NAME, LONG_STREET

PACKETS = ["dismissal", "reduction_unknown_track", "petition", "juvenile", "spanish",
           "chinese_name", "no_county", "unprintable", "hostile", "long"]
# Debian's Noto, by family name (petition/documents/fonts.py), as WeasyPrint names them.
OUR_FONTS = {name + weight for name in (family.replace(" ", "-") for family in FAMILIES)
             for weight in ("", "-Bold")}
LETTER = (612, 792)  # points


def embedded_fonts(pdf: bytes) -> list[tuple[str, str]]:
    """(name without subset prefix, emb column) for each font pdffonts lists."""
    listing = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True,
                             check=True).stdout.decode()
    fonts = []
    for line in listing.splitlines()[2:]:
        columns = line.split()
        name = columns[0].split("+", 1)[-1]
        emb = columns[-5]
        fonts.append((name, emb))
    return fonts


@pytest.mark.parametrize("packet", PACKETS)
def test_no_character_falls_back_to_a_missing_glyph(packets, packet):
    assert packets[packet].warnings == []


@pytest.mark.parametrize("packet", PACKETS)
def test_every_font_is_one_of_ours_and_embedded(packets, packet):
    fonts = embedded_fonts(packets[packet].pdf)
    assert fonts
    for name, emb in fonts:
        assert name in OUR_FONTS
        assert emb == "yes"


def test_a_chinese_name_is_set_in_the_traditional_chinese_face(packets):
    rendered = packets["chinese_name"]
    assert "陳美玲" in rendered.text
    assert "三樓" in rendered.text
    assert "Noto-Sans-CJK-TC" in {name for name, _ in embedded_fonts(rendered.pdf)}


@pytest.mark.parametrize("packet", ["dismissal", "petition"])
def test_papers_without_chinese_do_not_carry_the_chinese_face(packets, packet):
    names = {name for name, _ in embedded_fonts(packets[packet].pdf)}
    assert not names & {"Noto-Sans-CJK-TC", "Noto-Sans-CJK-TC-Bold"}


def test_a_vietnamese_name_and_address_print_in_noto_sans(packets):
    text = packets["petition"].text
    assert "Hương Nguyễn" in text
    assert "12 Đường Lê Lợi" in text


@pytest.mark.parametrize("packet", PACKETS)
def test_every_page_is_letter_size(packets, packet):
    reader = PdfReader(io.BytesIO(packets[packet].pdf))
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == LETTER


def test_a_300_character_name_and_long_address_are_printed_in_full(packets):
    rendered = packets["long"]
    assert len(LONG_NAME) >= 300
    petition = rendered.page_with("1. CONVICTION INFORMATION")
    assert contains_wrapped(petition, LONG_NAME)
    assert contains_wrapped(petition, LONG_STREET)


def test_forty_convictions_flow_onto_continuation_pages_with_none_lost(packets):
    rendered = packets["long"]
    attachment = "\n".join(page for page in rendered.pages
                           if "CR-400 [New July 1, 2017]"
                           in page)
    order = "\n".join(page for page in rendered.pages if "Proposed order following" in page)
    for conviction in rendered.case.convictions:
        day = conviction.facts.offense_date.strftime("%m/%d/%Y")
        assert day in attachment
        convicted = conviction.facts.conviction_date.strftime("%m/%d/%Y")
        assert convicted in order
    assert len([page for page in rendered.pages if "Proposed order following" in page]) > 1


def test_a_long_case_number_is_printed_in_full(packets):
    assert contains(packets["long"].page_with("1. CONVICTION INFORMATION"), "F-" + "9" * 60)


def test_the_pdf_is_tagged_for_screen_readers(packets):
    root = PdfReader(io.BytesIO(packets["dismissal"].pdf)).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"


def test_the_pdf_metadata_carries_nothing_about_the_person(packets):
    metadata = PdfReader(io.BytesIO(packets["dismissal"].pdf)).metadata
    assert dict(metadata) == {"/Producer": metadata["/Producer"],
                              "/Title": "Prop 64 petition packet"}


@pytest.mark.parametrize("first, last, family", [
    ("سارة", "الحسيني", "Noto-Sans-Arabic"),       # Arabic
    ("مریم", "رضایی", "Noto-Sans-Arabic"),          # Persian
    ("Անահիտ", "Պետրոսյան", "Noto-Sans-Armenian"),
    ("Наталья", "Иванова", "Noto-Sans"),          # Russian
    ("지민", "김", "Noto-Sans-CJK-TC"),  # Korean: the CJK face holds Hangul too
])
def test_a_name_in_any_script_the_site_speaks_prints_as_itself_and_stays_small(
        packets, first, last, family):
    from dataclasses import replace

    from tests.documents.conftest import render

    case = packets["dismissal"].case
    rendered = render(replace(case, filer=replace(case.filer, first_name=first,
                                                  last_name=last)))
    assert rendered.warnings == []
    assert first in rendered.text.replace("\n", " ") or first[::-1] in rendered.text
    assert "\ufffd" not in rendered.text
    names = {name for name, emb in embedded_fonts(rendered.pdf) if emb == "yes"}
    assert family in names
    # Only the glyphs used are embedded: a packet stays small whatever the script.
    assert len(rendered.pdf) < 400_000
