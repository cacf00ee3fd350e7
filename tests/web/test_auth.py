"""Accounts, tokens and CSRF: every write needs a principal, and a browser session needs the token."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from web_helpers import BEARER, PASSWORD, USER, csrf_token, make_client, sign_in

from newstrace.web.auth import ACCOUNT_PREFIX, SESSION_COOKIE, AccountError, check_password, create_account
from newstrace.web.security import CSRF_COOKIE


def _pairs(items: list[dict]) -> set[tuple[str, str]]:
    return {(f["kind"], f["value"]) for f in items}


def test_passwords_are_stored_as_argon2_hashes(web_store: Any) -> None:
    stored = web_store.core.store.get_state(ACCOUNT_PREFIX + USER)
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert check_password(web_store.core.store, USER, PASSWORD)
    assert not check_password(web_store.core.store, USER, PASSWORD + "x")
    assert not check_password(web_store.core.store, "nobody", PASSWORD)


def test_account_rules(web_store: Any) -> None:
    for name, password in [("bad name", "long enough pw"), ("ok", "short")]:
        try:
            create_account(web_store.core.store, name, password)
        except AccountError:
            continue
        raise AssertionError(f"accepted {name!r}")


def test_anonymous_writes_are_refused(client: TestClient) -> None:
    assert client.post("/api/following", json={"kind": "entity", "value": "x"}).status_code == 401
    assert client.delete("/api/following/1").status_code == 401
    push = {"endpoint": "https://push.example/x", "keys": {"p256dh": "AAAA", "auth": "BBBB"}}
    assert client.post("/api/push/subscriptions", json=push).status_code == 401
    assert client.post("/api/sources", json={"feed_url": "https://example.org/feed"}).status_code == 401
    assert client.post("/api/ingest", json={"url": "https://example.org/"}).status_code == 401
    token = csrf_token(client)
    assert (
        client.post("/following", data={"kind": "entity", "value": "x", "csrf_token": token}).status_code
        == 401
    )


def test_admin_token_writes_without_csrf(client: TestClient) -> None:
    feed = "https://example.org/feed.xml"
    added = client.post("/api/sources", json={"feed_url": feed, "name": "Example"}, headers=BEARER)
    assert added.status_code == 201 and added.json()["added"]
    assert feed in {s["feed_url"] for s in client.get("/api/sources").json()["feeds"]}
    assert client.delete("/api/sources", params={"feed_url": feed}, headers=BEARER).status_code == 200
    bad = client.post("/api/sources", json={"feed_url": feed}, headers={"Authorization": "Bearer wrong"})
    assert bad.status_code == 401


def test_sign_in_needs_the_csrf_token_and_the_password(client: TestClient) -> None:
    token = csrf_token(client)
    no_csrf = client.post("/login", data={"name": USER, "password": PASSWORD}, follow_redirects=False)
    assert no_csrf.status_code == 403
    wrong = client.post(
        "/login",
        data={"name": USER, "password": "wrong password!", "csrf_token": token},
        follow_redirects=False,
    )
    assert wrong.status_code == 401 and SESSION_COOKIE not in wrong.cookies


def test_session_writes_need_the_csrf_token(client: TestClient, signed_in: str, web_store: Any) -> None:
    form = {"kind": "entity", "value": "Lindsay Lohan"}
    assert client.post("/following", data=form, follow_redirects=False).status_code == 403
    wrong = client.post("/following", data={**form, "csrf_token": "not-the-token"}, follow_redirects=False)
    assert wrong.status_code == 403
    ok = client.post("/following", data={**form, "csrf_token": signed_in}, follow_redirects=False)
    assert ok.status_code == 303
    follows = client.get("/api/following").json()
    assert follows["name"] == USER and ("entity", "Lindsay Lohan") in _pairs(follows["items"])
    subs = web_store.core.alerts.subscriptions(USER)
    assert ("entity", "Lindsay Lohan") in {(s.kind, s.value) for s in subs}  # a real subscription
    api_no_header = client.post("/api/following", json={"kind": "outlet", "value": "x.example"})
    assert api_no_header.status_code == 403
    api = client.post(
        "/api/following", json={"kind": "outlet", "value": "x.example"}, headers={"X-CSRF-Token": signed_in}
    )
    assert api.status_code == 201 and api.json()["channel"] == "webpush"
    sub_id = next(f["id"] for f in follows["items"] if f["value"] == "Lindsay Lohan")
    no_token = client.post(f"/following/{sub_id}/remove", follow_redirects=False)
    assert no_token.status_code == 403
    gone = client.post(f"/following/{sub_id}/remove", data={"csrf_token": signed_in}, follow_redirects=False)
    assert gone.status_code == 303
    assert ("entity", "Lindsay Lohan") not in _pairs(client.get("/api/following").json()["items"])
    assert client.delete(f"/api/following/{api.json()['id']}").status_code == 403
    assert (
        client.delete(f"/api/following/{api.json()['id']}", headers={"X-CSRF-Token": signed_in}).status_code
        == 200
    )


def test_a_tampered_session_is_anonymous(client: TestClient, signed_in: str) -> None:
    cookie = client.cookies.get(SESSION_COOKIE)
    assert cookie
    client.cookies.clear()
    client.cookies.set(SESSION_COOKIE, cookie[:-3] + ("AAA" if not cookie.endswith("AAA") else "BBB"))
    assert client.get("/api/following").json()["name"] is None


def test_bad_follows_are_refused(client: TestClient) -> None:
    for body in [
        {"kind": "nonsense", "value": "x"},
        {"kind": "story", "value": "12"},
        {"kind": "entity", "value": "   "},
        {"kind": "query", "value": "-only -excluded"},
        {"kind": "entity", "value": "x" * 201},
    ]:
        assert client.post("/api/following", json=body, headers=BEARER).status_code == 422


def test_reading_can_require_a_sign_in(web_store: Any) -> None:
    with make_client(web_store.core, anonymous_read=False) as client:
        assert client.get("/api/stories").status_code == 401
        page = client.get("/", follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"] == "/login"
        assert client.get("/login").status_code == 200
        assert client.get("/api/stories", headers=BEARER).status_code == 200
        sign_in(client)
        assert client.get("/").status_code == 200
        assert client.cookies.get(CSRF_COOKIE)
