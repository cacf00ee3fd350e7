"""WARC archives written with warcio from real article pages: pages out, other records skipped, damage
reported once after what could be read."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest

from http_helpers import Page, warc_bytes
from newstrace.fetch.warc import iter_warc
from newstrace.records import FetchError, RawDocument


@pytest.mark.parametrize("compress", [True, False])
def test_page_records_come_out_with_url_date_and_payload(real_pages: list[Page], compress: bool) -> None:
    items = list(iter_warc(io.BytesIO(warc_bytes(real_pages, compress=compress)), "crawl.warc.gz"))
    assert all(isinstance(item, RawDocument) for item in items)
    docs = [item for item in items if isinstance(item, RawDocument)]
    assert [d.url for d in docs] == [p.url for p in real_pages]  # requests, the image and the 404 skipped
    assert [d.content for d in docs] == [p.html for p in real_pages]
    assert {d.kind for d in docs} == {"html"}
    assert {d.fetched_at for d in docs} == {datetime(2026, 11, 20, 8, 30, tzinfo=UTC)}
    assert docs[0].location.startswith("crawl.warc.gz#") and len({d.location for d in docs}) == 3
    assert "text/html" in (docs[0].content_type or "")


@pytest.mark.parametrize("compress", [True, False])
def test_a_cut_archive_gives_what_was_read_then_an_error(real_pages: list[Page], compress: bool) -> None:
    data = warc_bytes(real_pages, compress=compress, extra_records=False)
    whole = [d for d in iter_warc(io.BytesIO(data), "a.warc") if isinstance(d, RawDocument)]
    cut_at = int(whole[-1].location.split("#")[1]) + 2000  # inside the last record
    items = list(iter_warc(io.BytesIO(data[:cut_at]), "a.warc"))
    assert [type(i) for i in items] == [RawDocument, RawDocument, FetchError]
    error = items[-1]
    assert isinstance(error, FetchError) and "truncated" in error.reason
    assert error.location == whole[-1].location


def test_garbage_is_one_error() -> None:
    items = list(iter_warc(io.BytesIO(b"this is not an archive\n" * 10), "junk.warc"))
    assert len(items) == 1 and isinstance(items[0], FetchError)
    assert items[0].location == "junk.warc#0" and "corrupt or truncated WARC" in items[0].reason


def test_oversized_records_are_refused_one_by_one(real_pages: list[Page]) -> None:
    data = warc_bytes(real_pages, extra_records=False)
    smallest = min(len(p.html) for p in real_pages)
    items = list(iter_warc(io.BytesIO(data), "big.warc", max_record_bytes=smallest))
    assert [isinstance(i, RawDocument) for i in items].count(True) == 1
    errors = [i for i in items if isinstance(i, FetchError)]
    assert len(errors) == 2 and all(e.reason == f"too large: over {smallest} bytes" for e in errors)
