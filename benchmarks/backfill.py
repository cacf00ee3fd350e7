"""Spark backfill: throughput at 1 and 2 cores on a synthetic WARC set, and batch-vs-online story quality.

Quality, ECB+ dev (Cybulska & Vossen, LREC 2014; CC BY 3.0; ../shared/data/ecbplus/ecbplus-dev.jsonl):
the online figure is ``newstrace eval stories`` (one stream, random order, seed 0, final stories after
re-decision moves); the batch figure runs the same articles, in the same input order, through the
backfill's stages 2-4 on Spark (de-duplication, archive document frequencies, blocking, block
resolution with the online clusterer). Both are scored with BCubed and pairwise F1.

Throughput: a synthetic archive of ``--records`` HTTP response records (default 100,000) built from
ECB+ text: each page is one ECB+ article, recombined and perturbed (paragraphs dropped and
reordered, a sentence from another article of its story added, the title reworded by outlet) under
one of 30 outlets, dated within one of 40 "editions" 30 days apart so the same event recurs as
distinct stories; a fifth of the pages are syndicated copies of another page (same text, another
URL), 2% are re-crawls of a page (same URL) and 1% are 404s. Kept under
benchmarks/out/backfill-warc-N-v2/ (git-ignored) and reused. The whole job (read, extract,
de-duplicate, block, resolve, write Parquet) is timed with ``local[1]`` and ``local[2]``.

    python benchmarks/backfill.py [--records N] [--cores 1,2] [--skip-throughput] [--skip-quality]
                                  [--calibrate] [--json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import shutil
import sys
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from newstrace.backfill.blocking import (
    CandidatePair,
    Posting,
    blocking_keys,
    connected_blocks,
    evidence_weight,
    posting_pairs,
    timestamp,
)
from newstrace.backfill.config import BackfillConfig, BlockingConfig
from newstrace.backfill.resolve import BlockMember, BlockResolver, count_stream
from newstrace.backfill.runner import BackfillRequest, backfill_archives
from newstrace.backfill.spark import SparkOptions, build_stories, start_spark, story_of_refs
from newstrace.backfill.warc_records import ExtractedArticle
from newstrace.backfill.warc_writer import WarcPage, news_page, write_warc
from newstrace.cluster.features import DocumentFrequencies, LineCounts, article_features
from newstrace.cluster.near_duplicates import NearDuplicateIndex
from newstrace.eval.metrics import bcubed_scores, pairwise_scores
from newstrace.eval.stories import GoldArticle, evaluate_articles, load_gold, ordered, to_article

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "data" / "ecbplus" / "ecbplus-dev.jsonl"
OUT = ROOT / "benchmarks" / "out"
FLOORS = ROOT / "benchmarks" / "floors" / "backfill.json"
SEED = 0


# -- quality ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QualityRow:
    mode: str
    bcubed_f1: float
    pairwise_f1: float
    stories: int
    blocks: int | None = None
    largest_block: int | None = None
    seconds: float = 0.0


def _extracted(stream: list[GoldArticle], config: BackfillConfig) -> list[ExtractedArticle]:
    empty = DocumentFrequencies(config.cluster.features.bucket_bits)
    items = []
    for position, gold in enumerate(stream):
        article = to_article(gold)
        article.url = f"ecbplus:{gold.id}"  # one key per gold article (no two are merged as copies)
        buckets = article_features(article, empty, LineCounts(), config.cluster.features).buckets
        items.append(ExtractedArticle((0, position), article, np.unique(buckets)))
    return items


def batch_quality(spark: object, gold: list[GoldArticle], config: BackfillConfig) -> QualityRow:
    stream = ordered(gold, "random", SEED)
    items = _extracted(stream, config)
    started = time.perf_counter()
    sc = spark.sparkContext  # type: ignore[attr-defined]
    rdd = sc.parallelize(items, max(2, sc.defaultParallelism))
    resolution, _ = build_stories(sc, rdd, config)
    story_by_ref = story_of_refs(resolution)
    keys = dict(
        resolution.blocks.flatMap(lambda r: ((m.ref, m.item.article.key) for m in r.members)).collect()
    )
    seconds = time.perf_counter() - started
    story_by_key = {keys[ref]: story for ref, story in story_by_ref.items()}
    predicted = [story_by_key[f"ecbplus:{g.id}"] for g in stream]
    truth = [g.story for g in stream]
    return QualityRow(
        "batch (Spark backfill)",
        bcubed_scores(truth, predicted).f1,
        pairwise_scores(truth, predicted).f1,
        len(set(predicted)),
        resolution.block_count,
        resolution.largest_block,
        seconds,
    )


def online_quality(gold: list[GoldArticle], config: BackfillConfig) -> QualityRow:
    report = evaluate_articles(gold, "random", SEED, config.cluster, measure_memory=False)
    return QualityRow(
        "online (StoryClusterer)", report.bcubed.f1, report.pairwise.f1, report.predicted_stories,
        seconds=report.seconds,
    )  # fmt: skip


def _local_blocks(
    items: list[ExtractedArticle], df: DocumentFrequencies, config: BackfillConfig
) -> dict[int, int]:
    """Stage 3 without Spark: the same keys, pairs and union-find, for the calibration grid."""
    signatures = NearDuplicateIndex(config.cluster.copies)
    postings: dict[str, list[Posting]] = {}
    for ref, item in enumerate(items, start=1):
        features = article_features(item.article, df, LineCounts(), config.cluster.features)
        signature = signatures.signature(features.text)
        hashvalues = signature.hashvalues if signature is not None else None
        when = timestamp(item.article.published or item.article.fetched)
        for key in blocking_keys(features.vector, hashvalues, when, config.blocking):
            postings.setdefault(key, []).append(Posting(when or 0.0, ref))
    evidence = {
        pe
        for key, members in postings.items()
        for pe in posting_pairs(key, members, config.blocking.neighbours)
    }
    weights: dict[CandidatePair, int] = {}
    for pair, what in evidence:
        weights[pair] = weights.get(pair, 0) + evidence_weight(what, config.blocking)
    edges = [pair for pair, weight in weights.items() if weight >= config.blocking.min_shared_terms]
    return connected_blocks(range(1, len(items) + 1), edges)


def local_batch_quality(gold: list[GoldArticle], config: BackfillConfig) -> QualityRow:
    """The batch figure without Spark: the same stages' functions, run in this process."""
    stream = ordered(gold, "random", SEED)
    truth = [g.story for g in stream]
    items = _extracted(stream, config)
    df = count_stream(enumerate(items, start=1), config.cluster.features.bucket_bits)
    blocks = _local_blocks(items, df, config)
    members: dict[int, list[BlockMember]] = {}
    for ref, block in blocks.items():
        members.setdefault(block, []).append(BlockMember(ref, items[ref - 1]))
    resolver = BlockResolver(config.cluster)
    story: dict[int, tuple[int, int | None]] = {}
    for block, group in members.items():
        for member in resolver.resolve(block, group).members:
            story[member.ref] = (block, member.item.article.story_id)
    predicted = [story[ref] for ref in range(1, len(items) + 1)]
    sizes = [len(g) for g in members.values()]
    return QualityRow(
        "batch (local blocks)", bcubed_scores(truth, predicted).f1, pairwise_scores(truth, predicted).f1,
        len(set(predicted)), len(sizes), max(sizes),
    )  # fmt: skip


