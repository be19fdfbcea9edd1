"""A charge line: section, subdivisions, code and description (format.md section 6.3).

    11357 HS-POSSESS MARIJUANA          11360 (A) HS-TRANSPORT/SELL MARIJUANA
    11358(C)HS-CULTIVATE MARIJUANA      496.1 PC-RECEIVE KNOWN STOLEN PROPERTY TOC:F

Also read: `( c )`, `(c)(1)`, `[C]`, `11357.C`, `H&S`, `H & S`, `HSC`, and OCR letters in the
section digits (`1136O(A)`). Never the description: cannabis is matched on code and section.
"""

from __future__ import annotations

import re

from petition.rapsheet.model import Charge
from petition.rapsheet.noise import as_number

CODES = ("PC", "BP", "CC", "CI", "EC", "FA", "FC", "FG", "GC", "HN", "HS", "IC", "LC", "MV",
         "PR", "RT", "SH", "UI", "VC", "WI", "US")
HEALTH_AND_SAFETY = re.compile(r"^H\s*(?:&|AND)\s*S(?:\s*C)?$|^HSC$|^H5$")
SUBDIVISION = r"[(\[{]\s*[A-Z0-9]{1,4}\s*[)\]}]"
CHARGE = re.compile(
    r"^[\s.'*:\u2022]*"
    r"(?P<attempt_before>664\s*[/.\-]\s*)?"
    r"(?P<section>[0-9OQIL|!]{2,6}(?:[.,][0-9OQIL]{1,3})?)"
    r"(?:(?P<dotted>\.[A-Z])(?![A-Z0-9])|(?P<suffix>[A-Z])(?=[\s(\[{]))?"
    rf"(?P<subdivisions>(?:\s*{SUBDIVISION})*)"
    r"(?P<attempt_after>\s*/\s*664)?"
    r"\s*(?P<code>H\s*&\s*S(?:\s*C)?\b|H\s+AND\s+S\b|HSC\b|H5\b|[A-Z]{2}\b|[A-Z]{2}(?=-))"
    r"(?:(?:\s*[-:]\s*|\s+)(?P<description>.*?))?\s*(?:\bTOC\s*[:;]\s*(?P<toc>[A-Z]))?\s*$"
)
CANNABIS_SECTIONS = ("11357", "11358", "11359", "11360")


def read_charge(line: str) -> tuple[Charge, bool] | None:
    """The charge and whether an OCR letter was read as a digit in its section, or None."""
    line = line.upper()
    match = CHARGE.match(line)
    if not match:
        return None
    code_printed = " ".join(match.group("code").split())
    code = "HS" if HEALTH_AND_SAFETY.match(code_printed) else code_printed
    if code not in CODES:
        return None
    number = as_number(match.group("section").replace(",", ".").replace(".", ""))
    if number is None:
        return None
    printed_section = match.group("section").replace(",", ".")
    section, fixed = section_digits(printed_section)
    subdivisions = re.findall(r"[A-Z0-9]{1,4}", match.group("subdivisions") or "")
    inferred = False
    if match.group("dotted"):
        subdivisions.insert(0, match.group("dotted")[1])
    elif match.group("suffix"):
        if section in CANNABIS_SECTIONS:
            # HS 11357-11360 have no lettered variants, so `11357C` can only mean (c)
            subdivisions.insert(0, match.group("suffix"))
            inferred = True
        else:
            section += match.group("suffix").lower()  # PC 288a, PC 496d
    subdivision = "".join(f"({part.lower()})" for part in subdivisions) or None
    description = (match.group("description") or "").strip() or None
    text = " ".join(line.split())
    if fixed:
        text = text.replace(match.group("section").strip(), section, 1)
    attempted = bool(match.group("attempt_before") or match.group("attempt_after"))
    charge = Charge(code=code, code_as_printed=code_printed.replace(" ", ""), section=section,
                    subdivision=subdivision, line=text, description=description,
                    attempted=attempted, subdivision_inferred=inferred)
    return charge, fixed


def section_digits(printed: str) -> tuple[str, bool]:
    """`1136O` -> `11360`, `11362.3` kept; True when a letter was read as a digit."""
    whole, _, decimal = printed.partition(".")
    whole_digits = as_number(whole)
    if whole_digits is None:
        return printed, False
    fixed = whole_digits[1]
    section = whole_digits[0]
    if decimal:
        decimal_digits = as_number(decimal)
        if decimal_digits:
            section += "." + decimal_digits[0]
            fixed = fixed or decimal_digits[1]
        else:
            section += "." + decimal
    return section, fixed


def charge_toc(line: str) -> str | None:
    match = CHARGE.match(line)
    return match.group("toc") if match else None


def is_cannabis(charge: Charge | None) -> bool:
    """Code HS and base section exactly 11357, 11358, 11359 or 11360 (never a prefix match:
    HS 11357.5 and 11362.x are other offences)."""
    return charge is not None and charge.code == "HS" and charge.section in CANNABIS_SECTIONS


def is_cannabis_related(charge: Charge | None) -> bool:
    """Cannabis law outside 11357-11360 (HS 11361-11362.x): listed as out of scope."""
    return (charge is not None and charge.code == "HS" and not is_cannabis(charge)
            and charge.section.startswith(("11361", "11362")))
