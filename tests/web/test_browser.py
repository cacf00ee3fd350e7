"""A real browser (Debian's Chromium, headless, driven by Playwright) clicks home → story → article →
sign in → follow, on a server bound to 127.0.0.1, and saves a screenshot of each step.

Skips cleanly when /usr/bin/chromium or the playwright package is absent.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from web_helpers import ADMIN_TOKEN, PASSWORD, USER

from newstrace.web.config import WebSettings
from newstrace.web.serve import BackgroundServer, serve_in_background

CHROMIUM = Path("/usr/bin/chromium")
SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "web_screenshots.py"

# CI sets NEWSTRACE_REQUIRE_BROWSER=1: there a missing browser is a failure, not a skip.
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("NEWSTRACE_REQUIRE_BROWSER"),
    reason="Debian's chromium is not installed",
)


def _screenshots_script() -> ModuleType:
    """The docs script holds the click-through, so the test and the docs run the same steps."""
    spec = importlib.util.spec_from_file_location("web_screenshots", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def server(web_store: Any) -> Iterator[BackgroundServer]:
    running = serve_in_background(web_store.core, "127.0.0.1", 0, WebSettings(admin_token=ADMIN_TOKEN))
    yield running
    running.stop()


def test_click_through_home_story_article_follow(server: BackgroundServer, tmp_path: Path) -> None:
    assert server.url.startswith("http://127.0.0.1:")
    shots = tmp_path / "shots"
    shots.mkdir()
    pytest.importorskip("playwright.sync_api")
    saved = _screenshots_script().click_through(server.url, USER, PASSWORD, shots, tmp_path / "profile")
    assert [p.name for p in saved] == ["01-home.png", "02-story.png", "03-article.png", "04-following.png"]
    assert all(p.stat().st_size > 5_000 for p in saved)
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)
