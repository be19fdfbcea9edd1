"""The documents catalogue: every sentence of the papers' instructions is translated."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from petition.documents.templating import TRANSLATIONS
from petition.languages import LANGUAGES

DOCUMENTS = Path(__file__).resolve().parents[2] / "petition" / "documents"
METHODS = [("**.py", "python"), ("templates/**.html", "jinja2")]
OPTIONS = {"templates/**.html": {"trimmed": "true", "newstyle_gettext": "true"}}
LOCALES = [language.locale for language in LANGUAGES if language.locale != "en"]


def extracted_ids() -> set[str]:
    keywords = {"N_": None, "gettext": None, "_": None}
    return {message[2] if isinstance(message[2], str) else message[2][0]
            for message in extract_from_dir(DOCUMENTS, METHODS, keywords=keywords,
                                            options_map=OPTIONS)}


def catalogue(locale: str):
    with (TRANSLATIONS / locale / "LC_MESSAGES" / "documents.po").open("rb") as po:
        return read_po(po, locale=locale)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_sentence_in_the_papers_is_in_the_catalogue(locale):
    ids = {message.id for message in catalogue(locale) if message.id}
    assert extracted_ids() - ids == set()


@pytest.mark.parametrize("locale", LOCALES)
def test_the_catalogue_has_nothing_untranslated_or_fuzzy(locale):
    messages = [message for message in catalogue(locale) if message.id]
    assert [m.id for m in messages if not m.string] == []
    assert [m.id for m in messages if m.fuzzy] == []


@pytest.mark.parametrize("locale", LOCALES)
def test_translations_keep_every_placeholder(locale):
    for message in catalogue(locale):
        if message.id and "%(" in message.id:
            assert sorted(message.python_format and _names(message.id)) == sorted(
                _names(message.string)), message.id


def _names(text: str) -> list[str]:
    import re

    return re.findall(r"%\((\w+)\)s", text)
