"""How long does reading a RAP sheet take? A 5 MB record and 10,000 lines of random text.

    .venv/bin/python benchmarks/rapsheet.py [--megabytes 5] [--rounds 3]

Prints the median seconds over `--rounds` of reading each into rows, in process (the parser
and the row building), and once through the command line (with Python's start-up).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from petition.rapsheet import read_record, screening_rows  # noqa: E402
from tests.rapsheet.synthetic import big_record, random_text  # noqa: E402


def timed(text: str, rounds: int) -> tuple[float, float, int]:
    """Median wall-clock and CPU seconds (CPU is steadier on a shared machine)."""
    walls, cpus = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        rows = screening_rows(read_record(text), date(2026, 12, 1))
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    return statistics.median(walls), statistics.median(cpus), len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    record, expected = big_record(int(args.megabytes * 1_000_000))
    noise = random_text(10_000)
    for name, text in ((f"{len(record) / 1e6:.1f} MB record", record),
                       ("10,000 lines of random text", noise)):
        seconds, cpu, rows = timed(text, args.rounds)
        print(f"{name}: {seconds:.2f} s in process ({cpu:.2f} s CPU), {rows:,} rows")
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as file:
        file.write(record)
        file.flush()
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "petition", "rapsheet", file.name, "--out",
                        "/dev/null"], check=True, cwd=ROOT, capture_output=True)
        print(f"command line, {len(record) / 1e6:.1f} MB record: "
              f"{time.perf_counter() - start:.2f} s ({expected:,} convictions expected)")


if __name__ == "__main__":
    main()
