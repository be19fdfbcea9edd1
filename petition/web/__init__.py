"""The website: a guided interview from the first question to the result and the papers."""

from __future__ import annotations

from flask import Flask
from flask_babel import Babel
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
babel = Babel()


def init_web(app: Flask) -> None:
    from petition.web import (
        access_log,
        clinic,
        clinic_rapsheet,
        errors,
        headers,
        language,
        layout,
        limits,
        pages,
        papers,
        questions_view,
        turns,
    )

    babel.init_app(app, locale_selector=language.current_locale)
    csrf.init_app(app)
    turns.init_app(app)
    language.init_app(app)
    layout.init_app(app)
    app.register_blueprint(pages.blueprint)
    app.register_blueprint(questions_view.blueprint)
    app.register_blueprint(papers.blueprint)
    clinic.init_app(app)
    app.register_blueprint(clinic_rapsheet.blueprint)
    limits.init_app(app)
    headers.init_app(app)
    access_log.init_app(app)
    errors.init_app(app)
