"""When a delivery may go out: immediately, at the next hourly or daily digest, never in quiet hours.

Pure functions of a subscription and a time (UTC). Deliveries of one digest that fall due together
for one destination are sent as one message (see ``group_for_sending``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from newstrace.alerts.records import Delivery, Subscription

DAILY_HOUR = 7  # UTC hour at which daily digests go out


def in_quiet_hours(sub: Subscription, moment: datetime) -> bool:
    """Quiet hours run from ``quiet_start`` up to ``quiet_end`` (exclusive), wrapping past midnight."""
    if sub.quiet_start is None or sub.quiet_end is None or sub.quiet_start == sub.quiet_end:
        return False
    hour = moment.hour
    if sub.quiet_start < sub.quiet_end:
        return sub.quiet_start <= hour < sub.quiet_end
    return hour >= sub.quiet_start or hour < sub.quiet_end


def quiet_hours_end(sub: Subscription, moment: datetime) -> datetime:
    """The first moment at or after ``moment`` outside the quiet hours."""
    if not in_quiet_hours(sub, moment):
        return moment
    assert sub.quiet_end is not None
    end = moment.replace(hour=sub.quiet_end, minute=0, second=0, microsecond=0)
    return end if end > moment else end + timedelta(days=1)


def next_digest_time(sub: Subscription, now: datetime) -> datetime:
    if sub.digest == "hourly":
        return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    if sub.digest == "daily":
        at = now.replace(hour=DAILY_HOUR, minute=0, second=0, microsecond=0)
        return at if at > now else at + timedelta(days=1)
    return now


def release_at(sub: Subscription, now: datetime) -> datetime:
    """When an alert produced ``now`` for ``sub`` becomes due."""
    return quiet_hours_end(sub, next_digest_time(sub, now))


def group_for_sending(deliveries: Iterable[Delivery]) -> list[list[Delivery]]:
    """Immediate deliveries one by one; digest deliveries together per (destination, digest mode)."""
    groups: dict[tuple[str, str, int], list[Delivery]] = {}
    for delivery in deliveries:
        single = (delivery.id or 0) if delivery.digest == "immediate" else 0
        groups.setdefault((delivery.destination, delivery.digest, single), []).append(delivery)
    return list(groups.values())
