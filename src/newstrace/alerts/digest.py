"""When a delivery may go out: immediately, at the next hourly or daily digest, never in quiet hours.

Pure functions of a subscription and a time (UTC). Deliveries of one digest that fall due together
for one destination are sent as one message, and so are the immediate alerts one article brought to
one story (see ``group_for_sending``).
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
    """Digest deliveries together per (destination, digest mode); immediate ones per (destination,
    story, article): the updates one article brings to a story (a new source that also names the
    source) are one message, not one per kind. Only deliveries at the same attempt go together, so a
    message resent after a crash carries the alerts it carried before, under the same key."""
    groups: dict[tuple[str, str, int, int, int], list[Delivery]] = {}
    for d in deliveries:
        key: tuple[str, str, int, int, int]
        if d.digest != "immediate":
            key = (d.destination, d.digest, 0, 0, 0)
        else:  # an alert that names no article goes alone
            key = (d.destination, d.digest, d.alert.story_id, d.alert.article_id or -(d.id or 0), d.attempts)
        groups.setdefault(key, []).append(d)
    return list(groups.values())


def cut_by_the_limit(groups: list[list[Delivery]], claimed: list[Delivery], limit: int) -> list[Delivery]:
    """The immediate group of the last claimed delivery when the claim stopped at its limit: the
    group's other alerts may lie past the cut, and a message must carry the same alerts every time it
    is sent (its key derives from them). A group that fills the whole claim is sent as it is."""
    if not claimed or len(claimed) < limit or claimed[-1].digest != "immediate":
        return []
    last = next(g for g in groups if any(d is claimed[-1] for d in g))
    return [] if len(last) == len(claimed) else last
