"""Batch re-clustering of a stored range of articles, with the same kind of result as the stream.

The articles are streamed through a fresh ``StoryClusterer`` in publication order (undated ones
keep their given order, after the dated ones), so stories, ids and copies mean what they mean
online. What batch adds is hindsight on term rarity: document frequencies are first counted over
the whole range, so the first articles are weighed as well as the last.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC

from newstrace.cluster.features import DocumentFrequencies, LineCounts, article_features
from newstrace.cluster.stories import Assignment, ClusterConfig, StoryClusterer
from newstrace.records import Article


def _sort_key(item: tuple[int, Article]) -> tuple[bool, float, int]:
    position, article = item
    when = article.published or article.fetched
    if when is None:
        return (True, 0.0, position)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return (False, when.timestamp(), position)


def background_frequencies(articles: Sequence[Article], config: ClusterConfig) -> DocumentFrequencies:
    """Document frequencies of the whole range (boilerplate lines are not left out here)."""
    df = DocumentFrequencies(config.features.bucket_bits)
    lines = LineCounts()
    for article in articles:
        df.add(article_features(article, df, lines, config.features).buckets)
    return df


def recluster(
    articles: Sequence[Article], config: ClusterConfig | None = None, next_story_id: int = 1
) -> list[Assignment]:
    """Stories for ``articles``, returned in the order given (one ``Assignment`` per article)."""
    cfg = config or ClusterConfig()
    clusterer = StoryClusterer(cfg, next_story_id, background_frequencies(articles, cfg))
    out: list[Assignment | None] = [None] * len(articles)
    for position, article in sorted(enumerate(articles), key=_sort_key):
        out[position] = clusterer.assign(article)
    return [a for a in out if a is not None]
