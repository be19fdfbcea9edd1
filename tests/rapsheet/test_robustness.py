"""The reader never raises and never quotes the record in its problems: random noise,
truncated and shuffled records give flagged results, not crashes; a 5 MB record is read whole."""

import random
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from petition.rapsheet import read_record, review_rows, screening_rows
from tests.rapsheet.synthetic import big_record, random_text

SAMPLES = sorted((Path(__file__).parent / "samples").glob("*.txt"))
SAMPLE_TEXTS = [path.read_text() for path in SAMPLES]
TODAY = date(2026, 12, 1)
VOCABULARY = st.sampled_from([
    "* * * *", "- - - -", "COURT:", "ARR/DET/CITE:", "CNT:01", "CNT:001-999", "#", "DISPO:",
    "*DISPO:CONVICTED", "CONV STATUS:", "SEN:", "COM: CHRG", "20110101", "2O11O1O1",
    "11357 HS-", "11360(A)", "H&S", "CASC", "CAJV", "TOC:", "NAM/01", "DOB/", "CII/A",
    "END OF MESSAGE", "\n", " ", "\t", "\u00a0", "\u2013", "O", "l", "(", ")",
])


def read_everything(text: str) -> None:
    record = read_record(text)
    screening_rows(record, TODAY)
    review_rows(record, TODAY)
    return record


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_reads_without_raising(text):
    read_everything(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(VOCABULARY, st.text(max_size=12)), max_size=80))
def test_fragments_of_the_format_in_any_order_read_without_raising(pieces):
    read_everything(" ".join(pieces).replace(" \n ", "\n"))


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(SAMPLE_TEXTS), st.floats(0, 1))
def test_a_truncated_record_reads_without_raising(text, fraction):
    read_everything(text[:int(len(text) * fraction)])


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(SAMPLE_TEXTS), st.randoms(use_true_random=False))
def test_a_record_with_shuffled_lines_reads_without_raising(text, chance):
    lines = text.splitlines()
    chance.shuffle(lines)
    read_everything("\n".join(lines))


def test_ten_thousand_lines_of_random_text_give_an_answer():
    record = read_everything(random_text(10_000))
    assert record.lines == 10_000


def test_problems_never_quote_the_record():
    secret = "ZEBRAFINCH,SECRETNAME"
    text = f"* * * *\nCOURT: NAM:01\nRECORD ERROR {secret}\n"
    record = read_record(text)
    assert record.problems and all(secret not in str(problem) for problem in record.problems)


def test_a_five_megabyte_record_is_read_whole():
    text, convictions = big_record(5_000_000)
    assert len(screening_rows(read_record(text), TODAY)) == convictions


def test_a_random_line_order_still_finds_nothing_that_is_not_a_court_conviction():
    lines = SAMPLE_TEXTS[0].splitlines()
    random.Random(3).shuffle(lines)
    for row in screening_rows(read_record("\n".join(lines)), TODAY):
        assert row["section"].startswith("HS 1135") or row["section"].startswith("HS 11360")
