"""The packet in every language the site speaks (issue 11): the instructions in the person's
language and script, then in English; the court papers in English; every glyph drawn from an
embedded font of ours."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest

from petition.documents.templating import catalogue
from petition.languages import DEFAULT, LANGUAGES
from tests.documents.conftest import render
from tests.documents.test_fonts_and_layout import OUR_FONTS, embedded_fonts

OTHER_LANGUAGES = [language for language in LANGUAGES if language != DEFAULT]
HEADING = "Your Prop 64 papers: what to do"
# The Unicode name every letter of a script starts with (unicodedata.name).
SCRIPT_LETTERS = {"Hant": "CJK UNIFIED IDEOGRAPH", "Kore": "HANGUL", "Cyrl": "CYRILLIC",
                  "Armn": "ARMENIAN", "Arab": "ARABIC"}


@pytest.fixture(scope="module")
def rendered(packets):
    case = packets["dismissal"].case
    return {language.code: render(replace(case, language=language.code))
            for language in OTHER_LANGUAGES}


def letters_of(text: str, script: str) -> int:
    prefix = SCRIPT_LETTERS[script]
    return sum(1 for character in text if character.isalpha()
               and unicodedata.name(character, "").startswith(prefix))


@pytest.mark.parametrize("language", OTHER_LANGUAGES, ids=lambda language: language.code)
def test_the_instructions_come_first_in_the_persons_language_and_script(rendered, language):
    pages = rendered[language.code].pages
    heading = catalogue(language.locale).ugettext(HEADING)
    assert heading != HEADING, "the catalogue has no translation of the heading"
    first = pages[0]
    if language.script == "Latn":
        assert " ".join(heading.split()[:2]) in " ".join(first.split())
    else:
        letters = sum(1 for character in first if character.isalpha())
        assert letters_of(first, language.script) > letters / 2
    english = next(index for index, page in enumerate(pages) if HEADING in page)
    assert english > 0, "the English instructions follow the person's language"


@pytest.mark.parametrize("language", OTHER_LANGUAGES, ids=lambda language: language.code)
def test_the_court_papers_stay_in_english(rendered, language):
    petition = rendered[language.code].page_with("PETITION/APPLICATION")
    assert "Health and Safety Code" in petition
    if language.script != "Latn":
        assert letters_of(petition, language.script) == 0


@pytest.mark.parametrize("language", OTHER_LANGUAGES, ids=lambda language: language.code)
def test_every_glyph_is_drawn_from_an_embedded_font_of_ours(rendered, language):
    packet = rendered[language.code]
    assert packet.warnings == []  # WeasyPrint warns when a character has no glyph
    assert "\ufffd" not in packet.text
    fonts = embedded_fonts(packet.pdf)
    assert fonts and all(name in OUR_FONTS and emb == "yes" for name, emb in fonts)


def test_right_to_left_instructions_are_typeset_right_to_left(rendered):
    from petition.documents.packet import packet_html

    for code in ("ar", "fa"):
        html = packet_html(rendered[code].case)
        section = html[html.index(f'data-document="instructions-{code}"') - 80:]
        assert f'lang="{code}" dir="rtl"' in section[:200]
        # Code sections inside the right-to-left text keep their own order.
        assert '<span lang="en" dir="ltr">' in section


@pytest.mark.parametrize("code, face, not_face", [("ko", "Noto-Sans-CJK-KR", "Noto-Sans-CJK-TC"),
                                                  ("zh-hant", "Noto-Sans-CJK-TC",
                                                   "Noto-Sans-CJK-KR")])
def test_korean_and_chinese_are_each_set_in_their_own_face_footers_included(rendered, code,
                                                                             face, not_face):
    names = {name.removesuffix("-Bold") for name, _emb in embedded_fonts(rendered[code].pdf)}
    assert face in names and not_face not in names and "Noto-Sans-CJK-JP" not in names
