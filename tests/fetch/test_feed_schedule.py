"""The scheduler: when a feed is next due, which feeds are due, and an order that spreads hosts."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from newstrace.fetch.scheduler import CheckOutcome, due_sources, next_check_at, spread_hosts
from newstrace.records import Source
from newstrace.settings import Settings

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
SETTINGS = Settings(feed_interval=600.0, feed_max_backoff=3600.0)


def seconds_until(when: datetime) -> float:
    return (when - NOW).total_seconds()


def test_success_waits_the_interval_even_after_failures() -> None:
    source = Source("https://a.example/rss", error_count=5)
    assert seconds_until(next_check_at(source, CheckOutcome(ok=True), NOW, SETTINGS)) == 600


def test_failures_back_off_exponentially_up_to_the_cap() -> None:
    failed = CheckOutcome(ok=False)
    sources = [Source("https://a.example/rss", error_count=n) for n in range(6)]
    waits = [seconds_until(next_check_at(source, failed, NOW, SETTINGS)) for source in sources]
    assert waits == [1200, 2400, 3600, 3600, 3600, 3600]


def test_retry_after_is_honoured_when_longer_and_capped() -> None:
    source = Source("https://a.example/rss")
    longer = next_check_at(source, CheckOutcome(ok=False, retry_after=3000), NOW, SETTINGS)
    shorter = next_check_at(source, CheckOutcome(ok=False, retry_after=60), NOW, SETTINGS)
    huge = next_check_at(source, CheckOutcome(ok=False, retry_after=10**9), NOW, SETTINGS)
    on_success = next_check_at(source, CheckOutcome(ok=True, retry_after=1800), NOW, SETTINGS)
    assert [seconds_until(t) for t in (longer, shorter, huge, on_success)] == [3000, 1200, 3600, 1800]


def test_due_sources_skips_inactive_and_future_and_puts_the_most_overdue_first() -> None:
    sources = [
        Source("https://a.example/1", next_due=NOW - timedelta(minutes=1)),
        Source("https://b.example/1", next_due=NOW + timedelta(minutes=1)),
        Source("https://c.example/1", next_due=None),
        Source("https://d.example/1", next_due=NOW - timedelta(hours=1)),
        Source("https://e.example/1", next_due=NOW - timedelta(hours=2), active=False),
        Source("https://f.example/1", next_due=NOW),
    ]
    assert [s.feed_url for s in due_sources(sources, NOW)] == [
        "https://c.example/1", "https://d.example/1", "https://a.example/1", "https://f.example/1",
    ]


def test_hosts_are_spread() -> None:
    urls = ["https://a.example/1", "https://a.example/2", "https://a.example/3", "https://b.example/1",
            "https://b.example/2", "https://c.example/1"]
    ordered = [s.feed_url for s in spread_hosts([Source(u) for u in urls])]
    assert ordered == ["https://a.example/1", "https://b.example/1", "https://c.example/1",
                       "https://a.example/2", "https://b.example/2", "https://a.example/3"]


def test_due_sources_spreads_hosts_too() -> None:
    sources = [Source(f"https://{host}.example/{n}", next_due=NOW - timedelta(minutes=10 - n))
               for n in range(3) for host in ("a", "b")]
    hosts = [s.feed_url.split("/")[2] for s in due_sources(sources, NOW)]
    assert all(x != y for x, y in itertools.pairwise(hosts))
