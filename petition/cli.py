"""Command line: ``python -m petition screen INPUT.csv --out RESULTS.csv``."""
# The same command is registered on the Flask app as ``flask screen``.

from __future__ import annotations

import gc
import os
import sys
from datetime import date
from pathlib import Path

import click

from petition.rapsheet.command import rapsheet_command
from petition.screening import UnreadableInput, screen_stream

DEFAULT_JOBS = min(4, os.cpu_count() or 1)


def open_input(path: str):
    if path == "-":
        return click.get_text_stream("stdin", encoding="utf-8-sig", errors="replace")
    return open(path, newline="", encoding="utf-8-sig", errors="replace")


def open_output(path: str):
    if path == "-":
        return click.get_text_stream("stdout", encoding="utf-8")
    return open(path, "w", newline="", encoding="utf-8")


@click.command("screen")
@click.argument("input_path", metavar="INPUT.csv")
@click.option("--out", "output_path", default="-", show_default=True, metavar="RESULTS.csv",
              help="Where to write one result row per input row ('-' for stdout).")
@click.option("--pdf-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write a petition packet PDF for every court case with relief into this folder "
                   "(one per person, county and case number).")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Evaluation date (YYYY-MM-DD); today when not given.")
@click.option("--jobs", type=click.IntRange(1, 32), default=DEFAULT_JOBS, show_default=True,
              help="Worker processes for long files (packets are always made in one).")
def screen_command(input_path: str, output_path: str, pdf_dir: Path | None, as_of,
                   jobs: int) -> None:
    """Screen convictions in INPUT.csv ('-' for stdin) under Prop 64 (HS 11361.8)."""
    evaluation_date = as_of.date() if as_of else date.today()
    write_packet = None
    if pdf_dir is not None:
        from petition.documents.batch import PacketFolder

        write_packet = PacketFolder(pdf_dir, evaluation_date)
    try:
        source = open_input(input_path)
    except OSError as error:
        raise click.ClickException(f"cannot read {input_path}: {error.strerror}") from None
    try:
        destination = open_output(output_path)
    except OSError as error:
        raise click.ClickException(f"cannot write {output_path}: {error.strerror}") from None
    show_progress = sys.stderr.isatty()
    # Rows make no reference cycles: keep the cycle collector from walking the long-lived
    # caches again and again on a big file.
    gc.freeze()
    gc.set_threshold(100_000, 50, 1000)

    total_bytes = input_size(input_path)

    def progress(rows: int) -> None:
        click.echo("\r" + progress_line(rows, bytes_read(source), total_bytes), err=True,
                   nl=False)

    with source, destination:
        try:
            tally = screen_stream(source, destination, evaluation_date, write_packet,
                                  progress if show_progress else None, jobs)
        except (OSError, UnreadableInput) as error:
            raise click.ClickException(f"cannot read {input_path}: {error}") from None
    if show_progress:
        click.echo("\r" + " " * 60 + "\r", err=True, nl=False)
    click.echo(tally.summary(), err=True)


def input_size(path: str) -> int | None:
    try:
        return None if path == "-" else os.path.getsize(path)
    except OSError:
        return None


def bytes_read(source) -> int | None:
    try:
        return source.buffer.tell()
    except (AttributeError, OSError, ValueError):
        return None


def progress_line(rows: int, done: int | None, total: int | None, width: int = 30) -> str:
    """A bar when the file's size is known (not for stdin), else a running count."""
    if not done or not total:
        return f"  screened {rows:,} rows…"
    fraction = min(done / total, 1.0)
    filled = int(fraction * width)
    return f"  [{'#' * filled}{' ' * (width - filled)}] {fraction:4.0%}  {rows:,} rows"


@click.command("translations-check")
@click.option("--cases", "cases_path", type=click.Path(exists=True, dir_okay=False),
              default=None, help="Worked cases to drive through the site (a screening CSV); "
                                 "the project's public cases when not given.")
@click.option("--verbose", is_flag=True, help="List every entry behind each count.")
def translations_check_command(cases_path: str | None, verbose: bool) -> None:
    """Report, for each language: completeness, placeholders, glossary use, and English left
    on the rendered pages. Exits 1 when a catalogue is incomplete or a page shows English."""
    import csv

    from petition import translation_check as check
    from petition.languages import DEFAULT, LANGUAGES

    with open(cases_path or check.CASES, newline="", encoding="utf-8") as cases:
        rows = list(csv.DictReader(cases))
    failed = False

    def detail(items) -> None:
        for item in items if verbose else ():
            click.echo(f"      {item[:110]!r}")

    for language in LANGUAGES:
        if language == DEFAULT:
            continue
        click.echo(f"{language.code} ({language.name})")
        for domain in check.DOMAINS:
            report = check.catalogue_report(language.locale, domain)
            click.echo(f"  {domain}: {report.total - len(report.untranslated)}/{report.total} "
                       f"translated, {len(report.fuzzy)} fuzzy, "
                       f"{len(report.broken_placeholders)} placeholders broken")
            detail(report.untranslated + report.fuzzy + report.broken_placeholders)
            failed |= bool(report.untranslated or report.fuzzy or report.broken_placeholders)
        uses = check.glossary_report(language.locale)
        total = sum(use.uses for use in uses)
        consistent = total - sum(len(use.missing) for use in uses)
        click.echo(f"  glossary: {len(uses)} terms, used in {total} entries, the chosen term "
                   f"in {consistent}" + (f" ({consistent / total:.0%})" if total else ""))
        for use in uses if verbose else ():
            if use.missing:
                click.echo(f"    {use.term.english[0]} -> {' / '.join(use.term.chosen)}: "
                           f"missing in {len(use.missing)} of {use.uses}")
                detail(use.missing)
        pages = check.english_on_pages(language, rows)
        english = {path: sorted(left) for path, left in pages.items() if left}
        click.echo(f"  pages: {len(pages)} paths read, {len(english)} with English left")
        for path, left in english.items():
            click.echo(f"    {path}: {left[:3]}")
        failed |= bool(english)
    sys.exit(1 if failed else 0)


@click.group()
def main() -> None:
    """Prop 64 record relief assistant."""


main.add_command(screen_command)
main.add_command(rapsheet_command)
main.add_command(translations_check_command)
