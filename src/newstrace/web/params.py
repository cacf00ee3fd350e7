"""Query parameters shared by pages and API routes: paging and story filters."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import Depends, HTTPException, Query

from newstrace.store.pages import PageRequest, StoryFilters
from newstrace.web.context import Ctx


def page_request(
    ctx: Ctx,
    page: Annotated[int, Query(ge=1, le=10_000, description="Page number, from 1.")] = 1,
    per_page: Annotated[int | None, Query(ge=1, description="Items per page (capped by the server).")] = None,
) -> PageRequest:
    size = min(per_page or ctx.settings.page_size, ctx.settings.max_page_size)
    return PageRequest(page, size)


def _moment(value: str | None, name: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise HTTPException(422, f"{name}: expected an ISO date or time") from error
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def story_filters(
    topic: str | None = Query(None, max_length=200),
    entity: str | None = Query(None, max_length=200),
    outlet: str | None = Query(None, max_length=200),
    since: str | None = Query(None, description="Last seen at or after (ISO date or time)."),
    until: str | None = Query(None, description="First seen at or before (ISO date or time)."),
    order: Literal["latest", "biggest", "growing"] = Query("latest"),
) -> StoryFilters:
    return StoryFilters(
        topic or None, entity or None, outlet or None, _moment(since, "since"), _moment(until, "until"), order
    )


Page = Annotated[PageRequest, Depends(page_request)]
Filters = Annotated[StoryFilters, Depends(story_filters)]
