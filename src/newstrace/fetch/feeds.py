"""RSS/Atom/RDF feeds: parse them safely, poll a followed feed, fetch the pages of its new entries."""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import fromstring as safe_fromstring

from newstrace.fetch.detect import UndetectableInput, decode_text, detect_kind
from newstrace.fetch.http import Fetcher, FetchFailed
from newstrace.fetch.scheduler import CheckOutcome, next_check_at
from newstrace.records import FetchError, RawDocument, Source

Known = Callable[[str], bool]


class FeedError(ValueError):
    """Content that is not a usable feed; ``reason`` is one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(slots=True)
class FeedEntry:
    link: str
    title: str | None = None
    published: datetime | None = None
    summary: str | None = None
    author: str | None = None
    tags: list[str] = field(default_factory=list)
    id: str | None = None

    def hints(self) -> dict[str, Any]:
        """What the entry says about its page, for extraction (``published`` as ISO 8601 text)."""
        hints: dict[str, Any] = {
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "summary": self.summary,
            "author": self.author,
            "tags": list(self.tags),
        }
        return {key: value for key, value in hints.items() if value}


@dataclass(slots=True)
class ParsedFeed:
    url: str
    title: str | None
    link: str | None
    language: str | None
    entries: list[FeedEntry]
    recovered: bool = False  # the XML was malformed and parsed leniently


@dataclass(slots=True)
class FeedPoll:
    """One check of a feed: its updated fetch state, the new entries' pages and the failures."""

    source: Source
    documents: list[RawDocument] = field(default_factory=list)
    errors: list[FetchError] = field(default_factory=list)
    not_modified: bool = False


def refuse_hostile_xml(content: bytes) -> None:
    """Raise FeedError for XML declaring entities or external references (billion laughs, XXE)."""
    text = decode_text(content[:2_000_000])
    if "<!entity" in text.lower():
        raise FeedError("hostile XML: entity declarations are refused")
    try:
        safe_fromstring(content)
    except DefusedXmlException as exc:
        raise FeedError(f"hostile XML: {type(exc).__name__}") from exc
    except (ParseError, ValueError):
        pass  # malformed but not hostile: feedparser recovers what it can


def parse_feed(content: bytes, url: str) -> ParsedFeed:
    """Parse RSS 0.9x/1.0/2.0 or Atom bytes into entries; raise FeedError for non-feeds and hostile XML."""
    if not content.strip():
        raise FeedError("empty response")
    refuse_hostile_xml(content)
    parsed = feedparser.parse(
        io.BytesIO(content),
        response_headers={"content-location": url, "content-type": "application/xml"},
        sanitize_html=True,
    )
    if not parsed.get("version"):
        if _looks_like_html(content):
            raise FeedError("not a feed: the content is an HTML page")
        if not decode_text(content[:4096]).lstrip("\ufeff \t\r\n").startswith("<"):
            raise FeedError("not a feed: the content is not XML")
        problem = parsed.get("bozo_exception")
        detail = " ".join(str(problem).split())[:160] if problem else "no RSS, Atom or RDF root element"
        raise FeedError(f"not a feed: {detail}")
    meta = parsed.get("feed", {})
    entries = [entry for entry in map(_entry, parsed.get("entries", [])) if entry is not None]
    return ParsedFeed(
        url=url,
        title=meta.get("title") or None,
        link=meta.get("link") or None,
        language=meta.get("language") or None,
        entries=entries,
        recovered=bool(parsed.get("bozo")),
    )


def _looks_like_html(content: bytes) -> bool:
    try:
        return detect_kind(content) == "html"
    except ValueError:
        return False


def _entry(raw: Any) -> FeedEntry | None:
    link = raw.get("link") or ""
    if not link.startswith(("http://", "https://")):
        return None
    stamp = raw.get("published_parsed") or raw.get("updated_parsed")
    return FeedEntry(
        link=link,
        title=(raw.get("title") or "").strip() or None,
        published=_to_datetime(stamp),
        summary=(raw.get("summary") or "").strip() or None,
        author=(raw.get("author") or "").strip() or None,
        tags=[tag["term"].strip() for tag in raw.get("tags") or [] if (tag.get("term") or "").strip()],
        id=raw.get("id") or None,
    )


