"""The county data file: all 58 counties, each with its court and prosecutor."""

import re
from datetime import date
from urllib.parse import urlsplit

import pytest

from petition.counties import Contacts, all_counties, find_county
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


# Contacts and city attorneys (issues 9 and 10): data a person acts on, each value from a
# source checked on a date. No network: these check the data's shape, not the live sites.

COUNTIES_WITH_CONTACTS = [county for county in all_counties() if county.contacts != Contacts()]
CITY_ATTORNEYS = [(county, office) for county in all_counties()
                  for office in county.city_attorneys]


def contact_urls(county):
    contacts = county.contacts
    return [url for url in (contacts.court_website, contacts.prosecutor_website,
                            contacts.public_defender_website) if url]


def is_https_url(url):
    parts = urlsplit(url)
    return (parts.scheme == "https" and "." in parts.hostname and not parts.query
            and not parts.fragment and url == url.strip() and " " not in url)


@pytest.mark.parametrize("county", COUNTIES_WITH_CONTACTS, ids=str)
def test_every_contact_url_is_a_well_formed_https_address(county):
    assert all(is_https_url(url) for url in contact_urls(county)), contact_urls(county)


@pytest.mark.parametrize("county", COUNTIES_WITH_CONTACTS, ids=str)
def test_every_county_with_contacts_says_where_they_come_from_and_when(county):
    assert county.contacts.source.strip()
    assert county.contacts.checked is not None and county.contacts.checked <= date(2026, 12, 31)


@pytest.mark.parametrize("county", COUNTIES_WITH_CONTACTS, ids=str)
def test_a_phone_number_is_a_ten_digit_california_number(county):
    phone = county.contacts.court_phone
    assert not phone or re.fullmatch(r"\(\d{3}\) \d{3}-\d{4}", phone), phone


def test_the_biggest_counties_have_a_court_website():
    for name in ("Los Angeles", "San Diego", "Orange", "Riverside", "San Bernardino",
                 "Santa Clara", "Alameda", "Sacramento", "Contra Costa", "Fresno", "Kern"):
        assert find_county(name).contacts.court_website, name


@pytest.mark.parametrize("county, office", CITY_ATTORNEYS,
                         ids=[office.name for _, office in CITY_ATTORNEYS])
def test_a_city_attorney_handles_only_misdemeanors_and_infractions(county, office):
    # Felonies were always the District Attorney's (design.md); a city office is only ever an
    # alternative for the two lower levels.
    assert office.handles and set(office.handles) <= {Level.MISDEMEANOR, Level.INFRACTION}


@pytest.mark.parametrize("county, office", CITY_ATTORNEYS,
                         ids=[office.name for _, office in CITY_ATTORNEYS])
def test_a_city_attorney_names_its_cities_a_source_and_the_date_checked(county, office):
    assert office.cities and all(city.strip() for city in office.cities)
    assert office.source.strip() and office.checked is not None
    assert not office.website or is_https_url(office.website)


def test_no_city_is_claimed_by_two_city_attorneys():
    cities = [city for _, office in CITY_ATTORNEYS for city in office.cities]
    assert len(cities) == len(set(cities))


def test_los_angeles_city_attorney_prosecuted_misdemeanors_in_los_angeles():
    (office,) = [office for office in find_county("Los Angeles").city_attorneys
                 if office.name == "Los Angeles City Attorney"]
    assert "Los Angeles" in office.cities and Level.MISDEMEANOR in office.handles


@pytest.mark.parametrize("city, county", [("Long Beach", "Los Angeles"),
                                          ("Santa Monica", "Los Angeles"),
                                          ("Pasadena", "Los Angeles"),
                                          ("Burbank", "Los Angeles"),
                                          ("Inglewood", "Los Angeles"),
                                          ("San Diego", "San Diego")])
def test_the_cities_issue_9_names_have_their_city_attorney_in_the_right_county(city, county):
    assert any(city in office.cities for office in find_county(county).city_attorneys)


def test_a_county_without_sourced_contacts_has_empty_contacts_not_guesses():
    # Butte's court address differs between sources, so it is left out (the site falls back
    # to the statewide Find your court page).
    assert find_county("Butte").contacts == Contacts()
