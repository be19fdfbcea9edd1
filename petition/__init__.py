"""Prop 64 record relief assistant: the Flask application factory."""

from __future__ import annotations

import hashlib
import os
import secrets
from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Flask is imported when the app is built, not by `python -m petition`
    from flask import Flask


def development_secret() -> str:
    try:
        with open("/proc/sys/kernel/random/boot_id") as boot:
            boot_id = boot.read().strip()
    except OSError:
        return secrets.token_hex(32)
    return hashlib.sha256(f"prop64-dev:{boot_id}:{__file__}".encode()).hexdigest()


def create_app(test_config: dict | None = None) -> Flask:
    from flask import Flask

    app = Flask(__name__, template_folder="../templates")
    app.config.from_mapping(
        # Production sets SECRET_KEY. Without it, a development key that every gunicorn
        # worker on this machine derives alike (so sessions work across workers) and that
        # changes at every boot.
        SECRET_KEY=os.environ.get("SECRET_KEY") or development_secret(),
        SESSION_COOKIE_SECURE=os.environ.get("SESSION_COOKIE_SECURE", "").lower()
        in ("1", "true", "yes"),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        # Answers live only in the signed cookie and are forgotten after 30 idle minutes:
        # the session is permanent (so it has a lifetime) and refreshed on every request.
        PERMANENT_SESSION_LIFETIME=timedelta(minutes=30),
        SESSION_REFRESH_EACH_REQUEST=True,
        WTF_CSRF_TIME_LIMIT=None,  # the session's own 30 minutes bound the token
        MAX_CONTENT_LENGTH=32 * 1024,  # every form here is a few hundred bytes
        SEND_FILE_MAX_AGE_DEFAULT=3600,  # static assets only; pages are never cached
        BABEL_TRANSLATION_DIRECTORIES=os.path.join(os.path.dirname(__file__), "..", "translations"),
        BABEL_DEFAULT_LOCALE="en",
    )
    if test_config:
        app.config.update(test_config)
    if not os.environ.get("SECRET_KEY") and not (test_config or {}).get("SECRET_KEY"):
        app.logger.warning("SECRET_KEY is not set: using a development key")

    from petition.cli import screen_command

    app.cli.add_command(screen_command)

    from petition.web import init_web

    init_web(app)
    return app
