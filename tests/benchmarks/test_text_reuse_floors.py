"""The text-reuse benchmark on Clough & Stevenson's corpus stays above its pinned floors."""

from __future__ import annotations

from pathlib import Path

from benchmark_scripts import load_benchmark
from newstrace.trace.reuse import ReuseFeatures, classify_reuse


def test_cross_validated_scores_meet_floors(shared_dir: Path) -> None:
    bench = load_benchmark("text_reuse")
    pairs = bench.load_pairs(shared_dir / "data" / "text-reuse" / "clough-stevenson.csv")
    scores = bench.cross_validate(pairs, repeats=3)
    assert bench.check_floors(scores) == []


def test_shipped_model_labels_the_corpus_like_the_benchmark(shared_dir: Path) -> None:
    bench = load_benchmark("text_reuse")
    pairs = bench.load_pairs(shared_dir / "data" / "text-reuse" / "clough-stevenson.csv")
    degrees = [classify_reuse(ReuseFeatures(*row)) for row in pairs.features.tolist()]
    derived_right = sum(
        (d != "independent") == (label > 0) for d, label in zip(degrees, pairs.labels, strict=True)
    )
    assert derived_right / len(degrees) >= 0.95
