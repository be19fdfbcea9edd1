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
