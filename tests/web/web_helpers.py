"""Helpers shared by the web tests: the fixture account, the admin token, clients, signing in."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from newstrace.web.app import create_app
from newstrace.web.config import WebSettings
from newstrace.web.security import CSRF_COOKIE

SAMPLE_ARTICLES = 80  # ECB+ topics 1–4 or so: several multi-article stories, quick to ingest
ADMIN_TOKEN = "test-admin-token-0123456789"
USER, PASSWORD = "reader", "correct horse battery"

BEARER = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


def make_client(core: Any, **settings: object) -> TestClient:
    web = WebSettings(admin_token=ADMIN_TOKEN, **settings)  # type: ignore[arg-type]
    return TestClient(create_app(core, web), base_url="http://127.0.0.1")


def csrf_token(client: TestClient) -> str:
    """Visit a page so the CSRF cookie is set, and return its value."""
    client.get("/login")
    token = client.cookies.get(CSRF_COOKIE)
    assert token
    return token


def sign_in(client: TestClient) -> str:
    """Sign in with the fixture account through the form; return the CSRF token."""
    token = csrf_token(client)
    response = client.post(
        "/login", data={"name": USER, "password": PASSWORD, "csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    return token
