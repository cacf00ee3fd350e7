"""Where a backfill's articles and stories go: the store (SQLite or PostgreSQL) or Parquet files.

The store is written from the driver through the ``Store`` API, as online ingest writes it (one
article per key; an article already stored with a story keeps it). Parquet is written by the
executors, for bulk: ``articles/``, ``stories/`` and ``errors/`` under one folder, replaced on rerun.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from newstrace.backfill.resolve import BlockMember, stream_order
from newstrace.backfill.spark import Resolution, resolved_articles, resolved_stories
from newstrace.backfill.warc_records import ExtractedArticle
from newstrace.records import FetchError, Story
from newstrace.store.database import Store

STORY_IDS_STATE_KEY = "story_ids_used"  # as in app.py: story ids are never reused


@dataclass(slots=True)
class WriteSummary:
    target: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0  # already stored with the same content (and kept their story)
    stories: int = 0
    errors: int = 0


class Sink(Protocol):
    def first_story_id(self) -> int: ...

    def write(self, spark: Any, resolution: Resolution, failures: list[FetchError]) -> WriteSummary: ...


@dataclass(frozen=True, slots=True)
class OutputTarget:
    kind: str  # "store" or "parquet"
    path: str | None = None


def parse_output(value: str | None) -> OutputTarget:
    """``store`` (the default: the store of the usual settings) or ``parquet:DIR``."""
    if not value or value == "store":
        return OutputTarget("store")
    kind, _, path = value.partition(":")
    if kind == "parquet" and path:
        return OutputTarget("parquet", path)
    raise ValueError(f"unknown output {value!r}: use store or parquet:DIR")


# -- the store ----------------------------------------------------------------------------------


class StoreSink:
    def __init__(self, store: Store, on_article: Callable[[], None] = lambda: None) -> None:
        self.store = store
        self.on_article = on_article

    def first_story_id(self) -> int:
        return max(self.store.max_story_id(), int(self.store.get_state(STORY_IDS_STATE_KEY) or 0)) + 1

    def write(self, spark: Any, resolution: Resolution, failures: list[FetchError]) -> WriteSummary:
        summary = WriteSummary(str(self.store.engine.url.render_as_string(hide_password=True)))
        for story in resolved_stories(resolution).collect():  # small next to the articles
            self.store.save_story(story)
            summary.stories += 1
        stored: dict[int, int] = {}  # ref -> article id
        assign: list[tuple[int, int, int | None]] = []  # (article id, story id, copy_of ref)
        ordered = resolved_articles(resolution).sortBy(lambda ri: stream_order(BlockMember(*ri)))
        for ref, item in ordered.toLocalIterator(prefetchPartitions=True):
            article = item.article
            story_id, copy_of = article.story_id, article.copy_of
            article.id = article.story_id = article.copy_of = None
            article.raw_hash = None  # the raw record stays in the archive; no raw_documents row
            saved = self.store.save_article(article, None, item.claims, item.entities)
            stored[ref] = saved.article_id
            setattr(summary, saved.status, getattr(summary, saved.status) + 1)
            if saved.story_id is None and story_id is not None:
                assign.append((saved.article_id, story_id, copy_of))
            self.on_article()
        for article_id, story_id, copy_of in assign:
            self.store.set_story(article_id, story_id, stored.get(copy_of) if copy_of else None)
        last = resolution.first_story_id + resolution.story_count - 1
        self.store.set_state(STORY_IDS_STATE_KEY, str(max(last, self.first_story_id() - 1)))
        for failure in failures:
            self.store.record_error(failure)
        summary.errors = len(failures)
        return summary


# -- Parquet ------------------------------------------------------------------------------------


def _utc(when: datetime | None) -> datetime | None:
    if when is None:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def article_row(ref: int, item: ExtractedArticle) -> tuple[Any, ...]:
    a = item.article
    claims = (
        json.dumps([asdict(c) for c in item.claims], ensure_ascii=False) if item.claims is not None else None
    )
    return (
        ref, a.key, a.url, a.canonical_url, a.source, a.title, a.standfirst, list(a.body), list(a.authors),
        _utc(a.published), _utc(a.fetched), a.language, list(a.topics), list(a.cited_sources),
        [(c.text, c.credit) for c in a.captions], a.extracted_by, a.raw_hash, a.content_hash, a.location,
        a.story_id, a.copy_of, claims,
    )  # fmt: skip


def story_row(story: Story) -> tuple[Any, ...]:
    return (
        story.id, story.title, _utc(story.first_seen), _utc(story.last_seen), story.size,
        list(story.outlets), list(story.entities), list(story.topics), list(story.languages),
    )  # fmt: skip


def _schemas() -> tuple[Any, Any, Any]:
    from pyspark.sql.types import (
        ArrayType,
        IntegerType,
        LongType,
        StringType,
        StructField,
        StructType,
        TimestampType,
    )

    def strings() -> ArrayType:
        return ArrayType(StringType())

    captions = ArrayType(StructType([StructField("text", StringType()), StructField("credit", StringType())]))
    articles = StructType(
        [
            StructField("id", LongType(), False),
            StructField("key", StringType(), False),
            *(
                StructField(n, StringType())
                for n in ("url", "canonical_url", "source", "title", "standfirst")
            ),
            StructField("body", strings()),
            StructField("authors", strings()),
            StructField("published", TimestampType()),
            StructField("fetched", TimestampType()),
            StructField("language", StringType()),
            StructField("topics", strings()),
            StructField("cited_sources", strings()),
            StructField("captions", captions),
            *(StructField(n, StringType()) for n in ("extracted_by", "raw_hash", "content_hash", "location")),
            StructField("story_id", LongType()),
            StructField("copy_of", LongType()),
            StructField("claims", StringType()),  # JSON list, when claims were analysed
        ]
    )
    stories = StructType(
        [
            StructField("id", LongType(), False),
            StructField("title", StringType()),
            StructField("first_seen", TimestampType()),
            StructField("last_seen", TimestampType()),
            StructField("size", IntegerType()),
            *(StructField(n, strings()) for n in ("outlets", "entities", "topics", "languages")),
        ]
    )
    errors = StructType([StructField("location", StringType()), StructField("reason", StringType())])
    return articles, stories, errors


class ParquetSink:
    def __init__(self, directory: str) -> None:
        self.directory = directory

    def first_story_id(self) -> int:
        return 1

    def write(self, spark: Any, resolution: Resolution, failures: list[FetchError]) -> WriteSummary:
        articles_schema, stories_schema, errors_schema = _schemas()
        base = self.directory.rstrip("/")
        if "://" not in base:
            Path(base).mkdir(parents=True, exist_ok=True)
        rows = resolved_articles(resolution).map(lambda ri: article_row(*ri))
        spark.createDataFrame(rows, articles_schema).write.mode("overwrite").parquet(f"{base}/articles")
        stories = resolved_stories(resolution).map(story_row)
        spark.createDataFrame(stories, stories_schema).write.mode("overwrite").parquet(f"{base}/stories")
        errors = [(f.location, f.reason) for f in failures]
        spark.createDataFrame(errors, errors_schema).coalesce(1).write.mode("overwrite").parquet(
            f"{base}/errors"
        )
        return WriteSummary(
            f"parquet:{base}", new=resolution.articles, stories=resolution.story_count, errors=len(failures)
        )
