"""Small helpers for web tests: answer a question page like a browser would."""

from __future__ import annotations

import re

from petition.web.scripted_resident import main_form, outcomes_of  # noqa: F401 (re-exported for tests)


def token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def post_form(client, path: str, data: dict[str, str], follow: bool = False):
    page = client.get(path)
    return client.post(path, data={"csrf_token": token(page.get_data(True)), **data},
                       follow_redirects=follow)


def answer_all(client, lang: str, answers: dict[str, str], number: int = 1):
    """Answer every question asked for conviction ``number``; unknown facts get "I don't
    know". Returns the last response (the Check your answers page)."""
    path = f"/{lang}/conviction/{number}"
    response = client.get(path, follow_redirects=True)
    for _ in range(40):
        path = response.request.path
        if path.endswith("/check"):
            return response
        fact = path.rsplit("/", 1)[1]
        value = answers.get(fact, "unknown")
        data = {fact: value} if value != "unknown" else {fact: "unknown", "dont_know": "1"}
        response = client.post(path, data={"csrf_token": token(response.get_data(True)), **data},
                               follow_redirects=True)
    raise AssertionError("the interview did not end")


def finish(client, lang: str, number: int = 1):
    """Confirm Check your answers and say there are no more convictions: the result page."""
    check = client.get(f"/{lang}/conviction/{number}/check")
    client.post(f"/{lang}/conviction/{number}/check",
                data={"csrf_token": token(check.get_data(True))})
    return post_form(client, f"/{lang}/convictions", {"add_another": "no"}, follow=True)


def asked_facts(client, lang: str, answers: dict[str, str]) -> list[str]:
    asked = []
    response = client.get(f"/{lang}/conviction/1", follow_redirects=True)
    for _ in range(40):
        path = response.request.path
        if path.endswith("/check"):
            return asked
        fact = path.rsplit("/", 1)[1]
        asked.append(fact)
        value = answers.get(fact, "unknown")
        response = client.post(path, data={"csrf_token": token(response.get_data(True)),
                                           fact: value, **({"dont_know": "1"} if value ==
                                                           "unknown" else {})},
                               follow_redirects=True)
    raise AssertionError("the interview did not end")


def reach(client, lang: str, fact: str, answers: dict[str, str]):
    """Answer from ``answers`` (others: I don't know) until the page asking ``fact``."""
    response = client.get(f"/{lang}/conviction/1", follow_redirects=True)
    for _ in range(40):
        path = response.request.path
        if path.endswith(f"/{fact}"):
            return response
        assert not path.endswith("/check"), f"{fact} was never asked"
        asked = path.rsplit("/", 1)[1]
        value = answers.get(asked, "unknown")
        response = client.post(path, data={"csrf_token": token(response.get_data(True)),
                                           asked: value, **({"dont_know": "1"} if value ==
                                                            "unknown" else {})},
                               follow_redirects=True)
    raise AssertionError("the interview did not end")