def calibrate(gold: list[GoldArticle]) -> list[tuple[BlockingConfig, QualityRow]]:
    """The blocking grid on ECB+ dev, blocks resolved locally (no Spark: the same functions)."""
    rows = []
    for heavy, shared in itertools.product((8, 12, 16, 25), (1, 2, 3)):
        config = BackfillConfig(blocking=BlockingConfig(heavy_terms=heavy, min_shared_terms=shared))
        rows.append((config.blocking, local_batch_quality(gold, config)))
    return rows


def print_calibration(rows: list[tuple[BlockingConfig, QualityRow]]) -> None:
    print("\nblocking grid on ECB+ dev (heavy terms x shared terms), blocks resolved locally")
    for blocking, row in rows:
        print(
            f"  {blocking.heavy_terms:3d} x {blocking.min_shared_terms}: BCubed F1 {row.bcubed_f1:.3f}"
            f"  pairwise F1 {row.pairwise_f1:.3f}  blocks {row.blocks}  largest {row.largest_block}"
        )


def print_quality(rows: list[QualityRow]) -> None:
    print("\nECB+ dev stories, random order seed 0 (same articles, same input order)")
    header = ("mode", "BCubed F1", "pairwise F1", "stories", "blocks", "largest", "s")
    print(f"{header[0]:26} " + " ".join(f"{h:>9}" for h in header[1:]))
    for r in rows:
        blocks = "" if r.blocks is None else str(r.blocks)
        largest = "" if r.largest_block is None else str(r.largest_block)
        print(
            f"{r.mode:26} {r.bcubed_f1:9.3f} {r.pairwise_f1:9.3f} {r.stories:9d} {blocks:>9} {largest:>9}"
            f" {r.seconds:9.1f}"
        )
    if len(rows) == 2:
        print(f"batch - online BCubed F1: {rows[1].bcubed_f1 - rows[0].bcubed_f1:+.3f}")


