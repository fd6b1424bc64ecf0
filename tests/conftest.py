"""Shared fixtures: the Flask app (CSRF on, as in production) and a test client."""

from __future__ import annotations

import re

import pytest

from rekenhulp import create_app


@pytest.fixture(scope="session")
def app():
    return create_app({"TESTING": True, "SECRET_KEY": "test"})


@pytest.fixture()
def client(app):
    return app.test_client()


def csrf_token(client, path: str) -> str:
    """GET a form page and return its CSRF token (forms are CSRF-protected)."""
    html = client.get(path).get_data(as_text=True)
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, f"no csrf_token on {path}"
    return m.group(1)
