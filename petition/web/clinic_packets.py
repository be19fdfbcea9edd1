"""The clinic's packets: one PDF per person and court case, made by worker processes and
streamed into a ZIP as they are made (nothing is written to disk).

Rows are grouped into packets by the papers' own rule (``petition.documents.filings``), as
the site's papers page and the command line group them.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date

from petition.documents.batch import file_stem, filer_from
from petition.documents.filings import filing_key, person_key
from petition.facts import ConvictionFacts, parse_conviction
from petition.rules.engine import Result, evaluate

# The machine's cores, at most 4: packets are CPU-bound (WeasyPrint layout).
PACKET_WORKERS = max(1, min(4, os.cpu_count() or 1))
PERSON_COLUMNS = ("first_name", "last_name", "date_of_birth", "case_id")
SECONDS_PER_PACKET = 1.2  # one core, measured by benchmarks/clinic.py (machine under load)


@dataclass
class PacketGroup:
    name: str
    rows: list[dict] = field(default_factory=list)


class PacketPlan:
    """Rows with relief, grouped into packets as they are screened: the screener's
    ``PacketWriter``. Nothing is written here; ``write_all`` gives each row its packet's
    file name in the ZIP, which ``packets_zip`` builds later."""

    def __init__(self) -> None:
        self.groups: dict[tuple, PacketGroup] = {}
        self.names: set[str] = set()
        self.tickets: list[str] = []

    def add(self, facts: ConvictionFacts, result: Result, row: Mapping[str, str]) -> int:
        person = person_key(*((row.get(column) or "") for column in PERSON_COLUMNS))
        key = filing_key(person, facts, len(self.tickets))
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = PacketGroup(self.unique_name(
                file_stem(facts.case_id, facts.case_number)))
        group.rows.append(dict(row))
        self.tickets.append(group.name)
        return len(self.tickets) - 1

    def write_all(self) -> dict[int, str]:
        return dict(enumerate(self.tickets))

    def unique_name(self, stem: str) -> str:
        name, attempt = f"prop64-{stem}.pdf", 1
        while name in self.names:
            attempt += 1
            name = f"prop64-{stem}-{attempt}.pdf"
        self.names.add(name)
        return name


def packet_pdf(rows: list[dict], evaluation_date: date) -> bytes:
    """In a worker process: the rows of one packet, read and decided again (a worker shares
    nothing with the request), rendered as one PDF."""
    from petition.documents.model import Conviction, PacketCase
    from petition.documents.packet import build_packet

    convictions = []
    for row in rows:
        facts = parse_conviction(row, evaluation_date)
        convictions.append(Conviction(facts, evaluate(facts, evaluation_date)))
    first = convictions[0].facts
    case = PacketCase(
        filer=filer_from(rows[0]), county=first.county, case_number=first.case_number,
        convictions=tuple(convictions), evaluation_date=evaluation_date,
        language=(rows[0].get("language") or "en").strip().lower())
    return build_packet(case)


class ChunkBuffer(io.RawIOBase):
    """Where zipfile writes: bytes collect here until the response takes them. Not
    seekable, so zipfile writes each member's sizes after its data (a data descriptor)."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.chunks.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data, self.chunks = b"".join(self.chunks), []
        return data


def packets_zip(groups: list[PacketGroup], evaluation_date: date,
                workers: int = PACKET_WORKERS) -> Iterator[bytes]:
    """The ZIP, a packet at a time, in the order of the file. Packets are built in parallel;
    at most two per worker wait in memory."""
    buffer = ChunkBuffer()
    failed: list[str] = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, \
            ProcessPoolExecutor(max_workers=workers) as pool:
        pending = []
        upcoming = iter(groups)
        for group in upcoming:
            pending.append((group, pool.submit(packet_pdf, group.rows, evaluation_date)))
            if len(pending) >= 2 * workers:
                break
        while pending:
            group, future = pending.pop(0)
            try:
                archive.writestr(group.name, future.result())
            except Exception as error:  # one packet that fails must not lose the others
                failed.append(f"{group.name}: {type(error).__name__}")
            next_group = next(upcoming, None)
            if next_group is not None:
                pending.append((next_group, pool.submit(packet_pdf, next_group.rows,
                                                        evaluation_date)))
            yield buffer.take()
        if failed:
            archive.writestr("problems.txt", "These packets could not be made:\n"
                             + "\n".join(failed) + "\n")
    yield buffer.take()
