"""The data behind each page, built once and shown twice: as HTML by ``pages`` and as JSON by ``api``.

Each builder takes the web context and the parsed request and makes calls into the core (paged
lists come from ``store.pages``; ``provenance`` and ``following`` only reshape what the core returns).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from newstrace.alerts.service import AlertEntry
from newstrace.records import Article, Claim, Entity, Source, Story
from newstrace.store import SearchHit, StoreCounts
from newstrace.store.pages import (
    OutletCount,
    Paged,
    PageRequest,
    StoryFilters,
    list_stories_page,
    outlet_counts,
    story_badges,
)
from newstrace.web.context import WebContext
from newstrace.web.following import FollowedItem, followed_items
from newstrace.web.provenance import StoryProvenance, provenance_view

GROWING_ON_HOME = 6


@dataclass(slots=True)
class StoryCard:
    id: int
    title: str
    size: int
    outlets: list[str]
    independent_sources: int
    certainty: str | None
    certainty_counts: dict[str, int]
    first_seen: Any
    last_seen: Any
    entities: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)


@dataclass(slots=True)
class HomeView:
    latest: Paged[StoryCard]
    growing: list[StoryCard]
    counts: StoreCounts
    filters: StoryFilters


@dataclass(slots=True)
class StoryView:
    story: Story
    provenance: StoryProvenance  # its timeline lists the story's articles in time order


@dataclass(slots=True)
class ArticleView:
    article: Article
    claims: list[Claim]
    entities: list[Entity]
    story: Story | None
    copy_of: int | None = None  # the article it copies, as its story's provenance finds it


@dataclass(slots=True)
class SearchView:
    query: str
    hits: list[SearchHit]
    page: int
    per_page: int
    has_next: bool


@dataclass(slots=True)
class SourcesView:
    feeds: list[Source]
    outlets: Paged[OutletCount]


@dataclass(slots=True)
class FollowingView:
    name: str | None
    follows: list[FollowedItem]


@dataclass(slots=True)
class AlertsView:
    name: str | None
    alerts: list[AlertEntry]


def story_cards(ctx: WebContext, stories: list[Story]) -> list[StoryCard]:
    badges = story_badges(ctx.core.store, [s.id for s in stories if s.id is not None])
    cards = []
    for story in stories:
        if story.id is None:
            continue
        badge = badges[story.id]
        cards.append(
            StoryCard(
                story.id,
                story.title,
                story.size,
                story.outlets,
                story.independent_sources,
                badge.certainty,
                badge.certainty_counts,
                story.first_seen,
                story.last_seen,
                story.entities[:8],
                story.topics,
            )
        )
    return cards


def home_view(ctx: WebContext, filters: StoryFilters, page: PageRequest) -> HomeView:
    latest = list_stories_page(ctx.core.store, filters, page)
    growing = list_stories_page(
        ctx.core.store,
        StoryFilters(filters.topic, filters.entity, filters.outlet, filters.since, filters.until, "growing"),
        PageRequest(1, GROWING_ON_HOME),
    )
    return HomeView(
        Paged(story_cards(ctx, latest.items), latest.page, latest.per_page, latest.has_next),
        story_cards(ctx, growing.items),
        ctx.core.counts(),
        filters,
    )


def story_provenance(ctx: WebContext, story_id: int) -> StoryProvenance | None:
    """The story's provenance from the core's tracker (which caches traces between articles).

    The tracker updates its cache and the story's summary row on a miss, so it runs under the core's
    write lock, one caller at a time (the main job's ingest takes the same lock).
    """
    with ctx.write_lock:
        trace = ctx.core.tracker.get(story_id)
    return provenance_view(story_id, trace) if trace is not None else None


def story_view(ctx: WebContext, story_id: int) -> StoryView | None:
    story = ctx.core.store.get_story(story_id)
    provenance = story_provenance(ctx, story_id) if story is not None else None
    if story is None or provenance is None:
        return None
    return StoryView(story, provenance)


def article_view(ctx: WebContext, article_id: int) -> ArticleView | None:
    article = ctx.core.article(article_id)
    if article is None:
        return None
    story = ctx.core.store.get_story(article.story_id) if article.story_id is not None else None
    # "copy_of" as the story's provenance finds it (the text one copies from another, outside
    # quotations), as the story page and the CLI show it, not the store's near-duplicate mark
    provenance = ctx.core.provenance(story.id) if story is not None and story.id is not None else None
    copy_of = provenance.copies().get(article_id) if provenance is not None else None
    claims, entities = ctx.core.claims(article_id), ctx.core.store.get_entities(article_id)
    return ArticleView(article, claims, entities, story, copy_of)


def search_view(ctx: WebContext, query: str, page: PageRequest) -> SearchView:
    if not query.strip():
        return SearchView(query, [], page.page, page.per_page, False)
    hits = ctx.core.search(query, page.offset + page.per_page + 1)[page.offset :]
    return SearchView(query, hits[: page.per_page], page.page, page.per_page, len(hits) > page.per_page)


def sources_view(ctx: WebContext, page: PageRequest) -> SourcesView:
    return SourcesView(ctx.core.sources(), outlet_counts(ctx.core.store, page))


def following_view(ctx: WebContext, name: str | None) -> FollowingView:
    return FollowingView(name, followed_items(ctx, name))


def alerts_view(ctx: WebContext, name: str | None, limit: int) -> AlertsView:
    return AlertsView(name, ctx.core.alerts.alert_entries(name, limit) if name else [])


def story_json(view: StoryView) -> dict[str, Any]:
    """The story page's JSON twin: the story, its articles in time order, the provenance."""
    provenance = asdict(view.provenance)
    return {
        "story": asdict(view.story),
        "articles": provenance.pop("timeline"),
        "provenance": provenance,
    }


def following_json(view: FollowingView) -> dict[str, Any]:
    return {"name": view.name, "items": [asdict(f) for f in view.follows]}


def alerts_json(view: AlertsView) -> dict[str, Any]:
    return {"name": view.name, "items": [entry.to_dict() for entry in view.alerts]}


def article_json(view: ArticleView) -> dict[str, Any]:
    return {
        "article": {**view.article.to_dict(), "copy_of": view.copy_of},
        "claims": [asdict(c) for c in view.claims],
        "entities": [asdict(e) for e in view.entities],
        "story": asdict(view.story) if view.story else None,
    }
