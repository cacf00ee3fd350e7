"""Every input a user has — files, folders, globs, stdin, URLs — as RawDocuments, kind sniffed from content.

A feed yields its entries' pages, a WARC its page records, a JSON Lines file one document a line, a
sitemap or URL list the pages it names. Each bad item becomes one FetchError naming it and why, and
the iteration goes on.
"""

from __future__ import annotations

import glob
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from newstrace.fetch.detect import (
    SNIFF_BYTES,
    UndetectableInput,
    decode_text,
    detect_kind,
    gunzip_capped,
    is_gzip,
)
from newstrace.fetch.feeds import FeedError, Known, fetch_entry_pages, parse_feed
from newstrace.fetch.http import Fetcher, FetchFailed
from newstrace.fetch.opml import OpmlError, read_opml
from newstrace.fetch.sitemap import SitemapError, parse_sitemap, parse_url_list
from newstrace.fetch.warc import iter_warc
from newstrace.records import FetchError, RawDocument
from newstrace.settings import Settings

Item = RawDocument | FetchError
MAX_DEPTH = 3  # a URL list → a sitemap index → a sitemap → its pages; deeper nesting is refused
GLOB_CHARS = set("*?[")


@dataclass(slots=True)
class _Origin:
    """Where some content came from, carried along while it is expanded."""

    location: str
    name: str
    url: str | None = None
    fetched_at: datetime | None = None
    content_type: str | None = None
    depth: int = 0


def read_inputs(
    items: Iterable[str],
    settings: Settings,
    fetcher: Fetcher,
    stdin: IO[Any] | None = None,
    known: Known | None = None,
) -> Iterator[Item]:
    """RawDocuments (and FetchErrors) for each item: a file, folder (recursive), glob, ``-`` or URL.

    ``known(url)`` true skips a feed entry's page already stored (default: fetch every entry).
    """
    reader = _Reader(settings, fetcher, stdin, known or _nothing_known)
    for item in items:
        yield from reader.read_item(item)


def _nothing_known(_url: str) -> bool:
    return False


