"""Several worker processes ingest overlapping inputs into one PostgreSQL store at once: every article
is stored once and clustered once, every story is consistent, alerts are not repeated; and the feed
and outbox claims hand each job to one worker. Real ECB+ text (Cybulska & Vossen 2014, CC BY 3.0).

PostgreSQL only: the suite's PostgreSQL run (``make test``) sets ``NEWSTRACE_TEST_DATABASE_URL``.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from database_helpers import StoreDatabases
from newstrace.alerts.records import Alert, AlertContent
from newstrace.alerts.service import AlertService
from newstrace.alerts.subscriptions import new_subscription
from newstrace.app import Newstrace
from newstrace.eval.metrics import bcubed_scores
from newstrace.eval.stories import GoldArticle, cluster_stream, final_story_ids
from newstrace.extract.documents import extract_article
from newstrace.records import RawDocument, Source
from newstrace.store import open_store
from newstrace.store.alerts import AlertStore, PlannedDelivery
from newstrace.store.workers import claim_sources

TOPICS = {1, 3, 4, 6}  # 103 articles of four ECB+ dev topics
WORKERS = 3
SHARE = 0.6  # each worker ingests this share of the articles (so most are ingested by two or more)
FOLLOWS = [("query", "said"), ("query", "police"), ("entity", "Lindsay Lohan"), ("query", "earthquake")]

WORKER = textwrap.dedent(
    """
    import json, sys
    from newstrace.app import Newstrace
    from newstrace.settings import Settings

    settings = Settings(data_dir=sys.argv[1], database_url=sys.argv[2], default_feeds=False,
                        load_sample=False)
    core = Newstrace.open(settings)
    report = core.ingest([sys.argv[3]])
    core.close()
    print(json.dumps({o: report.count(o) for o in ("new", "updated", "unchanged", "failed")}))
    """
)


@pytest.fixture
def postgres(databases: StoreDatabases) -> StoreDatabases:
    if not databases.postgres:
        pytest.skip("PostgreSQL only (NEWSTRACE_TEST_DATABASE_URL is not set)")
    return databases


def _ecb_rows(shared_dir: Path) -> list[dict]:
    lines = (shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl").read_text(encoding="utf-8").splitlines()
    return [row for row in map(json.loads, lines) if row["topic"] in TOPICS]


def _key(row: dict) -> str:
    raw = RawDocument(location=f"ecb:{row['id']}", content=json.dumps(row).encode(), kind="jsonl")
    return extract_article(raw).key


def test_workers_ingest_overlapping_inputs_once(
    postgres: StoreDatabases, shared_dir: Path, tmp_path: Path
) -> None:
    rows = _ecb_rows(shared_dir)
    url = postgres.url(tmp_path / "shared")
    core = Newstrace.open(postgres.settings(tmp_path / "shared", default_feeds=False, load_sample=False))
    for kind, value in FOLLOWS:  # the core's own alert service matches as workers ingest
        core.alerts.follow(new_subscription("reader", kind, value))
    core.close()

    script = tmp_path / "worker.py"
    script.write_text(WORKER, encoding="utf-8")
    children, ingested = [], set()
    for n in range(WORKERS):
        mine = random.Random(n).sample(rows, round(len(rows) * SHARE))  # overlapping, each its own order
        ingested |= {_key(r) for r in mine}
        path = tmp_path / f"worker{n}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in mine), encoding="utf-8")
        command = [sys.executable, str(script), str(tmp_path / f"w{n}"), url, str(path)]
        children.append(subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    outputs = [child.communicate(timeout=600) for child in children]
    for child, (_, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err.decode()[-3000:]
    reports = [json.loads(out.decode().strip().splitlines()[-1]) for out, _ in outputs]

    keys = {_key(r): r["story"] for r in rows}
    store = open_store(url)
    with store.engine.connect() as conn:
        articles = conn.execute(text("SELECT key, story_id FROM articles")).all()
        sizes = dict(conn.execute(text("SELECT id, size FROM stories")).all())
        alerts = conn.execute(text("SELECT subscription_id, story_id, kind FROM alerts")).all()
    # each article once, each in exactly one story that exists
    assert len(articles) == len({k for k, _ in articles}) == len(ingested)
    assert {k for k, _ in articles} == ingested
    assert sum(r["new"] for r in reports) == len(ingested)  # one worker stored each, the others found it
    assert sum(1 for r in reports if r["new"]) >= 2  # the workers did run side by side
    assert all(story is not None and story in sizes for _, story in articles)
    # each story as its articles say: no story left empty or counted twice by two workers' clusterers
    members = Counter(story for _, story in articles)
    assert members == Counter({sid: size for sid, size in sizes.items()})
    # alerts: once per (subscription, story, kind), and one new-story alert per alerted story
    assert alerts and max(Counter(alerts).values()) == 1
    new_story = Counter((s, st) for s, st, kind in alerts if kind == "new_story")
    assert set(new_story.values()) == {1}
    assert {(s, st) for s, st, _ in alerts} == set(new_story)

    # The workers' clusterers kept in step: the stories are as good as one clusterer's over the same
    # articles (in-process, three random orders: the order's own effect is the tolerance).
    gold = [keys[k] for k, _ in sorted(articles)]
    found = bcubed_scores(gold, [story for _, story in sorted(articles)]).f1
    subset = [GoldArticle(r["id"], r["story"], r["title"], r["text"]) for r in rows if _key(r) in ingested]
    single = []
    for seed in range(3):
        stream = random.Random(seed).sample(subset, len(subset))
        assignments = cluster_stream(stream)
        single.append(bcubed_scores([g.story for g in stream], final_story_ids(assignments)).f1)
    print(f"BCubed F1: {WORKERS} workers {found:.3f}; one clusterer {min(single):.3f}..{max(single):.3f}")
    assert found >= min(single) - 0.03
    store.close()


def test_feed_claims_skip_locked_rows_and_expire(postgres: StoreDatabases, tmp_path: Path) -> None:
    url = postgres.url(tmp_path)
    first, second = open_store(url), open_store(url)
    first.add_sources([Source(f"https://feeds{n}.example.org/rss") for n in range(6)])
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with second.engine.begin() as held:  # another worker is mid-claim on source 1: skipped, not waited for
        held.execute(text("SELECT id FROM sources WHERE id = 1 FOR UPDATE"))
        mine = claim_sources(first, now, now + timedelta(minutes=10))
    assert [s.id for s in mine] == [2, 3, 4, 5, 6]
    assert [s.id for s in claim_sources(second, now, now + timedelta(minutes=10))] == [1]
    assert claim_sources(second, now + timedelta(minutes=5), now + timedelta(minutes=15)) == []
    done = mine[0]
    done.next_due = now + timedelta(hours=1)
    first.update_source(done)  # checked: given back, due again in an hour
    later = now + timedelta(minutes=11)  # the other claims lapsed (their workers died)
    assert [s.id for s in claim_sources(second, later, later + timedelta(minutes=10))] == [1, 3, 4, 5, 6]
    first.close()
    second.close()


def test_outbox_claims_skip_locked_deliveries(postgres: StoreDatabases, tmp_path: Path) -> None:
    url = postgres.url(tmp_path)
    store = open_store(url)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    alerts = AlertStore(store.engine, lambda: now)
    sub = AlertService(store, {}).follow(new_subscription("reader", "query", "storm"))
    assert sub.id is not None
    for story in range(1, 5):
        content = AlertContent(story, f"story {story}", [], 1, "asserted", "", "New story")
        alert = Alert(sub.id, story, "new_story", content, f"key{story}", now)
        alerts.enqueue(alert, [PlannedDelivery(f"webhook:https://hooks.example.org/{story}", now)])
    other = open_store(url)
    with other.engine.begin() as held:
        held.execute(text("SELECT id FROM deliveries WHERE id = 2 FOR UPDATE"))
        claimed = alerts.claim_due(now, timedelta(seconds=60))
    assert sorted(d.id for d in claimed) == [1, 3, 4]  # type: ignore[type-var]
    assert [d.id for d in AlertStore(other.engine).claim_due(now, timedelta(seconds=60))] == [2]
    assert alerts.claim_due(now, timedelta(seconds=60)) == []
    store.close()
    other.close()
