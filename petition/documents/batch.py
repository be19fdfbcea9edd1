"""Clinic batch mode: one packet PDF per screened CSV row, in a folder (design.md).

``case_id`` and ``case_number`` come from a spreadsheet, so they are never trusted as
paths: a file name keeps only letters, digits, ``-`` and ``_``, is short, and is created
exclusively (an existing file, or a symlink planted in its place, is never overwritten).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from petition.documents.model import Conviction, Filer, PacketCase
from petition.documents.packet import build_packet
from petition.facts import ConvictionFacts
from petition.rules.engine import Result

FILER_COLUMNS = ("first_name", "last_name", "date_of_birth", "street", "city", "state", "zip",
                 "phone", "email")
MAX_STEM = 60
MAX_FIELD = 500  # a cell longer than this is a paste accident, not a name or an address
UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def file_stem(*candidates: str) -> str:
    """A safe file stem from the first usable candidate: "../../etc/passwd" gives
    "etc-passwd", an empty or all-symbol value falls through to the next one."""
    for candidate in candidates:
        stem = UNSAFE.sub("-", candidate or "").strip("-_")[:MAX_STEM].strip("-_")
        if stem:
            return stem
    return "case"


def filer_from(row: Mapping[str, str | None]) -> Filer:
    return Filer(**{column: (row.get(column) or "").strip()[:MAX_FIELD]
                    for column in FILER_COLUMNS})


class PacketFolder:
    """Writes ``prop64-<case>.pdf`` for each row into ``folder`` and returns the file name."""

    def __init__(self, folder: Path | str, evaluation_date: date) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.evaluation_date = evaluation_date

    def write(self, facts: ConvictionFacts, result: Result, row: Mapping[str, str | None]) -> str:
        case = PacketCase(
            filer=filer_from(row),
            county=facts.county,
            case_number=facts.case_number,
            convictions=(Conviction(facts, result),),
            evaluation_date=self.evaluation_date,
            language=(row.get("language") or "en").strip(),
        )
        pdf = build_packet(case)
        return self.save(file_stem(facts.case_id, facts.case_number), pdf)

    def save(self, stem: str, pdf: bytes) -> str:
        # O_EXCL: never overwrite, never follow a planted symlink. 0o600: the papers hold a
        # person's name and record, readable by the clinic's own account only.
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        for attempt in range(1, 10_000):
            name = f"prop64-{stem}.pdf" if attempt == 1 else f"prop64-{stem}-{attempt}.pdf"
            try:
                descriptor = os.open(self.folder / name, flags, 0o600)
            except FileExistsError:
                continue
            with os.fdopen(descriptor, "wb") as out:
                out.write(pdf)
            return name
        raise FileExistsError(f"too many packets named prop64-{stem}*.pdf in {self.folder}")
