"""The alert service over the real pipeline (ECB+ text, CC BY 3.0): digests, quiet hours, dead
letters, the background delivery loop and the Atom feed."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alert_helpers import RecordingChannel, ecb_rows, ingest_with_alerts, open_core, write_jsonl

from newstrace.alerts.channels.base import ChannelError
from newstrace.alerts.service import AlertService
from newstrace.alerts.subscriptions import new_subscription, parse_quiet_hours
from newstrace.app import Newstrace

T = datetime(2026, 3, 2, 12, 20, tzinfo=UTC)


@pytest.fixture
def core(tmp_path: Path) -> Newstrace:
    return open_core(tmp_path / "data")


@pytest.fixture
def batch(shared_dir: Path, tmp_path: Path) -> Path:
    return write_jsonl(ecb_rows(shared_dir, {1})[:12], tmp_path / "batch.jsonl")


def test_hourly_digest_is_one_message(core: Newstrace, batch: Path) -> None:
    channel = RecordingChannel()
    service = AlertService(core.store, {"webhook": channel}, clock=lambda: T)
    sub = service.follow(
        new_subscription("ann", "query", "Reid", "webhook:http://127.0.0.1:9/d", digest="hourly")
    )
    ingest_with_alerts(core, service, [batch])
    n = len(service.alerts.list_alerts(subscription_id=sub.id))
    assert n >= 2
    assert service.deliver_due(T).sent == 0 and channel.sent == []
    report = service.deliver_due(T.replace(hour=13, minute=0))
    assert report.sent == n and len(channel.sent) == 1 and len(channel.sent[0][1]) == n
    core.close()


def test_quiet_hours_hold_alerts_until_they_end(core: Newstrace, batch: Path) -> None:
    channel = RecordingChannel()
    service = AlertService(core.store, {"webhook": channel}, clock=lambda: T)
    quiet = parse_quiet_hours("12-14")
    service.follow(
        new_subscription("ann", "query", "Reid", "webhook:http://127.0.0.1:9/q", quiet_hours=quiet)
    )
    ingest_with_alerts(core, service, [batch])
    assert service.deliver_due(T.replace(hour=13, minute=59)).sent == 0
    assert service.deliver_due(T.replace(hour=14, minute=0)).sent == len(service.alerts.list_alerts())
    core.close()


def test_permanent_failure_is_a_dead_letter_at_once(core: Newstrace, batch: Path) -> None:
    channel = RecordingChannel(fail=lambda d: ChannelError("HTTP 410", permanent=True))
    service = AlertService(core.store, {"webhook": channel})
    service.follow(new_subscription("ann", "entity", "Tara Reid", "webhook:http://127.0.0.1:9/gone"))
    ingest_with_alerts(core, service, [batch])
    report = service.deliver_due()
    assert report.dead > 0 and report.sent == report.retried == 0
    entries = service.alert_entries("ann")
    assert entries and all(d.status == "dead" and d.last_error for e in entries for d in e.deliveries)
    listed = json.loads(json.dumps(entries[0].to_dict()))
    assert listed["deliveries"][0]["status"] == "dead" and listed["follow"]["value"] == "Tara Reid"
    core.close()


def test_background_loop_hands_alerts_over_within_a_second(core: Newstrace, batch: Path) -> None:
    channel = RecordingChannel()
    service = AlertService(core.store, {"webhook": channel})
    service.follow(new_subscription("ann", "entity", "Tara Reid", "webhook:http://127.0.0.1:9/now"))
    stop = threading.Event()
    worker = threading.Thread(target=service.run, args=(stop,))
    worker.start()
    try:
        ingest_with_alerts(core, service, [batch])
        deadline = time.monotonic() + 10
        while service.alerts.outbox_counts().pending + service.alerts.outbox_counts().sending:
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        stop.set()
        service.wake.set()
        worker.join(timeout=10)
    delays = [
        (d.handed_at - e.alert.created_at).total_seconds()
        for e in service.alert_entries()
        for d in e.deliveries
        if d.handed_at is not None
    ]
    assert delays and sorted(delays)[len(delays) // 2] < 1.0
    core.close()


def test_feed_subscription_lists_its_alerts(core: Newstrace, batch: Path) -> None:
    service = AlertService(core.store, {})
    sub = service.follow(new_subscription("ann", "entity", "Tara Reid", "feed"))
    ingest_with_alerts(core, service, [batch])
    assert service.alerts.outbox_counts().pending == 0  # a feed is pulled, nothing is pushed
    feed = service.feed(sub.id or 0, "http://localhost/feeds/1") or b""
    assert feed.count(b"<entry>") == len(service.alerts.list_alerts(subscription_id=sub.id)) > 0
    assert service.feed(999, "http://localhost/feeds/999") is None
    core.close()
