"""Inside an executor: one WARC file's page records, extracted into articles (or named failures).

Each file is read once, record by record (``fetch.warc.iter_warc``), and each page goes through the
same extraction as online ingest (``extract.documents.extract_article``). A record that cannot be
read or holds no article becomes a ``FetchError`` naming it (``path#offset``) and why; the rest of
the file goes on.
"""

from __future__ import annotations

import glob
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np

from newstrace.backfill.config import BackfillConfig
from newstrace.cluster.features import DocumentFrequencies, LineCounts, article_features
from newstrace.extract.documents import extract_article
from newstrace.extract.errors import ExtractionError
from newstrace.fetch.warc import iter_warc
from newstrace.pipeline import analyse_article
from newstrace.records import Article, Claim, Entity, FetchError, RawDocument


@dataclass(slots=True)
class ExtractedArticle:
    """An article read from an archive, with what the later stages need of it."""

    order: tuple[int, int]  # (file number, record offset): the input order, for stable ties
    article: Article
    buckets: np.ndarray  # document-frequency buckets of its distinct terms (sorted)
    claims: list[Claim] | None = None  # analysed only when the backfill asks for claims
    entities: list[Entity] | None = None
    # What the online stream would have counted when the article arrived (``resolve.count_before``):
    # how many earlier articles (in publication order) held each of ``buckets``, and how many there were.
    seen: np.ndarray | None = None
    seen_documents: int = 0


def expand_warc_paths(patterns: Iterable[str]) -> list[str]:
    """Local paths and globs to a sorted list of files; URIs with a scheme (hdfs://, s3a://) pass as they are.

    A pattern that matches nothing is kept, so that reading it reports it by name.
    """
    paths: list[str] = []
    for pattern in patterns:
        if "://" in pattern:
            paths.append(pattern)
            continue
        found = sorted(glob.glob(pattern, recursive=True))
        files = [p for p in found if Path(p).is_file()]
        dirs = [p for p in found if Path(p).is_dir()]
        for folder in dirs:
            files += sorted(str(p) for p in Path(folder).rglob("*.warc*") if p.is_file())
        paths += files or [pattern]
    return list(dict.fromkeys(paths))


def _offset(location: str) -> int:
    _, _, tail = location.rpartition("#")
    return int(tail) if tail.isdigit() else 0


def extract_record(
    raw: RawDocument, file_number: int, config: BackfillConfig, empty_df: DocumentFrequencies
) -> ExtractedArticle | FetchError:
    """One page record to an article; any failure becomes a FetchError naming the record."""
    try:
        article = extract_article(raw)
    except ExtractionError as error:
        return FetchError(raw.location, str(error))
    # Extraction parses untrusted HTML from the whole web; one odd page must not stop a backfill
    # of millions, so any other error is reported with the record's name and the batch goes on.
    except Exception as error:
        return FetchError(raw.location, f"extraction failed: {type(error).__name__}: {error}"[:200])
    features = article_features(article, empty_df, LineCounts(), config.cluster.features)
    item = ExtractedArticle((file_number, _offset(raw.location)), article, np.unique(features.buckets))
    if config.claims:
        analysed = analyse_article(article)
        item.claims, item.entities = analysed.claims, analysed.entities
    return item


_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_HEADER = b"WARC/1."
_SCAN_CHUNK = 1 << 20


def _next_record_start(stream: IO[bytes], start: int, marker: bytes) -> int | None:
    """The offset of the next record (gzip member or WARC header) at or after ``start``."""
    position = start
    while True:
        stream.seek(position)
        chunk = stream.read(_SCAN_CHUNK + len(marker))
        if len(chunk) < len(marker):
            return None
        found = chunk.find(marker)
        if found >= 0:
            return position + found
        position += _SCAN_CHUNK


def _printable(reason: str) -> str:
    """A reason quoting damaged bytes, made safe to print (warcio quotes the bad line as read)."""
    cleaned = "".join(ch if ch.isascii() and ch.isprintable() else "?" for ch in reason)
    return cleaned.split(", first line:")[0]


def read_records(stream: IO[bytes], name: str, max_record_bytes: int) -> Iterator[RawDocument | FetchError]:
    """``iter_warc`` over a seekable file, going on after a damaged record at the next good one.

    A damaged record is reported once (``name#offset``: the last offset read before the damage),
    then reading resumes at the next gzip member (or ``WARC/1.`` header), so one bad record does not
    cost the rest of the file.
    """
    stream.seek(0)
    marker = _GZIP_MEMBER if stream.read(2) == _GZIP_MEMBER[:2] else _WARC_HEADER
    base = 0
    reported: set[int] = set()  # a resync that fails at once is the same damage: reported once
    while True:
        stream.seek(base)
        damaged: int | None = None
        last_good: int | None = None
        for item in iter_warc(stream, name, max_record_bytes):
            absolute = base + _offset(item.location)
            if isinstance(item, FetchError) and item.reason.startswith(("corrupt", "truncated")):
                # iter_warc names the last offset it read; the damage starts at the next record.
                following = (
                    _next_record_start(stream, last_good + 1, marker) if last_good is not None else None
                )
                damaged = following if following is not None else base
                if damaged not in reported and (last_good is not None or base == 0):
                    reported.add(damaged)
                    yield FetchError(f"{name}#{damaged}", _printable(item.reason))
                break
            item.location = f"{name}#{absolute}"
            last_good = absolute
            yield item
        if damaged is None:
            return
        resume = _next_record_start(stream, max(damaged, base) + 1, marker)
        if resume is None:
            return
        base = resume


def extract_stream(
    stream: IO[bytes], name: str, file_number: int, config: BackfillConfig
) -> Iterator[ExtractedArticle | FetchError]:
    empty_df = DocumentFrequencies(config.cluster.features.bucket_bits)
    for item in read_records(stream, name, config.max_record_bytes):
        if isinstance(item, FetchError):
            yield item
        else:
            yield extract_record(item, file_number, config, empty_df)


def extract_warc_file(
    path: str, file_number: int, config: BackfillConfig
) -> Iterator[ExtractedArticle | FetchError]:
    """Every page record of one local (or mounted) WARC or WARC.gz file."""
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
    except OSError as error:
        yield FetchError(path, f"cannot read: {error.strerror or error}")
        return
    with stream:
        yield from extract_stream(stream, path, file_number, config)


def extract_warc_bytes(
    name: str, content: bytes, file_number: int, config: BackfillConfig
) -> Iterator[ExtractedArticle | FetchError]:
    """Every page record of one WARC file read whole by Spark (``binaryFiles``: HDFS, S3, …)."""
    yield from extract_stream(io.BytesIO(content), name, file_number, config)
