"""When each feed is next checked, which feeds are due, and in what order (pure; the clock is passed in)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from newstrace.records import Source
from newstrace.settings import Settings


@dataclass(frozen=True, slots=True)
class CheckOutcome:
    """How one check of a feed went."""

    ok: bool
    retry_after: float | None = None  # seconds the server asked us to wait (Retry-After)


def backoff_seconds(failures: int, settings: Settings) -> float:
    """Wait after ``failures`` consecutive failures: the interval doubled per failure, capped."""
    if failures <= 0:
        return settings.feed_interval
    return min(settings.feed_interval * 2.0**failures, settings.feed_max_backoff)


def next_check_at(source: Source, outcome: CheckOutcome, now: datetime, settings: Settings) -> datetime:
    """When to check ``source`` again after ``outcome`` (``source`` holds the state before this check).

    Success waits ``feed_interval``; the n-th failure in a row waits ``feed_interval * 2**n`` up to
    ``feed_max_backoff``. A Retry-After from the server is honoured when it asks for longer, but never
    beyond ``feed_max_backoff`` so a feed is not silenced for good.
    """
    failures = 0 if outcome.ok else source.error_count + 1
    wait = backoff_seconds(failures, settings)
    if outcome.retry_after is not None:
        wait = max(wait, min(outcome.retry_after, settings.feed_max_backoff))
    return now + timedelta(seconds=wait)


def is_due(source: Source, now: datetime) -> bool:
    return source.active and (source.next_due is None or source.next_due <= now)


def host_of(source: Source) -> str:
    return (urlsplit(source.feed_url).hostname or "").lower()


def due_sources(sources: Iterable[Source], now: datetime) -> list[Source]:
    """The active sources due at ``now``, most overdue first, interleaved so hosts alternate."""
    due = [source for source in sources if is_due(source, now)]
    due.sort(key=lambda s: (s.next_due is not None, s.next_due or now, s.feed_url))
    return spread_hosts(due)


def spread_hosts(sources: list[Source]) -> list[Source]:
    """Round-robin over hosts, keeping each host's own order: a, b, c, a, b, a …

    Workers taking sources in this order rarely wait on the per-host politeness delay.
    """
    queues: OrderedDict[str, list[Source]] = OrderedDict()
    for source in sources:
        queues.setdefault(host_of(source), []).append(source)
    ordered: list[Source] = []
    while queues:
        for host in list(queues):
            queue = queues[host]
            ordered.append(queue.pop(0))
            if not queue:
                del queues[host]
    return ordered
