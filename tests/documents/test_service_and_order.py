"""The CR-401 proof of service and the CR-403 proposed order; the juvenile forms."""

from __future__ import annotations

import pytest

from tests.documents.checks import contains, is_checked

PROOF_PAGE = "I declare under penalty of perjury"
ORDER_PAGE = "THE COURT ORDERS"


@pytest.mark.parametrize("packet, prosecutor", [
    ("dismissal", "Fresno County District Attorney"),
    ("petition", "Los Angeles County District Attorney"),
    ("spanish", "San Francisco District Attorney"),
    ("juvenile", "Alameda County District Attorney"),
])
def test_the_proof_of_service_names_the_countys_prosecuting_agency(packets, packet, prosecutor):
    page = packets[packet].page_with(PROOF_PAGE)
    assert prosecutor in page


def test_the_proof_of_service_is_left_blank_for_the_server(packets):
    page = packets["dismissal"].page_with(PROOF_PAGE)
    assert "not a party to this case" in page
    assert "SIGNATURE OF SERVER" in page
    assert not is_checked(page, "Personal delivery.")
    assert not is_checked(page, "Mail.")
    assert "Maria Lopez" in page  # the case it belongs to, in the caption only
    assert page.count("Maria Lopez") == 1


@pytest.mark.parametrize("packet, ordered", [
    ("dismissal", "Dismissed as legally invalid and sealed"),
    ("petition", "Sentence recalled; conviction dismissed as legally invalid"),
    ("reduction_unknown_track", "Resentenced / redesignated as a misdemeanor"),
])
def test_the_proposed_order_is_prefilled_with_the_relief_requested(packets, packet, ordered):
    page = packets[packet].page_with(ORDER_PAGE)
    assert contains(page, ordered)
    assert "JUDGE OF THE SUPERIOR COURT" in page
    assert not is_checked(page, "GRANTED.")  # the decision is the judge's


def test_the_proposed_order_checks_the_filing_it_answers(packets):
    page = packets["dismissal"].page_with(ORDER_PAGE)
    assert is_checked(page, "application for redesignation")
    assert not is_checked(page, "petition for recall")


@pytest.mark.parametrize("packet, court", [
    ("dismissal", "Superior Court of California, County of Fresno"),
    ("petition", "Superior Court of California, County of Los Angeles"),
    ("juvenile", "Superior Court of California, County of Alameda"),
])
def test_the_instructions_say_where_to_file(packets, packet, court):
    page = packets[packet].pages[0] + packets[packet].pages[1]
    assert contains(page, f"the clerk of the {court}")


def test_a_juvenile_adjudication_gets_the_juvenile_request_instead_of_adult_forms(packets):
    text = packets["juvenile"].text
    assert "REQUEST TO REDUCE JUVENILE MARIJUANA OFFENSE" in text
    assert "ATTACHMENT JV-744A" in text
    assert "1. CONVICTION INFORMATION" not in text  # no CR-400
    assert "ORDER AFTER PETITION/APPLICATION" not in text  # no CR-403
    attachment = packets["juvenile"].page_with("ATTACHMENT JV-744A")
    assert contains(attachment, "Reduce the offense to an infraction")
    assert contains(attachment, "HS 11361.8(m)")


def test_the_juvenile_request_checks_that_the_disposition_is_completed(packets):
    page = packets["juvenile"].page_with("I ask the juvenile court to reduce")
    assert is_checked(page, "I have completed the disposition")
    assert not is_checked(page, "I am still under the court's orders")
    assert "07/08/1994" in page


def test_the_juvenile_packet_has_its_own_proposed_order(packets):
    page = packets["juvenile"].page_with("ORDER ON REQUEST TO REDUCE JUVENILE")
    assert contains(page, "Reduced to an infraction")


def test_an_unknown_county_leaves_the_court_and_agency_to_fill_in(packets):
    rendered = packets["no_county"]
    petition = rendered.page_with("1. CONVICTION INFORMATION")
    assert "SUPERIOR COURT OF CALIFORNIA, COUNTY OF:" in petition
    proof = rendered.page_with(PROOF_PAGE)
    assert "District Attorney of the County of" in proof  # a blank for the county, no guess
    assert "County District Attorney" not in proof
    assert contains(rendered.pages[0], "Ask the clerk of the superior court in the county "
                                       "where you were convicted.")
    assert contains(rendered.pages[0], "Ask the District Attorney or the public defender of the "
                                       "county where you were convicted.")
