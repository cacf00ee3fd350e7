"""The backfill's quality floor on ECB+ dev (CC BY 3.0), and the synthetic archive's make-up.

The batch stories are computed with the backfill's own stage functions in this process (the Spark
run of the same functions is ``benchmarks/backfill.py``; the Spark plumbing is tested in
``test_backfill_spark.py``), and compared with the online clusterer on the same stream.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from benchmark_scripts import load_benchmark
from newstrace.backfill.config import BackfillConfig
from newstrace.eval.stories import load_gold


def test_batch_stories_match_online_quality_on_ecbplus(shared_dir: Path) -> None:
    bench = load_benchmark("backfill")
    floors = json.loads(bench.FLOORS.read_text(encoding="utf-8"))
    gold = load_gold(shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl")
    config = BackfillConfig()
    online = bench.online_quality(gold, config)
    batch = bench.local_batch_quality(gold, config)
    assert batch.bcubed_f1 >= floors["ecbplus_batch_bcubed_f1"]
    assert online.bcubed_f1 - batch.bcubed_f1 <= floors["max_gap_to_online"]


def test_the_synthetic_archive_holds_copies_distinct_stories_and_errors(shared_dir: Path) -> None:
    bench = load_benchmark("backfill")
    gold = load_gold(shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl")
    pages = bench.synthetic_pages(gold, 600)
    assert len(pages) == 600 and 560 < len({p.url for p in pages}) < 600  # a few re-crawls
    statuses = Counter(p.status for p in pages)
    assert statuses[404] >= 1 and statuses[200] >= 580
    # the article without its date: a copy carries its original's title and paragraphs
    bodies = Counter(p.body.split(b"</time>")[1].split(b"</article>")[0] for p in pages if p.status == 200)
    assert sum(n - 1 for n in bodies.values()) > 60  # syndicated copies: the same article, elsewhere
    days = {p.fetched.date() for p in pages}
    assert len(days) > 40  # spread over the editions
