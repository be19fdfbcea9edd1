"""Jinja for the papers, without Flask: the command line has no app context.

One environment per locale, made once and kept: each has its own gettext installed, so two
packets in two languages can be rendered at the same time without sharing state. The
catalogue is the ``documents`` domain (translations/<locale>/LC_MESSAGES/documents.po), kept
apart from the site's ``messages`` so the papers and the pages never edit each other's text.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from petition.documents.typed_text import finalize

TEMPLATES = Path(__file__).parent / "templates"
TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
DOMAIN = "documents"


def catalogue(locale: str) -> NullTranslations:
    """The compiled catalogue when `make` has built it from the current .po; otherwise the
    .po compiled in memory, so a fresh checkout, a test run before `make`, or a .po edited
    since the last `make` still prints today's Spanish, never a stale or English page."""
    if locale == "en":
        return NullTranslations()
    folder = TRANSLATIONS / locale / "LC_MESSAGES"
    source, compiled = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if not source.is_file():
        return NullTranslations()
    if compiled.is_file() and compiled.stat().st_mtime >= source.stat().st_mtime:
        return Translations.load(str(TRANSLATIONS), [locale], domain=DOMAIN)
    with source.open("rb") as po:
        messages = read_po(po, locale=locale, domain=DOMAIN)
    buffer = BytesIO()
    write_mo(buffer, messages)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def us_date(day: date | None) -> str:
    """Court papers: the MM/DD/YYYY California forms use."""
    return day.strftime("%m/%d/%Y") if day else ""


@cache  # one per language, a handful
def environment_for(locale: str) -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=finalize,
    )
    environment.policies["ext.i18n.trimmed"] = True
    environment.install_gettext_translations(catalogue(locale), newstyle=True)
    environment.filters["us_date"] = us_date
    environment.filters["long_date"] = lambda day: format_date(day, "long", locale=locale)
    return environment
