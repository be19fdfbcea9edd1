"""Batch screening: one result row per conviction row, streamed, in the same order.

A row that cannot be understood gets an ``error`` and the others go on. Memory stays flat
whatever the file size: rows are read, decided and written one at a time.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from petition.facts import ConvictionFacts, FactsError, parse_conviction
from petition.rules.engine import Result, evaluate

OUTPUT_COLUMNS = (
    "case_id", "outcome", "certainty", "track", "automatic", "citations", "reasons",
    "presumed", "pdf", "error",
)
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FIELD_SIZE_LIMIT = 1_000_000

PacketWriter = Callable[[ConvictionFacts, Result, dict], str]


def neutralise(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


@dataclass
class Tally:
    rows: int = 0
    errors: int = 0
    outcomes: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        parts = [f"{outcome} {count:,}" for outcome, count in sorted(self.outcomes.items())]
        return (f"screened {self.rows:,} rows: " + (", ".join(parts) or "no results")
                + f"; {self.errors:,} with errors")


def result_columns(result: Result) -> dict[str, str]:
    return {
        "outcome": result.outcome.value,
        "certainty": result.certainty.value,
        "track": result.track.value,
        "automatic": result.automatic.value,
        "citations": ";".join(result.citations),
        "reasons": " ".join(r.english() for r in result.reasons),
        "presumed": ";".join(result.presumed_facts),
    }


def screen_rows(rows: Iterable[dict], evaluation_date: date, tally: Tally,
                write_packet: PacketWriter | None = None) -> Iterator[dict[str, str]]:
    for row in rows:
        tally.rows += 1
        out = {"case_id": (row.get("case_id") or "").strip()[:200]}
        if "__error__" in row:
            tally.errors += 1
            out["error"] = row["__error__"]
            yield out
            continue
        try:
            facts = parse_conviction(row, evaluation_date)
            result = evaluate(facts, evaluation_date)
        except FactsError as error:
            tally.errors += 1
            out["error"] = str(error)
        else:
            tally.outcomes[result.outcome.value] += 1
            out.update(result_columns(result))
            if write_packet and result.outcome.gives_relief:
                out["pdf"] = write_packet(facts, result, row)
        yield {column: neutralise(value) for column, value in out.items()}


def read_rows(stream, tally: Tally) -> Iterator[dict]:
    """Rows as dicts; a line the csv module cannot parse becomes a row with an error."""
    csv.field_size_limit(FIELD_SIZE_LIMIT)
    reader = csv.reader(stream)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        return
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield {"__error__": f"line {reader.line_num} cannot be read as CSV: {error}"}
            continue
        if values:
            yield dict(zip(header, values))


def screen_stream(source, destination, evaluation_date: date,
                  write_packet: PacketWriter | None = None,
                  progress: Callable[[int], None] | None = None) -> Tally:
    tally = Tally()
    writer = csv.DictWriter(destination, fieldnames=OUTPUT_COLUMNS, restval="",
                            lineterminator="\n")
    writer.writeheader()
    for out in screen_rows(read_rows(source, tally), evaluation_date, tally, write_packet):
        writer.writerow(out)
        if progress and tally.rows % 5000 == 0:
            progress(tally.rows)
    return tally
