"""Hostile article text is escaped everywhere; links are http(s) only; every response has the headers."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newstrace.web.security import CONTENT_SECURITY_POLICY, safe_href


class _LiveMarkup(HTMLParser):
    """What a browser would treat as live: script-capable elements, event handlers, script URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.in_svg = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_svg = self.in_svg or tag == "svg"
        own_script = tag == "script" and attrs == [("src", "/static/push.js"), ("defer", None)]
        if tag in {"script", "img", "iframe", "object", "embed", "b"} and not own_script:
            self.found.append(f"<{tag}>")
        if tag == "svg" and not any(k == "class" and v and v.startswith("chart") for k, v in attrs):
            self.found.append("<svg> not drawn by the server")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if (
                name in {"href", "src", "action"}
                and value
                and value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
            ):
                self.found.append(f"{tag} {name}={value}")


def live_markup(html: str) -> list[str]:
    parser = _LiveMarkup()
    parser.feed(html)
    return parser.found


def _hostile_pages(web_store: Any, client: TestClient) -> list[str]:
    article = client.get(f"/api/articles/{web_store.hostile_id}").json()
    story_id = article["article"]["story_id"]
    return [
        f"/articles/{web_store.hostile_id}",
        f"/articles/{web_store.hostile_link_id}",
        f"/stories/{story_id}",
        "/",
        "/search?q=minister",
        "/search?q=%3Cscript%3E",
        "/sources",
        "/?outlet=%3Cscript%3Ealert(1)%3C/script%3E",
    ]


def test_hostile_text_never_becomes_markup(client: TestClient, web_store: Any) -> None:
    for page in _hostile_pages(web_store, client):
        html = client.get(page).text
        assert live_markup(html) == [], page
    article = client.get(f"/articles/{web_store.hostile_id}").text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=alert(1)&gt;" in article


def test_hostile_text_stays_text_for_a_signed_in_reader(
    client: TestClient, web_store: Any, signed_in: str
) -> None:
    hostile = '<script>alert(1)</script> "onmouseover=alert(2)'
    for kind in ["query", "entity"]:
        response = client.post(
            "/api/following", json={"kind": kind, "value": hostile}, headers={"X-CSRF-Token": signed_in}
        )
        assert response.status_code == 201, response.text
    pages = [*_hostile_pages(web_store, client), "/following", "/alerts", f"/search?q={hostile}"]
    for page in pages:
        html = client.get(page).text
        assert live_markup(html) == [], page
    following = client.get("/following").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in following


def test_claims_are_marked_inside_escaped_text(client: TestClient, web_store: Any) -> None:
    html = client.get(f"/articles/{web_store.hostile_id}").text
    claims = client.get(f"/api/articles/{web_store.hostile_id}/claims").json()
    marked = {
        c["certainty"]
        for c in claims
        if c["sentence"]
        in " ".join(client.get(f"/api/articles/{web_store.hostile_id}").json()["article"]["body"])
    }
    for certainty in marked:
        assert f'<span class="claim c-{certainty}"' in html
    cues = [cue for c in claims for cue in c["cues"]]
    if cues:
        assert f'<mark class="cue">{cues[0]}</mark>' in html


def test_javascript_urls_are_not_links(client: TestClient, web_store: Any) -> None:
    if web_store.hostile_link_id is None:
        pytest.skip("the extractor refused the javascript: address")
    stored = client.get(f"/api/articles/{web_store.hostile_link_id}").json()["article"]
    html = client.get(f"/articles/{web_store.hostile_link_id}").text
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert not [h for h in hrefs if not h.startswith(("/", "http://", "https://"))], hrefs
    if stored["url"]:
        assert stored["url"] not in hrefs


def test_security_headers_on_pages_and_api(client: TestClient) -> None:
    for path in ["/", "/api/stories", "/static/site.css", "/api/stories/999999", "/login"]:
        headers = client.get(path).headers
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "same-origin"
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY and "unsafe-inline" not in CONTENT_SECURITY_POLICY


def test_pages_carry_no_inline_script(client: TestClient) -> None:
    html = client.get("/").text
    assert "<script" not in html and " style=" not in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("//evil.example/x", None),
        ("https://exa\nmple.org", None),
        ("vbscript:msgbox", None),
        (None, None),
    ],
)
def test_safe_href(url: str | None, expected: str | None) -> None:
    assert safe_href(url) == expected
