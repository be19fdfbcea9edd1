"""Text that people typed, made safe to print: every character shows as itself or as U+FFFD.

A name or address can arrive from a phone keyboard or a spreadsheet with emoji, control
characters or invisible direction marks. Control and direction characters are dropped, so
a typed value cannot hide itself or reverse the text after it on a court paper; a character
none of our fonts can draw becomes U+FFFD (a visible mark), never a missing-glyph box that
looks like a checkbox. The escaping itself is Jinja's autoescape; this is only about glyphs.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from fontTools.ttLib import TTFont
from markupsafe import Markup

from petition.documents.fonts import font_files

REPLACEMENT = "\ufffd"
# Joiners shape Indic, Arabic and emoji sequences correctly; they are not direction marks.
KEPT_FORMAT_CHARACTERS = {"\u200c", "\u200d"}


@lru_cache(maxsize=1)
def drawable() -> frozenset[int]:
    """Every code point one of the papers' fonts has a glyph for."""
    points: set[int] = set()
    for path, index in font_files():
        points |= set(TTFont(path, fontNumber=index, lazy=True).getBestCmap())
    return frozenset(points)


def printable(text: str) -> str:
    covered = drawable()
    kept = []
    for character in text:
        if character in "\n\t":
            kept.append(" ")
            continue
        category = unicodedata.category(character)
        if category == "Cc" or (category == "Cf" and character not in KEPT_FORMAT_CHARACTERS):
            continue
        if category.startswith("Z") and character != " ":
            kept.append(" ")
            continue
        kept.append(character if ord(character) in covered else REPLACEMENT)
    return "".join(kept)


def finalize(value: object) -> object:
    """Jinja's finalize hook: every ``{{ value }}`` string that is not our own markup."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return printable(value)
    return value
