"""One block of candidate articles to stories, with the online clusterer's features and similarity.

The block's articles are streamed through a fresh ``StoryClusterer`` in publication order (input
order on ties and for undated articles), exactly as ``cluster.batch.recluster`` does for a stored
range: the document frequencies of the whole archive are its background, so early articles are
weighed with hindsight. Near-duplicates, the time discount, the active window and the re-decision
of young stories all behave as online. Story ids are local to the block (1, 2, …); the job offsets
them into global ids.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from newstrace.backfill.blocking import timestamp
from newstrace.backfill.warc_records import ExtractedArticle
from newstrace.cluster.features import DocumentFrequencies
from newstrace.cluster.stories import ClusterConfig, StoryClusterer
from newstrace.records import Story


@dataclass(slots=True)
class BlockMember:
    ref: int  # the article's number in this backfill (its id in Parquet output)
    item: ExtractedArticle


@dataclass(slots=True)
class ResolvedBlock:
    block: int
    members: list[BlockMember]  # each article with ``story_id`` (local) and ``copy_of`` (a ref) set
    stories: list[Story]  # the block's stories, local ids


def stream_order(member: BlockMember) -> tuple[bool, float, tuple[int, int], int]:
    """Dated articles by time, then undated ones; input order on ties."""
    article = member.item.article
    when = timestamp(article.published or article.fetched)
    return (when is None, when or 0.0, member.item.order, member.ref)


class BlockResolver:
    """Resolves block after block against one background table.

    A fresh clusterer per block is a deep copy of one built up front: building one costs ~15 ms
    (the near-duplicate index tunes its LSH parameters), which would dominate small blocks.
    """

    def __init__(self, background: DocumentFrequencies, config: ClusterConfig) -> None:
        self.background = background
        self._template = StoryClusterer(config, next_story_id=1, document_frequencies=background)

    def fresh_clusterer(self, size: int) -> StoryClusterer:
        # The table is copied (the clusterer counts the block's articles into it), except for a
        # lone article: what it would count is never read again.
        table = self.background
        df = DocumentFrequencies.from_bytes(table.to_bytes()) if size > 1 else _Frozen(table)
        return copy.deepcopy(self._template, memo={id(self._template.df): df})

    def resolve(self, block: int, members: Iterable[BlockMember]) -> ResolvedBlock:
        """Stories of one block (the background table is not changed)."""
        ordered = sorted(members, key=stream_order)
        clusterer = self.fresh_clusterer(len(ordered))
        story_of: dict[int, int] = {}
        copy_of: dict[int, int | None] = {}
        summaries: dict[int, Story] = {}
        for member in ordered:
            article = member.item.article
            article.id = member.ref
            assignment = clusterer.assign(article)
            story_of[member.ref] = assignment.story_id
            copy_of[member.ref] = assignment.copy_of
            changed = {assignment.story_id}
            for move in assignment.moves:
                story_of[move.article_id] = move.to_story
                changed |= {move.from_story, move.to_story}
            for story_id in changed:
                summaries[story_id] = clusterer.story_summary(story_id)
        for member in ordered:
            member.item.article.story_id = story_of[member.ref]
            member.item.article.copy_of = copy_of[member.ref]
        stories = [summaries[s] for s in sorted(set(story_of.values()))]
        return ResolvedBlock(block, ordered, stories)


def resolve_block(
    block: int, members: Iterable[BlockMember], background: DocumentFrequencies, config: ClusterConfig
) -> ResolvedBlock:
    """Stories of one block. ``background`` is copied, not changed."""
    return BlockResolver(background, config).resolve(block, members)


class _Frozen(DocumentFrequencies):
    """A read-only view of a table: ``add`` does nothing (the arrays are shared, not copied)."""

    def __init__(self, table: DocumentFrequencies) -> None:
        self.__dict__.update(vars(table))

    def add(self, buckets: np.ndarray) -> None:
        return None
