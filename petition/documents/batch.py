"""Clinic batch mode: one packet PDF per court case, in a folder (design.md).

Rows are grouped as the site groups convictions (``filings``): one person (name and date
of birth, or the ``case_id`` without its count suffix when there is no name), one county,
one case number. Every row of a case gets the same file name in its ``pdf`` column.

``case_id`` and ``case_number`` come from a spreadsheet, so they are never trusted as
paths: a file name keeps only letters, digits, ``-`` and ``_``, is short, and is created
exclusively (an existing file, or a symlink planted in its place, is never overwritten).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from petition.documents.filings import Filing, filings, person_key, without_count
from petition.documents.model import Conviction, Filer, PacketCase
from petition.documents.packet import build_packet
from petition.facts import ConvictionFacts
from petition.rules.engine import Result

FILER_COLUMNS = ("first_name", "last_name", "date_of_birth", "street", "city", "state", "zip",
                 "phone", "email", "record_name")
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


def named(row: Mapping[str, str | None]) -> bool:
    return bool((row.get("first_name") or "").strip() or (row.get("last_name") or "").strip())


def person_of(row: Row) -> tuple:
    get = row.row.get
    return person_key(get("first_name") or "", get("last_name") or "",
                      get("date_of_birth") or "", row.facts.case_id)


def filer_from(row: Mapping[str, str | None]) -> Filer:
    return Filer(**{column: (row.get(column) or "").strip()[:MAX_FIELD]
                    for column in FILER_COLUMNS})


@dataclass(frozen=True)
class Row:
    facts: ConvictionFacts
    result: Result
    row: Mapping[str, str | None]


class PacketFolder:
    """Collects the rows with relief (``add``), then writes ``prop64-<case>.pdf`` once per
    court case into ``folder`` (``write_all``)."""

    def __init__(self, folder: Path | str, evaluation_date: date) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.evaluation_date = evaluation_date
        self.rows: list[Row] = []

    def add(self, facts: ConvictionFacts, result: Result, row: Mapping[str, str | None]) -> int:
        """Keeps a row for its case's packet; the number is its ticket for ``write_all``."""
        self.rows.append(Row(facts, result, dict(row)))
        return len(self.rows) - 1

    def write_all(self) -> dict[int, str | Exception]:
        """Each ticket's file name, or the error that kept its case's packet from being made
        (one case that fails does not stop the others)."""
        names: dict[int, str | Exception] = {}
        tickets = {id(row): ticket for ticket, row in enumerate(self.rows)}
        for filing in filings(self.rows, lambda row: row.facts, person_of):
            try:
                name = self.write(filing)
            except Exception as error:  # noqa: BLE001 (reported in the rows' error column)
                name = error
            names.update((tickets[id(row)], name) for row in filing.items)
        self.rows = []
        return names

    def write(self, filing: Filing[Row]) -> str:
        first = filing.items[0]
        case = PacketCase(
            filer=filer_from(next((row.row for row in filing.items if named(row.row)),
                                  first.row)),
            county=filing.county,
            case_number=filing.case_number,
            convictions=tuple(Conviction(row.facts, row.result) for row in filing.items),
            evaluation_date=self.evaluation_date,
            language=(first.row.get("language") or "en").strip(),
        )
        pdf = build_packet(case)
        return self.save(file_stem(without_count(first.facts.case_id), filing.case_number), pdf)

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
