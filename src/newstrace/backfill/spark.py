"""The backfill job on Spark: WARC files → articles → blocks → stories, in four distributed stages.

1. **Read and extract** (one task per file): each executor reads its WARC files record by record and
   extracts articles with the online extraction code; bad records come back as ``FetchError``s.
2. **De-duplicate and count**: one article per key (canonical URL, else URL, else content hash; the
   latest fetch wins, as an updated page does online); then, in one pass in publication order, what
   the online stream would have counted when each article arrived (``stream_frequencies``), and the
   archive's document frequencies.
3. **Block**: each article's heaviest terms (against the archive's frequencies) and MinHash LSH bands, per
   time window, give candidate pairs (``blocking``); the driver joins them into blocks.
4. **Resolve**: each block is streamed through the online clusterer (``resolve``), in parallel,
   each article weighed with its stream counts, as online.

Stage 3 collects the candidate edges on the driver (union-find over one int per article): fine for
tens of millions of articles; past that, a distributed connected-components step would replace it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from newstrace.backfill.blocking import (
    Posting,
    blocking_keys,
    connected_blocks,
    evidence_weight,
    posting_pairs,
    timestamp,
)
from newstrace.backfill.config import BackfillConfig
from newstrace.backfill.resolve import (
    BlockMember,
    BlockResolver,
    ResolvedBlock,
    count_before,
    frequency_table,
    stream_key,
)
from newstrace.backfill.warc_records import ExtractedArticle, extract_warc_bytes, extract_warc_file
from newstrace.cluster.features import DocumentFrequencies, LineCounts, article_features
from newstrace.cluster.near_duplicates import NearDuplicateIndex
from newstrace.records import FetchError

if TYPE_CHECKING:
    from newstrace.backfill.sinks import Sink, WriteSummary

Stage = Callable[[str], None]


def _quiet(_: str) -> None:
    return None


@dataclass(frozen=True, slots=True)
class SparkOptions:
    master: str | None = None  # any Spark master URL; default local[cores] or local[*]
    cores: int | None = None  # local mode only: local[N]
    app_name: str = "newstrace-backfill"
    conf: tuple[tuple[str, str], ...] = ()  # extra Spark settings (key, value)

    def effective_master(self) -> str:
        if self.master:
            return self.master
        return f"local[{self.cores}]" if self.cores else "local[*]"


def start_spark(options: SparkOptions) -> Any:
    """A SparkSession for the backfill (pyspark is imported here, not at module import)."""
    from pyspark.sql import SparkSession

    master = options.effective_master()
    builder = SparkSession.builder.master(master).appName(options.app_name)
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    if master.startswith("local"):
        # Executors are this interpreter's processes: the same virtualenv, no packaging needed.
        # (pyspark reads the worker's interpreter from the environment in local mode.)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.config("spark.pyspark.python", sys.executable)
        builder = builder.config("spark.ui.enabled", "false")
        builder = builder.config("spark.driver.host", "127.0.0.1")  # local mode: loopback only
        builder = builder.config("spark.driver.bindAddress", "127.0.0.1")
        builder = builder.config("spark.driver.memory", "4g")
        builder = builder.config("spark.python.worker.reuse", "true")
    for key, value in options.conf:
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


@dataclass(slots=True)
class Resolution:
    """What stage 4 produced: blocks whose articles carry global story ids, and the stories."""

    blocks: Any  # RDD[ResolvedBlock], story ids already global
    block_count: int
    largest_block: int
    articles: int
    story_count: int
    first_story_id: int


@dataclass(slots=True)
class BackfillReport:
    files: int
    records: int  # page records read (articles and failures)
    articles: int  # distinct articles after de-duplication by key
    duplicates: int  # records whose key an earlier record already had
    failures: list[FetchError] = field(default_factory=list)
    blocks: int = 0
    largest_block: int = 0
    stories: int = 0
    seconds: float = 0.0

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


# -- stage 1 ------------------------------------------------------------------------------------


def read_warcs(sc: Any, paths: list[str], config: BackfillConfig) -> Any:
    """RDD of ``ExtractedArticle | FetchError``, one partition per file."""
    local = [(n, p) for n, p in enumerate(paths) if "://" not in p or p.startswith("file://")]
    remote = [(n, p) for n, p in enumerate(paths) if (n, p) not in local]
    rdds = []
    if local:
        files = sc.parallelize(local, max(1, len(local)))
        rdds.append(
            files.flatMap(lambda np_: extract_warc_file(np_[1].removeprefix("file://"), np_[0], config))
        )
    for number, uri in remote:
        whole = sc.binaryFiles(uri)
        rdds.append(whole.flatMap(lambda nc, n=number: extract_warc_bytes(nc[0], nc[1], n, config)))
    return rdds[0] if len(rdds) == 1 else sc.union(rdds)


# -- stage 2 ------------------------------------------------------------------------------------


def _later(a: ExtractedArticle, b: ExtractedArticle) -> ExtractedArticle:
    """Of two records with one key, the later fetch (then the later record): an updated page."""

    def rank(item: ExtractedArticle) -> tuple[float, tuple[int, int]]:
        return (timestamp(item.article.fetched) or 0.0, item.order)

    return a if rank(a) >= rank(b) else b


def _partition_counts(
    part: int, items: Iterator[tuple[int, ExtractedArticle]]
) -> Iterator[tuple[int, int, np.ndarray, np.ndarray]]:
    """One partition's articles and how many of them hold each bucket (sparse)."""
    held = [np.asarray(item.buckets, dtype=np.int64) for _, item in items]
    buckets, counts = np.unique(np.concatenate(held) if held else np.zeros(0, np.int64), return_counts=True)
    yield part, len(held), buckets, counts


