"""Shared fixtures: the app, and a test client that checks every page it receives."""

from __future__ import annotations

import pytest

from tests.web.page_checks import CheckedClient


@pytest.fixture
def app():
    from petition import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret-key"})
    app.test_client_class = CheckedClient
    return app


@pytest.fixture
def client(app):
    return app.test_client()
