"""The visible pipeline for one input: extract → analyse → store → cluster.

Each step takes records and returns records; the store and the clusterer are passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from newstrace.analyse.claims import analyse_claims
from newstrace.analyse.entities import extract_entities
from newstrace.cluster.stories import Assignment, StoryClusterer
from newstrace.extract.documents import extract_article
from newstrace.extract.errors import ExtractionError
from newstrace.records import Article, Claim, Entity, FetchError, RawDocument
from newstrace.store import Store

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


def assign_story(store: Store, clusterer: StoryClusterer, article: Article) -> Assignment:
    """Put a stored article into its story (or a new one), apply the moves of a story split, and
    store the summaries of every story that changed."""
    assignment = clusterer.assign(article)
    assert article.id is not None
    store.set_story(article.id, assignment.story_id, assignment.copy_of)
    article.story_id, article.copy_of = assignment.story_id, assignment.copy_of
    changed = {assignment.story_id}
    for move in assignment.moves:
        store.move_article(move.article_id, move.to_story)
        changed |= {move.from_story, move.to_story}
    for story_id in sorted(changed):
        store.save_story(clusterer.story_summary(story_id))
    return assignment


def process_document(store: Store, clusterer: StoryClusterer, raw: RawDocument) -> ItemResult:
    """Extract, analyse, store and cluster one input; a bad input becomes a failed result."""
    try:
        article = extract_article(raw)
    except ExtractionError as error:
        return failed(store, FetchError(raw.location, str(error)))
    return store_article(store, clusterer, analyse_article(article), raw)


def store_article(
    store: Store, clusterer: StoryClusterer, analysed: AnalysedArticle, raw: RawDocument | None
) -> ItemResult:
    article = analysed.article
    saved = store.save_article(article, raw, analysed.claims, analysed.entities)
    result = ItemResult(article.location or article.key, saved.status, saved.article_id)
    if saved.story_id is not None:
        # Stored and clustered before (a changed page keeps its story: re-clustering a stored range
        # re-decides membership); an article stored without a story (a crash in between) is assigned.
        result.story_id = saved.story_id
        return result
    assignment = assign_story(store, clusterer, article)
    result.story_id, result.new_story = assignment.story_id, assignment.is_new
    result.moved_from = tuple(sorted({m.from_story for m in assignment.moves}))
    return result


def failed(store: Store, error: FetchError) -> ItemResult:
    store.record_error(error)
    return ItemResult(error.location, "failed", reason=error.reason)
