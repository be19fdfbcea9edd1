"""Pages take turns within a worker (petition/web/turns.py): the turn is always given back,
and the endpoints with their own limits never wait for it."""

from __future__ import annotations

import threading

from petition.web.turns import OWN_LIMITS, TURN


def test_every_endpoint_named_as_having_its_own_limits_exists(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert OWN_LIMITS <= endpoints


def test_the_turn_is_given_back_after_a_page_an_error_and_a_bad_post(client):
    for response in (client.get("/en/"), client.get("/en/no-such-page"),
                     client.post("/en/conviction/1/county", data={"county": "Fresno"})):
        assert response.status_code in (200, 400, 404)
        assert not TURN.locked()


def test_a_packet_download_does_not_wait_for_a_page_in_progress(client):
    done = threading.Event()
    with TURN:  # a page holds the turn
        def download():
            client.get("/en/papers/1.pdf")  # no answers: a redirect, but through the view
            done.set()
        worker = threading.Thread(target=download)
        worker.start()
        assert done.wait(timeout=30), "the packet endpoint waited for the page's turn"
    worker.join()
