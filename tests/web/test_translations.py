"""The Spanish catalogue is complete, current with the code, and keeps every placeholder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def catalogue(locale: str):
    with open(ROOT / f"translations/{locale}/LC_MESSAGES/messages.po", "rb") as po:
        return read_po(po)


def source_messages() -> set[str]:
    """What `make translations-extract` would put in messages.pot today."""
    method_map = [("petition/web/**.py", "python"), ("petition/rules/**.py", "python"),
                  ("templates/**.html", "jinja2"), ("petition/data/counties.toml",
                                                    "petition.web.county_messages:"
                                                    "extract_programs")]
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "N_": None}
    return {message for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map=method_map, keywords=keywords) if isinstance(message, str)}


@pytest.fixture(scope="module")
def spanish():
    return catalogue("es")


def test_every_spanish_message_is_translated_and_none_is_fuzzy(spanish):
    missing = [message.id for message in spanish if message.id and not message.string]
    fuzzy = [message.id for message in spanish if message.id and message.fuzzy]
    assert not missing and not fuzzy


def test_every_translation_keeps_the_placeholders_of_the_english(spanish):
    broken = [message.id for message in spanish if message.id and
              sorted(PLACEHOLDER.findall(message.id)) !=
              sorted(PLACEHOLDER.findall(message.string))]
    assert not broken


def test_the_catalogue_holds_every_text_the_code_can_show(spanish):
    known = {message.id for message in spanish if message.id}
    found = source_messages()
    # The extraction itself must work, or the comparison below proves nothing.
    assert {"Start now", "Expungement", "San Francisco District Attorney"} <= found
    assert not sorted(found - known)
