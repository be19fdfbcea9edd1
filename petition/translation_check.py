"""Is each language complete and consistent? `python -m petition translations-check`.

For every language other than English it reports: each catalogue's completeness (empty and
fuzzy entries), entries that lost or changed a placeholder, how consistently the glossary's
terms are used (translations/GLOSSARY.md, one section per language), and English sentences
left on the rendered pages of the interview's path (every public worked case, the result,
the papers, the print view, the glossary, How we decide and the clinic).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from petition.web.scripted_resident import FlaskClientHTTP, Interview

TRANSLATIONS = Path(__file__).resolve().parents[1] / "translations"
GLOSSARY = TRANSLATIONS / "GLOSSARY.md"
DOMAINS = ("messages", "documents")
PLACEHOLDER = re.compile(r"%\(\w+\)s|%%")


@lru_cache(maxsize=32)
def catalogue(locale: str, domain: str = "messages") -> Catalog:
    with open(TRANSLATIONS / locale / "LC_MESSAGES" / f"{domain}.po", "rb") as po:
        return read_po(po, locale=locale)


@dataclass
class CatalogueReport:
    domain: str
    total: int = 0
    untranslated: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    broken_placeholders: list[str] = field(default_factory=list)


def catalogue_report(locale: str, domain: str, messages: Catalog | None = None
                     ) -> CatalogueReport:
    report = CatalogueReport(domain)
    for message in catalogue(locale, domain) if messages is None else messages:
        if not message.id:
            continue
        report.total += 1
        if not message.string:
            report.untranslated.append(message.id)
        elif Counter(PLACEHOLDER.findall(message.id)) != Counter(
                PLACEHOLDER.findall(message.string)):
            report.broken_placeholders.append(message.id)
        if message.fuzzy:
            report.fuzzy.append(message.id)
    return report


# -- Glossary ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Term:
    english: tuple[str, ...]  # the English forms to look for in a msgid
    chosen: tuple[str, ...]  # the forms of the chosen term, any of which counts as used


SECTION = re.compile(r"^## .*\(`([\w-]+)`\)\s*$")
PARENTHESES = re.compile(r"\([^)]*\)|\"|“|”|«|»")


def variants(cell: str) -> tuple[str, ...]:
    """ "dismiss / dismissed (DA)" -> ("dismiss", "dismissed"): what a sentence would contain."""
    forms = (PARENTHESES.sub("", part).strip() for part in re.split(r"\s/\s|;", cell))
    return tuple(form for form in forms if len(form) > 1)


def glossary_terms(locale: str, text: str | None = None) -> list[Term]:
    """The rows of the glossary section for ``locale``: | English | chosen term | source |."""
    text = GLOSSARY.read_text("utf-8") if text is None else text
    terms, current = [], None
    for line in text.splitlines():
        heading = SECTION.match(line)
        if heading:
            current = heading[1]
            continue
        if line.startswith("### "):  # a subsection (a review's findings) is not terms
            current = None
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if current != locale or not line.startswith("|") or len(cells) < 2:
            continue
        if set(cells[0]) <= set("-: ") or cells[0].lower() == "english":
            continue  # the header and its rule
        english, chosen = variants(cells[0]), variants(cells[1])
        if english and chosen:
            terms.append(Term(english, chosen))
    return terms


@dataclass
class TermUse:
    term: Term
    uses: int = 0
    missing: list[str] = field(default_factory=list)  # msgids whose translation lacks it


def glossary_report(locale: str, catalogues: list[Catalog] | None = None,
                    terms: list[Term] | None = None) -> list[TermUse]:
    """For each glossary term: the entries whose English uses it, and those whose
    translation uses none of the chosen forms."""
    catalogues = catalogues if catalogues is not None else [
        catalogue(locale, domain) for domain in DOMAINS]
    terms = terms if terms is not None else glossary_terms(locale)
    report = []
    for term in terms:
        alternatives = "|".join(map(re.escape, term.english))
        english = re.compile(rf"\b(?:{alternatives})\b", re.I)
        chosen = [form.casefold() for form in term.chosen]
        use = TermUse(term)
        for messages in catalogues:
            for message in messages:
                if message.id and message.string and english.search(message.id):
                    use.uses += 1
                    if not any(form in message.string.casefold() for form in chosen):
                        use.missing.append(message.id)
        report.append(use)
    return report


# -- English left on a page -------------------------------------------------------------------

class VisibleText(HTMLParser):
    """The text a reader sees: not the head, scripts, styles, or what is marked English."""

    HIDDEN = frozenset({"head", "script", "style", "template", "title"})
    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                      "meta", "source", "track", "wbr"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden_depth = 0  # open elements inside a hidden one, itself included

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        if self.hidden_depth or tag in self.HIDDEN or (tag != "html" and ("lang", "en") in attrs):
            self.hidden_depth += 1

    def handle_endtag(self, tag):
        if self.hidden_depth and tag not in self.VOID:
            self.hidden_depth -= 1

    def handle_data(self, data):
        if not self.hidden_depth:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


@lru_cache(maxsize=16)
def english_only_texts(locale: str) -> frozenset[str]:
    """Sentences of the catalogue that this language translates differently: seeing one on
    a page in this language means something was left in English. The fixed text before the
    first placeholder is compared, when it is at least two words."""
    messages = [message for message in catalogue(locale, "messages")
                if message.id and isinstance(message.id, str) and message.string]
    # English a translator gives in brackets on purpose ("… (dismissed and sealed)").
    bracketed = {kept.casefold() for message in messages
                 for kept in re.findall(r"\(([A-Za-z][^()]*)\)", message.string)}
    texts = set()
    for message in messages:
        if message.string != message.id:
            head = re.split(r"%\(\w+\)s", message.id)[0].strip()
            if (len(head.split()) >= 2 and head not in message.string
                    and head.casefold() not in bracketed):
                texts.add(head)
    return frozenset(texts)


# Four or more English-looking words in a row, outside what is marked English: on a page in a
# language not written in Latin letters, text that never went through the catalogue.
LATIN_RUN = re.compile(r"\b[A-Za-z][a-z']+(?:[ ,]+[A-Za-z][a-z']+){3,}")


def english_left(html: str, locale: str, latin_script: bool = True) -> list[str]:
    text = visible_text(html)
    found = {english for english in english_only_texts(locale) if english in text
             and re.search(rf"(?<!\w){re.escape(english)}(?!\w)", text)}  # whole words
    if not latin_script:
        found.update(LATIN_RUN.findall(text))
    return sorted(found)


# -- The pages of the path, in one language ---------------------------------------------------

CASES = Path(__file__).resolve().parents[1] / "tests" / "rules" / "public_cases.csv"
OTHER_PAGES = ("/result/print", "/details", "/papers", "/glossary", "/how-we-decide",
               "/clinic", "/convictions/1/remove", "/no-such-page")


class ReadingHTTP(FlaskClientHTTP):
    """The scripted resident's transport, reading every page it is shown for English."""

    def __init__(self, client, language, found: dict[str, set[str]]):
        super().__init__(client)
        self.language, self.found = language, found

    def answer(self, path, response):
        if response.mimetype == "text/html" and response.status_code != 302:
            self.found.setdefault(path, set()).update(english_left(
                response.get_data(True), self.language.locale, self.language.script == "Latn"))
        return super().answer(path, response)


def english_on_pages(language, rows: list[dict[str, str]]) -> dict[str, set[str]]:
    """path -> English sentences found there, for every page a resident sees for each worked
    case in ``language``."""
    from petition import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "translation-check",
                      "RATELIMIT_ENABLED": False})
    found: dict[str, set[str]] = {}
    for row in rows:
        http = ReadingHTTP(app.test_client(), language, found)
        Interview(http, language.code).result_for([row])
        for page in OTHER_PAGES:
            http.get(f"/{language.code}{page}")
    return found
