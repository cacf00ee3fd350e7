"""WARC and WARC.gz archives (web archives, Common Crawl News): their HTML and text responses."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from newstrace.records import FetchError, InputKind, RawDocument

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
DEFAULT_MAX_RECORD_BYTES = 10_000_000


def iter_warc(
    stream: IO[bytes], location: str, max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES
) -> Iterator[RawDocument | FetchError]:
    """Each successful HTML/text response (or resource) record as a RawDocument, located ``path#offset``.

    Other records (requests, metadata, redirects, images) are skipped. A truncated or corrupt archive
    yields the records read before the damage, then one FetchError naming the offset reached.
    """
    records = 0
    offset = 0
    try:
        iterator = ArchiveIterator(stream)
        for record in iterator:
            if record.format != "warc":
                raise ValueError(f"not a WARC record (looks like {record.format or 'nothing known'})")
            # get_record_offset() reads the record to its end: call it only after the payload is read.
            try:
                item = _document(record, max_record_bytes)
            finally:
                offset = iterator.get_record_offset()
            if item is not None:
                item.location = f"{location}#{offset}"
                records += 1
                yield item
    except _Truncated:
        reason = f"truncated WARC: the record at offset {offset} is cut short"
        yield FetchError(location=f"{location}#{offset}", reason=reason)
    # warcio parses untrusted bytes and a damaged archive surfaces as many exception types
    # (ArchiveLoadFailed, zlib.error, EOFError, AttributeError on a cut header…): all mean "corrupt".
    except Exception as exc:
        reason = " ".join(str(exc).split())[:160] or type(exc).__name__
        yield FetchError(
            location=f"{location}#{offset}",
            reason=f"corrupt or truncated WARC after {records} page record(s): {reason}",
        )


class _Truncated(Exception):
    """A record whose payload ends before its declared length."""


def _document(record: Any, max_bytes: int) -> RawDocument | FetchError | None:
    if record.rec_type not in {"response", "resource"}:
        return None
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode()
        if not str(status).startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    if not content_type or not content_type.split(";")[0].strip().lower().startswith(PAGE_TYPES):
        return None
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return FetchError("", f"too large: over {max_bytes} bytes")
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise _Truncated
    url = record.rec_headers.get_header("WARC-Target-URI")
    kind: InputKind = "text" if content_type.lower().startswith("text/plain") else "html"
    return RawDocument(
        location="",  # set by the caller once the record's offset is known
        content=payload,
        kind=kind,
        url=url or None,
        fetched_at=_warc_date(record.rec_headers.get_header("WARC-Date")),
        content_type=content_type,
    )


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
