"""Noise from scans and PDF extraction, undone before and while parsing (format.md section 10).

Two kinds of fix:
- whole-line fixes that never change meaning (upper case, accents, dashes, no-break spaces,
  the OCR misreadings of tags CfA's TextCleaner lists);
- numeric fixes (`O` for 0, `l`/`I` for 1) applied only where a field must be a number:
  dates, count numbers, NAM codes, section digits, sentence amounts. Never in case numbers.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# Word-level misreadings that CfA's TextCleaner fixes, applied to upper-cased text.
WORD_FIXES = (
    (re.compile(r"\b(?:CNI|CHT|CN1)\s*([:;])"), r"CNT\1"),
    (re.compile(r"\bTNFRACTION"), "INFRACTION"),
    (re.compile(r"\bCOMVICT"), "CONVICT"),
    (re.compile(r"\bCONV\s*STATIS\b[.:;]?"), "CONV STATUS:"),
    (re.compile(r"\bRESIN\b"), "RESTN"),
    (re.compile(r"\bFINESS\b"), "FINE SS"),
    (re.compile(r"\bARR\s*/\s*PET\s*/\s*CITE"), "ARR/DET/CITE"),
    (re.compile(r"^(\s*)[^\sA-Z0-9]?RR\s*/\s*DET"), r"\1ARR/DET"),
    (re.compile(r"^(\s*)(?:COURI|[^\sA-Z0-9]OURT|C0URT|CQURT)\b"), r"\1COURT"),
)
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\t\f\v\u200b"), " ")
PLAIN = str.maketrans({**DASHES, **SPACES})
MAYBE_MISREAD = re.compile(r"CNI|CHT|CN1|TNFR|COMV|STATIS|RESIN|FINESS|PET|RR|UR[IT]")
LIGATURES = {"\ufb01": "FI", "\ufb02": "FL", "\ufb00": "FF"}

PAGE_LINE = re.compile(r"^\s*PAGE\s*[0-9OIL]{1,4}(?:\s*(?:OF|/)\s*[0-9OIL]{1,4})?\s*$")
FURNITURE = re.compile(r"^\s*(?:HTTPS?://|FILE://|ROUTE\b)")

NUMERIC = str.maketrans({"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "|": "1",
                         "!": "1"})
NOT_DIGITISH = re.compile(r"[^0-9OQDIL|!]")
NON_DIGITS = re.compile(r"[^0-9]")


def clean_line(raw: str) -> tuple[str, bool]:
    """The line upper-cased with accents, dashes and spacing made plain; True when an OCR
    word fix was applied."""
    text = raw.translate(PLAIN)
    if not text.isascii():
        for ligature, letters in LIGATURES.items():
            text = text.replace(ligature, letters)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = "".join(ch if ch.isascii() else " " for ch in text)
    text = text.upper().rstrip()
    fixed = False
    if MAYBE_MISREAD.search(text):
        before = text
        for pattern, replacement in WORD_FIXES:
            text = pattern.sub(replacement, text)
        fixed = text != before
    return text, fixed


def is_page_furniture(line: str) -> bool:
    """`Page n of m` lines and a print viewer's URL or route lines (format.md section 10)."""
    return bool(PAGE_LINE.match(line) or FURNITURE.match(line))


def as_number(token: str) -> tuple[str, bool] | None:
    """Digits from a token that must be a number, with OCR letters read as digits; None when
    it is not plausibly a number (fewer than half of its characters are real digits)."""
    token = token.strip().upper()
    if token.isdigit():
        return token, False
    if not token or NOT_DIGITISH.search(token):
        return None
    if len(NON_DIGITS.sub("", token)) * 2 < len(token):
        return None
    fixed = token.translate(NUMERIC)
    return fixed, fixed != token


DATE_TOKEN = re.compile(r"[0-9OQDIL|!][0-9OQDIL|!.,]{7,9}")


def as_date(token: str) -> tuple[date, bool] | None:
    """A `YYYYMMDD` date, tolerating stray periods (`20040.102`) and OCR letters
    (`2OO7O612`); impossible dates give None."""
    token = token.replace(".", "").replace(",", "")
    if len(token) != 8:
        return None
    number = as_number(token)
    if number is None:
        return None
    digits, fixed = number
    try:
        value = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None
    if not 1900 <= value.year <= 2099:
        return None
    return value, fixed


LEADING_DATE = re.compile(r"^[\s.'*:\u2022]*([0-9OQDIL|!][0-9OQDIL|!.,]{7,9})(?=\s|$|[A-Z])")


def leading_date(line: str) -> tuple[date, bool, str] | None:
    """The date a line starts with, whether OCR letters were read as digits, and the rest."""
    match = LEADING_DATE.match(line)
    if not match:
        return None
    found = as_date(match.group(1))
    if found is None:
        return None
    return found[0], found[1], line[match.end():].strip()
