"""The visible pipeline for one input: extract → analyse → store → cluster.

Each step takes records and returns records; the store and the clusterer are passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from newstrace.analyse.claims import analyse_claims
from newstrace.analyse.entities import extract_entities
from newstrace.cluster.stories import StoryClusterer
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


def assign_story(store: Store, clusterer: StoryClusterer, article: Article) -> tuple[int, bool]:
    """Put a stored article into its story (or a new one) and store the story's new summary."""
    assignment = clusterer.assign(article)
    assert article.id is not None
    store.set_story(article.id, assignment.story_id, assignment.copy_of)
    article.story_id, article.copy_of = assignment.story_id, assignment.copy_of
    store.save_story(clusterer.story_summary(assignment.story_id))
    return assignment.story_id, assignment.is_new


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
    stored = store.get_article(saved.article_id)
    if saved.status == "unchanged" and stored is not None and stored.story_id is not None:
        result.story_id = stored.story_id
        return result
    if saved.status == "updated" and stored is not None and stored.story_id is not None:
        # A changed page keeps its story: re-clustering a stored range re-decides membership.
        result.story_id = stored.story_id
        return result
    result.story_id, result.new_story = assign_story(store, clusterer, article)
    return result


def failed(store: Store, error: FetchError) -> ItemResult:
    store.record_error(error)
    return ItemResult(error.location, "failed", reason=error.reason)
