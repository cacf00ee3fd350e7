"""Conversions between records and table rows (JSON lists, ISO times, compressed bytes)."""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from newstrace.analyse import embedding
from newstrace.records import Article, Caption, Claim, Source, Span, Story


def to_iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def from_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def compress(content: bytes) -> bytes:
    return zlib.compress(content, 6)


def decompress(blob: bytes) -> bytes:
    return zlib.decompress(blob)


def article_row(article: Article) -> dict[str, Any]:
    return {
        "key": article.key,
        "url": article.url,
        "canonical_url": article.canonical_url,
        "source": article.source,
        "title": article.title,
        "standfirst": article.standfirst,
        "authors": json.dumps(article.authors, ensure_ascii=False),
        "published": to_iso(article.published),
        "fetched": to_iso(article.fetched),
        "language": article.language,
        "body": json.dumps(article.body, ensure_ascii=False),
        "captions": json.dumps([asdict(c) for c in article.captions], ensure_ascii=False),
        "cited_sources": json.dumps(article.cited_sources, ensure_ascii=False),
        "topics": json.dumps(article.topics, ensure_ascii=False),
        "extracted_by": article.extracted_by,
        "raw_hash": article.raw_hash,
        "content_hash": article.content_hash,
        "location": article.location,
        "embedding": None if article.embedding is None else embedding.to_bytes(article.embedding),
    }


def article_from_row(row: Mapping[Any, Any]) -> Article:
    return Article(
        id=row["id"],
        title=row["title"],
        body=json.loads(row["body"]),
        url=row["url"],
        canonical_url=row["canonical_url"],
        source=row["source"],
        standfirst=row["standfirst"],
        authors=json.loads(row["authors"]),
        published=from_iso(row["published"]),
        fetched=from_iso(row["fetched"]),
        language=row["language"],
        captions=[Caption(**c) for c in json.loads(row["captions"])],
        cited_sources=json.loads(row["cited_sources"]),
        topics=json.loads(row["topics"]),
        extracted_by=row["extracted_by"],
        raw_hash=row["raw_hash"],
        location=row["location"],
        story_id=row["story_id"],
        copy_of=row["copy_of"],
        embedding=embedding.from_bytes(row["embedding"]) if row.get("embedding") else None,
    )


def source_row(source: Source) -> dict[str, Any]:
    return {
        "feed_url": source.feed_url,
        "name": source.name,
        "home_url": source.home_url,
        "language": source.language,
        "country": source.country,
        "etag": source.etag,
        "last_modified": source.last_modified,
        "last_fetch": to_iso(source.last_fetch),
        "next_due": to_iso(source.next_due),
        "error_count": source.error_count,
        "last_error": source.last_error,
        "active": int(source.active),
    }


def source_from_row(row: Mapping[Any, Any]) -> Source:
    return Source(
        id=row["id"],
        feed_url=row["feed_url"],
        name=row["name"],
        home_url=row["home_url"],
        language=row["language"],
        country=row["country"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        last_fetch=from_iso(row["last_fetch"]),
        next_due=from_iso(row["next_due"]),
        error_count=row["error_count"],
        last_error=row["last_error"],
        active=bool(row["active"]),
    )


def story_row(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "first_seen": to_iso(story.first_seen),
        "last_seen": to_iso(story.last_seen),
        "size": story.size,
        "outlets": json.dumps(story.outlets, ensure_ascii=False),
        "entities": json.dumps(story.entities, ensure_ascii=False),
        "topics": json.dumps(story.topics, ensure_ascii=False),
        "languages": json.dumps(story.languages, ensure_ascii=False),
    }


def story_from_row(row: Mapping[Any, Any]) -> Story:
    return Story(
        id=row["id"],
        title=row["title"],
        first_seen=from_iso(row["first_seen"]),
        last_seen=from_iso(row["last_seen"]),
        size=row["size"],
        outlets=json.loads(row["outlets"]),
        entities=json.loads(row["entities"]),
        topics=json.loads(row["topics"]),
        languages=json.loads(row["languages"]),
        independent_sources=row["independent_sources"],
        drift_flags=row["drift_flags"],
        origin=row["origin"],
    )


def claim_to_json(claim: Claim) -> str:
    return json.dumps(asdict(claim), ensure_ascii=False)


def claim_from_json(data: str) -> Claim:
    raw = json.loads(data)
    raw["quotes"] = [Span(**q) for q in raw.get("quotes", [])]
    return Claim(**raw)
