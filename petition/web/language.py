"""The language of every page comes from the URL prefix (/en/..., /es/...), so a link,
a bookmark or a POST always comes back in the language the person chose."""

from __future__ import annotations

from functools import lru_cache

from flask import Flask, abort, g, redirect, request, url_for
from jinja2 import pass_context
from markupsafe import Markup

from petition.english_terms import mark_english
from petition.languages import BY_CODE, DEFAULT, LANGUAGES, Language
from petition.web.translation import request_translations


def init_app(app: Flask) -> None:
    app.add_url_rule("/", "root", root)

    @app.url_value_preprocessor
    def take_language_from_url(endpoint, values):
        if values and "lang" in values:
            code = values.pop("lang")
            if code not in BY_CODE:
                g.language = preferred_language()
                abort(404)
            g.language = BY_CODE[code]

    @app.url_defaults
    def keep_language_in_urls(endpoint, values):
        if "lang" not in values and takes_language(app, endpoint):
            values["lang"] = current_language().code

    # Templates call gettext dozens of times a page: look the catalogue up once a request
    # rather than once a string (Flask-Babel's own callables re-resolve it every time).
    app.jinja_env.install_gettext_callables(
        gettext=lambda text: request_translations().ugettext(text),
        ngettext=lambda one, many, n: request_translations().ungettext(one, many, n),
        newstyle=True,
    )

    @app.after_request
    def keep_english_terms_english(response):
        if (current_language() != DEFAULT and response.mimetype == "text/html"
                and not response.is_streamed):
            response.set_data(mark_english(response.get_data(as_text=True)))
        return response

    @app.context_processor
    def language_menu():
        return {"language": current_language(), "languages": LANGUAGES,
                "same_page_in": same_page_in, "_": page_gettext()}


@lru_cache(maxsize=512)
def takes_language(app: Flask, endpoint: str) -> bool:
    """Whether the endpoint's URL has the language prefix (its rules are fixed once the
    app serves; asking the URL map walks them all, for each url_for)."""
    return app.url_map.is_endpoint_expecting(endpoint, "lang")


def page_gettext():
    """The templates' ``_`` bound to this request's catalogue once per page, with the
    meaning of Jinja's newstyle gettext (escaped, always %-formatted): the global ``_``
    finds the catalogue again for each of a page's hundred strings."""
    translations = request_translations()

    @pass_context
    def gettext(context, text: str, **variables) -> str:
        translated = translations.ugettext(text)
        if context.eval_ctx.autoescape:
            translated = Markup(translated)
        return translated % variables

    return gettext


def preferred_language() -> Language:
    best = request.accept_languages.best_match([language.code for language in LANGUAGES])
    return BY_CODE.get(best or "", DEFAULT)


def current_language() -> Language:
    language = g.get("language")
    if language is None:
        # A page that matched no route (a 404) still speaks the language of its prefix.
        prefix = request.path.strip("/").split("/")[0]
        language = g.language = BY_CODE.get(prefix) or preferred_language()
    return language


def current_locale() -> str:
    return current_language().locale


# The only query parameter a page of ours reads; others are not carried over (and must not
# be: url_for gives meaning to names such as `_external` or `lang`).
KEPT_QUERY = ("change",)


def same_page_in(language: Language) -> str:
    """The page the person is on, in another language: answers stay in the session."""
    if request.endpoint and request.url_rule and "lang" in request.url_rule.arguments:
        args = {key: value for key, value in (request.view_args or {}).items() if key != "lang"}
        args.update({key: request.args[key] for key in KEPT_QUERY if key in request.args})
        return url_for(request.endpoint, lang=language.code, **args)
    return url_for("pages.start", lang=language.code)


def same_page_in_every_language() -> dict[str, str]:
    """``same_page_in`` for each language, from one URL built: only the prefix differs
    (building ten URLs was a tenth of a question page's time)."""
    here = current_language()
    url = same_page_in(here)
    prefix = f"{request.script_root}/{here.code}/"
    if not url.startswith(prefix):
        return {language.code: same_page_in(language) for language in LANGUAGES}
    rest = url[len(prefix):]
    return {language.code: f"{request.script_root}/{language.code}/{rest}"
            for language in LANGUAGES}


def root():
    return redirect(url_for("pages.start", lang=preferred_language().code))
