"""One call for a whole backfill: start Spark, open the output, run the job, stop Spark.

The command line (``newstrace backfill``) and ``spark-submit`` scripts call ``backfill_archives``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from newstrace.backfill.config import BackfillConfig
from newstrace.backfill.sinks import ParquetSink, Sink, StoreSink, WriteSummary, parse_output
from newstrace.backfill.spark import BackfillReport, SparkOptions, Stage, run_backfill, start_spark
from newstrace.backfill.warc_records import expand_warc_paths
from newstrace.store.database import open_store


def _quiet(_: str) -> None:
    return None


def _nothing() -> None:
    return None


@dataclass(frozen=True, slots=True)
class BackfillRequest:
    patterns: tuple[str, ...]  # WARC files, globs, folders, or hdfs:// / s3a:// URIs
    output: str = "store"  # "store" or "parquet:DIR"
    database_url: str = ""  # the store's URL when the output is the store
    spark: SparkOptions = field(default_factory=SparkOptions)
    config: BackfillConfig = field(default_factory=BackfillConfig)


@dataclass(slots=True)
class BackfillOutcome:
    paths: list[str]
    master: str
    report: BackfillReport
    written: WriteSummary


def backfill_archives(
    request: BackfillRequest, on_stage: Stage = _quiet, on_article: Callable[[], None] = _nothing
) -> BackfillOutcome:
    """Backfill the archives of ``request`` into its output; raises ValueError on a bad output."""
    target = parse_output(request.output)
    paths = expand_warc_paths(request.patterns)
    store = open_store(request.database_url) if target.kind == "store" else None
    sink: Sink = StoreSink(store, on_article) if store is not None else ParquetSink(target.path or "")
    on_stage(f"starting Spark ({request.spark.effective_master()})")
    spark = start_spark(request.spark)
    try:
        report, written = run_backfill(spark, paths, request.config, sink, on_stage)
    finally:
        spark.stop()
        if store is not None:
            store.close()
    return BackfillOutcome(paths, request.spark.effective_master(), report, written)
