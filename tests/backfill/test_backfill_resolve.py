"""Resolving blocks with the online clusterer (no Spark): stories of real ECB+ articles (CC BY 3.0),
each article weighed with the counts the online stream had on its arrival."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from newstrace.backfill.config import BackfillConfig
from newstrace.backfill.resolve import BlockMember, BlockResolver, StreamFrequencies, count_stream
from newstrace.backfill.warc_records import ExtractedArticle
from newstrace.cluster.features import DocumentFrequencies, LineCounts, article_features
from newstrace.cluster.stories import StoryClusterer
from newstrace.eval.metrics import bcubed_scores
from newstrace.eval.stories import final_story_ids
from newstrace.records import Article


def _topic_articles(shared_dir: Path, topic: int) -> list[tuple[Article, str]]:
    text = (shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [
        (Article(title=r["title"], body=r["text"].split("\n")[1:], url=f"ecbplus:{r['id']}"), r["story"])
        for r in rows
        if r["topic"] == topic
    ]


def _members(articles: list[Article], config: BackfillConfig) -> list[BlockMember]:
    """The articles as one archive, in this order, each with its stream counts."""
    empty = DocumentFrequencies(config.cluster.features.bucket_bits)
    members = []
    for ref, article in enumerate(articles, start=1):
        buckets = np.unique(article_features(article, empty, LineCounts(), config.cluster.features).buckets)
        members.append(BlockMember(ref, ExtractedArticle((0, ref), article, buckets)))
    count_stream([(m.ref, m.item) for m in members], config.cluster.features.bucket_bits)
    return members


def test_a_block_of_two_events_resolves_into_their_stories(shared_dir: Path) -> None:
    config = BackfillConfig()
    pairs = _topic_articles(shared_dir, 1)  # two rehab check-ins, months apart in the world
    members = _members([a for a, _ in pairs], config)
    resolved = BlockResolver(config.cluster).resolve(7, members)
    story_of = {m.ref: m.item.article.story_id for m in resolved.members}
    predicted = [story_of[ref] for ref in range(1, len(pairs) + 1)]
    assert bcubed_scores([s for _, s in pairs], predicted).f1 > 0.8
    assert {s.id for s in resolved.stories} == set(predicted)
    assert sum(s.size for s in resolved.stories) == len(pairs)
    assert all(s.title for s in resolved.stories)


def test_a_block_holding_the_whole_archive_gets_the_online_stories(shared_dir: Path) -> None:
    # Each article weighed as the online stream weighed it: the same stories, moves included.
    config = BackfillConfig()
    articles = [a for topic in (1, 3) for a, _ in _topic_articles(shared_dir, topic)]
    articles = [articles[i] for i in np.random.default_rng(0).permutation(len(articles))]
    online = StoryClusterer(config.cluster)
    assignments = [online.assign(replace(a, id=None)) for a in articles]
    expected = final_story_ids(assignments)
    resolved = BlockResolver(config.cluster).resolve(1, _members(articles, config))
    story_of = {m.ref: m.item.article.story_id for m in resolved.members}
    assert [story_of[ref] for ref in range(1, len(articles) + 1)] == expected
    assert any(a.moves for a in assignments)  # the re-decision of young stories took part


def test_stream_counts_are_those_of_the_articles_before_in_publication_order() -> None:
    def item(order: int, buckets: list[int], day: int | None) -> ExtractedArticle:
        when = None if day is None else datetime(2024, 1, day, tzinfo=UTC)
        return ExtractedArticle((0, order), Article(title="t", body=[], published=when), np.array(buckets))

    items = [(1, item(1, [3, 5], None)), (2, item(2, [5], 9)), (3, item(3, [1, 5], 2))]
    items.append((4, item(4, [3], None)))
    table = count_stream(items, bucket_bits=4)
    seen = {ref: (it.seen_documents, it.seen.tolist()) for ref, it in items if it.seen is not None}
    # stream: 3 (day 2), 2 (day 9), then the undated 1 and 4 in input order
    assert seen == {3: (0, [0, 0]), 2: (1, [1]), 1: (2, [0, 2]), 4: (3, [1])}
    assert table.documents == 4 and table.idf("x") > 0
    stream = StreamFrequencies(bucket_bits=4)
    stream.arrive(items[0][1])
    assert np.allclose(stream.idfs(np.array([3, 5, 7])), np.log(3 / np.array([1.0, 3.0, 1.0])) + 1.0)
    stream.add(np.array([3]))  # the counts already hold every earlier article
    assert stream.documents == 2


def test_blocks_are_independent_and_a_lone_article_is_its_own_story(shared_dir: Path) -> None:
    config = BackfillConfig()
    articles = [a for a, _ in _topic_articles(shared_dir, 3)]
    members = _members(articles, config)
    resolver = BlockResolver(config.cluster)
    first = resolver.resolve(1, members[:1])
    again = resolver.resolve(2, members[:1])
    assert [s.id for s in first.stories] == [s.id for s in again.stories] == [1]  # local ids
    assert first.stories[0].title == articles[0].title and first.stories[0].size == 1
    assert first.members[0].item.article.copy_of is None
