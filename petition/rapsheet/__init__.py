"""Reading a California DOJ criminal history record (RAP sheet) into screened convictions.

    record = read_record(text)              # never raises; problems are in record.problems
    rows = screening_rows(record, today)    # one screening CSV row per cannabis conviction
    rows = review_rows(record, today)       # the same, plus the charges with no conviction
                                            # shown, with source lines and review flags

The layout read is described in ../shared/reference/rapsheet/format.md.
"""

from petition.rapsheet.model import Record
from petition.rapsheet.parser import read_record_text as read_record
from petition.rapsheet.rows import ROW_COLUMNS, review_rows, screening_rows

__all__ = ["ROW_COLUMNS", "Record", "read_record", "review_rows", "screening_rows"]
