"""The alert service: match each article's story against subscriptions, keep the outbox, deliver.

Two entry points for the core:

- ``on_article(article, story, is_new)`` on the ingest thread, after the article has its story: match
  and enqueue (no network). It records how far it got (``alerts_matched_upto`` in the state table), so
  ``catch_up()`` at start-up re-matches what a crash left unmatched; the outbox's unique keys make
  the second pass a no-op for what was already enqueued.
- ``deliver_due(now)`` on a background thread (``run(stop)`` loops over it): claim due deliveries with
  a lease, send each through its channel (groups in parallel, so a slow or failing channel never
  holds the others up), record sent / retry with backoff / dead letter.

Guarantee: exactly one alert row per (subscription, story, kind), across crashes and restarts; each
delivery is at-least-once. A crash after a receiver accepted a message but before it was recorded
resends it after the lease runs out, with the same idempotency key (webhook ``Idempotency-Key``
header, e-mail Message-ID, push Topic): receivers that drop a repeated key see it exactly once.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from newstrace.alerts.channels.base import SUMMARIES, Channel, ChannelError, alert_json
from newstrace.alerts.channels.feed import atom_feed
from newstrace.alerts.digest import (
    cut_by_the_limit,
    group_for_sending,
    in_quiet_hours,
    quiet_hours_end,
    release_at,
)
from newstrace.alerts.events import StorySignals, story_signals, update_events
from newstrace.alerts.outbox import RateLimit, RateLimiter, RetryPolicy
from newstrace.alerts.records import (
    Alert,
    AlertContent,
    Delivery,
    DeliveryReport,
    EventKind,
    PushEndpoint,
    Subscription,
)
from newstrace.alerts.subscriptions import StoryView, filters_pass, followed_first, subject_matches
from newstrace.records import Article, Story
from newstrace.store import Store
from newstrace.store.alerts import AlertStore, PlannedDelivery
from newstrace.store.database import Clock, utc_now
from newstrace.trace.citations import article_key
from newstrace.trace.tracker import ProvenanceTracker

WATERMARK_KEY = "alerts_matched_upto"
INSTANCE_KEY = "alerts_instance_id"


@dataclass(frozen=True, slots=True)
class AlertSettings:
    base_url: str = "http://localhost:8000"  # links in alerts: <base_url>/stories/<id>
    lease_seconds: float = 60.0  # a claimed delivery not recorded within this is claimed again
    batch: int = 200  # deliveries claimed per pass
    workers: int = 4  # messages sent in parallel
    idle_poll_seconds: float = 5.0  # longest sleep of the delivery loop (enqueues by other processes)
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    rate_limit: RateLimit = field(default_factory=RateLimit)


@dataclass(slots=True)
class AlertEntry:
    """An alert as ``newstrace alerts`` lists it."""

    alert: Alert
    subscription: Subscription
    deliveries: list[Delivery]

    def to_dict(self) -> dict[str, Any]:
        """The JSON twin of one listed alert (``newstrace alerts --json``, the web API)."""
        return {
            **alert_json(self.alert),
            "follow": {"kind": self.subscription.kind, "value": self.subscription.value,
                       "channel": self.subscription.channel, "user": self.subscription.user},
            "deliveries": [
                {"destination": d.destination, "status": d.status, "attempts": d.attempts,
                 "last_error": d.last_error, "sent_at": d.sent_at.isoformat() if d.sent_at else None}
                for d in self.deliveries
            ],
        }  # fmt: skip


def idempotency_key(instance: str, subscription_id: int, story_id: int, kind: str) -> str:
    """32 hex characters, unique per installation, subscription, story and kind."""
    raw = f"{instance}:{subscription_id}:{story_id}:{kind}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


class AlertService:
    def __init__(
        self,
        store: Store,
        channels: Mapping[str, Channel],
        clock: Clock = utc_now,
        settings: AlertSettings | None = None,
        tracker: ProvenanceTracker | None = None,
    ) -> None:
        self.store = store
        self.channels = dict(channels)
        self.clock = clock
        self.settings = settings or AlertSettings()
        self.alerts = AlertStore(store.engine, clock)
        self.wake = threading.Event()
        self._limiter = RateLimiter(self.settings.rate_limit)
        self.tracker = tracker or ProvenanceTracker(store)
        self._instance = store.get_state(INSTANCE_KEY) or self._new_instance()
        if store.get_state(WATERMARK_KEY) is None:  # articles stored before alerting began never alert
            store.set_state(WATERMARK_KEY, str(self.alerts.max_article_id()))

    def _new_instance(self) -> str:
        instance = secrets.token_hex(8)
        self.store.set_state(INSTANCE_KEY, instance)
        return instance

    # -- subscriptions ---------------------------------------------------------------------------
    def follow(self, subscription: Subscription) -> Subscription:
        return self.alerts.add_subscription(subscription)

    def unfollow(self, subscription_id: int, user: str | None = None) -> bool:
        return self.alerts.remove_subscription(subscription_id, user)

    def subscriptions(self, user: str | None = None) -> list[Subscription]:
        return self.alerts.list_subscriptions(user)

    def register_push(self, endpoint: PushEndpoint) -> PushEndpoint:
        return self.alerts.add_push_endpoint(endpoint)

    def alert_entries(self, user: str | None = None, limit: int = 50) -> list[AlertEntry]:
        subs = {s.id: s for s in self.alerts.list_subscriptions(user, active_only=False)}
        return [
            AlertEntry(a, subs[a.subscription_id], self.alerts.deliveries(alert_id=a.id))
            for a in self.alerts.list_alerts(user, limit=limit)
            if a.subscription_id in subs
        ]

    def feed(self, subscription_id: int, self_url: str, limit: int = 50) -> bytes | None:
        """The Atom feed of one subscription, or None when there is no such subscription."""
        sub = self.alerts.get_subscription(subscription_id)
        if sub is None:
            return None
        alerts = self.alerts.list_alerts(subscription_id=subscription_id, limit=limit)
        return atom_feed(sub, alerts, self_url, self.clock())

    # -- matching (ingest thread) ------------------------------------------------------------------
    def on_result(
        self, article_id: int, story_id: int, is_new: bool, split_into: Sequence[int] = ()
    ) -> list[Alert]:
        """``on_article`` for an ingest result (loads the article and the story), then ``on_split``
        for the stories a split made as it arrived (``ItemResult.moved_to``)."""
        article, story = self.store.get_article(article_id), self.store.get_story(story_id)
        created = self.on_article(article, story, is_new) if article is not None and story is not None else []
        for new_story in split_into:
            created += self.on_split(new_story)
        return created

    def on_split(self, story_id: int) -> list[Alert]:
        """A story that a split carved out of another (two events an early join had fused) is a new
        story to its followers: its articles are matched, in order, for new-story alerts only (the
        story they left has had its alerts; updates come as later articles join)."""
        story = self.store.get_story(story_id)
        if story is None:
            return []
        created: list[Alert] = []
        for article in sorted(self.store.story_articles(story_id), key=lambda a: a.id or 0):
            created += self._match(article, story, updates=False)
        if created:
            self.wake.set()
        return created

    def on_article(self, article: Article, story: Story, is_new: bool) -> list[Alert]:
        """Match the story ``article`` just joined and enqueue its alerts; fast, no network."""
        assert article.id is not None and story.id is not None
        # is_new is not needed: whether a story is new *to a subscription* is what the outbox knows
        created = self._match(article, story)
        self._advance_watermark(article.id)
        if created:
            self.wake.set()
        return created

    def _match(self, article: Article, story: Story, updates: bool = True) -> list[Alert]:
        assert article.id is not None and story.id is not None
        subs = self.alerts.list_subscriptions()
        if not subs:
            return []
        already = self.alerts.story_alert_kinds(story.id)
        entities = [e.text for e in self.store.get_entities(article.id)]
        view = StoryView(story, article, entities)
        wanted = [s for s in subs if "new_story" in already.get(s.id or 0, set()) or subject_matches(s, view)]
        if not wanted:
            return []
        signals = self._signals(article, story.id)
        view.independent_sources = signals.independent_sources
        created = []
        for sub in wanted:
            if not filters_pass(sub, view):
                continue
            done = already.get(sub.id or 0, set())
            if "new_story" in done and not updates:
                continue
            for kind in self._events(sub, article, story.id, signals, done):
                alert = self._enqueue(sub, story, article, kind, signals)
                if alert is not None:
                    created.append(alert)
        return created

    def _events(
        self, sub: Subscription, article: Article, story_id: int, signals: StorySignals, done: set[str]
    ) -> list[EventKind]:
        if "new_story" not in done:
            return ["new_story"]
        assert sub.id is not None
        first = self.alerts.find_alert(sub.id, story_id, "new_story")
        if first is None or first.article_id == article.id:  # an update is a change after the alert
            return []
        return update_events(signals, first.content, done)

    def _signals(self, article: Article, story_id: int) -> StorySignals:
        """The story's signals after ``article`` joined, from its current provenance."""
        trace = self.tracker.get(story_id)
        assert trace is not None
        return story_signals(article_key(article), trace.claims, trace.provenance)

    def _enqueue(
        self, sub: Subscription, story: Story, article: Article, kind: EventKind, signals: StorySignals
    ) -> Alert | None:
        assert sub.id is not None and story.id is not None
        now = self.clock()
        content = AlertContent(
            story_id=story.id, title=story.title, outlets=followed_first(sub, story.outlets),
            independent_sources=signals.independent_sources, certainty=signals.certainty,
            link=f"{self.settings.base_url.rstrip('/')}/stories/{story.id}", summary=SUMMARIES[kind],
            languages=list(story.languages),
        )  # fmt: skip
        key = idempotency_key(self._instance, sub.id, story.id, kind)
        alert = Alert(sub.id, story.id, kind, content, key, now, article.id)
        return self.alerts.enqueue(alert, self._plan(sub, now))

    def _plan(self, sub: Subscription, now: datetime) -> list[PlannedDelivery]:
        due = release_at(sub, now)
        if sub.channel_kind == "feed":
            return []
        if sub.channel_kind == "webpush":
            return [
                PlannedDelivery(f"webpush:{e.id}", due, sub.digest)
                for e in self.alerts.push_endpoints(sub.user)
            ]
        return [PlannedDelivery(sub.channel, due, sub.digest)]

    def _advance_watermark(self, article_id: int) -> None:
        if article_id > int(self.store.get_state(WATERMARK_KEY) or 0):
            self.store.set_state(WATERMARK_KEY, str(article_id))

    def catch_up(self) -> int:
        """Match the clustered articles stored after the watermark (what a crash left unmatched)."""
        done = 0
        for article_id in self.alerts.clustered_article_ids_after(
            int(self.store.get_state(WATERMARK_KEY) or 0)
        ):
            article = self.store.get_article(article_id)
            story = self.store.get_story(article.story_id) if article and article.story_id else None
            if article is not None and story is not None:
                self.on_article(article, story, False)
                done += 1
        return done

    # -- delivery (background thread) ------------------------------------------------------------
    def deliver_due(self, now: datetime | None = None) -> DeliveryReport:
        now = now or self.clock()
        report = DeliveryReport()
        claimed = self.alerts.claim_due(
            now, timedelta(seconds=self.settings.lease_seconds), self.settings.batch
        )
        ready: list[tuple[Subscription, list[Delivery]]] = []
        subs: dict[int, Subscription | None] = {}
        groups = group_for_sending(claimed)
        cut = cut_by_the_limit(groups, claimed, self.settings.batch)
        if cut:  # given back whole, for the next pass
            self.alerts.postpone([d.id for d in cut if d.id is not None], now)
            report.postponed += len(cut)
        for group in groups:
            if group is cut:
                continue
            sub_id = group[0].alert.subscription_id
            sub = (
                subs[sub_id]
                if sub_id in subs
                else subs.setdefault(sub_id, self.alerts.get_subscription(sub_id))
            )
            ids = [d.id for d in group if d.id is not None]
            if sub is None:
                self.alerts.mark_failed(ids, "subscription removed", None)
                report.dead += len(ids)
                continue
            wait = self._limiter.wait_until(group[0].destination, now)
            if in_quiet_hours(sub, now) or wait is not None:
                self.alerts.postpone(ids, max(quiet_hours_end(sub, now), wait or now))
                report.postponed += len(ids)
                continue
            self._limiter.record(group[0].destination, now)
            ready.append((sub, group))
        if len(ready) <= 1:
            outcomes = [self._send(sub, group) for sub, group in ready]
        else:
            with ThreadPoolExecutor(max_workers=self.settings.workers) as pool:
                outcomes = list(pool.map(lambda pair: self._send(*pair), ready))
        for outcome in outcomes:
            report.sent += outcome.sent
            report.retried += outcome.retried
            report.dead += outcome.dead
            report.latencies.extend(outcome.latencies)
        return report

    def _send(self, sub: Subscription, group: list[Delivery]) -> DeliveryReport:
        """Send one message for a group of deliveries and record the outcome."""
        outcome = DeliveryReport()
        ids = [d.id for d in group if d.id is not None]
        destination = group[0].destination
        channel = self.channels.get(destination.split(":", 1)[0])
        handed = self.clock()
        try:
            if channel is None:
                raise ChannelError(f"no {destination.split(':', 1)[0]} channel is configured")
            channel.send(destination, sub, [d.alert for d in group])
        except Exception as error:  # a failing channel is recorded and retried, never raised
            permanent = isinstance(error, ChannelError) and error.permanent
            retry_at = self.settings.retry.retry_at(max(d.attempts for d in group), self.clock(), permanent)
            self.alerts.mark_failed(ids, f"{type(error).__name__}: {error}", retry_at)
            if retry_at is None:
                outcome.dead += len(ids)
            else:
                outcome.retried += len(ids)
            return outcome
        self.alerts.mark_sent(ids, handed, self.clock())
        outcome.sent += len(ids)
        outcome.latencies.extend((handed - d.alert.created_at).total_seconds() for d in group)
        return outcome

    def seconds_to_next_due(self) -> float:
        due = self.alerts.next_due()
        idle = self.settings.idle_poll_seconds
        if due is None:
            return idle
        return min(max((due - self.clock()).total_seconds(), 0.0), idle)

    def run(self, stop: threading.Event, on_report: Callable[[DeliveryReport], None] | None = None) -> None:
        """The delivery loop of the main job: deliver, then sleep until due, woken by new alerts."""
        while not stop.is_set():
            self.wake.clear()
            report = self.deliver_due()
            if on_report is not None:
                on_report(report)
            self.wake.wait(min(self.seconds_to_next_due(), 1.0))  # notices ``stop`` within a second
