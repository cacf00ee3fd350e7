"""Following through the core's alert subscriptions: follow, unfollow, Atom feeds, alerts, Web Push."""

from __future__ import annotations

import gzip
import json
import re
from importlib import resources
from typing import Any
from xml.etree import ElementTree as ET

from fastapi.testclient import TestClient
from web_helpers import BEARER, SAMPLE_ARTICLES, USER, make_client, sign_in

from newstrace.web.security import CONTENT_SECURITY_POLICY

ATOM = "{http://www.w3.org/2005/Atom}"


def _sample_record(index: int) -> tuple[bytes, dict]:
    ref = resources.files("newstrace") / "data" / "sample" / "ecbplus-sample.jsonl.gz"
    with ref.open("rb") as packed:
        lines = [line for line in gzip.decompress(packed.read()).splitlines() if line.strip()]
    return lines[index], json.loads(lines[index])


def _follow(client: TestClient, token: str, kind: str, value: str) -> dict:
    response = client.post(
        "/api/following", json={"kind": kind, "value": value}, headers={"X-CSRF-Token": token}
    )
    assert response.status_code == 201, response.text
    return next(f for f in client.get("/api/following").json()["items"] if f["id"] == response.json()["id"])


def test_a_follow_has_an_atom_feed_behind_a_key(client: TestClient, signed_in: str) -> None:
    item = _follow(client, signed_in, "topic", "elections")
    feed = client.get(item["feed_url"])
    assert feed.status_code == 200 and feed.headers["content-type"].startswith("application/atom+xml")
    assert feed.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    root = ET.fromstring(feed.content)
    assert root.tag == ATOM + "feed" and "elections" in (root.findtext(ATOM + "title") or "")
    client.cookies.clear()  # a feed reader has no session: the key is enough
    assert client.get(item["feed_url"]).status_code == 200
    path = item["feed_url"].split("?")[0]
    assert client.get(path).status_code == 404
    assert client.get(path, params={"key": "A" * 43}).status_code == 404
    other = path.replace(f"/{item['id']}/", f"/{item['id'] + 1}/")
    assert client.get(other, params={"key": item["feed_url"].split("key=")[1]}).status_code == 404


def test_only_the_owner_can_unfollow(client: TestClient, signed_in: str, web_store: Any) -> None:
    item = _follow(client, signed_in, "outlet", "owned.example")
    assert client.delete(f"/api/following/{item['id']}", headers=BEARER).status_code == 404  # "admin"
    assert item["id"] in {s.id for s in web_store.core.alerts.subscriptions(USER)}
    page = client.get("/following").text
    assert f'action="/following/{item["id"]}/remove"' in page and 'href="/?outlet=owned.example"' in page
    assert item["feed_url"].replace("&", "&amp;") in page


def test_a_new_matching_article_makes_an_alert_in_the_list_and_the_feed(
    client: TestClient, signed_in: str, web_store: Any
) -> None:
    line, record = _sample_record(SAMPLE_ARTICLES + 7)  # an ECB+ article the fixture store lacks
    word = max(re.findall(r"[A-Za-z]{4,}", record["title"]), key=len)
    item = _follow(client, signed_in, "query", word)
    report = client.post("/api/ingest/file", files={"file": ("one.jsonl", line)}, headers=BEARER).json()
    assert report["new"] == 1, report
    story_id = report["results"][0]["story_id"]
    alerts = client.get("/api/alerts").json()
    assert alerts["name"] == USER
    mine = [a for a in alerts["items"] if a["follow"]["value"] == word]
    assert mine and mine[0]["story_id"] == story_id and mine[0]["kind"] == "new_story"
    page = client.get("/alerts").text
    assert f'href="/stories/{story_id}"' in page
    entries = ET.fromstring(client.get(item["feed_url"]).content).findall(ATOM + "entry")
    assert len(entries) == 1 and entries[0].find(ATOM + "link").get("href", "").endswith(
        f"/stories/{story_id}"
    )
    assert (
        client.get("/api/alerts", headers=BEARER).json()["items"] == []
    )  # another person's alerts stay theirs


