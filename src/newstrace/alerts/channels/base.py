"""What every channel shares: the interface, the error it raises, and the rendered message.

A channel sends one message for a list of alerts (one alert, or a digest) to one destination and
raises ``ChannelError`` when it could not; ``permanent`` errors (a mailbox that does not exist, a
push endpoint that is gone) go straight to the dead letters instead of being retried.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any, Protocol

from newstrace.alerts.records import Alert, AlertContent, Subscription

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


def outlets_text(outlets: list[str], most: int = 5) -> str:
    """The first ``most`` outlets, and how many more there are ("a, b, c and 4 more")."""
    if not outlets:
        return "no outlet named"
    shown = ", ".join(outlets[:most])
    return f"{shown} and {len(outlets) - most} more" if len(outlets) > most else shown


def content_line(summary: str, content: AlertContent) -> str:
    return (
        f"{summary}: {content.title}\n  outlets: {outlets_text(content.outlets)};"
        f" independent sources: {content.independent_sources}; certainty: {content.certainty}"
        f"\n  {content.link}"
    )


def alert_line(alert: Alert) -> str:
    return content_line(alert.content.summary, alert.content)


@dataclass(slots=True)
class StoryNews:
    """What one message says about one story: what happened to it, in order, and how it stands now."""

    summaries: list[str]
    content: AlertContent  # the latest alert's: its outlets and counts are the story's current ones


def story_news(alerts: list[Alert]) -> list[StoryNews]:
    """The alerts of one message per story, in the order the stories first appear. A digest (or the
    updates one article brought) says once per story what changed, with the story's latest figures,
    not once per alert with the figures each alert had when it was made."""
    news: dict[int, StoryNews] = {}
    for alert in sorted(alerts, key=lambda a: (a.created_at, a.id or 0)):
        item = news.setdefault(alert.story_id, StoryNews([], alert.content))
        if alert.content.summary not in item.summaries:
            item.summaries.append(alert.content.summary)
        item.content = alert.content
    return list(news.values())


def news_summary(item: StoryNews) -> str:
    """The summaries joined: "New story; a named source replaces …" (later ones lower-cased)."""
    rest = [s[:1].lower() + s[1:] for s in item.summaries[1:]]
    return "; ".join([item.summaries[0], *rest])


def render_message(subscription: Subscription, alerts: list[Alert]) -> Message:
    """The plain-text message for e-mail, Apprise and push bodies: one entry per story."""
    follow = f"{subscription.kind} “{subscription.value}”"
    news = story_news(alerts)
    if len(news) == 1:
        subject = f"[newstrace] {news_summary(news[0])}: {news[0].content.title}"
    else:
        subject = f"[newstrace] {len(news)} stories for {follow}"
    body = "\n\n".join(content_line(news_summary(item), item.content) for item in news)
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
