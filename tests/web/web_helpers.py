"""Helpers shared by the web tests: the fixture account, the admin token, clients, signing in, and the
provenance fixture story."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from fastapi.testclient import TestClient

from newstrace.records import Story
from newstrace.web.app import create_app
from newstrace.web.config import WebSettings
from newstrace.web.security import CSRF_COOKIE
from story_fixture import FixtureStory, load_fixture_story

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


def store_fixture_story(store: Any, story_id: int = 1) -> FixtureStory:
    """Save the fixture story's articles (with their labelled claims) into an empty store as one story."""
    fixture = load_fixture_story()
    for article in fixture.articles:
        saved = store.save_article(replace(article, id=None), None, fixture.claims[str(article.id)], [])
        assert saved.article_id == article.id, "an empty store numbers articles from 1"
        store.set_story(saved.article_id, story_id, None)
    times = [a.published for a in fixture.articles if a.published]
    store.save_story(
        Story(story_id, fixture.articles[0].title, min(times), max(times), len(fixture.articles),
              sorted({a.source for a in fixture.articles if a.source}), ["Tara Reid", "Promises"], [], ["en"])
    )  # fmt: skip
    return fixture
