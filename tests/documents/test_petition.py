"""The CR-400 equivalent and its attachment: every filled value, and the right boxes."""

from __future__ import annotations

import pytest

from tests.documents.checks import contains, is_checked
from tests.documents.conftest import FULL_FILER

PETITION_PAGE = "1. CONVICTION INFORMATION"
RESENTENCING_BOX = "RESENTENCING OR DISMISSAL"
REDESIGNATION_BOX = "REDESIGNATION OR DISMISSAL/"
PETITION_ITEM = "PETITION: Petitioner is currently serving"
APPLICATION_ITEM = "APPLICATION: Applicant has completed"


@pytest.mark.parametrize("label, value", [
    ("NAME:", "Maria Lopez"),
    ("STREET ADDRESS:", FULL_FILER.street),
    ("CITY:", FULL_FILER.city),
    ("STATE:", FULL_FILER.state),
    ("ZIP CODE:", FULL_FILER.zip),
    ("TELEPHONE NO.:", FULL_FILER.phone),
    ("E-MAIL ADDRESS:", FULL_FILER.email),
    ("ATTORNEY FOR (NAME):", "Self-represented (In pro per)"),
    ("DEFENDANT:", "Maria Lopez"),
    ("CASE NUMBER:", "F12-345"),
    ("COUNTY OF:", "Fresno"),
])
def test_the_caption_carries_every_detail_the_filer_gave(packets, label, value):
    page = packets["dismissal"].page_with(PETITION_PAGE)
    assert label in page
    assert value in page


def test_the_caption_names_the_people_against_the_filer(packets):
    page = packets["dismissal"].page_with(PETITION_PAGE)
    assert "PEOPLE OF THE STATE OF CALIFORNIA" in page
    assert "PETITION/APPLICATION (Health and Safety Code, § 11361.8)" in page


@pytest.mark.parametrize("packet, resentencing, redesignation, petition, application", [
    ("petition", True, False, True, False),  # still serving: HS 11361.8(b)
    ("dismissal", False, True, False, True),  # completed: HS 11361.8(f)
    ("reduction_unknown_track", False, False, False, False),  # the person chooses by hand
])
def test_the_relief_box_and_request_follow_the_track(
        packets, packet, resentencing, redesignation, petition, application):
    page = packets[packet].page_with(PETITION_PAGE)
    assert is_checked(page, RESENTENCING_BOX) is resentencing
    assert is_checked(page, REDESIGNATION_BOX) is redesignation
    assert is_checked(page, PETITION_ITEM) is petition
    assert is_checked(page, APPLICATION_ITEM) is application


@pytest.mark.parametrize("packet, section", [
    ("dismissal", "11358 - Cultivation of Marijuana"),
    ("reduction_unknown_track", "11359 - Possession of Marijuana for Sale"),
    ("chinese_name", "11360 - Transportation, Distribution, or Importation of Marijuana"),
])
def test_item_one_checks_only_the_section_convicted(packets, packet, section):
    page = packets[packet].page_with(PETITION_PAGE)
    boxes = ["11357 - Possession of Marijuana", "11358 - Cultivation of Marijuana",
             "11359 - Possession of Marijuana for Sale",
             "11360 - Transportation, Distribution, or Importation of Marijuana",
             "11362.1 - Personal Use of Marijuana"]
    assert [box for box in boxes if is_checked(page, box)] == [section]


@pytest.mark.parametrize("packet, judge, appearance", [
    ("dismissal", True, False),  # chosen
    ("petition", False, False),  # not chosen (None): both left blank
])
def test_the_waivers_are_checked_only_as_chosen(packets, packet, judge, appearance):
    page = packets[packet].page_with(PETITION_PAGE)
    assert is_checked(page, "Petitioner/applicant waives the right") is judge
    assert is_checked(page, "Petitioner/applicant understands there is a right") is appearance


def test_the_petition_leaves_date_and_signature_to_the_filer(packets):
    page = packets["dismissal"].page_with(PETITION_PAGE)
    assert "Dated:" in page
    assert "SIGNATURE OF PETITIONER/APPLICANT" in page


