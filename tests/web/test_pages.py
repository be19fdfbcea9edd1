"""Every page answers in the person's language, with the privacy and safety headers."""

from __future__ import annotations

import time

import pytest

from tests.web.helpers import answer_all, finish, post_form, token

LANGS = ["en", "es"]
SAN_FRANCISCO_SALE = {"county": "San Francisco", "section": "11359", "offense_date": "2012-03-27",
                      "sold_to_minor": "no", "hired_under_21": "no", "superstrike": "no",
                      "pc290": "no", "prior_same_section": "0", "sentence_status": "completed"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", ["/", "/how-we-decide", "/glossary",
                                  "/conviction/1/county"])
def test_public_pages_render_in_each_language(client, lang, page):
    response = client.get(f"/{lang}{page}")
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in response.get_data(True)


@pytest.mark.parametrize("accept, expected", [
    ("es-MX,es;q=0.9,en;q=0.5", "/es/"),
    ("en-US,en;q=0.9", "/en/"),
    ("fr-FR", "/en/"),
    ("", "/en/"),
])
def test_the_root_sends_people_to_the_language_their_browser_asks_for(client, accept, expected):
    response = client.get("/", headers={"Accept-Language": accept})
    assert response.status_code == 302
    assert response.headers["Location"] == expected


@pytest.mark.parametrize("header, value", [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cache-Control", "no-store"),
])
def test_pages_carry_the_privacy_headers(client, header, value):
    assert client.get("/en/").headers[header] == value


