"""The page invariants every rendered page must keep (the GOV.UK Notify admin idea): the
test client runs them on every HTML response, so no test can forget to."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import html5lib
from babel.messages.pofile import read_po
from flask.testing import FlaskClient

ROOT = Path(__file__).resolve().parents[2]
HTML = "{http://www.w3.org/1999/xhtml}"
INVISIBLE = {"script", "style", "title", "head", "template"}


def tag(element) -> str:
    return element.tag.replace(HTML, "")


@lru_cache(maxsize=1)
def english_only_texts() -> frozenset[str]:
    """Catalogue texts that Spanish translates differently: seeing one on a Spanish page
    means something was left untranslated."""
    with open(ROOT / "translations/es/LC_MESSAGES/messages.po", "rb") as po:
        catalogue = read_po(po)
    texts = set()
    for message in catalogue:
        if not message.id or not isinstance(message.id, str):
            continue
        english = message.id
        if message.string and message.string != english and len(english.split()) >= 2:
            # Compare the fixed text before the first placeholder.
            head = re.split(r"%\(\w+\)s", english)[0].strip()
            if len(head.split()) >= 2:
                texts.add(head)
    return frozenset(texts)


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
        if tag(element) == "a" and other and prefix in ("en", "es"):
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
    if prefix in ("en", "es"):
        assert lang == prefix, f"{path}: lang={lang}"
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
    if lang == "es":
        text = visible_text(root)
        left = sorted(english for english in english_only_texts() if english in text)
        assert not left, f"{path}: untranslated English on a Spanish page: {left[:3]}"


class CheckedClient(FlaskClient):
    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and response.status_code != 302:
            check_page(response.get_data(as_text=True), response.request.path,
                       response.request.query_string.decode(), response.status_code)
        return response
