"""The screening command line, end to end, as a clinic would run it."""

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

HEADER = ["case_id", "county", "section", "level", "offense_date", "age_at_offense",
          "amount_grams", "concentrated", "for_sale", "sentence_status"]
GOOD_ROW = ["good", "Fresno", "11359", "felony", "2012-02-01", "30", "", "no", "", "completed"]


def run_screen(*args, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "petition", "screen", *args, "--as-of",
                           "2026-11-26"], input=stdin, capture_output=True, text=True,
                          cwd=Path(__file__).parent.parent, timeout=60)


def csv_text(rows) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def results(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


BAD_ROWS = {
    "broken date": ["d", "Fresno", "11359", "", "2010-13-45", "30", "", "", "", ""],
    "negative age": ["a", "Fresno", "11359", "", "2010-01-01", "-4", "", "", "", ""],
    "absurd grams": ["g", "Fresno", "11357", "", "2010-01-01", "30", "1e40", "", "", ""],
    "unknown county": ["c", "Narnia", "11359", "", "2010-01-01", "30", "", "", "", ""],
    "garbage section": ["s", "Fresno", "DROP TABLE", "", "2010-01-01", "30", "", "", "", ""],
    "formula section": ["f", "Fresno", "=HYPERLINK(\"x\")", "", "", "", "", "", "", ""],
    "huge cell": ["h", "Fresno", "11359", "x" * 5000, "", "", "", "", "", ""],
    "bad yes/no": ["y", "Fresno", "11360", "", "", "", "", "perhaps", "", ""],
}


def test_bad_rows_get_an_error_and_good_rows_beside_them_are_right(tmp_path):
    rows = [HEADER]
    for bad in BAD_ROWS.values():
        rows += [GOOD_ROW, bad]
    rows.append(GOOD_ROW)
    source = tmp_path / "in.csv"
    source.write_text(csv_text(rows))
    done = run_screen(str(source), "--out", str(tmp_path / "out.csv"))
    assert done.returncode == 0, done.stderr
    out = results((tmp_path / "out.csv").read_text())
    assert [row["case_id"] for row in out] == [row[0] for row in rows[1:]]
    for row in out:
        if row["case_id"] == "good":
            assert (row["outcome"], row["error"]) == ("reduce_to_misdemeanor", "")
        else:
            assert row["error"] and not row["outcome"], row
    assert "screened 17 rows" in done.stderr and "8 with errors" in done.stderr


def test_stdin_and_stdout_are_dash():
    done = run_screen("-", "--out", "-", stdin=csv_text([HEADER, GOOD_ROW]))
    assert done.returncode == 0
    (row,) = results(done.stdout)
    assert row["outcome"] == "reduce_to_misdemeanor"
    assert row["citations"] == "HS 11361.8(e);HS 11361.8(f);HS 11359(b)"


def test_a_file_that_cannot_be_read_is_a_non_zero_exit_with_a_message(tmp_path):
    done = run_screen(str(tmp_path / "missing.csv"), "--out", str(tmp_path / "out.csv"))
    assert done.returncode != 0
    assert "cannot read" in done.stderr


@pytest.mark.parametrize("case_id", ["=1+1", "+SUM(A1)", "-2", "@cmd", "\t=x"])
def test_values_a_spreadsheet_would_run_as_formulas_are_neutralised(case_id):
    done = run_screen("-", stdin=csv_text([HEADER, [case_id] + GOOD_ROW[1:]]))
    (row,) = results(done.stdout)
    assert row["case_id"].startswith("'")


def test_an_empty_file_gives_just_the_header():
    done = run_screen("-", stdin="")
    assert done.returncode == 0
    assert done.stdout.strip() == ",".join(
        ["case_id", "outcome", "certainty", "track", "automatic", "citations", "reasons",
         "presumed", "pdf", "error"])


def test_extra_columns_are_ignored_and_missing_ones_are_unknown():
    done = run_screen("-", stdin="case_id,section,favourite_colour\nx,11359,blue\n")
    (row,) = results(done.stdout)
    assert (row["outcome"], row["certainty"], row["track"]) == (
        "reduce_to_misdemeanor", "presumed", "unknown")
    assert "offense_date" in row["presumed"]


def test_an_unparseable_line_is_a_row_error_and_the_rest_go_on(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes(b"case_id,section\na,11359\nb,\"11359\x00\"\nc,11359\n")
    done = run_screen(str(source))
    ids = [(row["case_id"], bool(row["error"])) for row in results(done.stdout)]
    assert ids[0] == ("a", False) and ids[-1] == ("c", False)


def test_a_packet_that_cannot_be_made_is_that_rows_error_and_the_rest_go_on():
    from datetime import date

    from petition.screening import Tally, screen_rows

    class FailingPackets:
        """Writes each row's case at the end; the "bad" one fails."""

        def __init__(self):
            self.ids = []

        def add(self, facts, result, row):
            self.ids.append(row["case_id"])
            return len(self.ids) - 1

        def write_all(self):
            return {ticket: OSError("disk full") if case_id == "bad" else f"{case_id}.pdf"
                    for ticket, case_id in enumerate(self.ids)}

    rows = [{"case_id": case_id, "section": "11359"} for case_id in ("a", "bad", "c")]
    out = list(screen_rows(rows, date(2026, 11, 26), Tally(), FailingPackets()))
    assert [(row["pdf"], row["error"]) for row in out] == [
        ("a.pdf", ""), ("", "the papers could not be made: disk full"), ("c.pdf", "")]
    assert out[1]["outcome"] == "reduce_to_misdemeanor"


@pytest.mark.parametrize("rows, done, total, shown", [
    (5000, 50, 100, "[###############               ]  50%  5,000 rows"),
    (10, 100, 100, "[##############################] 100%  10 rows"),
    (7000, None, None, "screened 7,000 rows…"),
])
def test_progress_is_a_bar_when_the_file_size_is_known(rows, done, total, shown):
    from petition.cli import progress_line

    assert shown in progress_line(rows, done, total)


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_separated_files_are_read_too(delimiter):
    text = delimiter.join(HEADER) + "\n" + delimiter.join(GOOD_ROW) + "\n"
    done = run_screen("-", stdin=text)
    (row,) = results(done.stdout)
    assert (row["case_id"], row["outcome"]) == ("good", "reduce_to_misdemeanor")


def test_a_file_without_a_section_column_cannot_be_screened():
    done = run_screen("-", stdin="name,date\nAna,2010-01-01\n")
    assert done.returncode != 0
    assert "at least 'section'" in done.stderr


def test_worker_processes_give_the_same_rows_as_one_process_even_across_quoted_newlines(
        monkeypatch):
    """Chunks for the workers must end between records, never inside a quoted field."""
    from datetime import date

    from petition import screening

    monkeypatch.setattr(screening, "CHUNK_ROWS", 3)
    rows = [HEADER] + [[f'id {n}\n"line two"' if n % 4 == 0 else f"id {n}", *GOOD_ROW[1:]]
                       for n in range(40)]
    text = csv_text(rows)
    outputs = []
    for jobs in (1, 2):
        out = io.StringIO()
        tally = screening.screen_stream(io.StringIO(text), out, date(2026, 11, 26), jobs=jobs)
        outputs.append(out.getvalue())
        assert tally.rows == 40 and tally.errors == 0
    assert outputs[0] == outputs[1]
    assert [row["case_id"] for row in results(outputs[1])] == [row[0] for row in rows[1:]]
