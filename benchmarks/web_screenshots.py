"""Screenshots of the web UI for the docs: home → story → article → sign in → follow → notifications,
on a phone.

    .venv/bin/python benchmarks/web_screenshots.py [--out benchmarks/out/web] [--articles 277]

Builds a store in a temporary folder from the bundled ECB+ sample (CC BY 3.0) through the core's own
ingest, serves it on 127.0.0.1 in a background thread, and drives Debian's Chromium (headless, fresh
profile, no network services) with Playwright; ``tests/web/test_browser.py`` runs the same steps.
Prints one line per screenshot saved.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}


@dataclass(slots=True)
class ClickThrough:
    saved: list[Path]  # the screenshots, in order
    followed: tuple[str, str]  # (kind, value) of what the follow button on the story page followed
    push_status: str  # what the page said after "enable notifications" was clicked
    worker_scope: str | None  # the service worker's scope once registered


def click_through(base_url: str, user: str, password: str, shots: Path, profile: Path) -> ClickThrough:
    """Home → biggest story → its first article → sign in → follow the story's first entity → enable
    notifications; a screenshot a step.

    Raises AssertionError when a step does not show what it should or the page logs an error
    (a Content-Security-Policy violation, a missing resource, a script error).
    """
    from playwright.sync_api import expect, sync_playwright

    saved: list[Path] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(  # a fresh profile folder each run
            str(profile), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, viewport=PHONE
        )
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

            def shot(name: str) -> None:
                path = shots / f"{len(saved) + 1:02d}-{name}.png"
                page.screenshot(path=str(path), full_page=name not in ("story", "story-claims"))
                saved.append(path)

            page.goto(base_url + "?order=biggest")
            expect(page.locator("#stories .card").first).to_be_visible()
            shot("home")
            title = page.locator("#stories .card a.title").first.inner_text()
            page.locator("#stories .card a.title").first.click()
            expect(page.locator("h1")).to_have_text(title)
            expect(page.locator("svg.timeline, p.empty").first).to_be_visible()
            story_url = page.url
            shot("story")
            page.locator("#claims").scroll_into_view_if_needed()
            shot("story-claims")
            page.locator("ol.articles a").first.click()
            expect(page.locator("article.article h1")).to_be_visible()
            shot("article")
            page.goto(base_url + "login")
            page.fill("input[name=name]", user)
            page.fill("input[name=password]", password)
            page.click("form.login button")
            expect(page.locator("text=Sign out")).to_be_visible()
            page.goto(story_url)
            form = page.locator("div.story-follows form.follow").first
            followed = (
                form.locator("input[name=kind]").get_attribute("value") or "",
                form.locator("input[name=value]").get_attribute("value") or "",
            )
            form.locator("button").click()
            expect(page.locator("h1")).to_have_text("Following")
            expect(page.locator("#follows a.followed", has_text=followed[1]).first).to_be_visible()
            expect(page.locator("#follows a.feed").first).to_be_visible()
            shot("following")
            browser.grant_permissions(["notifications"], origin=base_url.rstrip("/"))
            page.locator("#enable-notifications").click()
            status = page.locator("#push-status")
            expect(status).not_to_have_text("", timeout=20_000)
            scope = page.evaluate(
                "navigator.serviceWorker.getRegistration('/').then(r => r ? r.scope : null)"
            )
            shot("notifications")
            assert errors == [], errors
            result = ClickThrough(saved, followed, status.inner_text(), scope)
        finally:
            browser.close()
    return result


def build_sample_core(folder: Path, articles: int) -> Any:
    from newstrace.app import Newstrace, sample_documents
    from newstrace.settings import Settings

    core = Newstrace.open(Settings(data_dir=str(folder), load_sample=False))
    core.ingest_documents(itertools.islice(sample_documents(), articles))
    return core


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "out" / "web"))
    parser.add_argument("--articles", type=int, default=277, help="how many sample articles to load")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        sys.exit("needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")
    from newstrace.web.auth import create_account
    from newstrace.web.serve import serve_in_background

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newstrace-shots-") as temp:
        core = build_sample_core(Path(temp) / "store", args.articles)
        user, password = "docs", "screenshots only"
        create_account(core.store, user, password)
        server = serve_in_background(core, "127.0.0.1", 0)
        try:
            done = click_through(server.url, user, password, out, Path(temp) / "profile")
            for path in done.saved:
                print(path)
            print(f"followed {done.followed[0]} {done.followed[1]!r}; notifications: {done.push_status}")
        finally:
            server.stop()
            core.close()


if __name__ == "__main__":
    main()
