"""The clinic's upload, a CSV or an Excel workbook, read in memory into screening CSV text.

A workbook becomes CSV text once, so the screening, the download forms (which carry the
text, design.md "Nothing kept") and the papers all read the same thing. Nothing is written
to disk: the upload arrives in memory (``InMemoryRequest``) and the text lives as long as
the request.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime, time

from flask import Request

from petition.web.translation import gettext as _

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
# An .xlsx is a zip archive: a few kilobytes can claim gigabytes once opened (a zip bomb).
# The sizes its directory declares are checked before anything is decompressed.
MAX_XLSX_UNPACKED = 60 * 1024 * 1024
MAX_XLSX_RATIO = 200
MAX_XLSX_MEMBERS = 500
MAX_COLUMNS = 100
ZIP_MAGIC = b"PK\x03\x04"


class UploadProblem(ValueError):
    """The whole file cannot be screened; the message says why, in the clinic's language."""


class InMemoryRequest(Request):
    """Uploads stay in memory: Werkzeug would otherwise spool a file over 500 KB to a
    temporary file on disk. The size is bounded by ``max_content_length`` first."""

    def _get_file_stream(self, total_content_length, content_type, filename=None,
                         content_length=None):
        return io.BytesIO()


def spreadsheet_text(filename: str, content: bytes) -> str:
    """The upload as screening CSV text, or UploadProblem."""
    if not content.strip():
        raise UploadProblem(_("The file is empty. Choose a spreadsheet with one conviction "
                              "on each row."))
    if content.startswith(ZIP_MAGIC) or filename.lower().endswith((".xlsx", ".xlsm")):
        return workbook_text(content)
    if filename.lower().endswith((".xls", ".ods", ".numbers", ".pdf", ".docx", ".doc")):
        raise UploadProblem(not_a_spreadsheet())
    return csv_text(content)


def not_a_spreadsheet() -> str:
    return _("We cannot read this file. Upload a CSV file (in Excel: File, Save As, "
             "\"CSV UTF-8\") or an Excel .xlsx workbook.")


def csv_text(content: bytes) -> str:
    if b"\x00" in content[:4096]:
        if content.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise UploadProblem(wrong_encoding())
        raise UploadProblem(not_a_spreadsheet())
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadProblem(wrong_encoding()) from None


def wrong_encoding() -> str:
    return _("This file is not saved as UTF-8 text, so letters such as ñ or é would come "
             "out wrong. In Excel choose File, Save As, \"CSV UTF-8\", and upload it again.")


def workbook_text(content: bytes) -> str:
    """The first sheet of an .xlsx as CSV text: dates as YYYY-MM-DD, whole numbers without
    a decimal point, formulas as their last computed value (never run)."""
    check_archive(content)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of error on a damaged or fake workbook
        raise UploadProblem(not_a_spreadsheet()) from None
    try:
        sheet = workbook.worksheets[0]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for count, values in enumerate(sheet.iter_rows(values_only=True)):
            if count > MAX_ROWS:
                raise UploadProblem(too_many_rows())
            writer.writerow([cell_text(value) for value in values[:MAX_COLUMNS]])
            if out.tell() > MAX_UPLOAD_BYTES * 2:
                raise UploadProblem(too_big())
    except UploadProblem:
        raise
    except Exception:
        raise UploadProblem(not_a_spreadsheet()) from None
    finally:
        workbook.close()
    return out.getvalue()


def check_archive(content: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UploadProblem(not_a_spreadsheet()) from None
    members = archive.infolist()
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if (len(members) > MAX_XLSX_MEMBERS or unpacked > MAX_XLSX_UNPACKED
            or unpacked / packed > MAX_XLSX_RATIO):
        raise UploadProblem(_("This workbook is too big once opened. Save it as a CSV file "
                              "and upload that, or split it into smaller files."))
    if "xl/workbook.xml" not in {member.filename for member in members}:
        raise UploadProblem(not_a_spreadsheet())


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (value.date().isoformat() if value.time() == time(0) else value.isoformat())
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def too_big() -> str:
    return _("This file is too big: the limit is %(megabytes)s MB. Split it into smaller "
             "files.", megabytes=MAX_UPLOAD_BYTES // (1024 * 1024))


def too_many_rows() -> str:
    return _("This file has more than %(rows)s rows. Split it into smaller files.",
             rows=f"{MAX_ROWS:,}")
