"""How slow is a petition packet next to the plainest WeasyPrint render?

    .venv/bin/python benchmarks/pdf.py [--runs 15]

Prints the median time for one packet (build_packet: Jinja, instructions, CR-400, its
attachment, CR-401, CR-403, our fonts subset and embedded) and for a bare WeasyPrint render
of a plain two-page document, measured in the same run, and their ratio (goal: <= 2.5).
Both get one warm-up render first (below, the page count), so imports and font loading
are excluded.

Where the time goes (cProfile, November 2026, WeasyPrint 70): the font configuration,
stylesheet and Jinja environments are made once per process, Jinja takes about 1 ms, font
subsetting (HarfBuzz) is negligible. What is left is WeasyPrint's own work on six pages,
four of them dense forms: cascade about 20%, layout 16% (tables a quarter of it), text
13%, box building 10%, drawing 7%. Per page the packet costs about 1.5-2 times plain
prose, so the ratio to a two-page document stays near 4.5-5.5 (measured on a shared two-CPU
machine). Tried without a real gain: no margin boxes, inline checkboxes, fewer spans,
separate borders, a system font, no kerning; kept: fixed table layout, and whitespace
beside block tags dropped before parsing.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pypdf import PdfReader  # noqa: E402
from weasyprint import HTML  # noqa: E402

from petition.documents.model import Conviction, Filer, PacketCase  # noqa: E402
from petition.documents.packet import build_packet  # noqa: E402
from petition.facts import parse_conviction  # noqa: E402
from petition.rules.engine import evaluate  # noqa: E402

TODAY = date(2026, 11, 26)
PARAGRAPH = ("The quick brown fox jumps over the lazy dog while the court clerk stamps the "
             "papers and the prosecutor reads them. ") * 8
PLAIN_TWO_PAGES = ("<html><body>"
                   + "".join(f"<h2>Part {n}</h2><p>{PARAGRAPH}</p>" for n in range(5))
                   + "</body></html>")


def sample_case() -> PacketCase:
    row = {"county": "Fresno", "section": "11358", "plants": "3", "level": "felony",
           "age_at_offense": "30", "offense_date": "2012-03-04",
           "conviction_date": "2012-05-06", "sentence_status": "completed"}
    facts = parse_conviction(row, TODAY)
    filer = Filer("Maria", "Lopez", "1980-02-03", "123 Main St", "Fresno", "CA", "93701",
                  "555-123-4567", "maria@example.org")
    return PacketCase(filer, facts.county, "F12-345",
                      (Conviction(facts, evaluate(facts, TODAY)),), TODAY)


def timed(render) -> float:
    start = time.perf_counter()
    render()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    case = sample_case()

    def packet():
        return build_packet(case)

    def bare():
        return HTML(string=PLAIN_TWO_PAGES).write_pdf()

    packet_pages = len(PdfReader(io.BytesIO(packet())).pages)
    bare_pages = len(PdfReader(io.BytesIO(bare())).pages)
    # Interleaved, so that a busy machine slows both alike; the ratio is taken per pair.
    packet_times, bare_times, ratios = [], [], []
    for _ in range(runs):
        packet_times.append(timed(packet))
        bare_times.append(timed(bare))
        ratios.append(packet_times[-1] / bare_times[-1])
    packet_median, bare_median = statistics.median(packet_times), statistics.median(bare_times)
    print(f"runs: {runs} each, interleaved, after one warm-up")
    print(f"packet ({packet_pages} pages): median {packet_median * 1000:.0f} ms"
          f" ({packet_median * 1000 / packet_pages:.0f} ms a page)")
    print(f"bare WeasyPrint ({bare_pages} pages): median {bare_median * 1000:.0f} ms"
          f" ({bare_median * 1000 / bare_pages:.0f} ms a page)")
    print(f"ratio: {packet_median / bare_median:.2f} of medians,"
          f" {statistics.median(ratios):.2f} median of paired runs (goal: at most 2.5)")


if __name__ == "__main__":
    main()
