"""The access log names the route, never the path, the query string or the client."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

from petition.web.access_log import FORMAT, FORMAT_WITH_CLIENT, AccessLogger
from tests.web.helpers import answer_all

ANSWERS = {"county": "Fresno", "section": "11357", "offense_date": "2012-03-27",
           "level": "misdemeanor", "age_at_offense": "30", "amount_grams": "10",
           "school_grounds": "no", "sentence_status": "completed"}


@pytest.fixture
def client(app):
    """A client that keeps the environ each request had inside the app (gunicorn's logger
    reads that dict; the test client hands the app a copy)."""
    seen = []
    inner = app.wsgi_app

    def recording(environ, start_response):
        seen.append(environ)
        return inner(environ, start_response)

    app.wsgi_app = recording
    client = app.test_client()
    client.environs = seen
    return client


def log_line(client, response, log_format: str = FORMAT) -> str:
    config = Config()
    config.set("accesslog", "-")
    config.set("access_log_format", log_format)
    logger = AccessLogger(config)
    lines = []
    logger.access_log = SimpleNamespace(info=lambda text, atoms: lines.append(text % atoms))
    request = SimpleNamespace(headers=list(response.request.headers.items()))
    sent = SimpleNamespace(status=response.status, sent=len(response.get_data()),
                           headers=list(response.headers.items()))
    logger.access(sent, request, client.environs[-1], datetime.timedelta(seconds=0.002))
    assert len(lines) == 1
    return lines[0]


@pytest.mark.parametrize("path, route", [
    ("/en/conviction/1/county?change=1&secret=Fresno", "question"),
    ("/es/conviction/1/amount_grams", "question"),
    ("/en/result", "result"),
    ("/en/papers/1.pdf", "packet"),
    ("/en/how-we-decide", "how_we_decide"),
    ("/nowhere/at/all?x=11357", "not_found"),
    ("/xx/conviction/1/county", "question"),
])
def test_the_access_log_says_the_route_not_the_path(client, path, route):
    answer_all(client, "en", ANSWERS)
    line = log_line(client, client.get(path))
    assert f'"GET {route}"' in line
    for private in ("conviction", "amount", "county", "Fresno", "11357", "?", "127.0.0.1"):
        assert private not in line


def test_the_client_address_is_logged_only_when_configured(client):
    response = client.get("/en/", environ_base={"REMOTE_ADDR": "203.0.113.9"})
    assert "203.0.113.9" not in log_line(client, response)
    assert log_line(client, response, FORMAT_WITH_CLIENT).startswith("203.0.113.9 ")


def test_a_format_asking_for_the_path_or_query_gets_a_dash(client):
    response = client.get("/en/conviction/1/county?secret=1")
    assert log_line(client, response, '%(U)s %(q)s %(r)s') == "- - -"


def test_a_post_refused_for_its_csrf_token_still_names_its_route(client):
    response = client.post("/en/conviction/1/county", data={"county": "Fresno"})
    assert response.status_code == 400
    assert '"POST question" 400' in log_line(client, response)
