"""Resolving blocks with the online clusterer (no Spark): stories of real ECB+ articles (CC BY 3.0)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from newstrace.backfill.config import BackfillConfig
from newstrace.backfill.resolve import BlockMember, BlockResolver
from newstrace.backfill.warc_records import ExtractedArticle
from newstrace.cluster.features import DocumentFrequencies, LineCounts, article_features
from newstrace.eval.metrics import bcubed_scores
from newstrace.records import Article


def _topic_articles(shared_dir: Path, topic: int) -> list[tuple[Article, str]]:
    text = (shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [
        (Article(title=r["title"], body=r["text"].split("\n")[1:], url=f"ecbplus:{r['id']}"), r["story"])
        for r in rows
        if r["topic"] == topic
    ]


def _members(
    articles: list[Article], config: BackfillConfig
) -> tuple[list[BlockMember], DocumentFrequencies]:
    bits = config.cluster.features.bucket_bits
    empty = DocumentFrequencies(bits)
    members, counts = [], np.zeros(1 << bits, dtype=np.int64)
    for ref, article in enumerate(articles, start=1):
        buckets = np.unique(article_features(article, empty, LineCounts(), config.cluster.features).buckets)
        counts[buckets] += 1
        members.append(BlockMember(ref, ExtractedArticle((0, ref), article, buckets)))
    header = np.array([len(articles), (1 << bits) - 1], dtype=np.int64).tobytes()
    return members, DocumentFrequencies.from_bytes(header + counts.astype(np.int32).tobytes())


def test_a_block_of_two_events_resolves_into_their_stories(shared_dir: Path) -> None:
    config = BackfillConfig()
    pairs = _topic_articles(shared_dir, 1)  # two rehab check-ins, months apart in the world
    members, background = _members([a for a, _ in pairs], config)
    before = background.to_bytes()
    resolved = BlockResolver(background, config.cluster).resolve(7, members)
    assert background.to_bytes() == before  # the shared background is not counted into
    story_of = {m.ref: m.item.article.story_id for m in resolved.members}
    predicted = [story_of[ref] for ref in range(1, len(pairs) + 1)]
    assert bcubed_scores([s for _, s in pairs], predicted).f1 > 0.8
    assert {s.id for s in resolved.stories} == set(predicted)
    assert sum(s.size for s in resolved.stories) == len(pairs)
    assert all(s.title for s in resolved.stories)


def test_blocks_are_independent_and_a_lone_article_is_its_own_story(shared_dir: Path) -> None:
    config = BackfillConfig()
    articles = [a for a, _ in _topic_articles(shared_dir, 3)]
    members, background = _members(articles, config)
    resolver = BlockResolver(background, config.cluster)
    first = resolver.resolve(1, members[:1])
    again = resolver.resolve(2, members[:1])
    assert [s.id for s in first.stories] == [s.id for s in again.stories] == [1]  # local ids
    assert first.stories[0].title == articles[0].title and first.stories[0].size == 1
    assert first.members[0].item.article.copy_of is None
