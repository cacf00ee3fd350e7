"""Attribution detection on PolNeAR dev stays at or above the pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmark_scripts import load_benchmark

REPO = Path(__file__).resolve().parents[2]




def test_dev_scores_meet_floors(shared_dir: Path) -> None:
    split_dir = shared_dir / "data" / "polnear" / "dev"
    if not split_dir.is_dir():
        pytest.skip("PolNeAR is not in the shared data")
    benchmark = load_benchmark("polnear")
    tallies, count, _ = benchmark.evaluate(benchmark.load_polnear(split_dir))
    assert count == 84
    floors = json.loads((REPO / "benchmarks" / "floors" / "polnear.json").read_text(encoding="utf-8"))
    for key, floor in floors.items():
        assert tallies[key].f1 >= floor, f"{key}: {tallies[key].f1:.3f} < {floor}"


def test_gold_parsing_keeps_discontinuous_spans(shared_dir: Path) -> None:
    split_dir = shared_dir / "data" / "polnear" / "train"
    if not split_dir.is_dir():
        pytest.skip("PolNeAR is not in the shared data")
    benchmark = load_benchmark("polnear")
    documents = list(benchmark.load_polnear(split_dir, limit=40))
    spans = [s for d in documents for role in benchmark.ROLES for s in d.gold[role]]
    assert spans and all(start < end for s in spans for start, end in s.ranges)
    assert any(len(s.ranges) > 1 for s in spans)


def test_agreement_scores_the_second_annotator_against_the_first(shared_dir: Path) -> None:
    split_dir = shared_dir / "data" / "polnear" / "train"
    if not split_dir.is_dir():
        pytest.skip("PolNeAR is not in the shared data")
    benchmark = load_benchmark("polnear")
    tallies, count = benchmark.agreement(split_dir)
    assert count == 16
    cue = tallies["cue/overlap"]
    assert cue.gold > 0 and cue.predicted > 0 and 0.5 < cue.f1 < 1.0  # people differ, but mostly agree
