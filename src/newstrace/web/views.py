"""The data behind each page, built once and shown twice: as HTML by ``pages`` and as JSON by ``api``.

Each builder takes the web context and the parsed request and makes calls into the core (or into
``queries``/``provenance``/``following`` standing in for core methods not written yet).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from newstrace.records import Article, Claim, Entity, Source, Story
from newstrace.store import SearchHit, StoreCounts
from newstrace.web.context import WebContext
from newstrace.web.following import list_follows
from newstrace.web.provenance import StoryProvenance, provenance_of
from newstrace.web.queries import (
    OutletCount,
    Paged,
    PageRequest,
    StoryFilters,
    claims_for_articles,
    list_stories_page,
    outlet_counts,
    story_badges,
)

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
    articles: list[Article]
    provenance: StoryProvenance


@dataclass(slots=True)
class ArticleView:
    article: Article
    claims: list[Claim]
    entities: list[Entity]
    story: Story | None


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
class FollowedItem:
    kind: str
    value: str
    label: str  # what to show: a story's title, else the value


@dataclass(slots=True)
class FollowingView:
    name: str | None
    follows: list[FollowedItem]


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
                badge.independent_sources,
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


def story_view(ctx: WebContext, story_id: int) -> StoryView | None:
    found = ctx.core.story(story_id)
    if found is None:
        return None
    story, articles = found
    claims = claims_for_articles(ctx.core.store, [a.id for a in articles if a.id is not None])
    return StoryView(story, articles, provenance_of(story_id, articles, claims))


def article_view(ctx: WebContext, article_id: int) -> ArticleView | None:
    article = ctx.core.article(article_id)
    if article is None:
        return None
    story = ctx.core.store.get_story(article.story_id) if article.story_id is not None else None
    return ArticleView(article, ctx.core.claims(article_id), ctx.core.store.get_entities(article_id), story)


def search_view(ctx: WebContext, query: str, page: PageRequest) -> SearchView:
    if not query.strip():
        return SearchView(query, [], page.page, page.per_page, False)
    hits = ctx.core.search(query, page.offset + page.per_page + 1)[page.offset :]
    return SearchView(query, hits[: page.per_page], page.page, page.per_page, len(hits) > page.per_page)


def sources_view(ctx: WebContext, page: PageRequest) -> SourcesView:
    return SourcesView(ctx.core.sources(), outlet_counts(ctx.core.store, page))


def following_view(ctx: WebContext, name: str | None) -> FollowingView:
    items = []
    for follow in list_follows(ctx.core.store, name) if name else []:
        story = ctx.core.store.get_story(int(follow.value)) if follow.kind == "story" else None
        items.append(FollowedItem(follow.kind, follow.value, story.title if story else follow.value))
    return FollowingView(name, items)


def story_json(view: StoryView) -> dict[str, Any]:
    """The story page's JSON twin: the story, its articles without their text, the provenance."""
    return {
        "story": asdict(view.story),
        "articles": [_article_brief(a) for a in view.articles],
        "provenance": asdict(view.provenance),
    }


def _article_brief(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "copy_of": article.copy_of,
        "language": article.language,
    }


def article_json(view: ArticleView) -> dict[str, Any]:
    return {
        "article": view.article.to_dict(),
        "claims": [asdict(c) for c in view.claims],
        "entities": [asdict(e) for e in view.entities],
        "story": asdict(view.story) if view.story else None,
    }
