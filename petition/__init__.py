"""Prop 64 record relief assistant: the Flask application factory."""

from __future__ import annotations

from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, template_folder="../templates")
    app.config.from_mapping(SECRET_KEY="dev-only-change-me")
    if test_config:
        app.config.update(test_config)

    from petition.cli import screen_command

    app.cli.add_command(screen_command)

    @app.get("/")
    def start():
        return "Prop 64 record relief assistant"

    return app