def test_a_browser_push_subscription_is_registered(
    client: TestClient, signed_in: str, web_store: Any
) -> None:
    key = client.get("/api/push/key").json()["public_key"]
    assert re.fullmatch(r"[A-Za-z0-9_-]{87}", key)  # an uncompressed P-256 point, base64url
    body = {
        "endpoint": "https://push.example/send/abc123",
        "expirationTime": None,
        "keys": {"p256dh": "BOr" + "A" * 84, "auth": "c2VjcmV0LWF1dGgtMTY"},
    }
    assert client.post("/api/push/subscriptions", json=body).status_code == 403  # no CSRF header
    ok = client.post("/api/push/subscriptions", json=body, headers={"X-CSRF-Token": signed_in})
    assert ok.status_code == 201, ok.text
    endpoints = web_store.core.alerts.alerts.push_endpoints(USER)
    assert body["endpoint"] in {e.endpoint for e in endpoints}
    for bad in [
        {**body, "endpoint": "http://push.example/plain"},
        {**body, "keys": {"p256dh": "<script>", "auth": "x"}},
        {**body, "keys": {"p256dh": "", "auth": "abc"}},
    ]:
        assert (
            client.post("/api/push/subscriptions", json=bad, headers={"X-CSRF-Token": signed_in}).status_code
            == 422
        )


def test_the_following_page_offers_notifications_only_on_a_click(client: TestClient, signed_in: str) -> None:
    page = client.get("/following").text
    key = client.get("/api/push/key").json()["public_key"]
    button = re.search(r'<button type="button" id="enable-notifications" hidden ([^>]*)>', page)
    assert (
        button
        and f'data-vapid-key="{key}"' in button.group(1)
        and f'data-csrf="{signed_in}"' in button.group(1)
    )
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/push.js" defer>']
    script = client.get("/static/push.js").text
    assert "requestPermission" in script and script.index('addEventListener("click"') < len(script)
    assert "requestPermission()" not in script.split("async function enablePush")[0]  # never on load


def test_the_service_worker_is_served_for_the_whole_site(client: TestClient) -> None:
    response = client.get("/sw.js")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/javascript")
    assert response.headers["service-worker-allowed"] == "/"
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "showNotification" in response.text and "notificationclick" in response.text


def test_anonymous_following_and_alerts_pages(client: TestClient) -> None:
    assert client.get("/api/following").json()["items"] == []
    assert client.get("/api/alerts").json() == {"name": None, "items": []}
    page = client.get("/following").text
    assert 'href="/login"' in page and "enable-notifications" not in page and "<script" not in page


def test_filtered_home_pages_offer_to_follow_the_filter(client: TestClient, signed_in: str) -> None:
    page = client.get("/", params={"entity": "Tara Reid", "outlet": "people.com"}).text
    forms = re.findall(r'<form class="inline follow".*?</form>', page, re.S)
    pairs = {
        (
            re.search(r'name="kind" value="(\w+)"', f).group(1),
            re.search(r'name="value" value="([^"]*)"', f).group(1),
        )
        for f in forms
    }  # type: ignore[union-attr]
    assert {("entity", "Tara Reid"), ("outlet", "people.com")} <= pairs
    search = client.get("/search", params={"q": "rehab clinic"}).text
    assert 'name="kind" value="query"' in search and 'name="value" value="rehab clinic"' in search


def test_feeds_open_with_their_key_when_reading_needs_a_sign_in(web_store: Any) -> None:
    with make_client(web_store.core, anonymous_read=False) as client:
        token = sign_in(client)
        item = _follow(client, token, "outlet", "private.example")
        client.cookies.clear()
        assert client.get("/api/following").status_code == 401
        assert client.get(item["feed_url"]).status_code == 200
        assert client.get(item["feed_url"].split("?")[0]).status_code == 404
