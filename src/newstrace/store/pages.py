"""Read queries for paged lists (the web UI and the HTTP API): stories with filters, story badges,
articles, outlets.

Each function takes the :class:`~newstrace.store.Store` and returns records; the request and result
records are defined here beside their SQL (SQLite or PostgreSQL: JSON lists through
:func:`~newstrace.store.dialect.json_list_has`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Generic, Literal, TypeVar

from sqlalchemy import text

from newstrace.records import Certainty, Story
from newstrace.store import codec
from newstrace.store.database import Store
from newstrace.store.dialect import json_list_has

T = TypeVar("T")
StoryOrder = Literal["latest", "biggest", "growing"]
CERTAINTIES: tuple[Certainty, ...] = ("asserted", "attributed", "hedged", "speculative", "denied")
GROWING_WINDOW = timedelta(hours=48)  # "growing": stories seen within this span of the newest one


@dataclass(frozen=True, slots=True)
class PageRequest:
    page: int = 1
    per_page: int = 20

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass(slots=True)
class Paged(Generic[T]):
    items: list[T]
    page: int
    per_page: int
    has_next: bool


@dataclass(frozen=True, slots=True)
class StoryFilters:
    topic: str | None = None
    entity: str | None = None
    outlet: str | None = None
    since: datetime | None = None  # last seen at or after
    until: datetime | None = None  # first seen at or before
    order: StoryOrder = "latest"


@dataclass(slots=True)
class StoryBadge:
    """What a story list shows beside the title: the certainty of the story's claims."""

    story_id: int
    certainty_counts: dict[str, int] = field(default_factory=dict)

    @property
    def certainty(self) -> str | None:
        """The most frequent certainty of the story's claims (None without claims)."""
        if not self.certainty_counts:
            return None
        return max(CERTAINTIES, key=lambda c: (self.certainty_counts.get(c, 0), -CERTAINTIES.index(c)))


@dataclass(slots=True)
class ArticleSummary:
    id: int
    title: str
    source: str | None
    url: str | None
    published: datetime | None
    story_id: int | None
    copy_of: int | None


@dataclass(slots=True)
class OutletCount:
    outlet: str
    articles: int
    stories: int


def _paged(items: list[T], page: PageRequest) -> Paged[T]:
    """One page from ``per_page + 1`` fetched items (the extra one says whether a next page exists)."""
    return Paged(items[: page.per_page], page.page, page.per_page, len(items) > page.per_page)


def list_stories_page(store: Store, filters: StoryFilters, page: PageRequest) -> Paged[Story]:
    """Stories matching every given filter, newest (or biggest, or growing) first, one page."""
    where: list[str] = ["1 = 1"]
    params: dict[str, Any] = {"n": page.per_page + 1, "o": page.offset}
    for name, column in (("topic", "topics"), ("entity", "entities"), ("outlet", "outlets")):
        value = getattr(filters, name)
        if value:
            where.append(json_list_has(store.dialect, f"stories.{column}", name))
            params[name] = value
    if filters.since:
        where.append("last_seen >= :since")
        params["since"] = codec.to_iso(filters.since)
    if filters.until:
        where.append("first_seen <= :until")
        params["until"] = codec.to_iso(filters.until)
    order_by = "last_seen DESC, id DESC"
    if filters.order == "biggest":
        order_by = "size DESC, last_seen DESC, id DESC"
    elif filters.order == "growing":
        where.append("last_seen >= :recent")
        params["recent"] = codec.to_iso(newest_story_seen(store) - GROWING_WINDOW)
        order_by = "size DESC, last_seen DESC, id DESC"
    sql = f"SELECT * FROM stories WHERE {' AND '.join(where)} ORDER BY {order_by} LIMIT :n OFFSET :o"
    with store.engine.connect() as conn:
        rows = conn.execute(text(sql), params).mappings().all()
    return _paged([codec.story_from_row(dict(r)) for r in rows], page)


def newest_story_seen(store: Store) -> datetime:
    """When the most recently seen story was last seen (the store's clock when there is none)."""
    with store.engine.connect() as conn:
        newest = conn.execute(text("SELECT MAX(last_seen) FROM stories")).scalar()
    return codec.from_iso(newest) or store.clock()


def story_badges(store: Store, story_ids: list[int]) -> dict[int, StoryBadge]:
    """The claim certainty counts of several stories in one query."""
    badges = {sid: StoryBadge(sid) for sid in story_ids}
    if not story_ids:
        return badges
    marks = ", ".join(f":s{i}" for i in range(len(story_ids)))
    params = {f"s{i}": sid for i, sid in enumerate(story_ids)}
    with store.engine.connect() as conn:
        for sid, certainty, count in conn.execute(
            text(
                "SELECT a.story_id, c.certainty, COUNT(*) FROM claims c"
                " JOIN articles a ON a.id = c.article_id"
                f" WHERE a.story_id IN ({marks}) GROUP BY a.story_id, c.certainty"
            ),
            params,
        ):
            badges[sid].certainty_counts[certainty] = count
    return badges


def list_articles_page(
    store: Store, page: PageRequest, outlet: str | None = None, story_id: int | None = None
) -> Paged[ArticleSummary]:
    """Articles, most recently stored first, optionally of one outlet or one story."""
    where: list[str] = ["1 = 1"]
    params: dict[str, Any] = {"n": page.per_page + 1, "o": page.offset}
    if outlet:
        where.append("source = :outlet")
        params["outlet"] = outlet
    if story_id is not None:
        where.append("story_id = :story")
        params["story"] = story_id
    sql = (
        "SELECT id, title, source, url, published, story_id, copy_of FROM articles"
        f" WHERE {' AND '.join(where)} ORDER BY id DESC LIMIT :n OFFSET :o"
    )
    with store.engine.connect() as conn:
        rows = conn.execute(text(sql), params).all()
    return _paged(
        [ArticleSummary(r[0], r[1], r[2], r[3], codec.from_iso(r[4]), r[5], r[6]) for r in rows], page
    )


def outlet_counts(store: Store, page: PageRequest) -> Paged[OutletCount]:
    """The outlets seen in stored articles with how many articles and stories each has."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT source, COUNT(*), COUNT(DISTINCT story_id) FROM articles WHERE source IS NOT NULL"
                " GROUP BY source ORDER BY COUNT(*) DESC, source LIMIT :n OFFSET :o"
            ),
            {"n": page.per_page + 1, "o": page.offset},
        ).all()
    return _paged([OutletCount(r[0], r[1], r[2]) for r in rows], page)
