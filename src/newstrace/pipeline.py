"""The visible pipeline for one input: extract → analyse → store → cluster.

Each step takes records and returns records; the store and the story assigner are passed in.

Several worker processes may share one PostgreSQL store. Each has its own clusterer, so story
assignment is serialised (``story_lock``: one transaction under an advisory lock) and, inside that
transaction, a worker first replays into its clusterer what the others assigned since it last looked
(``assigned_since``, in assignment order; see :mod:`newstrace.store.workers`), then assigns and
writes. On SQLite (one writer) there is nothing to catch up with and the lock is a plain transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import Connection

from newstrace.analyse.claims import analyse_claims
from newstrace.analyse.embedding import ArticleEncoder
from newstrace.analyse.entities import extract_entities
from newstrace.cluster.stories import Assignment, StoryClusterer
from newstrace.extract.documents import extract_article
from newstrace.extract.errors import ExtractionError
from newstrace.records import Article, Claim, Entity, FetchError, RawDocument
from newstrace.store import Store
from newstrace.store.workers import assigned_since, assignment_seq, story_lock, story_of

Outcome = Literal["new", "updated", "unchanged", "failed"]


@dataclass(slots=True)
class AnalysedArticle:
    article: Article
    claims: list[Claim]
    entities: list[Entity]


@dataclass(slots=True)
class ItemResult:
    location: str
    outcome: Outcome
    article_id: int | None = None
    story_id: int | None = None
    new_story: bool = False
    reason: str | None = None
    moved_from: tuple[int, ...] = ()  # stories that lost articles to a split as this one arrived
    moved_to: tuple[int, ...] = ()  # the stories those articles went to (a split's new story)


@dataclass(slots=True)
class IngestReport:
    results: list[ItemResult] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    @property
    def failures(self) -> list[ItemResult]:
        return [r for r in self.results if r.outcome == "failed"]

    @property
    def new_stories(self) -> int:
        return sum(1 for r in self.results if r.new_story)


def analyse_article(article: Article) -> AnalysedArticle:
    """Claims and named entities of one article (pure)."""
    entities = extract_entities(article.title + "\n\n" + article.text, article.language)
    return AnalysedArticle(article, analyse_claims(article), entities)


class StoryAssigner:
    """A process's clusterer, kept in step with the store's assignments (several workers on
    PostgreSQL), and the one way articles get their story.

    ``new_clusterer`` makes an empty clusterer (the configuration and the next story id); the
    assigner fills it by replaying the stored, clustered articles on first use (a restart continues
    as an uninterrupted run would). On PostgreSQL that replay, and each catch-up, happen under the
    story lock; an article of this clusterer that another worker moved to another story (a split)
    makes it replay the store again: a rare event.
    """

    def __init__(
        self,
        store: Store,
        new_clusterer: Callable[[], StoryClusterer],
        encoder: ArticleEncoder | None = None,
    ) -> None:
        """``encoder``: the multilingual sentence encoder, when stories link across languages."""
        self.store = store
        self.encoder = encoder
        self._new_clusterer = new_clusterer
        self._clusterer: StoryClusterer | None = None
        self._synced = 0  # the assignment order (PostgreSQL) this clusterer has caught up with

    @property
    def clusterer(self) -> StoryClusterer:
        if self._clusterer is None:
            if self.store.shared:
                with story_lock(self.store) as conn:
                    self._restore(conn)
            else:
                self._restore()
        assert self._clusterer is not None
        return self._clusterer

    def reset(self, clusterer: StoryClusterer) -> None:
        """Start again from ``clusterer`` (re-clustering the whole store; stop other workers first)."""
        self._clusterer, self._synced = clusterer, assignment_seq(self.store)

    def _restore(self, conn: Connection | None = None) -> None:
        """Rebuild the active window from stored, clustered articles, in the order they were stored
        (on PostgreSQL under the story lock, held by ``conn``: nothing changes meanwhile)."""
        self._synced = assignment_seq(self.store, conn)
        clusterer = self._new_clusterer()
        for article in self.store.iter_articles():
            if article.story_id is not None:
                clusterer.add_known(article, article.story_id)
        self._clusterer = clusterer

    def _catch_up(self, conn: Connection) -> StoryClusterer:
        """Replay what other workers assigned since the last look (under the story lock)."""
        if self._clusterer is None:
            self._restore(conn)
        changed = assigned_since(self.store, self._synced, conn)
        if any(c.assigned <= self._synced for c in changed):  # a split moved an article we hold
            self._restore(conn)
            changed = []
        clusterer = self._clusterer
        assert clusterer is not None
        for change in changed:
            assert change.article.story_id is not None
            clusterer.add_known(change.article, change.article.story_id)
            self._synced = change.changed
        clusterer.next_story_id = max(clusterer.next_story_id, self.store.max_story_id(conn) + 1)
        return clusterer

    def assign(self, article: Article) -> Assignment | None:
        """Put a stored article into its story (or a new one), apply the moves of a story split, and
        store the summaries of every story that changed; None when another worker did it first."""
        assert article.id is not None
        with story_lock(self.store) as conn:
            if self.store.shared:
                if story_of(self.store, article.id, conn) is not None:
                    return None
                clusterer = self._catch_up(conn)
            else:
                clusterer = self.clusterer
            assignment = clusterer.assign(article)
            self.store.set_story(article.id, assignment.story_id, assignment.copy_of, conn)
            article.story_id, article.copy_of = assignment.story_id, assignment.copy_of
            changed = {assignment.story_id}
            for move in assignment.moves:
                self.store.move_article(move.article_id, move.to_story, conn)
                changed |= {move.from_story, move.to_story}
            for story_id in sorted(changed):
                self.store.save_story(clusterer.story_summary(story_id), conn)
            self._synced = assignment_seq(self.store, conn)  # all ours since the catch-up: the lock is held
        return assignment


def process_document(store: Store, assigner: StoryAssigner, raw: RawDocument) -> ItemResult:
    """Extract, analyse, store and cluster one input; a bad input becomes a failed result."""
    try:
        article = extract_article(raw)
    except ExtractionError as error:
        return failed(store, FetchError(raw.location, str(error)))
    return store_article(store, assigner, analyse_article(article), raw)


def store_article(
    store: Store, assigner: StoryAssigner, analysed: AnalysedArticle, raw: RawDocument | None
) -> ItemResult:
    article = analysed.article
    if assigner.encoder is not None:  # encoded once, outside the story lock, and stored with it
        assigner.encoder.embed(article)
    saved = store.save_article(article, raw, analysed.claims, analysed.entities)
    result = ItemResult(article.location or article.key, saved.status, saved.article_id)
    if saved.story_id is not None:
        # Stored and clustered before (a changed page keeps its story: re-clustering a stored range
        # re-decides membership); an article stored without a story (a crash in between) is assigned.
        result.story_id = saved.story_id
        return result
    assignment = assigner.assign(article)
    if assignment is None:  # another worker assigned it meanwhile
        result.story_id = story_of(store, saved.article_id)
        return result
    result.story_id, result.new_story = assignment.story_id, assignment.is_new
    result.moved_from = tuple(sorted({m.from_story for m in assignment.moves}))
    result.moved_to = tuple(sorted({m.to_story for m in assignment.moves}))
    return result


def failed(store: Store, error: FetchError) -> ItemResult:
    store.record_error(error)
    return ItemResult(error.location, "failed", reason=error.reason)
