"""The access log names the route, never the path: the sequence of question URLs would
reveal answers (which offence, how many convictions), so the log says ``question``, not
``/en/conviction/2/amount_grams``. No query string, no client address unless configured.

The view's endpoint is put in the WSGI environ, where gunicorn's logger (``AccessLogger``,
set in gunicorn.conf.py) reads it as the ``%(route)s`` atom.
"""

from __future__ import annotations

from flask import Flask, request
from gunicorn.glogging import Logger

ENVIRON_KEY = "petition.route"
# Endpoints under the names the public documentation uses; others are their view's name.
ROUTE_NAMES = {
    "questions.ask": "question",
    "questions.check": "check",
    "questions.resume": "question",
    "pages.result": "result",
    "papers.download": "packet",
    "static": "static",
    "root": "root",
}
FORMAT = '%(t)s "%(m)s %(route)s" %(s)s %(B)s %(L)ss'
FORMAT_WITH_CLIENT = '%(h)s ' + FORMAT


def route_name(endpoint: str | None) -> str:
    if endpoint is None:
        return "not_found"
    return ROUTE_NAMES.get(endpoint, endpoint.rpartition(".")[2])


def init_app(app: Flask) -> None:
    def name_the_route(endpoint, values):
        request.environ[ENVIRON_KEY] = route_name(endpoint)

    # First of all: before the language check or the CSRF check can end the request.
    app.url_value_preprocessors.setdefault(None, []).insert(0, name_the_route)


class AccessLogger(Logger):
    """gunicorn's logger with one more atom, ``route``; ``%(U)s`` and ``%(q)s`` are blanked
    so no format can put a path or a query string in the log by mistake."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["route"] = environ.get(ENVIRON_KEY, "not_found")
        for private in ("U", "q", "r", "f", "{raw_uri}e"):
            atoms[private] = "-"
        return atoms