# -- the synthetic archive ----------------------------------------------------------------------

EDITIONS = 40  # distinct occurrences of each ECB+ event
EDITION_GAP_DAYS = 30  # apart: more than the online window (7 days) and the blocking reach (14)
OUTLETS = 30
COPY_SHARE = 0.2  # pages that are syndicated copies of an earlier page
ERROR_SHARE = 0.01  # HTTP 404 responses (skipped, not articles)
RECRAWL_SHARE = 0.02  # pages crawled again a day later (same URL: stored once)
RECORDS_PER_FILE = 2000  # at most; small sets are cut into 16 files so that two cores have work
TITLE_STYLES = ("{t}", "{t}", "Update: {t}", "{t} - report", "Breaking: {t}", "What we know: {t}")


def _outlet(number: int) -> str:
    return f"news{number:02d}.example"


def _perturbed(gold: GoldArticle, siblings: list[GoldArticle], rng: random.Random) -> tuple[str, list[str]]:
    lines = [line for line in gold.text.split("\n")[1:] if line.strip()] or [gold.text]
    kept = [line for line in lines if rng.random() > 0.2] or lines[:2]
    if len(kept) > 3 and rng.random() < 0.5:
        i, j = rng.sample(range(len(kept)), 2)
        kept[i], kept[j] = kept[j], kept[i]
    if siblings and rng.random() < 0.5:
        other = rng.choice(siblings).text.split("\n")
        kept.insert(rng.randrange(len(kept) + 1), rng.choice(other))
    title = rng.choice(TITLE_STYLES).format(t=gold.title.strip())
    return title, kept


def synthetic_pages(gold: list[GoldArticle], count: int, seed: int = SEED) -> list[WarcPage]:
    rng = random.Random(seed)
    by_story: dict[str, list[GoldArticle]] = {}
    for g in gold:
        by_story.setdefault(g.story, []).append(g)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    pages: list[WarcPage] = []
    articles: list[tuple[str, list[str], datetime]] = []
    for number in range(count):
        outlet = _outlet(rng.randrange(OUTLETS))
        if rng.random() < ERROR_SHARE:
            pages.append(WarcPage(f"https://{outlet}/missing/{number}", b"not found", start, status=404))
            continue
        if pages and rng.random() < RECRAWL_SHARE:
            again = pages[rng.randrange(len(pages))]
            pages.append(WarcPage(again.url, again.body, again.fetched + timedelta(days=1), again.status))
            continue
        if articles and rng.random() < COPY_SHARE:
            title, paragraphs, when = rng.choice(articles[-2000:])
            when = when + timedelta(hours=rng.uniform(0.5, 36))
        else:
            g = rng.choice(gold)
            siblings = [s for s in by_story[g.story] if s.id != g.id]
            title, paragraphs = _perturbed(g, siblings, rng)
            when = start + timedelta(
                days=EDITION_GAP_DAYS * rng.randrange(EDITIONS), hours=rng.uniform(0, 72)
            )
            articles.append((title, paragraphs, when))
        slug = "-".join(re.findall(r"[a-z0-9]+", title.lower())[:6])
        url = f"https://{outlet}/{when:%Y/%m/%d}/{number}-{slug}"
        pages.append(WarcPage(url, news_page(title, paragraphs, when, outlet), when + timedelta(hours=1)))
    return pages


