"""The clinic workspace at a clinic day's scale (issue 12, item 5).

Usage: .venv/bin/python benchmarks/clinic.py [--rows 2000] [--cases 200]
Prints: the wall time of one POST /en/clinic that screens ``--rows`` rows and answers the
whole results page (goal: under 2 s), the same for the results CSV, and the wall time of the
ZIP of packets for ``--cases`` court cases with the worker processes used (goal: "about a
minute"), through Flask's test client in this process (no network).
"""

from __future__ import annotations

import argparse
import io
import random
import re
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from petition import create_app  # noqa: E402
from petition.web.clinic_packets import PACKET_WORKERS  # noqa: E402

HEADER = ("case_id,county,case_number,section,level,offense_date,age_at_offense,amount_grams,"
          "concentrated,sentence_status,for_sale,first_name,last_name,language\n")
COUNTIES = ["Fresno", "Los Angeles", "San Francisco", "Alameda", "Kern", "San Diego", "Yolo"]
SECTIONS = ["11357(b)", "11357(c)", "11358", "11359", "11360(a)", "HS 11360(b)", "VC 23222(b)"]
LEVELS = ["felony", "misdemeanor", "infraction", "unknown", ""]


def clinic_file(rows: int, seed: int = 7) -> str:
    pick = random.Random(seed)
    lines = [HEADER]
    for number in range(rows):
        lines.append(",".join((
            f"R{number}", pick.choice(COUNTIES), f"C{number // 2}", pick.choice(SECTIONS),
            pick.choice(LEVELS), f"{pick.randint(1995, 2016)}-{pick.randint(1, 12):02d}-01",
            str(pick.randint(16, 60)), pick.choice(["", "10", "28", "100", "2000"]),
            pick.choice(["no", "yes", ""]), pick.choice(["completed", "serving", ""]),
            pick.choice(["no", "", "yes"]), f"First{number // 4}", "Last",
            pick.choice(["en", "es"]))) + "\n")
    return "".join(lines)


def relief_file(cases: int) -> str:
    """``cases`` court cases, each with relief (a small possession): ``cases`` packets."""
    return HEADER + "".join(
        f"P{number},Fresno,F{number},11357(b),misdemeanor,2015-06-01,25,20,no,completed,no,"
        f"Ana{number},Lopez,{'es' if number % 2 else 'en'}\n" for number in range(cases))


def post(client, text: str, output: str):
    started = time.perf_counter()
    response = client.post("/en/clinic", data={
        "format": output, "file": (io.BytesIO(text.encode()), "clients.csv")},
        content_type="multipart/form-data")
    body = response.get_data()  # a streamed answer is made while it is read
    return time.perf_counter() - started, response, body


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--cases", type=int, default=200)
    args = parser.parse_args()
    app = create_app({"SECRET_KEY": "benchmark", "WTF_CSRF_ENABLED": False,
                      "CLINIC_RATE_LIMIT": "1000 per minute"})
    client = app.test_client()
    text = clinic_file(args.rows)
    post(client, text, "html")  # warm up: imports and templates, as a running server has
    for output in ("html", "csv"):
        times = [post(client, text, output) for _ in range(3)]
        best, response, body = min(times, key=lambda item: item[0])
        assert response.status_code == 200, response.status_code
        rows = (len(re.findall(rb'<tr class="clinic-row', body)) if output == "html"
                else body.count(b"\n") - 1)
        print(f"{output:4}: {rows:,} rows screened and answered in {best:.2f} s "
              f"(best of 3; {len(body) / 1e6:.1f} MB)")
    elapsed, response, body = post(client, relief_file(args.cases), "zip")
    assert response.status_code == 200, response.status_code
    pdfs = len(zipfile.ZipFile(io.BytesIO(body)).namelist())
    print(f"zip : {pdfs} packets in {elapsed:.1f} s with {PACKET_WORKERS} worker processes "
          f"({elapsed / max(pdfs, 1):.2f} s a packet; {len(body) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
