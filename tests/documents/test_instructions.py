"""The instructions page: the person's language first, then English; what to do, in order."""

from __future__ import annotations

import pytest

from tests.documents.checks import contains

ENGLISH_TITLE = "Your Prop 64 papers: what to do"
SPANISH_TITLE = "Sus papeles de la Proposición 64: qué hacer"


def instruction_pages(rendered) -> str:
    """The pages before the first court paper."""
    first_paper = next(i for i, page in enumerate(rendered.pages) if "FOR COURT USE ONLY" in page)
    return "\n".join(rendered.pages[:first_paper])


def test_spanish_instructions_come_first_then_the_same_in_english(packets):
    pages = packets["spanish"].pages
    spanish = next(i for i, page in enumerate(pages) if SPANISH_TITLE in page)
    english = next(i for i, page in enumerate(pages) if ENGLISH_TITLE in page)
    assert spanish == 0 and english > spanish
    assert "no las presente" in pages[spanish]  # the footer too is in Spanish


@pytest.mark.parametrize("phrase", [
    "Los papeles piden al tribunal anular esta condena y sellar el expediente",
    "Paso 4. Pida a alguien que entregue una copia al fiscal",
    "exención de cuotas (formulario FW-001)",
    "Si usted no es ciudadano de los Estados Unidos",
    "BCIA 8016RR",
    "La fiscalía (San Francisco District Attorney) tuvo un programa",
])
def test_the_spanish_instructions_are_in_spanish(packets, phrase):
    assert contains(instruction_pages(packets["spanish"]), phrase)


@pytest.mark.parametrize("packet", ["dismissal", "chinese_name"])
def test_english_or_unsupported_languages_get_the_english_instructions_once(packets, packet):
    assert packets[packet].text.count(ENGLISH_TITLE) == 1


@pytest.mark.parametrize("phrase", [
    "Ask the clerk of the Superior Court of California, County of Fresno.",
    "Ask the Fresno County District Attorney or the public defender of Fresno County.",
    "BCIA 8016RR",
    "Live Scan",
    "not you",
    "gives or mails a copy of the papers to the Fresno County District Attorney",
    "fee waiver (form FW-001)",
    "What happens next",
    "If you are not a U.S. citizen",
    "Sign and date the petition",
    "Make at least 2 copies",
])
def test_the_instructions_cover_every_step(packets, phrase):
    assert contains(instruction_pages(packets["dismissal"]), phrase)


def test_the_instructions_give_the_outcome_with_its_citation(packets):
    text = instruction_pages(packets["dismissal"])
    assert contains(text, "dismiss this conviction and seal the record")
    assert contains(text, "HS 11362.1(a)(3)")


@pytest.mark.parametrize("packet, automatic_phrase", [
    ("spanish", "The San Francisco District Attorney ran a program"),
    ("dismissal", "A state law (HS 11361.9) told the courts to do this for convictions"),
    ("juvenile", "No source shows that juvenile cases like yours were handled"),
])
def test_the_instructions_say_whether_the_record_may_already_be_cleared(
        packets, packet, automatic_phrase):
    assert contains(instruction_pages(packets[packet]), automatic_phrase)


def test_an_unknown_track_asks_the_person_to_choose_the_box(packets):
    text = instruction_pages(packets["reduction_unknown_track"])
    assert contains(text, "You must choose one box before you sign.")
    assert contains(text, 'If you are still serving it: check "RESENTENCING OR DISMISSAL')
    assert contains(text, 'If you have finished it: check "REDESIGNATION OR DISMISSAL/SEALING')


def test_a_known_track_says_the_box_is_already_checked(packets):
    assert contains(instruction_pages(packets["petition"]), "the papers are a petition")
    assert not contains(instruction_pages(packets["petition"]), "You must choose one box")


def test_the_heading_line_names_the_person_case_and_court_with_spaces(packets):
    assert ("Maria Lopez. Case number: F12-345. Superior Court of California, County of Fresno."
            in packets["dismissal"].pages[0])
