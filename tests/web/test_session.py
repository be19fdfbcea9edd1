"""The session cookie: sealed, a browser-session cookie, Secure in production, and limits
that speak instead of losing answers."""

from __future__ import annotations

import base64
import binascii
import re
import time
import zlib
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from babel.dates import format_time

from petition import MissingSecretKey, create_app
from petition.web import interview, sealed_session
from petition.web.pages import CALIFORNIA
from petition.web.sealed_session import COOKIE_BUDGET, RESEAL_AFTER_SECONDS
from tests.web.helpers import answer_all, post_form, token

ANSWERS = {"county": "Fresno", "section": "11357", "offense_date": "2012-03-27",
           "level": "misdemeanor", "age_at_offense": "30", "amount_grams": "10",
           "school_grounds": "no", "sentence_status": "completed"}
SECRETS = ("Fresno", "11357", "2012-03-27", "Zyxwvuta", "Qwertyuiop Street")


def session_cookie(response) -> str:
    cookies = [value for value in response.headers.getlist("Set-Cookie")
               if value.startswith("session=")]
    assert cookies, "no session cookie was set"
    return cookies[-1]


def every_decoding(token_text: str) -> list[bytes]:
    """What an onlooker could get from the cookie: base64 of each dot-separated part, and
    zlib of each of those."""
    found = [token_text.encode()]
    for part in re.split(r"[.]", token_text):
        for padding in ("", "=", "=="):
            for decode in (base64.urlsafe_b64decode, base64.b64decode):
                try:
                    raw = decode(part + padding)
                except (binascii.Error, ValueError):
                    continue
                found.append(raw)
                for start in range(len(raw)):
                    try:
                        found.append(zlib.decompressobj().decompress(raw[start:]))
                    except zlib.error:
                        pass
    return found


def test_the_cookie_shows_no_answer_when_decoded(client):
    answer_all(client, "en", ANSWERS)
    with client.session_transaction() as session:
        session["filer"] = {"first_name": "Zyxwvuta", "street": "1 Qwertyuiop Street"}
    client.get("/en/convictions")
    value = client.get_cookie("session").value
    for decoded in every_decoding(value):
        for secret in SECRETS:
            assert secret.encode() not in decoded


def test_the_cookie_has_no_expiry_so_closing_the_browser_forgets_it(client):
    header = session_cookie(post_form(client, "/en/conviction/1/county",
                                      {"county": "Fresno"})).lower()
    assert "expires=" not in header
    assert "max-age=" not in header
    assert "httponly" in header
    assert "samesite=lax" in header


def test_the_server_refuses_a_cookie_idle_for_more_than_30_minutes(app, client):
    answer_all(client, "en", ANSWERS)
    assert client.get("/en/convictions").status_code == 200
    app.permanent_session_lifetime = timedelta(seconds=-1)  # every cookie is now too old
    response = client.get("/en/convictions")
    assert response.status_code == 302  # no answers: back to the first question


def test_a_cookie_sealed_under_an_old_key_still_opens_after_rotation(app, client):
    answer_all(client, "en", ANSWERS)
    app.config["SECRET_KEY_FALLBACKS"] = [app.config["SECRET_KEY"]]
    app.secret_key = app.config["SECRET_KEY"] = "the-new-key"
    assert client.get("/en/convictions").status_code == 200


def test_after_rotation_the_cookie_is_sealed_again_under_the_new_key(app, client):
    answer_all(client, "en", ANSWERS)
    app.config["SECRET_KEY_FALLBACKS"] = [app.config["SECRET_KEY"]]
    app.secret_key = app.config["SECRET_KEY"] = "the-new-key"
    session_cookie(client.get("/en/convictions"))
    app.config["SECRET_KEY_FALLBACKS"] = []
    assert client.get("/en/convictions").status_code == 200


def test_an_unchanged_session_sealed_a_moment_ago_is_not_sealed_again(client):
    answer_all(client, "en", ANSWERS)
    response = client.get("/en/convictions")
    assert response.status_code == 200
    assert not [value for value in response.headers.getlist("Set-Cookie")
                if value.startswith("session=")]
    assert "Cookie" in response.headers["Vary"]


def test_a_session_sealed_over_a_minute_ago_is_sealed_again_so_its_idle_clock_restarts(
        client, monkeypatch):
    answer_all(client, "en", ANSWERS)
    before = client.get_cookie("session").value
    later = SimpleNamespace(time=lambda: time.time() + RESEAL_AFTER_SECONDS + 1)
    monkeypatch.setattr(sealed_session, "time", later)
    session_cookie(client.get("/en/convictions"))
    assert client.get_cookie("session").value != before


