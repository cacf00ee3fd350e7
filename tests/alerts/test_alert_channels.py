"""Every channel against a real receiver on 127.0.0.1: an SMTP server (aiosmtpd), a webhook receiver
checking HMAC signatures, a Web Push endpoint decrypting the payload with the browser's keys
(RFC 8291) and checking the VAPID JWT (RFC 8292), an Atom feed read back with feedparser, and an
Apprise ``json://`` URL. The alerts come from real ECB+ articles (CC BY 3.0) through the pipeline."""

from __future__ import annotations

import base64
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email import message_from_bytes
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import feedparser
import http_ece
import pytest
from aiosmtpd.controller import Controller
from alert_helpers import ecb_rows, ingest_with_alerts, open_core, webhook_receiver, write_jsonl
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from newstrace.alerts.channels.apprise import AppriseChannel
from newstrace.alerts.channels.email import EmailChannel, SmtpSettings
from newstrace.alerts.channels.registry import ChannelConfig, build_channels
from newstrace.alerts.channels.webhook import WebhookChannel
from newstrace.alerts.channels.webpush import WebPushChannel, load_or_create_vapid
from newstrace.alerts.records import PushEndpoint
from newstrace.alerts.service import AlertService, AlertSettings
from newstrace.alerts.subscriptions import new_subscription


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _b64d(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Mailbox:
    messages: list[bytes] = field(default_factory=list)

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.messages.append(envelope.content)  # type: ignore[attr-defined]
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
    mailbox = Mailbox()
    port = _free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()


@dataclass
class PushService:
    """A push service endpoint that is also the browser: it holds the subscription's private key."""

    url: str
    private_key: ec.EllipticCurvePrivateKey
    auth: bytes
    payloads: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def endpoint(self) -> PushEndpoint:
        public = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        b64 = base64.urlsafe_b64encode
        return PushEndpoint(
            "ann", self.url, b64(public).rstrip(b"=").decode(), b64(self.auth).rstrip(b"=").decode()
        )


def _check_vapid(authorization: str, audience: str, expected_key: str) -> str | None:
    """None when the header is ``vapid t=<JWT signed ES256>, k=<the server's public key>`` and valid."""
    scheme, _, params = authorization.partition(" ")
    fields = dict(p.strip().split("=", 1) for p in params.split(","))
    if scheme != "vapid" or fields.get("k") != expected_key:
        return f"bad scheme or key: {authorization[:40]}"
    head, claims, signature = fields["t"].split(".")
    raw = _b64d(signature)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), _b64d(expected_key))
    public.verify(der, f"{head}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))  # raises when forged
    body = json.loads(_b64d(claims))
    if json.loads(_b64d(head)).get("alg") != "ES256" or body["aud"] != audience or body["exp"] < time.time():
        return f"bad claims {body}"
    return None


@pytest.fixture
def push_service() -> Iterator[PushService]:
    service: PushService

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            audience = f"http://127.0.0.1:{httpd.server_address[1]}"
            problem = _check_vapid(self.headers["Authorization"], audience, vapid_public)
            if self.headers["Content-Encoding"] != "aes128gcm":
                problem = "not aes128gcm"
            if problem is None:
                plain = http_ece.decrypt(body, private_key=service.private_key, auth_secret=service.auth)
                payload = json.loads(plain)
                payload["topic"] = self.headers["Topic"]
                service.payloads.append(payload)
            else:
                service.problems.append(problem)
            self.send_response(201 if problem is None else 403)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    vapid_public = ""
    service = PushService(
        f"http://127.0.0.1:{httpd.server_address[1]}/push/subscription-1",
        ec.generate_private_key(ec.SECP256R1()),
        os.urandom(16),
    )
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def set_key(key: str) -> None:
        nonlocal vapid_public
        vapid_public = key

    service.set_vapid_key = set_key  # type: ignore[attr-defined]
    try:
        yield service
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_every_channel_delivers_one_message_per_alert(
    shared_dir: Path, tmp_path: Path, smtp: tuple[Mailbox, int], push_service: PushService
) -> None:
    mailbox, smtp_port = smtp
    rows = ecb_rows(shared_dir, {1})[:12]
    core = open_core(tmp_path / "data")
    keys = load_or_create_vapid(tmp_path / "data", "mailto:alerts@example.org")
    assert load_or_create_vapid(tmp_path / "data").public_key == keys.public_key  # made once, kept
    assert (keys.private_key_path.stat().st_mode & 0o777) == 0o600
    push_service.set_vapid_key(keys.public_key)  # type: ignore[attr-defined]

    with webhook_receiver({}) as hook:
        service = AlertService(core.store, {}, settings=AlertSettings(base_url="http://news.example"))
        service.channels = {
            "email": EmailChannel(
                SmtpSettings(host="127.0.0.1", port=smtp_port, sender="alerts@example.org")
            ),
            "webhook": WebhookChannel(allow_private=True),
            "webpush": WebPushChannel(keys, service.alerts.get_push_endpoint),
        }
        service.register_push(push_service.endpoint)
        subs = [
            service.follow(new_subscription("ann", "entity", "Tara Reid", "email:ann@example.org")),
            service.follow(new_subscription("ann", "entity", "Tara Reid", f"webhook:{hook.url}")),
            service.follow(new_subscription("ann", "entity", "Tara Reid", "webpush")),
            service.follow(new_subscription("ann", "entity", "Tara Reid", "feed")),
        ]
        hook.secrets = {s.id or 0: s.secret for s in subs}
        ingest_with_alerts(core, service, [write_jsonl(rows, tmp_path / "batch.jsonl")])
        report = service.deliver_due()
        hook_keys = hook.keys
        bad = hook.bad_signatures

    alerts = service.alerts.list_alerts(limit=1000)
    per_sub = {s.id: [a for a in alerts if a.subscription_id == s.id] for s in subs}
    assert all(len(found) == len(per_sub[subs[0].id]) > 0 for found in per_sub.values())
    assert report.sent == 3 * len(per_sub[subs[0].id]) and report.retried == report.dead == 0

    mails = [message_from_bytes(m) for m in mailbox.messages]
    want = {a.idempotency_key for a in per_sub[subs[0].id]}
    assert {m["Message-ID"].strip("<>").split("@")[0] for m in mails} == want
    assert all(m["To"] == "ann@example.org" and "independent sources" in m.get_payload() for m in mails)

    assert bad == 0 and sorted(hook_keys) == sorted(a.idempotency_key for a in per_sub[subs[1].id])

    assert push_service.problems == []
    assert sorted(p["topic"] for p in push_service.payloads) == sorted(
        a.idempotency_key for a in per_sub[subs[2].id]
    )
    assert all(p["url"].startswith("http://news.example/stories/") for p in push_service.payloads)

    feed = feedparser.parse(service.feed(subs[3].id or 0, "http://news.example/feeds/4"))
    assert not feed.bozo
    assert {e.id.rsplit(":", 1)[1] for e in feed.entries} == {a.idempotency_key for a in per_sub[subs[3].id]}
    core.close()


def test_a_failing_channel_is_retried_and_never_blocks_another(
    shared_dir: Path, tmp_path: Path, smtp: tuple[Mailbox, int]
) -> None:
    mailbox, smtp_port = smtp
    rows = ecb_rows(shared_dir, {1})[:6]
    core = open_core(tmp_path / "data")
    with webhook_receiver({}) as hook:
        hook.status = 503
        service = AlertService(
            core.store,
            {
                "email": EmailChannel(SmtpSettings(host="127.0.0.1", port=smtp_port)),
                "webhook": WebhookChannel(allow_private=True),
            },
        )
        down = service.follow(new_subscription("ann", "query", "Reid", f"webhook:{hook.url}"))
        other = service.follow(
            new_subscription("ann", "query", "Reid", f"webhook:{hook.url.replace('/hook', '/x')}")
        )
        mail = service.follow(new_subscription("ann", "query", "Reid", "email:ann@example.org"))
        hook.secrets = {down.id or 0: down.secret, other.id or 0: other.secret, mail.id or 0: ""}
        ingest_with_alerts(core, service, [write_jsonl(rows, tmp_path / "b.jsonl")])
        first = service.deliver_due()
        n = len(service.alerts.list_alerts(subscription_id=mail.id))
        assert n > 0 and len(mailbox.messages) == n  # e-mail went out although the webhook fails
        assert first.retried == 2 * n and first.sent == n
        retry_at = service.alerts.next_due()
        assert retry_at is not None
        hook.status = 200
        second = service.deliver_due(retry_at + timedelta(seconds=10))  # failures were milliseconds apart
        assert second.sent == 2 * n  # both webhook subscriptions get through on the retry
        assert sorted(hook.keys) == sorted(
            a.idempotency_key for s in (down, other) for a in service.alerts.list_alerts(subscription_id=s.id)
        )
    core.close()


def test_apprise_json_url(tmp_path: Path) -> None:
    pytest.importorskip("apprise")
    from newstrace.alerts.records import Alert, AlertContent

    received: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        sub = new_subscription(
            "ann", "entity", "Tara Reid", f"apprise:json://127.0.0.1:{httpd.server_address[1]}/n"
        )
        sub.id = 1
        content = AlertContent(
            1, "Tara Reid checks into rehab", ["people.com"], 1, "attributed", "/stories/1", "New story"
        )
        alert = Alert(1, 1, "new_story", content, "k" * 32, datetime.now())
        AppriseChannel().send(sub.channel, sub, [alert])
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert len(received) == 1 and "Tara Reid checks into rehab" in received[0]["title"]


def test_channels_built_from_settings(tmp_path: Path) -> None:
    core = open_core(tmp_path / "data")
    service = AlertService(core.store, {})
    smtp = SmtpSettings(host="127.0.0.1", port=_free_port())
    channels = build_channels(ChannelConfig(str(tmp_path / "data"), smtp=smtp), service.alerts)
    assert {"webhook", "email", "webpush"} <= set(channels)
    assert (tmp_path / "data" / "vapid-private.pem").is_file()
    assert "email" not in build_channels(ChannelConfig(str(tmp_path / "data")), service.alerts)
    core.close()


def test_webhooks_to_private_addresses_are_refused_by_default() -> None:
    from newstrace.alerts.channels.base import ChannelError
    from newstrace.alerts.records import Alert, AlertContent

    sub = new_subscription("ann", "entity", "Tara Reid", "webhook:http://127.0.0.1:9/internal")
    content = AlertContent(1, "Tara Reid checks into rehab", [], 1, "attributed", "/stories/1", "New story")
    alert = Alert(1, 1, "new_story", content, "k" * 32, datetime.now())
    channel = WebhookChannel()
    with pytest.raises(ChannelError) as refused:
        channel.send(sub.channel, sub, [alert])
    channel.close()
    assert refused.value.permanent