@dataclass(slots=True)
class _Reader:
    settings: Settings
    fetcher: Fetcher
    stdin: IO[Any] | None
    known: Known

    def read_item(self, item: str) -> Iterator[Item]:
        if item == "-":
            yield from self._read_stdin()
        elif urlsplit(item).scheme in {"http", "https"}:
            yield from self._read_url(item, depth=0)
        elif Path(item).is_dir():
            yield from self._read_folder(Path(item))
        elif Path(item).is_file():
            yield from self._read_file(Path(item))
        elif GLOB_CHARS & set(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield FetchError(item, "no file matches this pattern")
            for match in matches:
                path = Path(match)
                yield from self._read_folder(path) if path.is_dir() else self._read_file(path)
        else:
            yield FetchError(item, "no such file, folder or URL")

    def _read_stdin(self) -> Iterator[Item]:
        if self.stdin is None:
            yield FetchError("-", "no standard input given")
            return
        data = getattr(self.stdin, "buffer", self.stdin).read(self.settings.max_bytes + 1)
        content = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        if len(content) > self.settings.max_bytes:
            yield FetchError("-", f"too large: over {self.settings.max_bytes} bytes")
            return
        yield from self._read_content(content, _Origin(location="-", name="-"))

    def _read_folder(self, folder: Path) -> Iterator[Item]:
        files = [
            path
            for path in sorted(folder.rglob("*"))
            if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        ]
        if not files:
            yield FetchError(str(folder), "empty folder")
        for path in files:
            yield from self._read_file(path)

    def _read_file(self, path: Path) -> Iterator[Item]:
        """Archives and JSON Lines are streamed whatever their size; other files must fit max_bytes."""
        location = str(path)
        try:
            with path.open("rb") as handle:
                head = handle.read(SNIFF_BYTES)
                streamed = self._stream_kind(head, path.name)
                if streamed == "warc":
                    handle.seek(0)
                    yield from iter_warc(handle, location, self.settings.max_bytes)
                    return
                if streamed == "jsonl":
                    handle.seek(0)
                    yield from self._jsonl_lines(handle, location)
                    return
                if path.stat().st_size > self.settings.max_bytes:
                    yield FetchError(location, f"too large: over {self.settings.max_bytes} bytes")
                    return
                content = head + handle.read()
        except OSError as exc:
            yield FetchError(location, f"cannot read: {exc.strerror or exc}")
            return
        yield from self._read_content(content, _Origin(location=location, name=path.name))

    def _stream_kind(self, head: bytes, name: str) -> str | None:
        try:
            kind = detect_kind(head, name)
        except UndetectableInput:
            return None
        return kind if kind in {"warc", "jsonl"} else None

    def _read_url(self, url: str, depth: int) -> Iterator[Item]:
        if depth > MAX_DEPTH:
            yield FetchError(url, f"refused: nested more than {MAX_DEPTH} levels of lists/sitemaps deep")
            return
        try:
            result = self.fetcher.fetch(url)
        except FetchFailed as exc:
            yield FetchError(url, exc.reason)
            return
        origin = _Origin(
            location=url,
            name=urlsplit(result.final_url).path.rsplit("/", 1)[-1],
            url=result.final_url,
            fetched_at=result.fetched_at,
            content_type=result.content_type,
            depth=depth,
        )
        yield from self._read_content(result.content, origin)

    def _read_content(self, content: bytes, origin: _Origin) -> Iterator[Item]:
        if is_gzip(content):
            try:
                if detect_kind(content) == "warc":
                    yield from iter_warc(io.BytesIO(content), origin.location, self.settings.max_bytes)
                    return
            except UndetectableInput:
                pass
            try:
                content = gunzip_capped(content, self.settings.max_bytes)
            except UndetectableInput as exc:
                yield FetchError(origin.location, exc.reason)
                return
            origin.name = origin.name.removesuffix(".gz")
        try:
            kind = detect_kind(content, origin.name)
        except UndetectableInput as exc:
            yield FetchError(origin.location, exc.reason)
            return
        try:
            yield from self._expand(kind, content, origin)
        except (FeedError, SitemapError, OpmlError) as exc:
            yield FetchError(origin.location, exc.reason)

    def _expand(self, kind: str, content: bytes, origin: _Origin) -> Iterator[Item]:
        if kind in {"text", "html"}:
            yield RawDocument(
                location=origin.location,
                content=content,
                kind="html" if kind == "html" else "text",
                url=origin.url,
                fetched_at=origin.fetched_at,
                content_type=origin.content_type,
            )
        elif kind == "warc":
            yield from iter_warc(io.BytesIO(content), origin.location, self.settings.max_bytes)
        elif kind == "jsonl":
            yield from self._jsonl_lines(io.BytesIO(content), origin.location)
        elif kind == "feed":
            feed = parse_feed(content, origin.url or origin.location)
            yield from fetch_entry_pages(feed, self.fetcher, self.known)
        else:
            urls = self._listed_urls(kind, content)
            if not urls:
                yield FetchError(origin.location, f"no URLs in this {kind}")
            for url in urls:
                yield from self._read_url(url, origin.depth + 1)

    def _listed_urls(self, kind: str, content: bytes) -> list[str]:
        if kind == "sitemap":
            return parse_sitemap(content)
        if kind == "opml":
            return [source.feed_url for source in read_opml(content) if source.active]
        return parse_url_list(decode_text(content))

    def _jsonl_lines(self, handle: IO[bytes], location: str) -> Iterator[Item]:
        cap = self.settings.max_bytes
        for number, line in enumerate(_capped_lines(handle, cap), start=1):
            where = f"{location}:{number}"
            if line is None:
                yield FetchError(where, f"too large: line over {cap} bytes")
                continue
            record = line.strip()
            if not record:
                continue
            reason = _json_object_problem(record)
            if reason:
                yield FetchError(where, reason)
            else:
                yield RawDocument(location=where, content=record, kind="jsonl")


def _capped_lines(handle: IO[bytes], cap: int) -> Iterator[bytes | None]:
    """The lines of a stream; None stands for a line longer than ``cap`` (read past, not kept)."""
    while True:
        line = handle.readline(cap + 1)
        if not line:
            return
        if len(line) > cap and not line.endswith(b"\n"):
            while (rest := handle.readline(cap + 1)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def _json_object_problem(line: bytes) -> str | None:
    try:
        value = json.loads(line)
    except UnicodeDecodeError:
        return "not valid JSON: not UTF-8 text"
    except ValueError as exc:
        return f"not valid JSON: {exc}"
    if not isinstance(value, dict):
        return f"not a JSON object: a JSON {type(value).__name__}"
    return None
