"""How fast are our pages next to the plainest Flask page, under the same gunicorn?

    .venv/bin/python benchmarks/pages.py [--clients 16] [--seconds 3] [--rounds 5] [--workers 2]

Starts two gunicorn servers on 127.0.0.1 with the same settings (gunicorn.conf.py, as in
`make run`): our app, and a bare Flask app that renders a trivial template. Each of
`--clients` visitors first walks the interview once over plain HTTP (so it holds a real
session cookie with answers). The load itself comes from wrk (`apt-get install wrk`),
written in C so that it is not the bottleneck; without wrk, from one client process per
CPU (a Python client in one process tops out near 1,700 requests/s, below what the bare
page serves, which made the ratio look better than it was). Pages take turns for
`--rounds` rounds, so a busy machine slows all of them alike; prints the median requests/s
and p95 (wrk: p90) latency of each page, and its throughput as a ratio of the bare page's
in the same round (median over rounds; goal: >= 0.5), then each round's ratio.

Why the median: wrk opens its connections at once and keeps them, and sometimes one
gunicorn worker accepts all of them while the other sits idle (seen with `ss`: a 16/0
split), which halves that round's throughput for any page, ours or the bare one. A round
like that shows as a ratio near 0.25 (or near 1 when it hits the bare page). Behind nginx
(deploy/nginx.conf, which opens its connections to gunicorn as the load grows) the same load
split them 2/15 at worst in six rounds, never 16/0.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from flask import Flask, render_template_string

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"

bare_app = Flask(__name__)


@bare_app.get("/")
def bare_page():
    return render_template_string(
        "<!doctype html><html lang=en><title>{{ title }}</title><h1>{{ title }}</h1>",
        title="Hello")


INTERVIEW = {
    "county": "San Francisco", "section": "11359", "offense_date": "2012-03-27",
    "sold_to_minor": "no", "hired_under_21": "no", "superstrike": "no", "pc290": "no",
    "prior_same_section": "0", "sentence_status": "completed",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def serve(app_spec: str, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "SECRET_KEY": "benchmark-only", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--bind", f"{HOST}:{port}", "--workers",
         str(workers), "--log-level", "warning", app_spec],
        cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)


def wait_until_up(port: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            request(port, "GET", "/")
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"server on port {port} did not start")


def request(port: int, method: str, path: str, body: dict | None = None,
            cookie: str = "") -> tuple[int, dict[str, str], str]:
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    headers = {"Cookie": cookie} if cookie else {}
    data = None
    if body is not None:
        data = urllib.parse.urlencode(body)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=data, headers=headers)
    response = connection.getresponse()
    text = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, text


class Visitor:
    """One client with its own session cookie, walking the interview over plain HTTP."""

    def __init__(self, port: int):
        self.port, self.cookie = port, ""

    def call(self, method, path, body=None):
        status, headers, text = request(self.port, method, path, body, self.cookie)
        if "set-cookie" in headers:
            self.cookie = headers["set-cookie"].split(";", 1)[0]
        return status, headers, text

    def walk(self) -> None:
        path = "/en/conviction/1/county"
        status, headers, text = self.call("GET", path)
        for _ in range(30):
            if path.endswith("/check"):
                break
            fact = path.rsplit("/", 1)[1]
            token = re.search(r'name="csrf_token" value="([^"]+)"', text).group(1)
            value = INTERVIEW.get(fact, "unknown")
            status, headers, text = self.call("POST", path, {"csrf_token": token, fact: value})
            path = headers["location"]
            status, headers, text = self.call("GET", path)
        token = re.search(r'name="csrf_token" value="([^"]+)"', text).group(1)
        self.call("POST", path, {"csrf_token": token})
        status, _headers, text = self.call("GET", "/en/result")
        assert status == 200 and 'data-outcome="reduce_to_misdemeanor"' in text, status


WRK = shutil.which("wrk")
WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def load(port: int, path: str, clients: int, seconds: float, cookies: list[str]
         ) -> tuple[float, float, int]:
    """Requests per second, a high percentile of latency in ms, and errors."""
    if WRK:
        return wrk_load(port, path, clients, seconds, cookies[0])
    processes = min(clients, os.cpu_count() or 1)
    with multiprocessing.Pool(processes) as pool:
        shares = pool.starmap(thread_load, [
            (port, path, max(1, clients // processes), seconds, cookies[i::processes] or cookies)
            for i in range(processes)])
    return (sum(rate for rate, _p, _e in shares), max(p for _r, p, _e in shares),
            sum(errors for _r, _p, errors in shares))


def wrk_load(port: int, path: str, clients: int, seconds: float, cookie: str
             ) -> tuple[float, float, int]:
    command = [WRK, "-t2", f"-c{clients}", f"-d{max(1, round(seconds))}s", "--latency",
               f"http://{HOST}:{port}{path}"]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    value, unit = re.search(r"90%\s+([\d.]+)(us|ms|s)", output).groups()
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    failed = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                       output)
    return (rate, float(value) * WRK_UNITS[unit],
            (int(errors.group(1)) if errors else 0)
            + (sum(int(n) for n in failed.groups()) if failed else 0))


def thread_load(port: int, path: str, clients: int, seconds: float, cookies: list[str]
                ) -> tuple[float, float, int]:
    """Requests per second, p95 latency in ms, and errors, for `clients` threads."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    start = time.monotonic()
    deadline = start + seconds

    def client(cookie: str):
        mine = []
        while time.monotonic() < deadline:
            began = time.perf_counter()
            try:
                status, _h, _t = request(port, "GET", path, cookie=cookie)
            except OSError:
                status = 0
            mine.append(time.perf_counter() - began)
            if status != 200:
                errors[0] += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(cookies[i % len(cookies)],))
               for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - start
    p95 = statistics.quantiles(latencies, n=20)[-1] * 1000 if len(latencies) > 1 else 0.0
    return len(latencies) / elapsed, p95, errors[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    ours, bare = free_port(), free_port()
    servers = [serve("app:app", ours, args.workers),
               serve("benchmarks.pages:bare_app", bare, args.workers)]
    try:
        wait_until_up(ours)
        wait_until_up(bare)
        visitors = [Visitor(ours) for _ in range(args.clients)]
        for visitor in visitors:
            visitor.walk()
        cookies = [visitor.cookie for visitor in visitors]
        pages = [("bare Flask page", bare, "/", [""]),
                 ("question page", ours, "/en/conviction/1/sold_to_minor", cookies),
                 ("result page", ours, "/en/result", cookies),
                 # Translated pages also mark English terms (petition/english_terms.py).
                 ("result page (es)", ours, "/es/result", cookies)]
        print(f"gunicorn (gunicorn.conf.py) workers={args.workers}, {args.clients} clients, "
              f"{args.rounds} rounds of {args.seconds:g} s per page, {os.cpu_count()} CPUs, "
              f"load from {'wrk' if WRK else 'Python client processes'}")
        for _name, port, path, page_cookies in pages:
            load(port, path, args.clients, 1.0, page_cookies)  # warm up
        rounds: dict[str, list[tuple[float, float, int]]] = {name: [] for name, *_ in pages}
        for _ in range(args.rounds):
            for name, port, path, page_cookies in pages:
                rounds[name].append(load(port, path, args.clients, args.seconds, page_cookies))
        bare_rates = [rate for rate, _p95, _errors in rounds["bare Flask page"]]
        latency = "p90 ms" if WRK else "p95 ms"
        print(f"{'page':<18}{'req/s':>10}{latency:>10}{'errors':>8}{'ratio':>8}"
              "   ratio in each round")
        for name, measured in rounds.items():
            rate = statistics.median(rate for rate, _p95, _errors in measured)
            p95 = statistics.median(p95 for _rate, p95, _errors in measured)
            errors = sum(errors for _rate, _p95, errors in measured)
            ratios = [mine[0] / bare for mine, bare in zip(measured, bare_rates, strict=True)]
            each = " ".join(f"{ratio:.2f}" for ratio in ratios)
            print(f"{name:<18}{rate:>10.0f}{p95:>10.1f}{errors:>8}"
                  f"{statistics.median(ratios):>8.2f}   {each}")
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