def test_the_content_security_policy_allows_no_inline_script_and_no_framing(client):
    policy = client.get("/en/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_the_session_cookie_is_http_only_lax_and_forgotten_when_the_browser_closes(client):
    # The 30 idle minutes are enforced by the server (tests/web/test_session.py).
    post_form(client, "/en/conviction/1/county", {"county": "Fresno"})
    cookie = client.get_cookie("session")
    assert cookie is not None and cookie.http_only and cookie.same_site == "Lax"
    assert cookie.expires is None


def test_an_unknown_language_prefix_is_a_friendly_not_found_page(client):
    response = client.get("/xx/result")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(True)


def test_a_spanish_not_found_page_is_in_spanish(client):
    response = client.get("/es/no-such-page")
    assert response.status_code == 404
    assert "No encontramos la página" in response.get_data(True)


@pytest.mark.parametrize("lang, words", [("en", "Your time on this page ran out"),
                                         ("es", "Se acabó el tiempo en esta página")])
def test_a_post_without_its_csrf_token_gets_a_friendly_page_in_the_persons_language(
        client, lang, words):
    response = client.post(f"/{lang}/conviction/1/county", data={"county": "Fresno"})
    assert response.status_code == 400
    assert words in response.get_data(True)


def test_a_post_that_is_too_large_gets_a_friendly_translated_page(client):
    page = client.get("/es/conviction/1/county")
    response = client.post("/es/conviction/1/county", data={
        "csrf_token": token(page.get_data(True)), "county": "x" * 100_000})
    assert response.status_code == 413
    assert "Envió demasiado" in response.get_data(True)


def test_the_language_menu_keeps_the_persons_place(client):
    html = client.get("/en/conviction/1/county").get_data(True)
    assert 'href="/es/conviction/1/county"' in html


def test_switching_language_keeps_the_answers(client):
    answer_all(client, "en", SAN_FRANCISCO_SALE)
    html = client.get("/es/conviction/1/check").get_data(True)
    assert "Condado de San Francisco" in html


def test_clear_my_answers_forgets_everything(client):
    answer_all(client, "en", SAN_FRANCISCO_SALE)
    page = client.get("/en/")
    response = client.post("/en/clear", data={"csrf_token": token(page.get_data(True))})
    assert response.status_code == 302
    assert client.get("/en/result").headers["Location"].endswith("/conviction/1")


def test_leave_this_site_quickly_clears_the_answers_and_goes_elsewhere(client):
    answer_all(client, "en", SAN_FRANCISCO_SALE)
    response = client.get("/en/leave")
    assert response.status_code == 302
    assert not response.headers["Location"].startswith("/")
    assert client.get("/en/conviction/1/check").status_code == 302


@pytest.mark.parametrize("lang, headline", [
    ("en", "You likely qualify to have this felony reduced to a misdemeanor."),
    ("es", "Es probable que usted califique para que este delito grave se reduzca a un delito "
           "menor."),
])
def test_the_result_says_the_outcome_in_plain_words(client, lang, headline):
    answer_all(client, lang, SAN_FRANCISCO_SALE)
    html = finish(client, lang).get_data(True)
    assert headline in html
    assert 'data-outcome="reduce_to_misdemeanor"' in html
    assert 'data-automatic="da_program"' in html


def test_a_result_that_is_likely_automatic_says_so_before_anything_else(client):
    answer_all(client, "en", SAN_FRANCISCO_SALE)
    html = finish(client, "en").get_data(True)
    assert html.index("Good news: the San Francisco District Attorney ran a program") < \
        html.index("Why</h3>")
    assert "BCIA 8016RR" in html


def test_a_result_that_is_not_eligible_points_to_other_routes(client):
    answer_all(client, "en", {"county": "Fresno", "section": "other"})
    html = finish(client, "en").get_data(True)
    assert 'data-outcome="not_eligible"' in html
    assert "1203.4" in html and "11361.5" in html


def test_every_result_warns_about_immigration(client):
    answer_all(client, "en", {"county": "Fresno", "section": "other"})
    assert "immigration lawyer" in finish(client, "en").get_data(True)


def test_citations_on_the_result_link_to_the_how_we_decide_page(client):
    answer_all(client, "en", SAN_FRANCISCO_SALE)
    html = finish(client, "en").get_data(True)
    assert 'href="/en/how-we-decide#rule-hs-11359-b"' in html
    assert 'id="rule-hs-11359-b"' in client.get("/en/how-we-decide").get_data(True)


def test_results_pages_are_not_stored_by_the_browser(client):
    answer_all(client, "en", SAN_FRANCISCO_SALE)
    assert finish(client, "en").headers["Cache-Control"] == "no-store"


def test_an_unexpected_error_shows_a_friendly_page_not_a_traceback():
    from petition import create_app

    app = create_app({"SECRET_KEY": "x"})

    @app.get("/<lang>/broken-on-purpose")
    def broken():
        raise RuntimeError("boom")

    response = app.test_client().get("/es/broken-on-purpose")
    assert response.status_code == 500
    assert "Lo sentimos, hay un problema con el servicio" in response.get_data(True)
    assert "boom" not in response.get_data(True)


@pytest.mark.parametrize("lang, doubled", [("en", "the the "), ("es", "el el "),
                                           ("es", "del la ")])
def test_an_unknown_county_reads_well_on_the_result(client, lang, doubled):
    answer_all(client, lang, {"county": "unknown", "section": "11360",
                              "offense_date": "2012-03-27", "level": "felony",
                              "age_at_offense": "30", "amount_grams": "10", "for_sale": "no",
                              "sold_to_minor": "no", "sentence_status": "completed"})
    html = finish(client, lang).get_data(True)
    assert 'data-outcome="dismiss_and_seal"' in html
    assert doubled not in html


def test_answers_are_forgotten_after_30_idle_minutes(client, monkeypatch):
    import itsdangerous.timed

    answer_all(client, "en", SAN_FRANCISCO_SALE)
    start = time.time()
    for minutes, status in [(29, 200), (58, 200), (89, 302)]:
        # Each visit within 30 minutes restarts the clock; 31 idle minutes end it.
        monkeypatch.setattr(itsdangerous.timed.time, "time",
                            lambda minutes=minutes: start + minutes * 60)
        assert client.get("/en/conviction/1/check").status_code == status, minutes