def synthetic_archive(gold: list[GoldArticle], records: int) -> Path:
    """The synthetic WARC set of ``records`` response records, built once and reused."""
    folder = OUT / f"backfill-warc-{records}-v2"  # v2: editions 30 days apart, re-crawls
    done = folder / "COMPLETE"
    if done.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    pages = synthetic_pages(gold, records)
    per_file = max(1, min(RECORDS_PER_FILE, len(pages) // 16))
    for start in range(0, len(pages), per_file):
        name = folder / f"synthetic-{start // per_file:05d}.warc.gz"
        write_warc(name, pages[start : start + per_file])
    done.write_text(f"{records} records from ECB+ dev (CC BY 3.0), seed {SEED}\n", encoding="utf-8")
    return folder


# -- throughput ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ThroughputRow:
    cores: int
    records: int
    articles: int
    duplicates: int
    stories: int
    blocks: int
    largest_block: int
    failures: int
    seconds: float
    articles_per_second: float


def throughput(folder: Path, cores: int) -> ThroughputRow:
    output = OUT / f"backfill-parquet-{cores}"
    request = BackfillRequest(
        (str(folder / "*.warc.gz"),), f"parquet:{output}", spark=SparkOptions(cores=cores)
    )
    outcome = backfill_archives(request)
    report = outcome.report
    return ThroughputRow(
        cores, report.records, report.articles, report.duplicates, report.stories, report.blocks,
        report.largest_block, len(report.failures), report.seconds, report.articles_per_second,
    )  # fmt: skip


def print_throughput_header() -> None:
    print("\nbackfill throughput (read + extract + de-duplicate + block + resolve + write Parquet)")
    print(f"{'master':9} {'records':>8} {'articles':>8} {'dups':>6} {'stories':>7} {'blocks':>6} "
          f"{'largest':>7} {'failed':>6} {'seconds':>8} {'art/s':>7}")  # fmt: skip


def print_throughput_row(r: ThroughputRow) -> None:
    print(
        f"{f'local[{r.cores}]':9} {r.records:8d} {r.articles:8d} {r.duplicates:6d} {r.stories:7d} "
        f"{r.blocks:6d} {r.largest_block:7d} {r.failures:6d} {r.seconds:8.1f} "
        f"{r.articles_per_second:7.1f}",
        flush=True,
    )


def print_scaling(rows: list[ThroughputRow]) -> None:
    speed = {r.cores: r.articles_per_second for r in rows}
    if speed.get(1) and 2 in speed:
        print(f"scaling local[2] / local[1]: {speed[2] / speed[1]:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=100_000, help="synthetic response records")
    parser.add_argument("--cores", default="1,2", help="local[N] runs, comma-separated")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--calibrate", action="store_true", help="the blocking grid on ECB+ dev")
    parser.add_argument("--check-floors", action="store_true", help="fail if a figure is below its floor")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    gold = load_gold(ECB)
    config = BackfillConfig()
    result: dict[str, object] = {}
    quality: list[QualityRow] = []
    if args.calibrate:
        print_calibration(calibrate(gold))
    if not args.skip_quality:
        spark = start_spark(SparkOptions(cores=2))
        try:
            quality = [online_quality(gold, config), batch_quality(spark, gold, config)]
        finally:
            spark.stop()
        print_quality(quality)
        result["quality"] = [asdict(q) for q in quality]
    if not args.skip_throughput:
        started = time.perf_counter()
        folder = synthetic_archive(gold, args.records)
        print(f"\nsynthetic archive: {folder} ({time.perf_counter() - started:.1f} s to build or find)")
        print_throughput_header()
        rows = []
        for cores in args.cores.split(","):
            rows.append(throughput(folder, int(cores)))
            print_throughput_row(rows[-1])
        print_scaling(rows)
        result["throughput"] = [asdict(r) for r in rows]
    if args.json:
        print(json.dumps(result, indent=2))
    if args.check_floors and quality:
        return check_floors(*quality)
    return 0


def check_floors(online: QualityRow, batch: QualityRow) -> int:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    failures = []
    if batch.bcubed_f1 < floors["ecbplus_batch_bcubed_f1"]:
        failures.append(f"batch BCubed F1 {batch.bcubed_f1:.3f} < floor {floors['ecbplus_batch_bcubed_f1']}")
    gap = online.bcubed_f1 - batch.bcubed_f1
    if gap > floors["max_gap_to_online"]:
        failures.append(f"batch is {gap:.3f} below online (allowed {floors['max_gap_to_online']})")
    for failure in failures:
        print(f"FLOOR: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