def _count_partition(
    items: Iterator[tuple[int, ExtractedArticle]], base: tuple[int, np.ndarray, np.ndarray], bits: int
) -> Iterator[tuple[int, ExtractedArticle]]:
    documents, buckets, counts = base
    table = np.zeros(1 << bits, dtype=np.int64)
    table[buckets] = counts  # what the partitions before this one counted, at this one's buckets
    return count_before(items, table, documents)


def stream_frequencies(indexed: Any, config: BackfillConfig) -> tuple[Any, DocumentFrequencies]:
    """Each article with what the online stream had counted on its arrival (``resolve.count_before``),
    and the archive's document frequencies (the online clusterer's hashed table).

    The articles are sorted into publication order (range partitions); each partition's bucket
    counts (sparse) are summed on the driver into the counts before each partition, which then
    counts its articles in order. Returns the RDD of ``(ref, ExtractedArticle)`` (in stream order).
    """
    bits = config.cluster.features.bucket_bits
    ordered = indexed.sortBy(lambda ri: stream_key(*ri))
    partials = sorted(ordered.mapPartitionsWithIndex(_partition_counts).collect(), key=lambda p: p[0])
    running = np.zeros(1 << bits, dtype=np.int64)
    documents = 0
    bases: dict[int, tuple[int, np.ndarray, np.ndarray]] = {}
    for part, size, buckets, counts in partials:
        bases[part] = (documents, buckets, running[buckets])
        running[buckets] += counts
        documents += size
    bases_broadcast = indexed.context.broadcast(bases)
    counted = ordered.mapPartitionsWithIndex(
        lambda part, it: _count_partition(it, bases_broadcast.value[part], bits)
    )
    return counted, frequency_table(running, documents)


# -- stage 3 ------------------------------------------------------------------------------------


def _keys_of_partition(
    items: Iterator[tuple[int, ExtractedArticle]], df: DocumentFrequencies, config: BackfillConfig
) -> Iterator[tuple[str, Posting]]:
    signatures = NearDuplicateIndex(config.cluster.copies)
    lines = LineCounts()
    for ref, item in items:
        article = item.article
        features = article_features(article, df, lines, config.cluster.features)
        signature = signatures.signature(features.text)
        hashvalues = signature.hashvalues if signature is not None else None
        when = timestamp(article.published or article.fetched)
        posting = Posting(when or 0.0, ref)
        for key in blocking_keys(features.vector, hashvalues, when, config.blocking):
            yield key, posting


def candidate_edges(indexed: Any, df_broadcast: Any, config: BackfillConfig) -> Any:
    """RDD of ``CandidatePair``: articles sharing a band or ``min_shared_terms`` heavy terms."""
    blocking = config.blocking
    keys = indexed.mapPartitions(lambda it: _keys_of_partition(it, df_broadcast.value, config))
    evidence = keys.groupByKey().flatMap(lambda kv: posting_pairs(kv[0], kv[1], blocking.neighbours))
    weights = evidence.distinct().map(lambda pe: (pe[0], evidence_weight(pe[1], blocking)))
    return (
        weights.reduceByKey(lambda a, b: a + b).filter(lambda pw: pw[1] >= blocking.min_shared_terms).keys()
    )


# -- stage 4 ------------------------------------------------------------------------------------


def _resolve_partition(
    blocks: Iterator[tuple[int, Iterable[tuple[int, ExtractedArticle]]]], config: BackfillConfig
) -> Iterator[ResolvedBlock]:
    resolver = BlockResolver(config.cluster)
    for block, members in blocks:
        yield resolver.resolve(block, [BlockMember(ref, item) for ref, item in members])


def _globalise(resolved: ResolvedBlock, offset: int) -> ResolvedBlock:
    """Local story ids 1..n of a block become offset+1..offset+n."""
    for member in resolved.members:
        if member.item.article.story_id is not None:
            member.item.article.story_id += offset
    for story in resolved.stories:
        story.id = (story.id or 0) + offset
    return resolved


