"""Reading archives inside an executor: damaged records named, the rest read; articles extracted."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from backfill_warcs import ecb_pages, write_with_broken_record

from newstrace.backfill.config import BackfillConfig
from newstrace.backfill.warc_records import (
    ExtractedArticle,
    expand_warc_paths,
    extract_warc_file,
    read_records,
)
from newstrace.backfill.warc_writer import WarcPage, write_warc
from newstrace.records import FetchError, RawDocument


def test_a_damaged_record_is_named_and_the_records_after_it_are_read(
    shared_dir: Path, tmp_path: Path
) -> None:
    pages = [g.page for g in ecb_pages(shared_dir, ("1",), per_story=4)]
    path = tmp_path / "damaged.warc.gz"
    offset = write_with_broken_record(path, pages, broken_after=3)
    with path.open("rb") as stream:
        items = list(read_records(stream, str(path), 10_000_000))
    documents = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, FetchError)]
    assert [d.url for d in documents] == [p.url for p in pages]
    assert len(errors) == 1
    assert errors[0].location == f"{path}#{offset}"
    assert "corrupt" in errors[0].reason


def test_pages_become_articles_and_an_empty_page_is_a_named_failure(shared_dir: Path, tmp_path: Path) -> None:
    pages = [g.page for g in ecb_pages(shared_dir, ("1",), per_story=2)]
    when = datetime(2024, 3, 1, tzinfo=UTC)
    empty = WarcPage("https://outlet0.example/empty", b"<html><body><nav>Home</nav></body></html>", when)
    path = tmp_path / "pages.warc.gz"
    write_warc(path, [*pages, empty])
    items = list(extract_warc_file(str(path), 7, BackfillConfig()))
    articles = [i for i in items if isinstance(i, ExtractedArticle)]
    failures = [i for i in items if isinstance(i, FetchError)]
    assert len(articles) == len(pages)
    assert all(a.order[0] == 7 and len(a.buckets) > 20 for a in articles)
    assert articles[0].article.source == "outlet0.example"
    assert articles[0].article.published is not None
    assert [f.location.rsplit("#", 1)[0] for f in failures] == [str(path)]


def test_a_missing_file_is_a_named_failure(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.warc.gz")
    [failure] = list(extract_warc_file(missing, 0, BackfillConfig()))
    assert isinstance(failure, FetchError) and failure.location == missing


def test_patterns_expand_to_files(tmp_path: Path) -> None:
    (tmp_path / "day1").mkdir()
    for name in ("day1/a.warc.gz", "day1/b.warc", "c.warc.gz"):
        (tmp_path / name).write_bytes(b"")
    found = expand_warc_paths([str(tmp_path / "*.warc.gz"), str(tmp_path / "day1"), "hdfs://x/y/*.warc.gz"])
    assert found == [
        str(tmp_path / "c.warc.gz"),
        str(tmp_path / "day1" / "a.warc.gz"),
        str(tmp_path / "day1" / "b.warc"),
        "hdfs://x/y/*.warc.gz",
    ]
    assert expand_warc_paths([str(tmp_path / "nothing*.warc")]) == [str(tmp_path / "nothing*.warc")]


def test_claims_are_analysed_only_when_asked(shared_dir: Path, tmp_path: Path) -> None:
    pages = [g.page for g in ecb_pages(shared_dir, ("1",), per_story=1)]
    path = tmp_path / "one.warc.gz"
    write_warc(path, pages[:1])
    [plain] = list(extract_warc_file(str(path), 0, BackfillConfig()))
    [analysed] = list(extract_warc_file(str(path), 0, BackfillConfig(claims=True)))
    assert isinstance(plain, ExtractedArticle) and plain.claims is None
    assert isinstance(analysed, ExtractedArticle) and analysed.claims and analysed.entities
