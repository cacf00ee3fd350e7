"""Serving beside the main job: a real uvicorn server on 127.0.0.1 in a thread, and its settings."""

from __future__ import annotations

from typing import Any

import httpx

from newstrace.settings import load_settings
from newstrace.web.config import WebSettings, web_settings
from newstrace.web.serve import serve_in_background


def test_background_server_answers_on_loopback_and_stops(web_store: Any) -> None:
    server = serve_in_background(web_store.core, "127.0.0.1", 0)
    try:
        assert server.url.startswith("http://127.0.0.1:") and not server.url.endswith(":0/")
        response = httpx.get(server.url + "api/stories", timeout=10)
        assert response.status_code == 200 and response.json()["counts"]["articles"] > 0
        assert "server" not in response.headers
    finally:
        server.stop()
    assert not server.thread.is_alive()


def test_web_settings_from_the_environment() -> None:
    env = {
        "NEWSTRACE_WEB_ADMIN_TOKEN": "t0k3n",
        "NEWSTRACE_WEB_ANONYMOUS_READ": "false",
        "NEWSTRACE_WEB_PAGE_SIZE": "50",
        "NEWSTRACE_OTHER": "x",
    }
    settings = web_settings(load_settings(environ=env))
    assert settings == WebSettings(admin_token="t0k3n", anonymous_read=False, page_size=50)
    assert web_settings(load_settings(environ={})) == WebSettings()