def test_keep_my_answers_seals_the_session_again(client):
    answer_all(client, "en", ANSWERS)
    response = client.get("/en/still-here")
    assert response.status_code == 204
    session_cookie(response)


def test_a_cookie_sealed_with_an_unknown_key_is_an_empty_session(app, client):
    answer_all(client, "en", ANSWERS)
    app.secret_key = app.config["SECRET_KEY"] = "another-key-entirely"
    assert client.get("/en/convictions").status_code == 302


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    for name in ("SECRET_KEY", "FLASK_RUN_FROM_CLI", "FLASK_DEBUG", "PETITION_DEVELOPMENT"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(MissingSecretKey):
        create_app()


@pytest.mark.parametrize("environment, secure", [
    ({"SECRET_KEY": "production-key"}, True),
    ({"PETITION_DEVELOPMENT": "1"}, False),
    ({"SECRET_KEY": "k", "PETITION_DEVELOPMENT": "1", "SESSION_COOKIE_SECURE": "1"}, True),
])
def test_the_cookie_is_secure_in_production_and_not_in_development(monkeypatch, environment,
                                                                   secure):
    for name in ("SECRET_KEY", "FLASK_RUN_FROM_CLI", "FLASK_DEBUG", "PETITION_DEVELOPMENT",
                 "SESSION_COOKIE_SECURE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert create_app().config["SESSION_COOKIE_SECURE"] is secure


def test_hsts_is_sent_over_https_only(client):
    assert "Strict-Transport-Security" not in client.get("/en/").headers
    response = client.get("/en/", base_url="https://localhost")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=63072000")


def test_a_redirect_never_reflects_the_host_header(client):
    response = client.get("/en", headers={"Host": "evil.example"})
    assert response.status_code in (301, 308)
    assert response.headers["Location"] == "/en/"


def fill(client, count: int) -> None:
    with client.session_transaction() as session:
        session["convictions"] = [{"answers": dict(ANSWERS), "asked": list(ANSWERS),
                                   "checked": True} for _ in range(count)]


def test_the_most_convictions_allowed_fit_in_the_cookie_with_long_details(app, client):
    fill(client, interview.MAX_CONVICTIONS)
    with client.session_transaction() as session:
        session["filer"] = {name: "x" * 100 for name in ("first_name", "last_name", "street",
                                                          "city", "email")}
    assert client.get("/en/convictions").status_code == 200
    assert len("session=" + client.get_cookie("session").value) < COOKIE_BUDGET


def test_one_conviction_more_than_the_limit_gets_a_message_not_silence(client):
    fill(client, interview.MAX_CONVICTIONS)
    response = post_form(client, "/en/convictions", {"add_another": "yes"})
    assert response.status_code == 200
    html = response.get_data(True)
    assert f"You can add up to {interview.MAX_CONVICTIONS} convictions here" in html
    assert 'id="error-summary"' in html
    page = client.get(f"/en/conviction/{interview.MAX_CONVICTIONS + 1}/county",
                      follow_redirects=True).get_data(True)
    assert "clinic workspace" in page


def test_the_limit_is_stated_on_the_page(client):
    fill(client, 1)
    html = client.get("/en/convictions").get_data(True)
    assert f"up to {interview.MAX_CONVICTIONS}" in html


def test_an_answer_that_would_not_fit_is_refused_with_a_message_and_nothing_is_lost(
        app, client, monkeypatch):
    fill(client, 2)
    monkeypatch.setattr("petition.web.sealed_session.COOKIE_BUDGET", 10)
    page = client.get("/en/conviction/3/county")
    response = client.post("/en/conviction/3/county",
                           data={"csrf_token": token(page.get_data(True)), "county": "Fresno"})
    assert response.status_code == 200
    assert "We cannot keep any more answers" in response.get_data(True)
    with client.session_transaction() as session:
        assert len(session["convictions"]) == 2


def test_the_deletion_time_shown_counts_from_when_the_cookie_was_sealed(app, client,
                                                                        monkeypatch):
    answer_all(client, "en", ANSWERS)
    interface = app.session_interface
    with client.session_transaction() as session:
        contents = dict(session)
    ten_minutes_ago = int(time.time()) - 600
    old = interface.fernets(app)[0].encrypt_at_time(interface.pack(contents),
                                                    ten_minutes_ago).decode()
    client.set_cookie("session", old)
    monkeypatch.setattr(sealed_session, "RESEAL_AFTER_SECONDS", 3600)  # so it stays
    deadline = datetime.fromtimestamp(ten_minutes_ago, CALIFORNIA) + timedelta(minutes=30)
    html = client.get("/en/convictions").get_data(True)
    shown = format_time(deadline, "short", tzinfo=CALIFORNIA, locale="en")
    assert f"at about {shown} California time" in html
