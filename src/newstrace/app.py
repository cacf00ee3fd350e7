"""The one core object that the CLI, the web app and the API all use.

It holds the settings, the store, the clock, the fetcher, the story clusterer, the provenance tracker
and the alert service, and exposes the operations people ask for: ingest, run, look up, search,
trace, follow, re-cluster, export.
"""

from __future__ import annotations

import gzip
import io
import json
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from importlib import resources
from typing import IO

from newstrace.alerts.channels.email import SmtpSettings
from newstrace.alerts.channels.registry import ChannelConfig, build_channels
from newstrace.alerts.service import AlertService, AlertSettings
from newstrace.analyse.embedding import ArticleEncoder
from newstrace.cluster.crosslingual import CrossLingualConfig
from newstrace.cluster.index import WindowConfig
from newstrace.cluster.stories import ClusterConfig, StoryClusterer
from newstrace.extract.documents import extract_article
from newstrace.extract.errors import ExtractionError
from newstrace.fetch.feeds import poll_sources
from newstrace.fetch.http import Fetcher
from newstrace.fetch.inputs import read_inputs
from newstrace.fetch.opml import default_sources
from newstrace.fetch.scheduler import due_sources
from newstrace.pipeline import (
    AnalysedArticle,
    IngestReport,
    ItemResult,
    StoryAssigner,
    analyse_article,
    failed,
    process_document,
)
from newstrace.records import Article, Claim, FetchError, RawDocument, Source, Story
from newstrace.settings import Settings
from newstrace.store import SearchHit, Store, StoreCounts, open_store
from newstrace.store.database import Clock, utc_now
from newstrace.store.workers import claim_sources
from newstrace.trace.provenance import Provenance
from newstrace.trace.tracker import ProvenanceTracker

Progress = Callable[[ItemResult], None]
SAMPLE_STATE_KEY = "sample_loaded"
DEFAULT_FEEDS_STATE_KEY = "default_feeds_added"
STORY_IDS_STATE_KEY = "story_ids_used"
# How long a worker holds the due feeds it claimed (PostgreSQL) before another may take them: a round
# over its feeds takes seconds to a few minutes (fetch_timeout per request); a crashed worker's feeds
# wait at most this long. A judgement, not calibrated.
FEED_CLAIM = timedelta(minutes=10)


@dataclass(slots=True)
class PollReport:
    sources: int
    not_modified: int
    failed_sources: list[FetchError]
    ingest: IngestReport


def _ignore(_: ItemResult) -> None:
    return None


