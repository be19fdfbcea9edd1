"""Can a flood of packet downloads starve the question pages?

    .venv/bin/python benchmarks/flood.py [--flooders 8] [--seconds 10] [--workers 2]

Starts our site under gunicorn with the same settings as `make run` (gunicorn.conf.py) and
times the question page, one request after another from one visitor (latency, not
throughput), first alone and then while `--flooders` connections download a packet in a
loop (wrk). Two floods:

- from one address, as a single attacker would: the per-client packet limit answers most
  of them with 429;
- from "many addresses": the per-client limit lifted (`benchmarks.flood:unlimited_app`),
  so the per-worker render cap (a 503 with Retry-After) is the only defence left.

Prints the page's p50/p95/p99 in ms in each case, and how the flood's requests were
answered. A render costs about 0.4 CPU-seconds; without the cap and the limit, four
looping clients made the question page about 100 times slower.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from benchmarks.pages import (  # noqa: E402
    WRK,
    Visitor,
    free_port,
    request,
    serve,
    wait_until_up,
)
from petition import create_app  # noqa: E402

QUESTION = "/en/conviction/1/sold_to_minor"
PACKET = "/en/papers/1.pdf"


def unlimited_app():
    """Our site with the per-client packet limit lifted (as if every download came from
    another address)."""
    return create_app({"PACKET_RATE_LIMIT": "1000000 per minute"})


def page_latencies(port: int, cookie: str, seconds: float) -> list[float]:
    latencies = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        began = time.perf_counter()
        status, _headers, _text = request(port, "GET", QUESTION, cookie=cookie)
        latencies.append((time.perf_counter() - began) * 1000)
        assert status == 200, status
    return latencies


def flood(port: int, cookie: str, connections: int, seconds: float, answers: dict) -> None:
    """Packet downloads in a loop; counts of each status go into ``answers``."""
    if WRK is None:
        raise SystemExit("benchmarks/flood.py needs wrk (apt-get install wrk)")
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "count_statuses.lua")
    output = subprocess.run(
        [WRK, "-t2", f"-c{connections}", f"-d{max(1, round(seconds))}s", "-s", script,
         "-H", f"Cookie: {cookie}", f"http://127.0.0.1:{port}{PACKET}"],
        capture_output=True, text=True, check=True).stdout
    for status, count in re.findall(r"status (\d+): (\d+)", output):
        answers[status] = answers.get(status, 0) + int(count)


def percentiles(latencies: list[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(latencies, n=100)
    return statistics.median(latencies), cuts[94], cuts[98]


def measure(app_spec: str, args) -> None:
    port = free_port()
    server = serve(app_spec, port, args.workers)
    try:
        wait_until_up(port)
        timer, flooder = Visitor(port), Visitor(port)
        timer.walk()
        flooder.walk()
        status, headers, _ = request(port, "GET", PACKET, cookie=flooder.cookie)
        assert status == 200 and headers["content-type"] == "application/pdf", status
        page_latencies(port, timer.cookie, 1.0)  # warm up
        alone = page_latencies(port, timer.cookie, args.seconds)
        answers: dict[str, int] = {}
        thread = threading.Thread(target=flood, args=(
            port, flooder.cookie, args.flooders, args.seconds + 2, answers))
        thread.start()
        time.sleep(1)  # the flood is under way
        flooded = page_latencies(port, timer.cookie, args.seconds)
        thread.join()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
    print(f"\n{app_spec}: {args.flooders} connections downloading packets")
    print(f"{'question page':<22}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'requests':>10}")
    for name, latencies in (("alone", alone), ("during the flood", flooded)):
        p50, p95, p99 = percentiles(latencies)
        print(f"{name:<22}{p50:>9.1f}{p95:>9.1f}{p99:>9.1f}{len(latencies):>10}")
    ratio = percentiles(flooded)[0] / percentiles(alone)[0]
    print(f"p50 during the flood / alone: {ratio:.1f}")
    print("the flood's answers: " + ", ".join(
        f"{status}: {count}" for status, count in sorted(answers.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--flooders", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    print(f"gunicorn (gunicorn.conf.py) workers={args.workers}, {os.cpu_count()} CPUs")
    measure("app:app", args)
    measure("benchmarks.flood:unlimited_app()", args)


if __name__ == "__main__":
    main()
