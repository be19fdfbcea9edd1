"""A resident, scripted: answers the interview from one screening-CSV row, using only what
the web contract of design.md promises (field names and values, plain HTML forms).

The tests drive the site with it, and so does `python -m petition translations-check`, which
reads every page of the path in every language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import html5lib

from petition.facts import parse_section

HTML = "{http://www.w3.org/1999/xhtml}"
NOT_FACTS = {"csrf_token", "dont_know"}


@dataclass
class Form:
    action: str
    fields: dict[str, str]
    names: list[str]
    buttons: list[tuple[str, str]] = field(default_factory=list)


def parse(html: str):
    return html5lib.parse(html, namespaceHTMLElements=False)


def forms_of(html: str) -> list[Form]:
    found = []
    for form in parse(html).iter("form"):
        fields, names, buttons = {}, [], []
        for element in form.iter():
            name = element.get("name")
            if not name:
                continue
            if element.tag == "button":
                buttons.append((name, element.get("value", "")))
                continue
            if name not in names:
                names.append(name)
            if element.tag == "input" and element.get("type") == "radio":
                if element.get("checked") is not None:
                    fields[name] = element.get("value")
            elif element.tag == "input":
                fields[name] = element.get("value", "")
        found.append(Form(form.get("action") or "", fields, names, buttons))
    return found


def main_form(html: str) -> Form:
    """The page's own form, which posts back to the page (Remove and Clear my answers post
    elsewhere)."""
    return next(form for form in forms_of(html) if not form.action)


def outcomes_of(html: str) -> list[dict[str, str]]:
    return [{key.removeprefix("data-"): value for key, value in element.attrib.items()
             if key.startswith("data-")}
            for element in parse(html).iter() if element.get("data-outcome")]


def web_section(csv_section: str) -> str:
    """The section question's value for a CSV section (design.md: bare numbers)."""
    section = parse_section(csv_section or "")
    if section is None:
        return "unknown"
    return section.number if section.is_covered else "other"


def web_row(row: dict[str, str]) -> dict[str, str]:
    """The facts as the web can give them: the section without its subdivision."""
    return {**row, "section": web_section(row.get("section", ""))}


def answer_for(row: dict[str, str], fact: str) -> dict[str, str]:
    """Form data answering ``fact`` from the row; empty values are "I don't know"."""
    value = (web_row(row).get(fact) or "").strip()
    if fact.endswith(("-month", "-day", "-year")):
        raise AssertionError(fact)
    if not value or value == "unknown":
        return {"dont_know": "1", fact: "unknown"}
    return {fact: value}


class FlaskClientHTTP:
    """A Flask test client as the (status, location, html) transport of ``Interview``."""

    def __init__(self, client):
        self.client = client

    def get(self, path):
        return self.answer(path, self.client.get(path))

    def post(self, path, data):
        return self.answer(path, self.client.post(path, data=data))

    def answer(self, path, response):
        """What ``Interview`` reads of a response; a subclass may look at the page first."""
        return response.status_code, response.headers.get("Location"), response.get_data(True)


QUESTION_PATH = re.compile(r"/conviction/(\d+)/([a-z_0-9]+)$")


class Interview:
    """Drives a client with .get(path) and .post(path, data) returning (status, location,
    html), so the same resident can talk to the Flask test client or a live server."""

    def __init__(self, http, lang: str):
        self.http, self.lang = http, lang
        self.pages: list[str] = []

    def follow(self, status: int, location: str | None, html: str, path: str):
        hops = 0
        while status in (301, 302, 303) and location:
            path = location
            status, location, html = self.http.get(path)
            hops += 1
            assert hops < 10, "redirect loop"
        assert status == 200, f"{path}: {status}"
        self.pages.append(path)
        return path, html

    def start(self) -> tuple[str, str]:
        status, location, html = self.http.get(f"/{self.lang}/")
        path, html = self.follow(status, location, html, f"/{self.lang}/")
        start_link = re.search(r'href="([^"]+/conviction/1)"', html)
        assert start_link, "no Start button"
        status, location, html = self.http.get(start_link.group(1))
        return self.follow(status, location, html, start_link.group(1))

    def submit(self, path: str, html: str, data: dict[str, str]) -> tuple[str, str]:
        form = main_form(html)
        payload = {"csrf_token": form.fields["csrf_token"], **data}
        target = form.action or path
        status, location, html = self.http.post(target, payload)
        return self.follow(status, location, html, target)

    def answer_conviction(self, path: str, html: str, row: dict[str, str]) -> tuple[str, str]:
        """From the county question to the list of convictions."""
        for _ in range(40):
            match = QUESTION_PATH.search(path)
            if path.endswith("/check"):
                return self.submit(path, html, {})
            assert match, f"unexpected page {path}"
            fact = match.group(2)
            names = [name for name in main_form(html).names if name not in NOT_FACTS]
            assert fact in names or f"{fact}-month" in names, f"{path}: fields {names}"
            path, html = self.submit(path, html, answer_for(row, fact))
        raise AssertionError("the interview did not end")

    def result_for(self, rows: list[dict[str, str]]) -> tuple[str, str]:
        path, html = self.start()
        for index, row in enumerate(rows):
            path, html = self.answer_conviction(path, html, row)
            assert path.endswith("/convictions"), path
            more = "yes" if index < len(rows) - 1 else "no"
            path, html = self.submit(path, html, {"add_another": more})
        assert path.endswith("/result"), path
        return path, html
