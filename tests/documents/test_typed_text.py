"""Typed text prints as itself, or as a visible U+FFFD; never hidden, reversed or a blank box."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from petition.documents.typed_text import printable


@pytest.mark.parametrize("typed, printed", [
    ("Maria López", "Maria López"),
    ("陳美玲", "陳美玲"),
    ("Nguyễn Thị Hương", "Nguyễn Thị Hương"),
    ("Ana \U0001F600", "Ana \ufffd"),  # no font draws emoji
    ("Ruiz\u202eevil", "Ruizevil"),  # a right-to-left override cannot reverse the papers
    ("a\u2066b\u2069c\u200fd", "abcd"),  # direction isolates and marks
    ("1 Main\x00 St\x1b[31m", "1 Main St[31m"),  # control characters
    ("line one\nline two\ttab", "line one line two tab"),
    ("no\u00a0break\u2028here", "no break here"),
    ("a\u200db\u200cc", "a\u200db\u200cc"),  # joiners shape scripts; they are kept
    ("\u0915\u0937", "\ufffd\ufffd"),  # Devanagari: no packaged font (yet)
])
def test_typed_text_prints_as_itself_or_a_visible_mark(typed, printed):
    assert printable(typed) == printed


def test_unprintable_details_render_without_a_missing_glyph(packets):
    rendered = packets["unprintable"]
    assert rendered.warnings == []
    assert "Ana \ufffd Ruizevil" in rendered.text
    assert "\u202e" not in rendered.text
    assert "1 Main St[31m" in rendered.text


@given(st.text(max_size=200))
def test_whatever_is_typed_every_printed_character_has_a_glyph_and_none_is_a_control(typed):
    from petition.documents.typed_text import KEPT_FORMAT_CHARACTERS, drawable

    printed = printable(typed)
    assert len(printed) <= len(typed)
    for character in printed:
        assert ord(character) in drawable() or character == "\ufffd"
        category = unicodedata.category(character)
        assert category != "Cc"
        assert category != "Cf" or character in KEPT_FORMAT_CHARACTERS
