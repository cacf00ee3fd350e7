"""Webhooks: a JSON POST signed with HMAC-SHA256.

Schema ``newstrace.alert/1`` (body, UTF-8 JSON)::

    {"schema": "newstrace.alert/1",
     "idempotency_key": "<the alert's key, or a message's of several: a digest, or the updates
                         one article brought to one story>",
     "subscription": {"id": 3, "kind": "entity", "value": "Tara Reid"},
     "alerts": [{"id": "<idempotency key>", "kind": "new_story" | "new_source" | "named_source"
                 | "denial" | "drift", "subscription_id": 3, "created_at": "<ISO 8601>",
                 "article_id": 12, "story_id": 5, "title": "…", "outlets": ["…"],
                 "independent_sources": 2, "certainty": "attributed", "link": "http://…/stories/5",
                 "summary": "New story", "languages": ["en"]}]}

Headers: ``X-Newstrace-Timestamp`` (Unix seconds), ``X-Newstrace-Signature: sha256=<hex>``, the
HMAC-SHA256 of ``<timestamp>.<body>`` keyed with the subscription's secret, and
``Idempotency-Key``. Delivery is at-least-once: a receiver should drop a key it has already seen.
A 2xx answer is success; 408, 429 and 5xx are retried; other 4xx are permanent failures.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable

import httpx

from newstrace.alerts.channels.base import ChannelError, payload_json
from newstrace.alerts.records import Alert, Subscription
from newstrace.fetch.addresses import AddressRefused, HostUnresolvable, guarded_transport

SIGNATURE_HEADER = "X-Newstrace-Signature"
TIMESTAMP_HEADER = "X-Newstrace-Timestamp"
RETRYABLE = {408, 425, 429}


def sign(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(secret: str, timestamp: str, body: bytes, signature: str) -> bool:
    """What a receiver does (constant-time comparison)."""
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


class WebhookChannel:
    """Posts to the URL after ``webhook:``; loopback, private and link-local addresses are refused
    unless ``allow_private`` (webhook URLs come from users: no requests into the server's network)."""

    def __init__(
        self,
        client: httpx.Client | None = None,
        timestamp: Callable[[], float] | None = None,
        timeout: float = 10.0,
        allow_private: bool = False,
    ) -> None:
        transport = guarded_transport(allow_private)
        self.client = client or httpx.Client(timeout=timeout, follow_redirects=False, transport=transport)
        self.timestamp = timestamp or time.time

    def send(self, destination: str, subscription: Subscription, alerts: list[Alert]) -> None:
        url = destination.removeprefix("webhook:")
        payload = payload_json(subscription, alerts)
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        stamp = str(int(self.timestamp()))
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "newstrace-alerts/1",
            TIMESTAMP_HEADER: stamp,
            SIGNATURE_HEADER: sign(subscription.secret, stamp, body),
            "Idempotency-Key": payload["idempotency_key"],
        }
        try:
            response = self.client.post(url, content=body, headers=headers)
        except (AddressRefused, HostUnresolvable) as error:
            raise ChannelError(
                f"webhook {url}: {error}", permanent=isinstance(error, AddressRefused)
            ) from error
        except httpx.HTTPError as error:
            raise ChannelError(f"webhook {url}: {type(error).__name__}: {error}") from error
        if response.is_success:
            return
        status = response.status_code
        permanent = 400 <= status < 500 and status not in RETRYABLE
        raise ChannelError(f"webhook {url}: HTTP {status}", permanent=permanent)

    def close(self) -> None:
        self.client.close()
