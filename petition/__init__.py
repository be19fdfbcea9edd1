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


class MissingSecretKey(RuntimeError):
    """Production needs a SECRET_KEY of its own: the session cookie is sealed with it."""


def development_mode(test_config: dict) -> bool:
    """Testing, debugging, the `flask` command or `make run` (PETITION_DEVELOPMENT=1); anything
    else (gunicorn in a container) is production."""
    return bool(test_config.get("TESTING") or test_config.get("DEBUG")
                or os.environ.get("FLASK_DEBUG", "").lower() in TRUE
                or os.environ.get("FLASK_RUN_FROM_CLI") == "true"
                or os.environ.get("PETITION_DEVELOPMENT", "").lower() in TRUE)


TRUE = ("1", "true", "yes")


def create_app(test_config: dict | None = None) -> Flask:
    from flask import Flask

    test_config = test_config or {}
    development = development_mode(test_config)
    secret = os.environ.get("SECRET_KEY") or test_config.get("SECRET_KEY")
    if not secret and not development:
        raise MissingSecretKey(
            "SECRET_KEY is not set. Set it to a long random string (for example the output of "
            "`python3 -c 'import secrets; print(secrets.token_urlsafe(48))'`), or set "
            "PETITION_DEVELOPMENT=1 on a development machine.")
    secure_cookie = os.environ.get("SESSION_COOKIE_SECURE", "").lower()

    app = Flask(__name__, template_folder="../templates")
    app.config.from_mapping(
        # Without SECRET_KEY (development only): a key that every gunicorn worker on this
        # machine derives alike (so sessions work across workers) and that changes at boot.
        SECRET_KEY=secret or development_secret(),
        # Old keys still open cookies sealed before a rotation (comma-separated).
        SECRET_KEY_FALLBACKS=[key for key in os.environ.get("SECRET_KEY_FALLBACKS", "")
                              .split(",") if key.strip()],
        # Production is served over HTTPS only; development on plain http://127.0.0.1.
        SESSION_COOKIE_SECURE=(secure_cookie in TRUE) if secure_cookie else not development,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        # Answers live only in the sealed cookie, a browser-session cookie (closing the
        # browser forgets it); the server refuses one left idle for 30 minutes.
        PERMANENT_SESSION_LIFETIME=timedelta(minutes=30),
        WTF_CSRF_TIME_LIMIT=None,  # the session's own 30 minutes bound the token
        MAX_CONTENT_LENGTH=32 * 1024,  # every form here is a few hundred bytes
        SEND_FILE_MAX_AGE_DEFAULT=3600,  # static assets only; pages are never cached
        BABEL_TRANSLATION_DIRECTORIES=os.path.join(os.path.dirname(__file__), "..", "translations"),
        BABEL_DEFAULT_LOCALE="en",
        # Packets rendered at once in one worker; more get a 503 with Retry-After, so the
        # question pages stay fast (each packet costs about 0.4 CPU-seconds).
        PACKET_RENDERS_PER_WORKER=int(os.environ.get("PACKET_RENDERS_PER_WORKER", "1")),
        # How many proxies in front set X-Forwarded-Proto/-For (nginx in compose.yaml: 1).
        TRUSTED_PROXIES=int(os.environ.get("TRUSTED_PROXIES", "0")),
        DEVELOPMENT=development,
    )
    app.config.update(test_config)
    if not secret:
        app.logger.warning("SECRET_KEY is not set: using a development key")
    if app.config["TRUSTED_PROXIES"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        count = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=0)

    from petition.web.sealed_session import SealedSessionInterface

    app.session_interface = SealedSessionInterface()

    from petition.cli import screen_command

    app.cli.add_command(screen_command)

    from petition.web import init_web

    init_web(app)
    return app
