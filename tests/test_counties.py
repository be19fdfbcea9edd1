"""The county data file: all 58 counties, each with its court and prosecutor."""

from datetime import date

import pytest

from petition.counties import all_counties, find_county
from petition.rules.vocabulary import Level


def test_all_58_california_counties_are_listed_once():
    names = [county.name for county in all_counties()]
    assert len(names) == 58 == len(set(names))


@pytest.mark.parametrize("county", all_counties(), ids=str)
def test_every_county_names_its_superior_court_and_prosecutor(county):
    assert county.court == f"Superior Court of California, County of {county.name}"
    assert county.name in county.prosecutor and "District Attorney" in county.prosecutor


def test_san_francisco_da_program_covers_convictions_from_1975():
    (program,) = find_county("San Francisco").programs
    assert program.covers(Level.MISDEMEANOR, date(1975, 1, 1))
    assert program.covers(Level.FELONY, date(2016, 11, 8))
    assert not program.covers(Level.FELONY, date(1974, 12, 31))
    assert not program.covers(Level.INFRACTION, date(1990, 1, 1))
    assert "1975" in program.summary and program.source


@pytest.mark.parametrize("name", ["Alameda", "San Diego", "Sonoma", "San Joaquin", "Sacramento",
                                  "Contra Costa", "Los Angeles", "Santa Clara", "Yolo"])
def test_other_early_programs_are_recorded_with_years_and_a_source(name):
    (program,) = find_county(name).programs
    assert program.years and program.source
    assert not program.scope_known  # law.md E10: shown to people, not relied on


def test_a_county_without_an_early_program_has_none():
    assert find_county("Fresno").programs == ()


@pytest.mark.parametrize("text, name", [("SF", "San Francisco"), ("la", "Los Angeles"),
                                        ("City and County of San Francisco", "San Francisco")])
def test_the_short_names_records_use_are_understood(text, name):
    assert find_county(text).name == name
