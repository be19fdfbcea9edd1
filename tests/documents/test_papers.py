"""What goes on the papers, read off the results without rendering (fast)."""

from __future__ import annotations

import itertools

import pytest

from petition.documents.model import PacketCase
from petition.documents.papers import ORDERED, REQUESTED, papers_for
from petition.rules.vocabulary import RELIEF, Track
from tests.documents.conftest import FULL_FILER, TODAY, conviction

DISMISSAL = dict(county="Fresno", section="11358", plants="3", level="felony",
                 age_at_offense="30", offense_date="2012-03-04", sentence_status="completed")
NOT_ELIGIBLE = dict(county="Fresno", section="11357(c)", level="misdemeanor",
                    age_at_offense="30", offense_date="2012-03-04")
JUVENILE = dict(county="Fresno", section="11359", level="felony", age_at_offense="16",
                juvenile="yes", offense_date="2010-03-04", sentence_status="completed")
SERVING = dict(DISMISSAL, sentence_status="serving")


def papers(*rows):
    return papers_for(PacketCase(FULL_FILER, None, "F1", tuple(conviction(**row) for row in rows),
                                 TODAY))


@pytest.mark.parametrize("outcome, track", itertools.product(
    sorted(RELIEF), [Track.PETITION, Track.APPLICATION, Track.UNKNOWN]))
def test_every_relief_and_track_has_words_for_the_request_and_the_order(outcome, track):
    assert REQUESTED[outcome, track]
    assert ORDERED[outcome, track]


def test_only_convictions_with_relief_go_on_the_papers_numbered_from_one():
    found = papers(NOT_ELIGIBLE, DISMISSAL, NOT_ELIGIBLE, DISMISSAL)
    assert [count.number for count in found.counts] == [1, 2]
    assert {count.section for count in found.counts} == {"HS 11358"}


def test_a_case_with_adult_and_juvenile_counts_gets_both_sets_of_forms():
    found = papers(DISMISSAL, JUVENILE)
    assert [c.section for c in found.adult_counts] == ["HS 11358"]
    assert [c.section for c in found.juvenile_counts] == ["HS 11359"]
    assert found.sections_convicted == {"11358"}  # CR-400 item 1 lists adult counts only


@pytest.mark.parametrize("rows, petition, application", [
    ((DISMISSAL,), False, True),
    ((SERVING,), True, False),
    ((dict(DISMISSAL, sentence_status="unknown"),), False, False),
    ((SERVING, DISMISSAL), True, True),  # "check all that apply"
])
def test_the_cr400_boxes_are_the_tracks_of_the_counts(rows, petition, application):
    found = papers(*rows)
    assert found.petition is petition
    assert found.application is application


def test_a_juvenile_case_with_unknown_status_asks_the_person_to_check_item_3():
    from petition.documents.packet import packet_html

    row = dict(JUVENILE, sentence_status="unknown")
    html = packet_html(PacketCase(FULL_FILER, None, "J1", (conviction(**row),), TODAY))
    assert "In item 3 of the juvenile request" in html
    assert "If you are <b>still serving</b> it" not in html  # the adult box choice


@pytest.mark.parametrize("row, spanish", [
    (DISMISSAL, "Los papeles piden al tribunal anular esta condena"),
    (JUVENILE, "Los papeles piden al tribunal de menores bajar este fallo (adjudication)"),
    (dict(county="Fresno", section="11359", level="felony", age_at_offense="30",
          offense_date="2012-03-04", sentence_status="completed", superstrike="no", pc290="no",
          prior_same_section="0", sold_to_minor="no", hired_under_21="no"),
     "Los papeles piden al tribunal bajar este delito grave (felony) a delito menor"),
])
def test_each_outcome_is_told_in_spanish(row, spanish):
    from petition.documents.packet import packet_html

    case = PacketCase(FULL_FILER, None, "F1", (conviction(**row),), TODAY, language="es")
    assert spanish in packet_html(case)