def build_stories(
    sc: Any,
    items: Any,
    config: BackfillConfig,
    first_story_id: int = 1,
    on_stage: Stage = _quiet,
    records: int | None = None,
) -> tuple[Resolution, int]:
    """Stages 2-4 over an RDD of ``ExtractedArticle`` (``records`` of them, counted if not given);
    also returns how many duplicates were dropped."""
    storage = _memory_and_disk()
    keyed = items.map(lambda item: (item.article.key, item))
    unique = keyed.reduceByKey(_later).values()
    indexed = unique.zipWithIndex().map(lambda iv: (iv[1] + 1, iv[0])).persist(storage)
    on_stage("counting terms")
    counted, df = stream_frequencies(indexed, config)
    counted = counted.persist(storage)
    articles = df.documents
    duplicates = (items.count() if records is None else records) - articles
    df_broadcast = sc.broadcast(df)
    on_stage("finding story candidates")
    edges = candidate_edges(counted, df_broadcast, config)
    blocks = connected_blocks(range(1, articles + 1), edges.toLocalIterator(prefetchPartitions=True))
    indexed.unpersist()  # ``counted`` holds the articles now (and is rebuilt from its sort, not this)
    sizes: dict[int, int] = {}
    for block in blocks.values():
        sizes[block] = sizes.get(block, 0) + 1
    on_stage(f"resolving stories in {len(sizes)} blocks")
    slices = max(1, min(sc.defaultParallelism * 4, articles // 500 + 1))  # small archives: few tasks
    labels = sc.parallelize(list(blocks.items()), slices)
    grouped = (
        labels.join(counted, slices).map(lambda rbi: (rbi[1][0], (rbi[0], rbi[1][1]))).groupByKey(slices)
    )
    resolved = grouped.mapPartitions(lambda bms: _resolve_partition(bms, config))
    resolved = resolved.persist(storage)
    counts = dict(resolved.map(lambda r: (r.block, len(r.stories))).collect())
    offsets: dict[int, int] = {}
    running = first_story_id - 1
    for block in sorted(counts):
        offsets[block], running = running, running + counts[block]
    offsets_broadcast = sc.broadcast(offsets)
    final = resolved.map(lambda r: _globalise(r, offsets_broadcast.value[r.block]))
    resolution = Resolution(
        blocks=final,
        block_count=len(sizes),
        largest_block=max(sizes.values(), default=0),
        articles=articles,
        story_count=running - first_story_id + 1,
        first_story_id=first_story_id,
    )
    return resolution, duplicates


def _memory_and_disk() -> Any:
    from pyspark import StorageLevel

    return StorageLevel.MEMORY_AND_DISK


def resolved_articles(resolution: Resolution) -> Any:
    """RDD of ``(ref, ExtractedArticle)`` with story ids (global) and ``copy_of`` refs set."""
    return resolution.blocks.flatMap(lambda r: ((m.ref, m.item) for m in r.members))


def resolved_stories(resolution: Resolution) -> Any:
    """RDD of ``Story``."""
    return resolution.blocks.flatMap(lambda r: r.stories)


def story_of_refs(resolution: Resolution) -> dict[int, int]:
    """Each article ref's story id (small: two ints per article), for scoring and tests."""
    pairs = resolution.blocks.flatMap(lambda r: ((m.ref, m.item.article.story_id) for m in r.members))
    return dict(pairs.collect())


# -- the whole job --------------------------------------------------------------------------------


def _tally(items: Iterator[ExtractedArticle | FetchError]) -> Iterator[tuple[int, list[FetchError]]]:
    articles, failures = 0, []
    for item in items:
        if isinstance(item, FetchError):
            failures.append(item)
        else:
            articles += 1
    yield articles, failures


def split_failures(extracted: Any) -> tuple[Any, int, list[FetchError]]:
    """The articles (RDD), how many, and the bad records (named, collected: they are few)."""
    tallies = extracted.mapPartitions(_tally).collect()
    items = extracted.filter(lambda x: isinstance(x, ExtractedArticle))
    return items, sum(n for n, _ in tallies), [f for _, fs in tallies for f in fs]


def run_backfill(
    spark: Any, paths: list[str], config: BackfillConfig, sink: Sink, on_stage: Stage = _quiet
) -> tuple[BackfillReport, WriteSummary]:
    """Read, extract, cluster and write a set of WARC files; bad records are reported, not fatal."""
    started = time.perf_counter()
    sc = spark.sparkContext
    on_stage(f"reading {len(paths)} WARC file(s)")
    extracted = read_warcs(sc, paths, config).persist(_memory_and_disk())
    items, records, failures = split_failures(extracted)
    resolution, duplicates = build_stories(sc, items, config, sink.first_story_id(), on_stage, records)
    on_stage("writing")
    written = sink.write(spark, resolution, failures)
    report = BackfillReport(
        files=len(paths),
        records=resolution.articles + duplicates + len(failures),
        articles=resolution.articles,
        duplicates=duplicates,
        failures=failures,
        blocks=resolution.block_count,
        largest_block=resolution.largest_block,
        stories=resolution.story_count,
        seconds=time.perf_counter() - started,
    )
    extracted.unpersist()
    return report, written
