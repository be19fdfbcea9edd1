"""The engine against tables of cases, each with its basis in law.md or the statute."""

from datetime import date
from pathlib import Path

import pytest
import yaml

from petition.facts import parse_conviction
from petition.rules.engine import evaluate
from petition.screening import Tally, screen_rows

HERE = Path(__file__).parent
EVALUATION_DATE = date(2026, 11, 26)
DEFAULTS = {
    "county": "Fresno", "sentence_status": "completed", "juvenile": "no",
    "offense_date": "2014-06-01", "age_at_offense": "30", "school_grounds": "no",
    "superstrike": "no", "pc290": "no", "prior_same_section": "0", "sold_to_minor": "no",
    "hired_under_21": "no", "environmental_violation": "no", "interstate": "no",
}
TABLE = yaml.safe_load((HERE / "cases.yaml").read_text())


def row_of(facts: dict) -> dict[str, str]:
    return {**DEFAULTS, **{column: str(value) for column, value in facts.items()}}


@pytest.mark.parametrize("case", TABLE, ids=[case["id"] for case in TABLE])
def test_engine_decides_each_case_as_the_law_says(case):
    result = evaluate(parse_conviction(row_of(case["facts"]), EVALUATION_DATE), EVALUATION_DATE)
    expect = case["expect"]
    assert result.outcome == expect["outcome"], case["basis"]
    for field in ("track", "automatic", "certainty"):
        if field in expect:
            assert getattr(result, field) == expect[field], f"{field}: {case['basis']}"
    for citation in expect.get("cites", ()):
        assert citation in result.citations, case["basis"]
    if "presumed" in expect:
        assert list(result.presumed_facts) == expect["presumed"], case["basis"]


def test_the_table_has_over_a_hundred_cases_with_unique_ids():
    ids = [case["id"] for case in TABLE]
    assert len(ids) >= 100
    assert len(set(ids)) == len(ids)


PUBLIC = list(__import__("csv").DictReader((HERE / "public_cases.csv").open(newline="")))


@pytest.mark.parametrize("case", PUBLIC, ids=[case["case_id"] for case in PUBLIC])
def test_public_worked_case_comes_out_right_through_the_screening_path(case):
    inputs = {k: v for k, v in case.items() if not k.startswith("expected_") and k != "basis"}
    (out,) = screen_rows([inputs], EVALUATION_DATE, Tally())
    assert out.get("error", "") == ""
    for field in ("outcome", "track", "automatic", "certainty"):
        if case["expected_" + field]:
            assert out[field] == case["expected_" + field], case["basis"]
