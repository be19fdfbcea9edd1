"""``python -m petition rapsheet RECORD [--out ROWS.csv] [--screen]``: a RAP sheet to
screening rows, or straight to screened results."""

from __future__ import annotations

import csv
from datetime import date

import click

from petition.rapsheet.convictions import cannabis_non_convictions
from petition.rapsheet.parser import read_record_text
from petition.rapsheet.rows import ROW_COLUMNS, screening_rows
from petition.rapsheet.sources import UnreadableRecord, record_text

MAX_BYTES = 50_000_000
SCREENED_EXTRA = ("relief_on_record", "source_line", "review")


@click.command("rapsheet")
@click.argument("record_path", metavar="RECORD")
@click.option("--out", "output_path", default="-", show_default=True, metavar="ROWS.csv",
              help="Where to write the rows ('-' for stdout).")
@click.option("--screen", "screen", is_flag=True,
              help="Screen the convictions found and write the results instead of the rows.")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Judge sentences and screen as of this date (YYYY-MM-DD); today by default.")
@click.option("--debug", is_flag=True,
              help="Show the record's text in problem reports. Never on a shared screen.")
def rapsheet_command(record_path: str, output_path: str, screen: bool, as_of,
                     debug: bool) -> None:
    """Read a RAP sheet (text, PDF or scan; '-' for stdin) into cannabis conviction rows."""
    today = as_of.date() if as_of else date.today()
    data = read_input(record_path)
    try:
        text, warnings = record_text(data)
    except UnreadableRecord as error:
        raise click.ClickException(f"cannot read {record_path}: {error}") from None
    del data
    record = read_record_text(text)
    rows = screening_rows(record, today)
    if screen:
        columns, rows = screened(rows, today)
    else:
        columns = ROW_COLUMNS
    write_rows(output_path, columns, rows)
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(summary(record, len(rows)), err=True)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for problem in record.problems:
        shown = f" [{lines[problem.line - 1].strip()[:120]}]" if debug and problem.line else ""
        click.echo(f"  problem: {problem}{shown}", err=True)


def read_input(path: str) -> bytes:
    try:
        if path == "-":
            return click.get_binary_stream("stdin").read(MAX_BYTES + 1)
        with open(path, "rb") as source:
            data = source.read(MAX_BYTES + 1)
    except OSError as error:
        raise click.ClickException(f"cannot read {path}: {error.strerror}") from None
    if len(data) > MAX_BYTES:
        raise click.ClickException(f"{path} is larger than {MAX_BYTES // 1_000_000} MB")
    return data


def screened(rows: list[dict], today: date) -> tuple[tuple[str, ...], list[dict]]:
    from petition.screening import OUTPUT_COLUMNS, Tally, screen_rows

    results = []
    for row, result in zip(rows, screen_rows(rows, today, Tally()), strict=True):
        result.update({column: row[column] for column in SCREENED_EXTRA})
        results.append(result)
    return (*OUTPUT_COLUMNS, *SCREENED_EXTRA), results


def write_rows(path: str, columns: tuple[str, ...], rows: list[dict]) -> None:
    from petition.screening import neutralise

    try:
        destination = (click.get_text_stream("stdout", encoding="utf-8") if path == "-"
                       else open(path, "w", newline="", encoding="utf-8"))
    except OSError as error:
        raise click.ClickException(f"cannot write {path}: {error.strerror}") from None
    with destination:
        writer = csv.DictWriter(destination, columns, extrasaction="ignore",
                                lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: neutralise(str(value)) for key, value in row.items()})


def summary(record, convictions: int) -> str:
    none_shown = cannabis_non_convictions(record)
    text = (f"read {record.lines:,} lines, {len(record.cycles):,} cycles: "
            f"{convictions or 'no'} cannabis conviction{'s' if convictions != 1 else ''} found")
    if none_shown:
        where = ", ".join(str(entry.lines[0]) for entry in none_shown[:20])
        text += (f"; {len(none_shown)} cannabis charge(s) with no conviction shown (lines "
                 f"{where}): a missing court result is not proof there was none")
    if record.ocr_corrections:
        text += f"; {record.ocr_corrections} OCR fix(es) applied"
    return text
