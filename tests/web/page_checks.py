"""The page invariants every rendered page must keep (the GOV.UK Notify admin idea): the
test client runs them on every HTML response, so no test can forget to."""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
from flask.testing import FlaskClient

from petition.languages import BY_CODE, DEFAULT
from petition.translation_check import english_left

ROOT = Path(__file__).resolve().parents[2]
HTML = "{http://www.w3.org/1999/xhtml}"
INVISIBLE = {"script", "style", "title", "head", "template"}


def tag(element) -> str:
    return element.tag.replace(HTML, "")


def visible_text(root) -> str:
    parts = []

    def walk(element, hidden=False):
        name = tag(element) if isinstance(element.tag, str) else ""
        hidden = hidden or name in INVISIBLE
        if element.text and not hidden:
            parts.append(element.text)
        for child in element:
            walk(child, hidden)
            if child.tail and not hidden:
                parts.append(child.tail)

    walk(root)
    return re.sub(r"\s+", " ", " ".join(parts))


def check_language_menu(everything, path: str, query: str) -> None:
    """The menu links to this same page in the other language, so nobody loses their place."""
    prefix = path.strip("/").split("/")[0]
    for element in everything:
        other = element.get("hreflang")
        if tag(element) == "a" and other and prefix in BY_CODE:
            expected = f"/{other}/" + path.strip("/").split("/", 1)[1] if "/" in \
                path.strip("/") else f"/{other}/"
            href = element.get("href").split("?")[0]
            assert href.rstrip("/") == expected.rstrip("/"), f"{path}: menu goes to {href}"


def check_page(html: str, path: str, query: str = "", status: int = 200) -> None:
    """Raise AssertionError naming the first broken invariant."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    root = parser.parse(html)
    everything = list(root.iter())
    h1s = [element for element in everything if tag(element) == "h1"]
    assert len(h1s) == 1, f"{path}: {len(h1s)} h1 elements"
    titles = [element for element in everything if tag(element) == "title"]
    assert len(titles) == 1 and (titles[0].text or "").strip(), f"{path}: no <title>"
    ids = [element.get("id") for element in everything if element.get("id")]
    duplicates = {value for value in ids if ids.count(value) > 1}
    assert not duplicates, f"{path}: duplicate ids {duplicates}"
    lang = root.get("lang")
    assert lang, f"{path}: <html> has no lang"
    prefix = path.strip("/").split("/")[0]
    language = BY_CODE.get(prefix)
    if language:
        assert lang == prefix, f"{path}: lang={lang}"
        assert root.get("dir") == language.direction, f"{path}: dir={root.get('dir')}"
    menu = [element for element in everything if element.get("hreflang")]
    assert all(element.get("lang") and element.get("dir") for element in menu), \
        f"{path}: a language in the menu without its own lang and dir"
    for form in (element for element in everything if tag(element) == "form"):
        tokens = [element for element in form.iter()
                  if tag(element) == "input" and element.get("name") == "csrf_token"
                  and element.get("value")]
        assert tokens, f"{path}: a form without a CSRF token"
    for element in everything:
        for reference in (element.get("aria-describedby") or "").split():
            assert reference in ids, f"{path}: aria-describedby points to missing #{reference}"
        if tag(element) == "label" and element.get("for"):
            assert element.get("for") in ids, f"{path}: label for missing #{element.get('for')}"
    assert not any(element.get("style") for element in everything), f"{path}: inline style"
    if status == 200:  # an error page's menu leads to the start page instead
        check_language_menu(everything, path, query)
    assert not any(tag(element) == "script" and (element.text or "").strip()
                   for element in everything), f"{path}: inline script"
    if language and language != DEFAULT:
        left = english_left(html, language.locale, language.script == "Latn")
        assert not left, f"{path}: English left on a page in {language.name}: {left[:3]}"


class CheckedClient(FlaskClient):
    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and not 300 <= response.status_code < 400:
            check_page(response.get_data(as_text=True), response.request.path,
                       response.request.query_string.decode(), response.status_code)
        return response
