"""Stories across languages with the shipped defaults stay above their pinned floors.

The multilingual set (benchmarks/data/multilingual, real articles, see its README), online, random
order with seed 0, with and without the articles' dates, as
``python benchmarks/stories_multilingual.py --skip-cv --check-floors`` runs it.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmark_scripts import load_benchmark
from newstrace.cluster.stories import ClusterConfig
from newstrace.eval.stories import embed, load_gold

FLOORS = Path(__file__).resolve().parents[2] / "benchmarks" / "floors" / "stories_multilingual.json"


def test_shipped_defaults_meet_the_floors() -> None:
    bench = load_benchmark("stories_multilingual")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    articles = embed(load_gold(bench.MULTILINGUAL))
    variants = {"multilingual defaults": articles, "multilingual undated defaults": bench.undated(articles)}
    for name, variant in variants.items():
        found = bench.figures(variant, bench.run(variant, ClusterConfig(), seed=0))
        for key, floor in floors[name].items():
            assert getattr(found, key) >= floor, (name, key, found)
