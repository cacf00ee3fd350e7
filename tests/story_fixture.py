"""The provenance fixture story: ECB+ topic 1 with documented rewrites.

See tests/fixtures/provenance_story.README.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from newstrace.records import Article, Claim

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "provenance_story.jsonl"


@dataclass(frozen=True, slots=True)
class FixtureStory:
    articles: list[Article]
    claims: dict[str, list[Claim]]
    gold: dict[str, Any]


def load_fixture_story(path: Path = FIXTURE) -> FixtureStory:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    articles, claims = [], {}
    for r in records[:-1]:
        articles.append(
            Article(title=r["title"], body=r["body"], source=r["source"], id=r["id"],
                    published=datetime.fromisoformat(r["published"]), cited_sources=r["cited_sources"])
        )  # fmt: skip
        claims[str(r["id"])] = [Claim(**c) for c in r["claims"]]
    return FixtureStory(articles, claims, records[-1]["gold"])
