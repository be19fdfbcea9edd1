"""The oracle itself must agree with every public worked case (../shared/cases/public_cases.csv)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from tests.oracle.law import decide

AS_OF = date(2026, 12, 2)
# The project's copy of ../shared/cases/public_cases.csv: a fresh clone has no ../shared.
PUBLIC_CASES = Path(__file__).resolve().parents[1] / "rules" / "public_cases.csv"


def public_cases():
    with PUBLIC_CASES.open(newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("case", public_cases(), ids=lambda case: case["case_id"])
def test_the_oracle_decides_each_public_case_as_expected(case):
    got = decide(case, AS_OF)
    assert not got.get("error"), case["basis"]
    for key in ("outcome", "track", "automatic", "certainty"):
        if case["expected_" + key]:
            assert got[key] == case["expected_" + key], (key, case["basis"], got)
