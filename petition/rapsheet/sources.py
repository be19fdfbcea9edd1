"""The text of a RAP sheet from what a clinic has: text, a PDF with a text layer
(`pdftotext -layout`), or a scan (a PDF without text, or an image) read by Tesseract on this
machine. Everything goes through pipes: nothing is written to disk, nothing leaves the server.
"""

from __future__ import annotations

import re
import subprocess

OCR_WARNING = ("The record was read from an image with OCR (Tesseract): the text may hold "
               "mistakes. A person must check every row against the paper record.")
IMAGE_STARTS = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF8", b"BM")
MIN_TEXT_LAYER = 40  # fewer printable characters than this: a scanned PDF
TIMEOUT_SECONDS = 120
OCR_DPI = "300"
MAX_OCR_PAGES = 60


class UnreadableRecord(ValueError):
    """The file could not be turned into text (the message never quotes the record)."""


def record_text(data: bytes) -> tuple[str, list[str]]:
    """The record's text and any warnings about how it was read."""
    if data.startswith(b"%PDF"):
        text = run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], data).decode(
            "utf-8", "replace")
        if len(re.sub(r"\s", "", text)) >= MIN_TEXT_LAYER:
            return text, []
        return ocr_pdf(data), [OCR_WARNING]
    if data.startswith(IMAGE_STARTS):
        return ocr_image(data), [OCR_WARNING]
    return decode(data), []


def decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    text = data.decode("utf-8-sig", "replace")
    return text.replace("\x00", "")


def ocr_image(image: bytes) -> str:
    # psm 6: one uniform block of text, as a fixed-width printout is
    return run(["tesseract", "stdin", "stdout", "-l", "eng", "--psm", "6"], image).decode(
        "utf-8", "replace")


def ocr_pdf(pdf: bytes) -> str:
    pages = page_count(pdf)
    texts = []
    for page in range(1, min(pages, MAX_OCR_PAGES) + 1):
        image = run(["pdftoppm", "-r", OCR_DPI, "-gray", "-png", "-f", str(page), "-l",
                     str(page), "-singlefile", "-"], pdf)
        texts.append(ocr_image(image))
    return "\n".join(texts)


def page_count(pdf: bytes) -> int:
    info = run(["pdfinfo", "-"], pdf).decode("latin-1")
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    return int(match.group(1)) if match else 1


def run(command: list[str], data: bytes) -> bytes:
    try:
        done = subprocess.run(command, input=data, capture_output=True,
                              timeout=TIMEOUT_SECONDS, check=False)
    except FileNotFoundError:
        raise UnreadableRecord(f"{command[0]} is not installed (run make install)") from None
    except subprocess.TimeoutExpired:
        raise UnreadableRecord(f"{command[0]} took too long") from None
    if done.returncode != 0:
        # stderr of these tools can quote the file's content: never pass it on
        raise UnreadableRecord(f"{command[0]} could not read the file "
                               f"(exit status {done.returncode})")
    return done.stdout
