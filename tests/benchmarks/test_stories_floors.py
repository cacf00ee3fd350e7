"""Story clustering on ECB+ dev with the shipped defaults stays above its pinned floors.

ECB+: Cybulska & Vossen, LREC 2014, CC BY 3.0. Online, random order with seed 0, as
``python benchmarks/stories.py --skip-cv --check-floors`` runs it.
"""

from __future__ import annotations

import json
from pathlib import Path

from newstrace.eval.stories import evaluate_stories

FLOORS = Path(__file__).resolve().parents[2] / "benchmarks" / "floors" / "stories.json"


def test_shipped_defaults_meet_the_floors(shared_dir: Path) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["ecbplus_defaults_random_seed0"]
    report = evaluate_stories(
        shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl", order="random", seed=0, measure_memory=False
    )
    assert report.bcubed.f1 >= floors["bcubed_f1"], report
    assert report.pairwise.f1 >= floors["pairwise_f1"], report
    assert report.gold_stories == 66
