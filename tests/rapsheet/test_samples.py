"""Every field of every expected result in samples/ (invented RAP sheets with the shape of
format.md; copied from ../shared/reference/rapsheet/samples)."""

import json
from pathlib import Path

import pytest

from petition.rapsheet import read_record
from petition.rapsheet.convictions import (
    cannabis_convictions,
    cannabis_non_convictions,
    out_of_scope,
)

SAMPLES = sorted((Path(__file__).parent / "samples").glob("*.txt"))


def expected(sample: Path) -> dict:
    return json.loads(sample.with_suffix(".json").read_text())


@pytest.fixture(params=SAMPLES, ids=lambda path: path.stem)
def sample(request):
    path = request.param
    return read_record(path.read_text()), expected(path)


def test_the_person_is_read_from_the_header(sample):
    record, want = sample
    assert record.person.as_dict() == want["person"]


def test_every_field_of_every_cannabis_conviction_is_as_expected(sample):
    record, want = sample
    assert [c.as_dict() for c in cannabis_convictions(record)] == want["cannabis_convictions"]


def test_cannabis_charges_without_a_conviction_are_listed(sample):
    record, want = sample
    got = [entry.as_dict() for entry in cannabis_non_convictions(record)]
    assert got == want["cannabis_non_convictions"]


def test_cannabis_related_convictions_outside_11357_to_11360_are_out_of_scope(sample):
    record, want = sample
    assert [entry.as_dict() for entry in out_of_scope(record)] == want.get("out_of_scope", [])


def test_the_samples_read_without_problems(sample):
    record, _ = sample
    assert record.problems == []
