"""The text path and the naive baseline on the article-extraction benchmark stay above their floors.

Pages: scrapinghub/article-extraction-benchmark (Zyte, MIT licence) in the shared data directory.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from types import ModuleType

import pytest

from benchmark_scripts import load_benchmark


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_benchmark("article_extraction")


def test_metric_matches_the_benchmark_definition(bench: ModuleType) -> None:
    same = bench.score_page("one two three four five", "one two three four five")
    assert (same.tp, same.fp, same.fn) == (1.0, 0.0, 0.0)
    half = bench.score_page("a b c d e", "a b c d x y z w")  # 2 true shingles, 5 predicted, 1 shared
    assert (
        half.tp == pytest.approx(1 / 6)
        and half.fp == pytest.approx(4 / 6)
        and half.fn == pytest.approx(1 / 6)
    )
    scores = bench.aggregate([same, half])
    assert scores.precision == pytest.approx((1 + 0.2) / 2)
    assert scores.recall == pytest.approx((1 + 0.5) / 2)


def test_text_path_and_naive_rows_meet_floors(bench: ModuleType, shared_dir: Path) -> None:
    data_dir = shared_dir / "data" / "article-extraction"
    if not (data_dir / "ground-truth.json").is_file():
        pytest.skip("article-extraction data missing")
    pages = bench.load_pages(data_dir)
    started = time.perf_counter()
    results = [bench.run_row(row, data_dir, pages) for row in ("text", "naive")]
    assert time.perf_counter() - started < 60
    floors = json.loads(bench.FLOORS.read_text(encoding="utf-8"))
    assert {"text", "naive"} <= set(floors)
    assert bench.check_floors(results, floors) == []
