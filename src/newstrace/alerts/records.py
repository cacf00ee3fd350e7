"""The alert records: what a person follows, the alerts it produced and their deliveries.

Kept in the alerts package for now (the shared ``records.py`` may take them later).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, get_args

SubscriptionKind = Literal["topic", "entity", "outlet", "query"]
ChannelKind = Literal["email", "webhook", "feed", "webpush", "apprise"]
EventKind = Literal["new_story", "new_source", "named_source", "denial", "drift"]
DigestMode = Literal["immediate", "hourly", "daily"]
DeliveryStatus = Literal["pending", "sending", "sent", "dead"]

SUBSCRIPTION_KINDS: tuple[str, ...] = get_args(SubscriptionKind)
CHANNEL_KINDS: tuple[str, ...] = get_args(ChannelKind)
EVENT_KINDS: tuple[str, ...] = get_args(EventKind)
DIGEST_MODES: tuple[str, ...] = get_args(DigestMode)


@dataclass(slots=True)
class Subscription:
    """One thing one person follows, and where its alerts go.

    ``channel`` is ``email:ADDRESS``, ``webhook:URL``, ``feed``, ``webpush`` (every browser the user
    registered) or ``apprise:URL``. ``quiet_start``/``quiet_end`` are hours (0–23, UTC) during which
    immediate alerts wait; ``secret`` signs webhook bodies (generated when the subscription is made).
    """

    user: str
    kind: SubscriptionKind
    value: str
    channel: str = "feed"
    language: str | None = None
    min_sources: int = 1
    digest: DigestMode = "immediate"
    quiet_start: int | None = None
    quiet_end: int | None = None
    secret: str = ""
    active: bool = True
    created_at: datetime | None = None
    id: int | None = None

    @property
    def channel_kind(self) -> ChannelKind:
        kind = self.channel.split(":", 1)[0]
        if kind not in CHANNEL_KINDS:
            raise ValueError(f"unknown channel {self.channel!r}")
        return kind  # type: ignore[return-value]

    @property
    def channel_target(self) -> str:
        return self.channel.split(":", 1)[1] if ":" in self.channel else ""


@dataclass(slots=True)
class PushEndpoint:
    """A browser's Web Push subscription (what ``PushManager.subscribe`` returns)."""

    user: str
    endpoint: str
    p256dh: str  # the browser's public key (base64url, uncompressed P-256 point)
    auth: str  # the browser's auth secret (base64url, 16 bytes)
    id: int | None = None


@dataclass(slots=True)
class AlertContent:
    """What every alert carries, whatever the channel."""

    story_id: int
    title: str
    outlets: list[str]
    independent_sources: int
    certainty: str  # the story's dominant certainty class, e.g. "attributed"
    link: str
    summary: str  # one line saying what happened, e.g. "New story" or "Denial appears"
    languages: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Alert:
    """One alert: exactly one per (subscription, story, kind)."""

    subscription_id: int
    story_id: int
    kind: EventKind
    content: AlertContent
    idempotency_key: str
    created_at: datetime
    article_id: int | None = None  # the article whose arrival produced it
    id: int | None = None


@dataclass(slots=True)
class Delivery:
    """One alert on its way to one destination (an outbox row)."""

    alert: Alert
    destination: str  # the channel string, or ``webpush:<endpoint id>``
    status: DeliveryStatus
    attempts: int
    due_at: datetime
    digest: DigestMode = "immediate"
    last_error: str | None = None
    handed_at: datetime | None = None
    sent_at: datetime | None = None
    id: int | None = None


@dataclass(slots=True)
class DeliveryReport:
    """What one pass over the due deliveries did."""

    sent: int = 0
    retried: int = 0
    dead: int = 0
    postponed: int = 0  # rate-limited or in quiet hours
    latencies: list[float] = field(default_factory=list)  # seconds, alert created → handed to channel