def _to_datetime(stamp: time.struct_time | None) -> datetime | None:
    if stamp is None:
        return None
    try:
        return datetime(*stamp[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def fetch_entry_pages(
    feed: ParsedFeed, fetcher: Fetcher, known: Known, source: Source | None = None
) -> Iterator[RawDocument | FetchError]:
    """Fetch the page of each entry not ``known`` yet; one FetchError per page that fails.

    A page is kind "html" unless its content is plain text; an empty or binary page is an error.
    """
    seen: set[str] = set()
    for entry in feed.entries:
        if entry.link in seen or known(entry.link):
            continue
        seen.add(entry.link)
        try:
            result = fetcher.fetch(entry.link)
        except FetchFailed as exc:
            yield FetchError(location=entry.link, reason=exc.reason)
            continue
        try:
            kind = detect_kind(result.content, entry.link)
        except UndetectableInput as exc:
            yield FetchError(location=entry.link, reason=exc.reason)
            continue
        hints = entry.hints()
        hints["feed_url"] = feed.url
        if source is not None and source.name:
            hints["source_name"] = source.name
        language = (source.language if source else None) or feed.language
        if language:
            hints["language"] = language
        yield RawDocument(
            location=entry.link,
            content=result.content,
            kind="text" if kind == "text" else "html",
            url=result.final_url,
            fetched_at=result.fetched_at,
            content_type=result.content_type,
            hints=hints,
        )


def poll_feed(source: Source, fetcher: Fetcher, now: datetime, known: Known) -> FeedPoll:
    """Check one feed (conditional GET) and fetch its new entries' pages; a 304 does no more work."""
    settings = fetcher.settings
    try:
        result = fetcher.fetch(source.feed_url, etag=source.etag, last_modified=source.last_modified)
        feed = None if result.not_modified else parse_feed(result.content, result.final_url)
    except (FetchFailed, FeedError) as exc:
        retry_after = exc.retry_after if isinstance(exc, FetchFailed) else None
        failed = replace(
            source,
            last_fetch=now,
            next_due=next_check_at(source, CheckOutcome(ok=False, retry_after=retry_after), now, settings),
            error_count=source.error_count + 1,
            last_error=exc.reason,
        )
        return FeedPoll(failed, errors=[FetchError(source.feed_url, exc.reason)])
    updated = replace(
        source,
        # a 304 may omit the validators (keep ours); a 200 replaces them, absent ones included
        etag=result.etag or source.etag if result.not_modified else result.etag,
        last_modified=(
            result.last_modified or source.last_modified if result.not_modified else result.last_modified
        ),
        last_fetch=now,
        next_due=next_check_at(source, CheckOutcome(ok=True, retry_after=result.retry_after), now, settings),
        error_count=0,
        last_error=None,
    )
    if feed is None:
        return FeedPoll(updated, not_modified=True)
    poll = FeedPoll(updated)
    for item in fetch_entry_pages(feed, fetcher, known, source):
        if isinstance(item, RawDocument):
            poll.documents.append(item)
        else:
            poll.errors.append(item)
    return poll


def poll_sources(
    sources: Iterable[Source], fetcher: Fetcher, now: datetime, known: Known, workers: int | None = None
) -> Iterator[FeedPoll]:
    """Poll several feeds with ``workers`` threads (default ``settings.fetch_workers``), in the given order.

    Give the sources in ``due_sources`` order so that workers start on different hosts; the fetcher's
    per-host limiter keeps requests to one host apart whatever the order.
    """
    count = max(1, workers or fetcher.settings.fetch_workers)
    with ThreadPoolExecutor(max_workers=count, thread_name_prefix="newstrace-feed") as pool:
        yield from pool.map(lambda source: poll_feed(source, fetcher, now, known), sources)
