"""Alerts on ECB+ dev streamed through the real pipeline: one new-story alert per gold story?

Data: ECB+ (Cybulska & Vossen, LREC 2014; CC BY 3.0), ../shared/data/ecbplus/ecbplus-dev.jsonl:
772 articles, 33 topics, 66 gold stories (two same-kind events per topic).

Protocol:
1. Subscriptions are chosen from the text alone, blind to the gold stories: the ``--entities`` most
   frequent capitalised two-word names and the ``--queries`` most frequent lowercase words of 7+
   letters, each counted by the number of articles that contain it and kept only when in 5–60
   articles (a name or word specific to a few stories, not to the whole corpus).
2. The file is ingested in file order by a ``Newstrace`` core on a temporary data dir; each clustered
   article goes to ``AlertService.on_result`` (what the main job does), and the delivery loop runs on
   its own thread with default settings, handing alerts to a recording channel.
3. Gold: a (subscription, gold story) pair is relevant when at least one article of the gold story
   matches the subscription (the same matcher, on that article and its entities). Each new-story
   alert is mapped to the gold story holding most of its story's articles. An alert is a true
   positive when its pair is relevant and it is the pair's first alert; a second alert for the same
   pair (the clusterer split the gold story) is a false positive. Recall: relevant pairs alerted.
4. Latency: from the moment an article's ingest finished (stored and clustered) to the moment its
   alert was handed to the channel.

    python benchmarks/alerts.py [--entities 6] [--queries 4] [--topics 1-35] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import tempfile
import threading
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from newstrace.alerts.outbox import RateLimit
from newstrace.alerts.records import Alert, Subscription
from newstrace.alerts.service import AlertService, AlertSettings
from newstrace.alerts.subscriptions import StoryView, new_subscription, subject_matches
from newstrace.app import Newstrace
from newstrace.pipeline import ItemResult
from newstrace.records import Story
from newstrace.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "data" / "ecbplus" / "ecbplus-dev.jsonl"
NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b")
WORD = re.compile(r"\b[a-z]{8,}\b")
MIN_DF, MAX_DF = 5, 60


@dataclass
class HandingChannel:
    """Records when each alert was handed over (wall clock)."""

    handed: dict[str, datetime] = field(default_factory=dict)

    def send(self, destination: str, subscription: Subscription, alerts: list[Alert]) -> None:
        now = datetime.now(UTC)
        for alert in alerts:
            self.handed[alert.idempotency_key] = now


def frequent(rows: list[dict], pattern: re.Pattern[str], n: int, skip: set[str]) -> list[str]:
    df: Counter[str] = Counter()
    for row in rows:
        df.update(set(pattern.findall(row["title"] + "\n" + row["text"])))
    ranked = [(-c, w) for w, c in df.items() if MIN_DF <= c <= MAX_DF and w.split()[0] not in skip]
    return [w for _, w in sorted(ranked)[:n]]


# Sentence-initial words and titles that make capitalised pairs which are not names.
NOT_NAMES = {"The", "In", "On", "At", "But", "And", "He", "She", "It", "A", "An", "This", "That", "Mr",
             "Mrs", "Ms", "Dr", "According", "After", "When", "Police", "Associated", "New", "Los",
             "San"}  # fmt: skip


def choose_subscriptions(rows: list[dict], entities: int, queries: int) -> list[Subscription]:
    """Names and words by document frequency; each subscription its own destination (rate limits)."""
    chosen = [("entity", v) for v in frequent(rows, NAME, entities, NOT_NAMES)]
    chosen += [("query", w) for w in frequent(rows, WORD, queries, set())]
    return [new_subscription("bench", kind, value, f"webhook:http://127.0.0.1:9/bench/{i}")
            for i, (kind, value) in enumerate(chosen)]  # fmt: skip


def parse_topics(spec: str) -> set[int]:
    low, _, high = spec.partition("-")
    return set(range(int(low), int(high or low) + 1))


def run(entities: int, queries: int, topics: set[int], rate_limit: int | None) -> dict:
    rows = [r for r in map(json.loads, ECB.read_text(encoding="utf-8").splitlines()) if r["topic"] in topics]
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "ecbplus-dev.jsonl"
        batch.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        core = Newstrace.open(
            Settings(data_dir=str(Path(tmp) / "data"), default_feeds=False, load_sample=False, alerts=False)
        )
        channel = HandingChannel()
        settings = AlertSettings()
        if rate_limit:
            settings = replace(settings, rate_limit=RateLimit(messages=rate_limit))
        service = AlertService(core.store, {"webhook": channel}, settings=settings)
        postponed: list[int] = []
        subs = [service.follow(s) for s in choose_subscriptions(rows, entities, queries)]
        ingested: dict[int, datetime] = {}
        gold_of: dict[int, str] = {}

        def progress(result: ItemResult) -> None:
            if result.article_id is None or result.story_id is None:
                return
            ingested.setdefault(result.article_id, datetime.now(UTC))
            gold_of[result.article_id] = rows[int(result.location.rsplit(":", 1)[1]) - 1]["story"]
            if result.outcome != "unchanged":
                service.on_result(result.article_id, result.story_id, result.new_story, result.moved_to)

        stop = threading.Event()
        worker = threading.Thread(
            target=service.run, args=(stop, lambda r: postponed.append(r.postponed)), daemon=True
        )
        worker.start()
        started = datetime.now(UTC)
        core.ingest([str(batch)], progress=progress)
        seconds = (datetime.now(UTC) - started).total_seconds()
        while service.alerts.outbox_counts().pending or service.alerts.outbox_counts().sending:
            stop.wait(0.2)
        stop.set()
        service.wake.set()
        worker.join()
        result = score(core, service, subs, gold_of, ingested, channel)
        result.update(
            articles=len(rows), ingest_seconds=round(seconds, 1), subscriptions=[s.value for s in subs]
        )
        core.close()
    return result


def score(
    core: Newstrace, service: AlertService, subs: list[Subscription], gold_of: dict[int, str],
    ingested: dict[int, datetime], channel: HandingChannel,
) -> dict:  # fmt: skip
    members: dict[int, Counter[str]] = {}
    relevant: set[tuple[int, str]] = set()
    empty = Story(None, "", None, None)
    for article in core.store.iter_articles():
        assert article.id is not None
        if article.story_id is not None:
            members.setdefault(article.story_id, Counter())[gold_of[article.id]] += 1
        view = StoryView(empty, article, [e.text for e in core.store.get_entities(article.id)])
        relevant |= {(s.id or 0, gold_of[article.id]) for s in subs if subject_matches(s, view)}
    alerts = [a for a in service.alerts.list_alerts(limit=100_000) if a.kind == "new_story"]
    per_pair: Counter[tuple[int, str]] = Counter()
    tp = fp = 0
    for alert in sorted(alerts, key=lambda a: a.created_at):
        pair = (alert.subscription_id, members[alert.story_id].most_common(1)[0][0])
        per_pair[pair] += 1
        tp += pair in relevant and per_pair[pair] == 1
        fp += pair not in relevant or per_pair[pair] > 1
    histogram = Counter(min(per_pair[p], 3) for p in relevant)
    pieces = Counter(gold for counts in members.values() for gold in counts)  # system stories per gold story
    matched_right = sum(1 for pair in per_pair if pair in relevant)
    alerted_golds = {(a.subscription_id, g) for a in alerts for g in members[a.story_id]}
    missed = [p for p in relevant if p not in per_pair]
    missed_in_merged = sum(1 for p in missed if p in alerted_golds)  # alerted via a story led by another
    latencies = [
        (channel.handed[a.idempotency_key] - ingested[a.article_id]).total_seconds()
        for a in service.alerts.list_alerts(limit=100_000)
        if a.idempotency_key in channel.handed and a.article_id in ingested
    ]
    updates = Counter(a.kind for a in service.alerts.list_alerts(limit=100_000) if a.kind != "new_story")
    return {
        "relevant_pairs": len(relevant),
        "new_story_alerts": len(alerts),
        "alerts_per_relevant_gold_story": {
            str(k) if k < 3 else "3+": v for k, v in sorted(histogram.items())
        },
        "precision": round(tp / max(tp + fp, 1), 3),
        "recall": round(tp / max(len(relevant), 1), 3),
        "missed_pairs": len(missed),
        "missed_inside_a_merged_story": missed_in_merged,
        "precision_ignoring_splits": round(matched_right / max(len(per_pair), 1), 3),
        "system_stories_per_gold_story": round(statistics.mean(pieces.values()), 2) if pieces else None,
        "update_alerts": dict(updates),
        "latency_median_s": round(statistics.median(latencies), 3) if latencies else None,
        "latency_p95_s": round(sorted(latencies)[int(0.95 * (len(latencies) - 1))], 3) if latencies else None,
        "delivered": len(channel.handed),
        "system_stories": len(members),
        "gold_stories": len(set(gold_of.values())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entities", type=int, default=6)
    parser.add_argument("--queries", type=int, default=4)
    parser.add_argument("--topics", default="1-45")
    parser.add_argument("--rate-limit", type=int, default=None, help="messages per minute per destination")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.entities, args.queries, parse_topics(args.topics), args.rate_limit)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print("Alerts on ECB+ dev (Cybulska & Vossen 2014, CC BY 3.0), file order, default settings")
    for key, value in result.items():
        print(f"  {key:32} {value}")


if __name__ == "__main__":
    main()
