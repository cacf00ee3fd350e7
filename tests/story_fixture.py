"""The provenance fixture story: ECB+ topic 1 with documented rewrites, read by the benchmark's own
reader (``benchmarks/provenance.py``).

See tests/fixtures/provenance_story.README.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmark_scripts import load_benchmark
from newstrace.records import Article, Claim

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "provenance_story.jsonl"


@dataclass(frozen=True, slots=True)
class FixtureStory:
    articles: list[Article]
    claims: dict[str, list[Claim]]
    gold: dict[str, Any]


def load_fixture_story(path: Path = FIXTURE) -> FixtureStory:
    story, gold = load_benchmark("provenance").load_fixture(path)
    return FixtureStory(story.articles, story.claims, gold)
