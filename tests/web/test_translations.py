"""Every language's site catalogue is complete, current with the code, keeps every
placeholder, and the translation check finds what it is meant to find."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir

from petition.languages import DEFAULT, LANGUAGES
from petition.translation_check import (
    Term,
    catalogue,
    catalogue_report,
    english_left,
    glossary_report,
    glossary_terms,
)

ROOT = Path(__file__).resolve().parents[2]
LOCALES = [language.locale for language in LANGUAGES if language != DEFAULT]


def source_messages() -> set[str]:
    """What `make translations-extract` would put in messages.pot today."""
    method_map = [("petition/web/**.py", "python"), ("petition/rules/**.py", "python"),
                  ("templates/**.html", "jinja2"), ("petition/data/counties.toml",
                                                    "petition.web.county_messages:"
                                                    "extract_programs")]
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "N_": None}
    return {message for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map=method_map, keywords=keywords) if isinstance(message, str)}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated_none_is_fuzzy_and_placeholders_are_kept(locale):
    report = catalogue_report(locale, "messages")
    assert report.total > 500
    assert report.untranslated == [] and report.fuzzy == []
    assert report.broken_placeholders == []


@pytest.mark.parametrize("locale", LOCALES)
def test_the_catalogue_holds_every_text_the_code_can_show(locale):
    known = {message.id for message in catalogue(locale) if message.id}
    found = source_messages()
    # The extraction itself must work, or the comparison below proves nothing.
    assert {"Start now", "Expungement", "San Francisco District Attorney"} <= found
    assert not sorted(found - known)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_language_has_its_glossary(locale):
    terms = glossary_terms(locale)
    assert len(terms) >= 30
    english = {form for term in terms for form in term.english}
    assert {"conviction", "felony", "misdemeanor", "probation"} <= english


def test_the_placeholder_check_catches_a_lost_placeholder():
    broken = Catalog(locale="es")
    broken.add("Case %(number)s", "Caso")
    broken.add("Hello %(name)s", "Hola %(name)s")
    assert catalogue_report("es", "messages", broken).broken_placeholders == ["Case %(number)s"]


def test_the_glossary_check_counts_a_sentence_that_does_not_use_the_chosen_term():
    messages = Catalog(locale="es")
    messages.add("Your conviction was dismissed.", "Su condena fue desestimada.")
    messages.add("Another conviction.", "Otra sentencia.")  # not the chosen term
    messages.add("Nothing here.", "Nada.")
    [use] = glossary_report("es", [messages], [Term(("conviction",), ("condena",))])
    assert use.uses == 2 and use.missing == ["Another conviction."]


def test_the_glossary_is_read_per_language():
    text = ("## Español (`es`)\n| English | Español | Note |\n|---|---|---|\n"
            "| felony | delito grave (felony) | |\n"
            "## Русский (`ru`)\n| English | Русский | Source |\n|---|---|---|\n"
            "| felony / felonies | тяжкое преступление | courts |\n")
    assert glossary_terms("ru", text) == [Term(("felony", "felonies"),
                                              ("тяжкое преступление",))]
    assert glossary_terms("es", text) == [Term(("felony",), ("delito grave",))]


def test_english_left_on_a_page_is_found_but_english_marked_as_such_is_not():
    page = ("<html lang='es'><head><title>Start now</title></head><body><p>Start now</p>"
            "<p>Lea esto. <span lang='en'>Superior Court of California</span></p></body></html>")
    assert english_left(page, "es") == ["Start now"]
    arabic = ("<html lang='ar'><body><p>مرحبا these words were never translated here</p>"
              "<p><span lang='en' dir='ltr'>Superior Court of California, County of Fresno"
              "</span></p></body></html>")
    assert english_left(arabic, "ar", latin_script=False) == [
        "these words were never translated here"]


def test_english_already_marked_is_not_marked_again():
    from petition.english_terms import english_span, mark_english

    page = f"<p>Fiscal ({english_span('Los Angeles County District Attorney')}) y HS 11357(b)</p>"
    marked = mark_english(page)
    assert marked.count('lang="en"') == 2
    assert '<span lang="en" dir="ltr">HS 11357(b)</span>' in marked


def test_a_list_of_subdivisions_is_one_english_term():
    """In Arabic, "(HS 11361.8(b), (f))" split in two had its "(f)" mirrored onto the
    next line of the packet."""
    from petition.english_terms import mark_english

    assert mark_english("<p>(HS 11361.8(b), (f))</p>") == (
        '<p>(<span lang="en" dir="ltr">HS 11361.8(b), (f)</span>)</p>')


# One term of each kind ENGLISH_TERM knows, as it would stand in a translated sentence.
TERMS_OF_EACH_KIND = [
    "HS 11361.8(b), (f)", "11357(b)(2)", "H&amp;S 11360", "PC 1203.4", "Penal Code",
    "Health and Safety Code", "CR-400", "JV-744", "BCIA 8016", "FW-001",
    "Superior Court of California, County of San Luis Obispo",
    "Los Angeles County District Attorney's Office", "San Diego City Attorney",
]


@pytest.mark.parametrize("term", TERMS_OF_EACH_KIND)
def test_every_kind_of_english_term_is_marked_inside_a_translated_sentence(term):
    # mark_english searches only text that MAY_HOLD_A_TERM finds: a kind of term it missed
    # would silently stay unmarked.
    from petition.english_terms import mark_english

    marked = mark_english(f"<p>Lea esto: {term}.</p>")
    assert marked == f'<p>Lea esto: <span lang="en" dir="ltr">{term}</span>.</p>'
