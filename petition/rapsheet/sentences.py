"""A SEN line's components: probation, jail and prison lengths, and the rest as printed
(format.md section 7.3: `036 MONTHS PROBATION, 120 DAYS JAIL, FINE, IMP SEN SS`)."""

from __future__ import annotations

import re

from petition.rapsheet.model import Duration, Sentence
from petition.rapsheet.noise import as_number

UNITS = {
    "DAY": "days", "DAYS": "days", "DS": "days", "DY": "days", "DYS": "days", "D": "days",
    "MONTH": "months", "MONTHS": "months", "MO": "months", "MOS": "months", "MTH": "months",
    "MTHS": "months", "M": "months",
    "YEAR": "years", "YEARS": "years", "YR": "years", "YRS": "years", "Y": "years",
}
KINDS = {
    "PROBATION": "probation", "PROB": "probation", "PRB": "probation", "PROBATI0N": "probation",
    "JAIL": "jail", "JL": "jail", "JLWORK": "jail", "JAILWORK": "jail", "COUNTYJAIL": "jail",
    "PRISON": "prison", "CDC": "prison", "STATEPRISON": "prison",
}
# An amount (OCR letters allowed), a unit, then optionally the kind: `O36 MONTHS PROBATION`.
DURATION = re.compile(
    r"^(?P<amount>[0-9OQDIL|!]{1,4})\s*(?P<unit>[A-Z]+)\b\s*(?P<kind>[A-Z ]*?)\s*$")
SUSPENDED = re.compile(r"\bSS\b|SUSP")
# A sentence inside a comment: `COM: SEN-X3 YR PROB, ...`, `COM: XSEN:2 YR PROB, ...`
COMMENT_SENTENCE = re.compile(r"(?:\bSEN-X,?|\bXSEN:)\s*(?P<text>.+)$")


def tidy(text: str) -> str:
    """Joined SEN lines with periods and apostrophes dropped and single spaces (format.md 10)."""
    text = text.replace("'", "").replace("`", "")
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", "", text)
    text = re.sub(r"\s*,\s*", ", ", text)
    return " ".join(text.split()).strip(" ,")


def read_sentence(text: str, source: str = "count") -> tuple[Sentence, bool]:
    """The sentence and whether an OCR letter was read as a digit in one of its amounts."""
    text = tidy(text)
    sentence = Sentence(text=text, source=source)
    corrected = False
    fixed_parts = []
    for part in (piece.strip() for piece in text.split(",")):
        if not part:
            continue
        kind, duration, fixed = read_component(part)
        corrected = corrected or fixed
        if kind and getattr(sentence, kind) is None:
            setattr(sentence, kind, duration)
        else:
            sentence.other.append(part)
        fixed_parts.append(part)
    if corrected:
        sentence.text = ", ".join(fix_amount(part) for part in fixed_parts)
    return sentence, corrected


def read_component(part: str) -> tuple[str | None, Duration | None, bool]:
    """(kind, duration, OCR-fixed) for `036 MONTHS PROBATION`, `PROBATION`, `JAIL`; a
    suspended term (`1 YR PRISON SS`) or a length without a kind is not a kind: it stays text."""
    if SUSPENDED.search(part):
        return None, None, False
    bare = KINDS.get(part.replace(" ", ""))
    if bare:
        return bare, Duration(), False
    match = DURATION.match(part)
    if not match:
        return None, None, False
    number = as_number(match.group("amount"))
    unit = UNITS.get(match.group("unit"))
    kind = KINDS.get(match.group("kind").replace(" ", ""))
    if number is None or unit is None or kind is None:
        return None, None, False
    digits, fixed = number
    return kind, Duration(int(digits), unit), fixed


def fix_amount(part: str) -> str:
    match = DURATION.match(part)
    if not match or read_component(part)[0] is None:
        return part
    number = as_number(match.group("amount"))
    return number[0] + part[match.end("amount"):] if number else part


def sentence_in_comment(comment: str) -> str | None:
    match = COMMENT_SENTENCE.search(comment)
    return match.group("text") if match else None