@pytest.mark.parametrize("packet, relief, citations", [
    ("dismissal", "Dismiss and seal the conviction as legally invalid",
     ("HS 11361.8(f)", "HS 11362.1(a)(3)")),
    ("petition", "Recall the sentence and dismiss the conviction as legally invalid",
     ("HS 11361.8(b)", "HS 11362.1(a)(3)")),
    ("reduction_unknown_track", "Resentence or redesignate the conviction as a misdemeanor",
     ("HS 11361.8(a)", "HS 11361.8(e)", "HS 11359(b)")),
])
def test_the_attachment_asks_for_the_relief_the_engine_gave_with_its_citations(
        packets, packet, relief, citations):
    page = packets[packet].page_with("ATTACHMENT 1 TO PETITION/APPLICATION")
    assert contains(page, relief)
    for citation in citations:
        assert contains(page, citation)


def test_the_attachment_lists_the_conviction_dates_and_level(packets):
    page = packets["dismissal"].page_with("ATTACHMENT 1 TO PETITION/APPLICATION")
    for value in ("HS 11358", "felony", "03/04/2012", "05/06/2012"):
        assert value in page


def test_a_presumed_outcome_asks_in_the_alternative_for_the_lesser_relief(packets):
    result = packets["chinese_name"].case.convictions[0].result
    assert result.certainty.value == "presumed" and result.alternative is not None
    page = packets["chinese_name"].page_with("ATTACHMENT 1 TO PETITION/APPLICATION")
    assert contains(page, "Dismiss and seal the conviction as legally invalid")
    assert contains(page, "In the alternative: Redesignate the conviction as a misdemeanor")
    assert contains(page, "proves by clear and convincing evidence")
    assert "Not shown by the record" not in page


def test_the_petition_says_it_is_a_computer_generated_cr400(packets):
    assert contains(packets["dismissal"].text,
                    "CR-400 [New July 1, 2017]")


def test_a_case_without_relief_gets_no_packet():
    from petition.documents.model import PacketCase
    from petition.documents.packet import build_packet
    from tests.documents.conftest import TODAY, conviction

    not_eligible = conviction(county="Fresno", section="11357(c)", level="misdemeanor",
                              offense_date="2012-01-01", age_at_offense="30")
    assert not not_eligible.result.outcome.gives_relief
    with pytest.raises(ValueError, match="no conviction"):
        build_packet(PacketCase(FULL_FILER, None, "", (not_eligible,), TODAY))


@pytest.mark.parametrize("packet, says_before_prop_64", [
    ("dismissal", True),  # offense 2012
    ("spanish", True),
    ("hostile", True),  # offense date only
    ("chinese_name", True),  # offense 2014, conviction date unknown
    ("no_county", True),
])
def test_the_attachment_states_the_date_only_when_the_record_shows_it(
        packets, packet, says_before_prop_64):
    page = packets[packet].page_with("ATTACHMENT 1 TO PETITION/APPLICATION")
    assert contains(page, "took place before November 9, 2016") is says_before_prop_64


def test_an_undated_conviction_asks_the_court_to_take_the_dates_from_its_records():
    from petition.documents.model import PacketCase
    from petition.documents.papers import papers_for
    from tests.documents.conftest import TODAY, conviction

    undated = conviction(county="Fresno", section="11358", plants="3", level="felony",
                         age_at_offense="30", sentence_status="completed")
    assert undated.result.outcome.gives_relief
    papers = papers_for(PacketCase(FULL_FILER, None, "", (undated,), TODAY))
    assert not papers.dated_before_prop_64(papers.adult_counts)


@pytest.mark.parametrize("marker, page_label", [
    ("Your Prop 64 papers: what to do", "1 / 2"),  # the instructions, in any language
    (PETITION_PAGE, "Page 1 of 2"),  # CR-400 and its attachment, not "Page 3 of 6"
    ("ATTACHMENT 1 TO PETITION/APPLICATION", "Page 2 of 2"),
    ("I declare under penalty of perjury", "Page 1 of 1"),  # CR-401
    ("THE COURT ORDERS", "Page 1 of 1"),  # CR-403
])
def test_each_paper_numbers_its_own_pages(packets, marker, page_label):
    assert page_label in packets["dismissal"].page_with(marker)
