"""Packets cannot starve pages: HEAD does not render, and over the per-worker cap of
concurrent renders the answer is a translated 503 with Retry-After."""

from __future__ import annotations

import threading

import pytest

from petition.web import papers
from tests.web.helpers import answer_all, finish

ANSWERS = {"county": "Fresno", "section": "11357", "offense_date": "2012-03-27",
           "level": "misdemeanor", "age_at_offense": "30", "amount_grams": "10",
           "school_grounds": "no", "sentence_status": "completed"}


@pytest.fixture
def counted_renders(monkeypatch):
    """build_packet replaced by one that counts calls and can be held mid-render."""
    calls = []
    entered, release = threading.Event(), threading.Event()

    def build_packet(case):
        calls.append(case)
        entered.set()
        assert release.wait(timeout=10)
        return b"%PDF-1.7 test"

    monkeypatch.setattr(papers, "packet_builder", lambda: build_packet)
    return calls, entered, release


def test_head_on_a_packet_answers_without_rendering(client, counted_renders):
    calls, _entered, release = counted_renders
    release.set()
    answer_all(client, "en", ANSWERS)
    finish(client, "en")
    response = client.head("/en/papers/1.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert calls == []


@pytest.mark.parametrize("lang, words", [
    ("en", "Many people are making papers right now"),
    ("es", "Muchas personas están preparando sus papeles ahora"),
])
def test_a_render_over_the_cap_gets_a_translated_503_with_retry_after(app, counted_renders,
                                                                      lang, words):
    calls, entered, release = counted_renders
    first, second = app.test_client(), app.test_client()
    for client in (first, second):
        answer_all(client, lang, ANSWERS)
        finish(client, lang)
    results = {}
    holder = threading.Thread(
        target=lambda: results.setdefault("first", first.get(f"/{lang}/papers/1.pdf")))
    holder.start()
    assert entered.wait(timeout=10)
    try:
        busy = second.get(f"/{lang}/papers/1.pdf")
    finally:
        release.set()
        holder.join(timeout=10)
    assert busy.status_code == 503
    assert busy.headers["Retry-After"] == str(papers.RETRY_AFTER_SECONDS)
    assert words in busy.get_data(True)
    assert results["first"].status_code == 200
    assert len(calls) == 1
    assert second.get(f"/{lang}/papers/1.pdf").status_code == 200  # the slot came back
