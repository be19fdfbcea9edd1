"""The header, footer and numbered next steps that pages share, rendered once per language
and place.

They hold no answers: the header depends only on the language and the page's address (for
the language menu), the footer only on the language (plus the person's CSRF token, put in
after), the next steps only on the county's data and the legal outcomes (petition/next_steps.py:
legal categories, which design.md allows to keep in memory). Caching them halves the work of
a typical page (benchmarks/pages.py).
"""

from __future__ import annotations

from functools import lru_cache

from flask import current_app, render_template, url_for
from markupsafe import Markup, escape

from petition.web.language import current_language, same_page_in_every_language

TOKEN_SLOT = "\x00csrf\x00"  # cannot come from a template or a person: control characters


def init_app(app) -> None:
    @app.context_processor
    def shared_layout():
        return {"site_header": site_header, "site_footer": site_footer,
                "static_url": static_url, "process_list": process_list}


def site_header() -> Markup:
    language = current_language()
    others = tuple((code, url) for code, url in same_page_in_every_language().items()
                   if code != language.code)
    return header_for(current_app._get_current_object(), language.code, others)


@lru_cache(maxsize=2048)
def header_for(app, code: str, others: tuple[tuple[str, str], ...]) -> Markup:
    return Markup(render_template("_header.html", other_urls=dict(others)))


def site_footer(csrf_token: str) -> Markup:
    footer = footer_for(current_app._get_current_object(), current_language().code)
    return Markup(footer.replace(TOKEN_SLOT, str(escape(csrf_token))))


@lru_cache(maxsize=16)
def footer_for(app, code: str) -> str:
    return str(render_template("_footer.html", token_slot=TOKEN_SLOT))


def static_url(filename: str) -> str:
    return static_url_for(current_app._get_current_object(), filename)


@lru_cache(maxsize=64)
def static_url_for(app, filename: str) -> str:
    return url_for("static", filename=filename)


def process_list(steps, level: int = 3, written_out: bool = False) -> Markup:
    """The numbered steps (USWDS process list) of templates/_next_steps.html."""
    return process_list_for(current_app._get_current_object(), current_language().code,
                            tuple(steps), level, written_out)


@lru_cache(maxsize=1024)
def process_list_for(app, code: str, steps: tuple, level: int, written_out: bool) -> Markup:
    from petition.web.describe import step_words

    macro = app.jinja_env.get_template("_next_steps.html").module.process_list
    return Markup(macro(steps, step_words, level, written_out))
