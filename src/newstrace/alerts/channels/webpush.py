"""Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payload encryption (RFC 8291), via pywebpush.

The server's VAPID key pair is made once and kept in the data directory (``vapid-private.pem``,
mode 0600); the web UI hands ``VapidKeys.public_key`` to ``PushManager.subscribe`` as the
``applicationServerKey``. The push ``Topic`` header is the alert's idempotency key, so a push sent
twice (a crash between "sent" and "recorded") replaces the first one in the push service's queue.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import requests
from cryptography.hazmat.primitives import serialization
from py_vapid import Vapid01, Vapid02
from pywebpush import WebPushException, webpush

from newstrace.alerts.channels.base import ChannelError, digest_key, news_summary, story_news
from newstrace.alerts.records import Alert, PushEndpoint, Subscription

PRIVATE_KEY_FILE = "vapid-private.pem"
GONE = {404, 410}  # the browser unsubscribed: the endpoint will never work again
MAX_PAYLOAD = 3000  # bytes of JSON; push services accept 4096 after encryption overhead


@dataclass(frozen=True, slots=True)
class VapidKeys:
    private_key_path: Path
    public_key: str  # base64url, uncompressed P-256 point: the browser's applicationServerKey
    subject: str  # "mailto:…" or an https URL the push service can reach the sender at


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def load_or_create_vapid(data_dir: Path | str, subject: str = "mailto:newstrace@localhost") -> VapidKeys:
    """The VAPID keys of this installation, generated on first use."""
    path = Path(data_dir) / PRIVATE_KEY_FILE
    if path.is_file():
        vapid = Vapid01.from_file(str(path))
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        vapid = Vapid01()
        vapid.generate_keys()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(vapid.private_pem())
    raw = vapid.public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return VapidKeys(path, _b64url(raw), subject)


def push_payload(alerts: list[Alert]) -> str:
    """A small JSON body for the service worker: title, body, link, tag (the idempotency key); one
    story's changes in one notification, several stories (a digest) as a count and their titles."""
    news = story_news(alerts)
    first = news[0].content
    title = first.title if len(news) == 1 else f"{len(news)} news stories"
    body = news_summary(news[0]) if len(news) == 1 else "; ".join(item.content.title for item in news)
    data = {
        "title": title[:200],
        "body": f"{body} · {first.independent_sources} independent source(s) · {first.certainty}"[:500],
        "url": first.link,
        "tag": digest_key(alerts),
        "kind": alerts[0].kind,
        "story_id": first.story_id,
    }
    return json.dumps(data, ensure_ascii=False)[:MAX_PAYLOAD]


class WebPushChannel:
    """Sends to ``webpush:<endpoint id>`` destinations, looking the browser's keys up by id."""

    def __init__(
        self, keys: VapidKeys, endpoint_of: Callable[[int], PushEndpoint | None], timeout: float = 10.0
    ) -> None:
        self.keys = keys
        self.endpoint_of = endpoint_of
        self.timeout = timeout
        self.vapid = Vapid02.from_file(str(keys.private_key_path))
        self.session = requests.Session()

    def send(self, destination: str, subscription: Subscription, alerts: list[Alert]) -> None:
        endpoint = self.endpoint_of(int(destination.removeprefix("webpush:")))
        if endpoint is None:
            raise ChannelError(f"{destination}: the browser's push subscription was removed", permanent=True)
        info = {"endpoint": endpoint.endpoint, "keys": {"p256dh": endpoint.p256dh, "auth": endpoint.auth}}
        try:
            webpush(
                info,
                data=push_payload(alerts),
                vapid_private_key=self.vapid,
                vapid_claims={"sub": self.keys.subject},
                ttl=24 * 3600,
                timeout=self.timeout,
                headers={"Topic": digest_key(alerts), "Urgency": "normal"},
                requests_session=self.session,
            )
        except WebPushException as error:
            status = error.response.status_code if error.response is not None else None
            raise ChannelError(
                f"push {endpoint.endpoint}: HTTP {status}", permanent=status in GONE
            ) from error
        except requests.RequestException as error:
            raise ChannelError(f"push {endpoint.endpoint}: {type(error).__name__}") from error

    def close(self) -> None:
        self.session.close()
