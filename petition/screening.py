"""Batch screening: one result row per conviction row, streamed, in the same order.

A row that cannot be understood gets an ``error`` and the others go on. Memory stays flat
whatever the file size: rows are read, decided and written a chunk at a time.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import NamedTuple, Protocol

from petition.facts import READ_AND_REMEMBER, ConvictionFacts, FactsError, parse_conviction
from petition.rules.engine import OTHER_ROUTES, Result, categories_of, decide, decided

OUTPUT_COLUMNS = (
    "case_id", "outcome", "certainty", "track", "automatic", "citations", "reasons",
    "presumed", "pdf", "error",
)
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FIELD_SIZE_LIMIT = 1_000_000
CHUNK_ROWS = 2000
NEEDS_QUOTES = re.compile(r'[,"\r\n]').search



class PacketWriter(Protocol):
    """documents.batch.PacketFolder: a case's rows are collected first, then one packet per
    case is written, so every row of the case can name the same file."""

    def add(self, facts: ConvictionFacts, result: Result, row: dict) -> int: ...

    def write_all(self) -> dict[int, str | Exception]: ...


def neutralise(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_field(value: str) -> str:
    """One field as the csv module writes it (minimal quoting), without its per-row cost."""
    return '"' + value.replace('"', '""') + '"' if NEEDS_QUOTES(value) else value


@dataclass
class Tally:
    rows: int = 0
    errors: int = 0
    outcomes: Counter = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        self.rows += other.rows
        self.errors += other.errors
        self.outcomes.update(other.outcomes)

    def summary(self) -> str:
        parts = [f"{outcome.value} {count:,}"
                 for outcome, count in sorted(self.outcomes.items())]
        return (f"screened {self.rows:,} rows: " + (", ".join(parts) or "no results")
                + f"; {self.errors:,} with errors")


def result_columns(result: Result) -> tuple[str, ...]:
    """The result's columns, outcome to presumed."""
    return (
        result.outcome.value,
        result.certainty.value,
        result.track.value,
        result.automatic.value,
        ";".join(result.citations),
        " ".join([*(r.english() for r in result.reasons),
                  *((OTHER_ROUTES,) if result.other_routes else ())]),
        ";".join(result.presumed_facts),
    )


RENDERED_LIMIT = 8192
_rendered: dict[int, tuple[Result, str]] = {}
_fragments: dict[tuple[str, ...], str] = {}


def result_fragment(result: Result) -> str:
    """The result's columns as CSV text. The engine hands back the same Result object for
    convictions that share their circumstances, so each is rendered once."""
    seen = _rendered.get(id(result))
    if seen is not None and seen[0] is result:
        return seen[1]
    columns = result_columns(result)
    # Results that differ only beyond the CSV's columns share one string.
    fragment = _fragments.get(columns)
    if fragment is None:
        fragment = _fragments[columns] = ",".join(csv_field(value) for value in columns)
    if len(_rendered) >= RENDERED_LIMIT:
        _rendered.clear()
        _fragments.clear()
    _rendered[id(result)] = (result, fragment)
    return fragment


class Screened(NamedTuple):
    case_id: str
    result: Result | None = None
    pdf: str = ""
    error: str = ""
    ticket: int | None = None  # the row's place in its case's packet, until it is written

    def line(self) -> str:
        if self.result is None:
            return f"{csv_field(self.case_id)},,,,,,,,,{csv_field(self.error)}\n"
        return (f"{csv_field(self.case_id)},{result_fragment(self.result)},"
                f"{csv_field(self.pdf)},{csv_field(self.error)}\n")

    def columns(self) -> dict[str, str]:
        values = result_columns(self.result) if self.result else ("",) * 7
        return dict(zip(OUTPUT_COLUMNS, (self.case_id, *values, self.pdf, self.error),
                        strict=True))


class BatchEvaluator:
    """The engine for a batch: many rows share their legal categories, so each decision is
    made once. The caches are keyed on engine.Categories (the section, bands, yes/no facts
    and the automatic status each old level would get), never on a typed value, a date or a
    name, so they hold nothing that identifies a person (design.md, privacy)."""

    def __init__(self, size: int = 8192):
        self.decide = lru_cache(maxsize=size)(decide)
        self.decided = lru_cache(maxsize=size // 8)(lambda categories: decided(categories,
                                                                          self.decide))

    def evaluate(self, facts: ConvictionFacts, evaluation_date: date) -> Result:
        return self.decided(categories_of(facts, evaluation_date))


BATCH = BatchEvaluator()


def screen_row(row: dict, evaluation_date: date, tally: Tally,
               write_packet: PacketWriter | None = None) -> Screened:
    tally.rows += 1
    case_id = neutralise((row.get("case_id") or "").strip()[:200])
    if "__error__" in row:
        tally.errors += 1
        return Screened(case_id, error=row["__error__"])
    try:
        facts = parse_conviction(row, evaluation_date, READ_AND_REMEMBER)
        result = BATCH.evaluate(facts, evaluation_date)
    except FactsError as error:
        tally.errors += 1
        return Screened(case_id, error=neutralise(str(error)))
    tally.outcomes[result.outcome] += 1
    if write_packet and result.outcome.gives_relief:
        try:
            return Screened(case_id, result, ticket=write_packet.add(facts, result, row))
        except Exception as error:  # a packet that fails must not stop the other rows
            tally.errors += 1
            return Screened(case_id, result, error=f"the papers could not be made: {error}")
    return Screened(case_id, result)


