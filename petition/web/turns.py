"""Pages take turns on the CPU within a worker process.

gunicorn's gthread workers keep several threads so that a slow client (or a packet being
rendered) holds a thread, not the whole worker. But a page is pure Python work: two pages at
once in one process only fight over the interpreter lock, and under load that fight cost a
third of the throughput and made it swing by half from one run to the next
(benchmarks/pages.py). So a page holds this worker's turn while it is being made; reading the
request and sending the response (gunicorn, outside Flask) stay concurrent, and the endpoints
with their own limits (a packet render, the clinic's work, static files) do not take a turn,
so a packet being made never makes a page wait for it.
"""

from __future__ import annotations

import threading

from flask import Flask, g, request

# Endpoints that do not take a turn: long or I/O-bound, each with its own cap or limit.
OWN_LIMITS = frozenset({"static", "papers.download"})
TURN = threading.Lock()


def init_app(app: Flask) -> None:
    @app.before_request
    def take_turn():
        if request.endpoint in OWN_LIMITS or (request.blueprint or "").startswith("clinic"):
            return
        TURN.acquire()
        g.holds_turn = True

    @app.teardown_request
    def give_turn_back(_error=None):
        if g.pop("holds_turn", False):
            TURN.release()
