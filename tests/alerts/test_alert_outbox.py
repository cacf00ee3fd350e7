"""The outbox on a real SQLite store: unique alerts, leases, backoff, dead letters, rate limits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newstrace.alerts.digest import group_for_sending, in_quiet_hours, release_at
from newstrace.alerts.outbox import RateLimit, RateLimiter, RetryPolicy
from newstrace.alerts.records import Alert, AlertContent, Subscription
from newstrace.alerts.subscriptions import new_subscription
from newstrace.store import open_store
from newstrace.store.alerts import AlertStore, PlannedDelivery

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


@pytest.fixture
def alert_store(tmp_path: Path) -> AlertStore:
    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    alerts = AlertStore(store.engine, lambda: T0)
    return alerts


def _alert(sub: Subscription, story: int, kind: str = "new_story") -> Alert:
    assert sub.id is not None
    content = AlertContent(
        story, f"story {story}", ["a.example"], 1, "asserted", f"/stories/{story}", "New story"
    )
    return Alert(sub.id, story, kind, content, f"key-{sub.id}-{story}-{kind}", T0)  # type: ignore[arg-type]


def _sub(alerts: AlertStore, channel: str = "webhook:http://127.0.0.1:9/h", **kw: object) -> Subscription:
    return alerts.add_subscription(new_subscription("ann", "entity", "Tara Reid", channel, now=T0, **kw))  # type: ignore[arg-type]


def test_one_alert_per_subscription_story_and_kind(alert_store: AlertStore) -> None:
    sub = _sub(alert_store)
    assert _sub(alert_store).id == sub.id  # the same follow twice is one subscription
    plan = [PlannedDelivery(sub.channel, T0)]
    assert alert_store.enqueue(_alert(sub, 7), plan) is not None
    assert alert_store.enqueue(_alert(sub, 7), plan) is None
    assert alert_store.enqueue(_alert(sub, 7, "denial"), plan) is not None
    assert alert_store.enqueue(_alert(sub, 8), plan) is not None
    assert len(alert_store.list_alerts()) == 3
    assert alert_store.outbox_counts().pending == 3


def test_lease_backoff_and_dead_letter(alert_store: AlertStore) -> None:
    sub = _sub(alert_store)
    alert_store.enqueue(_alert(sub, 1), [PlannedDelivery(sub.channel, T0)])
    policy = RetryPolicy(base_seconds=30, factor=2, max_attempts=3)
    lease = timedelta(seconds=60)
    now = T0
    for attempt in (1, 2):
        claimed = alert_store.claim_due(now, lease)
        assert [d.attempts for d in claimed] == [attempt]
        assert alert_store.claim_due(now, lease) == []  # leased: nobody else takes it
        retry_at = policy.retry_at(claimed[0].attempts, now)
        assert retry_at == now + timedelta(seconds=30 * 2 ** (attempt - 1))
        alert_store.mark_failed([claimed[0].id or 0], "HTTP 503", retry_at)
        assert alert_store.claim_due(retry_at - timedelta(seconds=1), lease) == []
        now = retry_at
    claimed = alert_store.claim_due(now, lease)
    assert policy.retry_at(claimed[0].attempts, now) is None
    alert_store.mark_failed([claimed[0].id or 0], "HTTP 503", None)
    dead = alert_store.deliveries(status="dead")
    assert len(dead) == 1 and dead[0].last_error == "HTTP 503" and dead[0].attempts == 3


def test_lapsed_lease_is_claimed_again(alert_store: AlertStore) -> None:
    sub = _sub(alert_store)
    alert_store.enqueue(_alert(sub, 1), [PlannedDelivery(sub.channel, T0)])
    first = alert_store.claim_due(T0, timedelta(seconds=60))
    assert alert_store.claim_due(T0 + timedelta(seconds=59), timedelta(seconds=60)) == []
    again = alert_store.claim_due(T0 + timedelta(seconds=60), timedelta(seconds=60))
    assert [d.id for d in again] == [d.id for d in first] and again[0].attempts == 2
    alert_store.mark_sent([again[0].id or 0], T0, T0)
    assert alert_store.claim_due(T0 + timedelta(days=1), timedelta(seconds=60)) == []


def test_postponing_does_not_count_an_attempt(alert_store: AlertStore) -> None:
    sub = _sub(alert_store)
    alert_store.enqueue(_alert(sub, 1), [PlannedDelivery(sub.channel, T0)])
    claimed = alert_store.claim_due(T0, timedelta(seconds=60))
    alert_store.postpone([claimed[0].id or 0], T0 + timedelta(minutes=5))
    assert alert_store.next_due() == T0 + timedelta(minutes=5)
    again = alert_store.claim_due(T0 + timedelta(minutes=5), timedelta(seconds=60))
    assert again[0].attempts == 1


def test_rate_limiter_slides() -> None:
    limiter = RateLimiter(RateLimit(messages=2, per_seconds=60))
    for second in (0, 10):
        assert limiter.wait_until("d", T0 + timedelta(seconds=second)) is None
        limiter.record("d", T0 + timedelta(seconds=second))
    assert limiter.wait_until("d", T0 + timedelta(seconds=20)) == T0 + timedelta(seconds=60)
    assert limiter.wait_until("other", T0 + timedelta(seconds=20)) is None
    assert limiter.wait_until("d", T0 + timedelta(seconds=60)) is None


def test_quiet_hours_and_digests() -> None:
    night = new_subscription("ann", "topic", "x", quiet_hours=(22, 7), now=T0)
    assert in_quiet_hours(night, T0.replace(hour=23)) and in_quiet_hours(night, T0.replace(hour=3))
    assert not in_quiet_hours(night, T0.replace(hour=7))
    assert release_at(night, T0.replace(hour=23, minute=30)) == (T0 + timedelta(days=1)).replace(hour=7)
    assert release_at(night, T0) == T0
    hourly = new_subscription("ann", "topic", "x", digest="hourly", now=T0)
    assert release_at(hourly, T0.replace(minute=20)) == T0.replace(hour=13)
    daily = new_subscription("ann", "topic", "x", digest="daily", quiet_hours=(6, 9), now=T0)
    assert release_at(daily, T0) == (T0 + timedelta(days=1)).replace(hour=9)


def test_digest_deliveries_group_per_destination(alert_store: AlertStore) -> None:
    sub = _sub(alert_store, digest="hourly")
    instant = _sub(alert_store, channel="email:ann@example.org")
    for story in (1, 2, 3):
        alert_store.enqueue(_alert(sub, story), [PlannedDelivery(sub.channel, T0, "hourly")])
        alert_store.enqueue(_alert(instant, story), [PlannedDelivery(instant.channel, T0)])
    groups = group_for_sending(alert_store.claim_due(T0, timedelta(seconds=60)))
    sizes = sorted((g[0].destination, len(g)) for g in groups)
    assert sizes == [("email:ann@example.org", 1)] * 3 + [(sub.channel, 3)]


def test_bad_subscriptions_are_refused() -> None:
    for kind, value, channel in [
        ("story", "x", "feed"), ("topic", "", "feed"), ("query", "-only -negated", "feed"),
        ("topic", "x", "email:nobody"), ("topic", "x", "webhook:ftp://x"), ("topic", "x", "sms:1"),
    ]:  # fmt: skip
        with pytest.raises(ValueError):
            new_subscription("ann", kind, value, channel)