def with_packets(screened: list[Screened], write_packet: PacketWriter,
                 tally: Tally) -> Iterator[Screened]:
    """The rows again, each with its case's file name (or why the papers failed)."""
    names = write_packet.write_all()
    for item in screened:
        name = names.get(item.ticket) if item.ticket is not None else None
        if isinstance(name, Exception):
            tally.errors += 1
            item = item._replace(error=f"the papers could not be made: {name}")
        elif name is not None:
            item = item._replace(pdf=neutralise(name))
        yield item


def screen_rows(rows: Iterable[dict], evaluation_date: date, tally: Tally,
                write_packet: PacketWriter | None = None) -> Iterator[dict[str, str]]:
    if write_packet is None:
        for row in rows:
            yield screen_row(row, evaluation_date, tally).columns()
        return
    screened = [screen_row(row, evaluation_date, tally, write_packet) for row in rows]
    for item in with_packets(screened, write_packet, tally):
        yield item.columns()


class UnreadableInput(ValueError):
    """The file as a whole cannot be screened (not one bad row: the rows go on)."""


def delimiter_of(header_line: str) -> str:
    """Spreadsheets in many locales save CSV with semicolons; tabs come from copy and paste."""
    return max((",", ";", "\t"), key=header_line.count)


def read_header(line: str, delimiter: str = ",") -> list[str]:
    header = [name.strip().lower().lstrip("\ufeff")
              for name in next(csv.reader([line], delimiter=delimiter), [])]
    if "section" not in header:
        raise UnreadableInput(
            "the first line must name the columns, with at least 'section' "
            f"(found: {', '.join(header)[:200] or 'nothing'})")
    return header


def read_rows(lines: Iterable[str], header: list[str], first_line: int = 2,
              delimiter: str = ",") -> Iterator[dict]:
    """Rows as dicts; a record the csv module cannot parse becomes a row with an error."""
    csv.field_size_limit(FIELD_SIZE_LIMIT)
    reader = csv.reader(lines, delimiter=delimiter)
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            line = first_line + reader.line_num - 1
            yield {"__error__": f"line {line} cannot be read as CSV: {error}"}
            continue
        if values:
            yield dict(zip(header, values, strict=False))


def record_chunks(stream, size: int) -> Iterator[tuple[int, str]]:
    """Whole CSV records, about ``size`` lines at a time, as text with the number of their
    first line. A chunk may end only outside quotes: where its count of quote characters is
    even (an escaped quote is two of them)."""
    first, hint = 1, size * 200  # bytes: about ``size`` lines of a typical screening file
    while lines := stream.readlines(hint):
        text = "".join(lines)
        while text.count('"') % 2 and (more := stream.readline()):
            lines.append(more)
            text += more
        yield first, text
        first += len(lines)


def screen_chunk(header: list[str], delimiter: str, first_line: int, text: str,
                 evaluation_date: date) -> tuple[str, Tally]:
    """A worker's share: a chunk of records in, their result lines out (no packets)."""
    tally = Tally()
    rows = read_rows(io.StringIO(text, newline=None), header, first_line, delimiter)
    return "".join(screen_row(row, evaluation_date, tally).line() for row in rows), tally


def screen_stream(source, destination, evaluation_date: date,
                  write_packet: PacketWriter | None = None,
                  progress: Callable[[int], None] | None = None, jobs: int = 1) -> Tally:
    """Read, decide and write. With ``jobs`` > 1, chunks of records go to worker processes;
    at most two chunks per worker are in flight, so memory stays flat and the output keeps
    the input's order."""
    tally = Tally()
    header_line = source.readline()
    if header_line:
        delimiter = delimiter_of(header_line)
        header = read_header(header_line, delimiter)
    destination.write(",".join(OUTPUT_COLUMNS) + "\n")
    if not header_line:
        return tally
    if write_packet is not None:
        # A case's rows may be anywhere in the file: all are read before its packet is made.
        screened = []
        for row in read_rows(source, header, delimiter=delimiter):
            screened.append(screen_row(row, evaluation_date, tally, write_packet))
            if progress and tally.rows % CHUNK_ROWS == 0:
                progress(tally.rows)
        destination.writelines(item.line() for item in with_packets(screened, write_packet,
                                                                     tally))
        return tally
    if jobs <= 1:
        for row in read_rows(source, header, delimiter=delimiter):
            destination.write(screen_row(row, evaluation_date, tally).line())
            if progress and tally.rows % CHUNK_ROWS == 0:
                progress(tally.rows)
        return tally
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        in_flight: deque = deque()
        for first_line, text in record_chunks(source, CHUNK_ROWS):
            in_flight.append(pool.submit(screen_chunk, header, delimiter, first_line + 1, text,
                                         evaluation_date))
            if len(in_flight) >= 2 * jobs:
                write_chunk(destination, in_flight.popleft().result(), tally, progress)
        while in_flight:
            write_chunk(destination, in_flight.popleft().result(), tally, progress)
    return tally


def write_chunk(destination, screened: tuple[str, Tally], tally: Tally,
                progress: Callable[[int], None] | None) -> None:
    text, chunk_tally = screened
    destination.write(text)
    tally.add(chunk_tally)
    if progress:
        progress(tally.rows)
