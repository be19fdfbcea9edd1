"""Statewide resources (data/resources.toml): each an https address with a source and a date."""

from urllib.parse import urlsplit

import pytest

from petition.resources import all_resources, resource

# Keys the pages and papers name today; renaming one breaks them.
KEYS_IN_USE = ["find_court", "self_help_prop64", "doj_record_review", "doj_ab1793",
               "fee_waiver", "lawhelpca", "live_scan_locations", "bcia_8706"]


@pytest.mark.parametrize("key", KEYS_IN_USE)
def test_every_key_the_pages_use_is_present(key):
    assert resource(key).key == key


@pytest.mark.parametrize("entry", all_resources().values(), ids=lambda entry: entry.key)
def test_every_resource_url_is_https_and_well_formed(entry):
    parts = urlsplit(entry.url)
    assert parts.scheme == "https" and parts.hostname and "." in parts.hostname
    assert " " not in entry.url and entry.url == entry.url.strip()


@pytest.mark.parametrize("entry", all_resources().values(), ids=lambda entry: entry.key)
def test_every_resource_has_a_title_a_source_and_the_date_checked(entry):
    assert entry.title.strip() and entry.source.strip() and entry.checked is not None


def test_an_unknown_resource_key_is_an_error_not_a_silent_empty_link():
    with pytest.raises(KeyError):
        resource("no_such_resource")
