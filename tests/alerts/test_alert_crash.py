"""Crashes between "sent" and "recorded": no alert lost, none duplicated for a receiver that drops a
repeated idempotency key (the documented at-least-once guarantee). Simulated in-process, then with a
real ``kill -9`` of a delivering process. Alerts come from ECB+ articles (CC BY 3.0)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from alert_helpers import ecb_rows, ingest_with_alerts, open_core, webhook_receiver, write_jsonl

from database_helpers import StoreDatabases
from newstrace.alerts.channels.webhook import WebhookChannel
from newstrace.alerts.outbox import RateLimit
from newstrace.alerts.service import AlertService, AlertSettings
from newstrace.alerts.subscriptions import new_subscription

UNLIMITED = AlertSettings(rate_limit=RateLimit(messages=10_000))
FOLLOWS = [("entity", "Tara Reid"), ("entity", "Lindsay Lohan"), ("query", "rehab"), ("query", "treatment")]


def _prepare(shared_dir: Path, tmp_path: Path, url: str, users: int) -> tuple[AlertService, dict[int, str]]:
    core = open_core(tmp_path / "data")
    service = AlertService(core.store, {}, settings=UNLIMITED)
    secrets = {}
    for user in range(users):
        for kind, value in FOLLOWS:
            sub = service.follow(new_subscription(f"user{user}", kind, value, f"webhook:{url}"))
            secrets[sub.id or 0] = sub.secret
    ingest_with_alerts(core, service, [write_jsonl(ecb_rows(shared_dir, {1}), tmp_path / "t1.jsonl")])
    return service, secrets


def test_crash_after_send_before_record_in_process(shared_dir: Path, tmp_path: Path) -> None:
    with webhook_receiver({}) as hook:
        service, hook.secrets = _prepare(shared_dir, tmp_path, hook.url, 1)
        expected = {a.idempotency_key for a in service.alerts.list_alerts(limit=10_000)}
        assert len(expected) >= 4

        def crash(*_: object) -> None:
            raise RuntimeError("killed between sent and recorded")

        service.channels = {"webhook": WebhookChannel(allow_private=True)}
        service.alerts.mark_sent = crash  # type: ignore[method-assign]
        with pytest.raises(RuntimeError):
            service.deliver_due()  # dies at the first "recorded": the rest of the burst never starts
        before = set(hook.keys)
        assert before and set(hook.alert_ids) <= expected

        restarted = AlertService(
            service.store, {"webhook": WebhookChannel(allow_private=True)}, settings=UNLIMITED
        )
        assert restarted.deliver_due().sent == 0  # leases still held by the dead worker
        later = restarted.clock() + timedelta(seconds=restarted.settings.lease_seconds + 1)
        assert restarted.deliver_due(later).sent == len(expected)
        assert restarted.deliver_due(later + timedelta(hours=1)).sent == 0
        received = Counter(hook.keys)
        assert set(hook.alert_ids) == expected  # no loss
        assert {k for k, n in received.items() if n > 1} == before  # repeats carry the same key
        assert all(len(keys) == 1 for keys in hook.messages_per_alert().values())  # one key per alert
        assert restarted.alerts.outbox_counts().sent == len(expected)


CHILD = textwrap.dedent(
    """
    import sys, time
    from newstrace.app import Newstrace
    from newstrace.settings import Settings
    from newstrace.alerts.channels.webhook import WebhookChannel
    from newstrace.alerts.outbox import RateLimit
    from newstrace.alerts.service import AlertService, AlertSettings

    settings_ = Settings(data_dir=sys.argv[1], database_url=sys.argv[2], default_feeds=False,
                         load_sample=False, alerts=False)
    core = Newstrace.open(settings_)
    settings = AlertSettings(lease_seconds=1.0, workers=2, batch=5, rate_limit=RateLimit(messages=10_000))
    service = AlertService(core.store, {"webhook": WebhookChannel(allow_private=True)}, settings=settings)
    while True:
        counts = service.alerts.outbox_counts()
        if counts.pending + counts.sending == 0:
            break
        service.deliver_due()
        time.sleep(0.02)
    """
)


def test_kill_9_during_a_delivery_burst_then_restart(
    shared_dir: Path, tmp_path: Path, databases: StoreDatabases
) -> None:
    script = tmp_path / "deliver.py"
    script.write_text(CHILD, encoding="utf-8")
    with webhook_receiver({}) as hook:
        hook.delay = 0.03  # a slow receiver: the burst lasts long enough to be killed in
        service, hook.secrets = _prepare(shared_dir, tmp_path, hook.url, 2)
        expected = {a.idempotency_key for a in service.alerts.list_alerts(limit=10_000)}
        assert len(expected) >= 20
        service.store.close()

        def child(stderr: int) -> subprocess.Popen[bytes]:
            return subprocess.Popen(
                [sys.executable, str(script), str(tmp_path / "data"), databases.url(tmp_path / "data")],
                env={**os.environ}, stdout=subprocess.DEVNULL, stderr=stderr,
            )  # fmt: skip

        first = child(subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while len(hook.alert_ids) < len(expected) // 3 and time.monotonic() < deadline:
            if first.poll() is not None:
                break
            time.sleep(0.005)
        if first.poll() is not None:
            pytest.fail("delivery finished before it could be killed")
        first.send_signal(signal.SIGKILL)
        first.wait()
        got_before = len(set(hook.alert_ids))
        assert 0 < got_before < len(expected)

        second = child(subprocess.PIPE)
        _, err = second.communicate(timeout=120)
        assert second.returncode == 0, err.decode()[-2000:]
        received = Counter(hook.keys)
        assert set(hook.alert_ids) == expected  # nothing lost
        assert all(len(keys) == 1 for keys in hook.messages_per_alert().values())  # one key per alert
        repeats = sum(n - 1 for n in received.values())
        assert repeats <= 5 * 2  # only what was in flight (a claimed batch) at the kill is sent again
        assert hook.bad_signatures == 0

    core = open_core(tmp_path / "data")
    counts = AlertService(core.store, {}, settings=AlertSettings()).alerts.outbox_counts()
    assert counts.sent == len(expected) and counts.dead == counts.pending == counts.sending == 0
    core.close()