class Newstrace:
    def __init__(
        self, settings: Settings, store: Store, clock: Clock = utc_now, fetcher: Fetcher | None = None
    ):
        self.settings = settings
        self.store = store
        self.clock = clock
        self.fetcher = fetcher or Fetcher(settings)
        # The clusterer is restored on first use (reads need none) and, when several workers share a
        # PostgreSQL store, kept in step with their assignments.
        self.encoder = ArticleEncoder() if settings.cross_lingual else None  # the model loads on first use
        self.assigner = StoryAssigner(store, self._new_clusterer, self.encoder)
        self.tracker = ProvenanceTracker(store)
        self.alerts = self._alert_service()
        # The main job and the web app's writes take turns on the clusterer (other processes writing
        # to a PostgreSQL store take turns through the store's story lock).
        self.write_lock = threading.RLock()

    @classmethod
    def open(cls, settings: Settings, clock: Clock = utc_now, fetcher: Fetcher | None = None) -> Newstrace:
        return cls(settings, open_store(settings.effective_database_url(), clock), clock, fetcher)

    def close(self) -> None:
        self.fetcher.close()
        self.store.close()

    def _alert_service(self) -> AlertService:
        settings = self.settings
        service = AlertService(
            self.store, {}, self.clock, AlertSettings(base_url=settings.effective_base_url()), self.tracker
        )
        smtp = (
            SmtpSettings(
                settings.smtp_host,
                settings.smtp_port,
                settings.smtp_sender,
                settings.smtp_username,
                settings.smtp_password,
                settings.smtp_starttls,
            )
            if settings.smtp_host
            else None
        )
        config = ChannelConfig(
            settings.data_dir,
            smtp,
            settings.vapid_subject,
            allow_private_addresses=settings.allow_private_addresses,
        )
        service.channels = build_channels(config, service.alerts)
        service.catch_up()
        return service

    # -- stories state -------------------------------------------------------------------------
    def _cluster_config(self) -> ClusterConfig:
        config = ClusterConfig(window=WindowConfig(window_days=self.settings.story_window_days))
        if not self.settings.cross_lingual:
            config = replace(config, cross_lingual=CrossLingualConfig(weight=0.0))
        if self.settings.story_threshold:
            config = replace(config, threshold=self.settings.story_threshold)
        return config

    def _next_story_id(self) -> int:
        """Story ids are never reused, not even after re-clustering (alerts are keyed by them)."""
        return max(self.store.max_story_id(), int(self.store.get_state(STORY_IDS_STATE_KEY) or 0)) + 1

    @property
    def clusterer(self) -> StoryClusterer:
        return self.assigner.clusterer

    def _new_clusterer(self) -> StoryClusterer:
        """An empty clusterer (the assigner replays the stored, clustered articles into it)."""
        return StoryClusterer(self._cluster_config(), self._next_story_id(), encoder=self.encoder)

    # -- ingestion -----------------------------------------------------------------------------
    def process(self, raw: RawDocument) -> ItemResult:
        if raw.fetched_at is None:  # read from a file or stdin: first seen now
            raw.fetched_at = self.clock()
        return process_document(self.store, self.assigner, raw)

    def ingest_documents(
        self, documents: Iterable[RawDocument | FetchError], progress: Progress = _ignore
    ) -> IngestReport:
        report = IngestReport()
        for item in documents:
            with self.write_lock:
                result = failed(self.store, item) if isinstance(item, FetchError) else self.process(item)
                if result.story_id is not None and result.outcome in ("new", "updated"):
                    incremental = result.outcome == "new" and not result.moved_from
                    self.tracker.update(result.story_id, incremental=incremental)
                    for story_id in result.moved_from:
                        self.tracker.update(story_id, incremental=False)
                    if self.settings.alerts and result.article_id is not None:
                        self.alerts.on_result(
                            result.article_id, result.story_id, result.new_story, result.moved_to
                        )
            report.results.append(result)
            progress(result)
        return report

    def ingest(
        self, items: Iterable[str], progress: Progress = _ignore, stdin: IO[bytes] | None = None
    ) -> IngestReport:
        """Ingest files, folders, globs, URLs, feeds, WARC and JSON Lines (``-`` reads standard input)."""
        return self.ingest_documents(read_inputs(items, self.settings, self.fetcher, stdin=stdin), progress)

    def load_sample(self, progress: Progress = _ignore, force: bool = False) -> IngestReport | None:
        """Load the bundled ECB+ sample once into a store (CC BY 3.0, see data/sample/README.md)."""
        if self.store.get_state(SAMPLE_STATE_KEY) and not force:
            return None
        report = self.ingest_documents(sample_documents(), progress)
        self.store.set_state(SAMPLE_STATE_KEY, self.clock().isoformat())
        return report

    # -- feeds ---------------------------------------------------------------------------------
    def add_default_sources(self) -> int:
        """Follow the bundled feed list once, on first start (removals stay removed)."""
        if not self.settings.default_feeds or self.store.get_state(DEFAULT_FEEDS_STATE_KEY):
            return 0
        added = self.store.add_sources(default_sources())
        self.store.set_state(DEFAULT_FEEDS_STATE_KEY, self.clock().isoformat())
        return added

    def sources(self) -> list[Source]:
        return self.store.list_sources()

    def add_sources(self, sources: Iterable[Source]) -> int:
        return self.store.add_sources(sources)

    def remove_source(self, feed_url: str) -> bool:
        return self.store.remove_source(feed_url)

    def poll_due_feeds(self, progress: Progress = _ignore, now: datetime | None = None) -> PollReport:
        """Fetch every due feed once (conditionally) and ingest the new entries' pages."""
        now = now or self.clock()
        # Several workers on PostgreSQL each claim the due feeds no other holds, for a while (a lease).
        due = due_sources(claim_sources(self.store, now, now + FEED_CLAIM), now)
        report = PollReport(len(due), 0, [], IngestReport())
        polls = poll_sources(due, self.fetcher, now, self.store.has_url, self.settings.fetch_workers)
        for source, poll in zip(due, polls, strict=True):
            self.store.update_source(poll.source)
            if poll.not_modified:
                report.not_modified += 1
            if poll.source.last_error and poll.source.error_count:
                report.failed_sources.append(FetchError(source.feed_url, poll.source.last_error))
            sub = self.ingest_documents([*poll.documents, *poll.errors], progress)
            report.ingest.results.extend(sub.results)
        return report

    def run(
        self,
        stop: threading.Event,
        progress: Progress = _ignore,
        on_round: Callable[[PollReport], None] | None = None,
    ) -> None:
        """The main job: keep the store current and deliver alerts until ``stop`` is set (or one round)."""
        delivery = threading.Thread(
            target=self.alerts.run, args=(stop,), name="newstrace-alerts", daemon=True
        )
        delivery.start()
        try:
            while not stop.is_set():
                report = self.poll_due_feeds(progress)
                if on_round:
                    on_round(report)
                if self.settings.run_once:
                    self.alerts.deliver_due()
                    return
                stop.wait(self._seconds_to_next_due())
        finally:
            stop.set()
            self.alerts.wake.set()
            delivery.join()

    def _seconds_to_next_due(self) -> float:
        now = self.clock()
        dues = [s.next_due for s in self.store.list_sources() if s.active and s.next_due]
        if not dues:
            return self.settings.feed_interval
        wait = (min(dues) - now).total_seconds()
        return max(1.0, min(wait, self.settings.feed_interval))

    # -- reading -------------------------------------------------------------------------------
    def article(self, article_id: int) -> Article | None:
        return self.store.get_article(article_id)

    def claims(self, article_id: int) -> list[Claim]:
        return self.store.get_claims(article_id)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        return self.store.search(query, limit)

    def stories(self, order: str = "latest", limit: int = 20, min_size: int = 1) -> list[Story]:
        return self.store.list_stories(order=order, limit=limit, min_size=min_size)

    def story(self, story_id: int) -> tuple[Story, list[Article]] | None:
        story = self.store.get_story(story_id)
        return (story, self.store.story_articles(story_id)) if story else None

    def provenance(self, story_id: int) -> Provenance | None:
        """Where a story came from: timeline, origin, derivation, citations, families, drift."""
        trace = self.tracker.get(story_id)
        return trace.provenance if trace else None

    def counts(self) -> StoreCounts:
        return self.store.counts()

    def export(self) -> Iterator[dict]:
        for article in self.store.iter_articles():
            yield article.to_dict()

    def recluster(self, progress: Progress = _ignore) -> int:
        """Forget every story and assign all stored articles again, in publication order."""
        first_id = self._next_story_id()
        self.store.set_state(STORY_IDS_STATE_KEY, str(first_id - 1))
        self.store.clear_stories()
        self.tracker.forget()
        self.assigner.reset(StoryClusterer(self._cluster_config(), first_id, encoder=self.encoder))
        count = 0
        for article in self.store.iter_articles(order="date"):
            assignment = self.assigner.assign(article)
            if assignment is None:  # a worker ingesting meanwhile got there first
                continue
            self.tracker.update(assignment.story_id, incremental=not assignment.moves)
            for story_id in {m.from_story for m in assignment.moves}:
                self.tracker.update(story_id, incremental=False)
            progress(
                ItemResult(
                    article.location or article.key,
                    "unchanged",
                    article.id,
                    assignment.story_id,
                    assignment.is_new,
                )
            )
            count += 1
        return count


def analyse_inputs(items: Iterable[str], settings: Settings) -> Iterator[AnalysedArticle | FetchError]:
    """Extract and analyse pages without storing them (``newstrace analyze`` and ``claims FILE``)."""
    with Fetcher(settings) as fetcher:
        for doc in read_inputs(items, settings, fetcher):
            if isinstance(doc, FetchError):
                yield doc
                continue
            try:
                yield analyse_article(extract_article(doc))
            except ExtractionError as error:
                yield FetchError(doc.location, error.reason)


def sample_documents() -> Iterator[RawDocument]:
    """The bundled sample as JSON Lines documents (one per article)."""
    ref = resources.files("newstrace") / "data" / "sample" / "ecbplus-sample.jsonl.gz"
    with ref.open("rb") as packed, gzip.open(packed, "rb") as lines:
        for number, line in enumerate(io.BufferedReader(lines), start=1):  # type: ignore[arg-type]
            if line.strip():
                record_id = json.loads(line).get("id", number)
                yield RawDocument(location=f"sample:{record_id}", content=line.strip(), kind="jsonl")
