"""Reading the papers back: checkboxes and text as pdftotext sees them."""

from __future__ import annotations

import re


def squeezed(text: str) -> str:
    """Text without any whitespace: a long value wrapped over lines still reads as one."""
    return "".join(text.split())


def contains(text: str, value: str) -> bool:
    return squeezed(value) in squeezed(text)


def is_checked(page: str, label: str) -> bool:
    """A checked box prints an X just before its label; an empty box prints nothing."""
    return re.search(r"(?<![A-Za-z0-9])X\s+" + re.escape(label), page) is not None


def shows_box(page: str, label: str) -> bool:
    return label in page


def contains_wrapped(text: str, value: str) -> bool:
    """Like ``contains`` for values long enough to wrap: pdftotext joins a word broken at a
    hyphen at the end of a line and drops the hyphen, so hyphens are compared away too."""
    return squeezed(value).replace("-", "") in squeezed(text).replace("-", "")
