"""The documents catalogue: every sentence of the papers' instructions is translated."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from petition.languages import LANGUAGES
from petition.translation_check import catalogue, catalogue_report

DOCUMENTS = Path(__file__).resolve().parents[2] / "petition" / "documents"
METHODS = [("**.py", "python"), ("templates/**.html", "jinja2")]
OPTIONS = {"templates/**.html": {"trimmed": "true", "newstyle_gettext": "true"}}
LOCALES = [language.locale for language in LANGUAGES if language.locale != "en"]


def extracted_ids() -> set[str]:
    keywords = {"N_": None, "gettext": None, "_": None}
    return {message[2] if isinstance(message[2], str) else message[2][0]
            for message in extract_from_dir(DOCUMENTS, METHODS, keywords=keywords,
                                            options_map=OPTIONS)}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_sentence_in_the_papers_is_in_the_catalogue(locale):
    ids = {message.id for message in catalogue(locale, "documents") if message.id}
    assert extracted_ids() - ids == set()


@pytest.mark.parametrize("locale", LOCALES)
def test_the_catalogue_has_nothing_untranslated_or_fuzzy(locale):
    report = catalogue_report(locale, "documents")
    assert report.untranslated == []
    assert report.fuzzy == []


@pytest.mark.parametrize("locale", LOCALES)
def test_translations_keep_every_placeholder(locale):
    assert catalogue_report(locale, "documents").broken_placeholders == []
