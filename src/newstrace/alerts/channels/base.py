"""What every channel shares: the interface, the error it raises, and the rendered message.

A channel sends one message for a list of alerts (one alert, or a digest) to one destination and
raises ``ChannelError`` when it could not; ``permanent`` errors (a mailbox that does not exist, a
push endpoint that is gone) go straight to the dead letters instead of being retried.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any, Protocol

from newstrace.alerts.records import Alert, Subscription

SCHEMA = "newstrace.alert/1"

SUMMARIES: dict[str, str] = {
    "new_story": "New story",
    "new_source": "A new independent source confirms it",
    "named_source": "A named source replaces “reports”",
    "denial": "A denial appears",
    "drift": "Certainty drift flagged",
}


class ChannelError(Exception):
    def __init__(self, message: str, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class Channel(Protocol):
    def send(self, destination: str, subscription: Subscription, alerts: list[Alert]) -> None:
        """Hand one message carrying ``alerts`` to ``destination``; raise ChannelError on failure."""
        ...


@dataclass(slots=True)
class Message:
    subject: str
    text: str
    idempotency_key: str  # the alert's key, or a digest's key derived from its alerts' keys


def digest_key(alerts: list[Alert]) -> str:
    if len(alerts) == 1:
        return alerts[0].idempotency_key
    joined = "|".join(sorted(a.idempotency_key for a in alerts))
    return hashlib.sha256(joined.encode()).hexdigest()[:32]  # 32 characters: fits a push Topic


def alert_line(alert: Alert) -> str:
    c = alert.content
    outlets = ", ".join(c.outlets[:5]) or "no outlet named"
    return (
        f"{c.summary}: {c.title}\n  outlets: {outlets}; independent sources: {c.independent_sources};"
        f" certainty: {c.certainty}\n  {c.link}"
    )


def render_message(subscription: Subscription, alerts: list[Alert]) -> Message:
    """The plain-text message for e-mail, Apprise and push bodies."""
    follow = f"{subscription.kind} “{subscription.value}”"
    if len(alerts) == 1:
        subject = f"[newstrace] {alerts[0].content.summary}: {alerts[0].content.title}"
    else:
        subject = f"[newstrace] {len(alerts)} alerts for {follow}"
    body = "\n\n".join(alert_line(a) for a in alerts)
    text = f"{body}\n\nYou get this because you follow {follow}."
    return Message(subject[:200], text, digest_key(alerts))


def alert_json(alert: Alert) -> dict[str, Any]:
    """One alert as the webhook and push payloads carry it (schema ``newstrace.alert/1``)."""
    return {
        "id": alert.idempotency_key,
        "kind": alert.kind,
        "subscription_id": alert.subscription_id,
        "created_at": alert.created_at.isoformat(),
        "article_id": alert.article_id,
        **asdict(alert.content),
    }


def payload_json(subscription: Subscription, alerts: list[Alert]) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "idempotency_key": digest_key(alerts),
        "subscription": {"id": subscription.id, "kind": subscription.kind, "value": subscription.value},
        "alerts": [alert_json(a) for a in alerts],
    }
