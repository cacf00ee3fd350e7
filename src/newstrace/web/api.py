"""The HTTP API under ``/api``: stable JSON for every page, plus ingestion, feeds, follows and push.

Routes parse, make one call (into the core or a ``views`` builder), and return JSON. Writes need a
principal (``auth.require_writer``) and run one at a time (the core's clusterer is not shared).
"""

from __future__ import annotations

import io
import json
from dataclasses import asdict
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Response, UploadFile
from pydantic import BaseModel, Field

from newstrace.pipeline import IngestReport
from newstrace.records import Source
from newstrace.store.pages import list_articles_page
from newstrace.web import views
from newstrace.web.auth import Reader, Writer, require_reader
from newstrace.web.context import Ctx
from newstrace.web.following import add_follow, push_public_key, register_browser, remove_follow
from newstrace.web.params import Filters, Page

router = APIRouter(prefix="/api", dependencies=[Depends(require_reader)])


class IngestURL(BaseModel):
    url: str = Field(
        description="A page, a feed, a sitemap or a JSON Lines file to fetch and ingest.", max_length=2000
    )


class FeedIn(BaseModel):
    feed_url: str = Field(max_length=2000)
    name: str | None = Field(None, max_length=200)


class FollowIn(BaseModel):
    kind: str = Field(description="topic, entity, outlet or query")
    value: str = Field(max_length=200)


class PushKeys(BaseModel):
    p256dh: str = Field(max_length=2000)
    auth: str = Field(max_length=2000)


class PushSubscriptionIn(BaseModel):
    """What ``PushSubscription.toJSON()`` gives in the browser."""

    endpoint: str = Field(max_length=2000)
    keys: PushKeys


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"not JSON: {type(value).__name__}")


def json_response(data: Any, status_code: int = 200) -> Response:
    """JSON written straight with ``json.dumps`` (times as ISO 8601): the twins' hot path, no re-encoding."""
    body = json.dumps(data, ensure_ascii=False, default=_default, separators=(",", ":"))
    return Response(body, status_code=status_code, media_type="application/json")


def paged_json(paged: Any) -> dict[str, Any]:
    return {
        "items": [asdict(i) for i in paged.items],
        "page": paged.page,
        "per_page": paged.per_page,
        "has_next": paged.has_next,
    }


def ingest_json(report: IngestReport) -> dict[str, Any]:
    return {
        "new": report.count("new"),
        "updated": report.count("updated"),
        "unchanged": report.count("unchanged"),
        "failed": report.count("failed"),
        "new_stories": report.new_stories,
        "results": [asdict(r) for r in report.results],
    }


@router.get("/stories", summary="Latest stories (filters, paging) and growing ones: the home page's twin")
def list_stories(filters: Filters, page: Page, ctx: Ctx) -> Response:
    view = views.home_view(ctx, filters, page)
    return json_response(
        {
            "stories": paged_json(view.latest),
            "growing": [asdict(c) for c in view.growing],
            "counts": asdict(view.counts),
        }
    )


@router.get("/stories/{story_id}", summary="One story: articles and provenance (the story page's twin)")
def get_story(story_id: int, ctx: Ctx) -> Response:
    view = views.story_view(ctx, story_id)
    if view is None:
        raise HTTPException(404, f"no story {story_id}")
    return json_response(views.story_json(view))


@router.get("/stories/{story_id}/provenance", summary="A story's origin, derivation, sources, claims, drift")
def get_provenance(story_id: int, ctx: Ctx) -> Response:
    found = views.story_provenance(ctx, story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id}")
    return json_response(asdict(found))


@router.get("/stories/{story_id}/claims", summary="A story's claim groups by certainty, drift flagged")
def get_story_claims(story_id: int, ctx: Ctx) -> Response:
    found = views.story_provenance(ctx, story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id}")
    return json_response(
        {
            "story_id": story_id,
            "claims": found.claims,
            "certainty_counts": found.certainty_counts,
            "claim_groups": [asdict(g) for g in found.claim_groups],
            "drift": [asdict(f) for f in found.drift],
        }
    )


@router.get("/articles", summary="Articles, newest stored first, optionally of one outlet or story")
def list_articles(
    page: Page,
    ctx: Ctx,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    story: int | None = None,
) -> Response:
    return json_response(paged_json(list_articles_page(ctx.core.store, page, outlet, story)))


@router.get("/articles/{article_id}", summary="One article with its claims (the article page's twin)")
def get_article(article_id: int, ctx: Ctx) -> Response:
    view = views.article_view(ctx, article_id)
    if view is None:
        raise HTTPException(404, f"no article {article_id}")
    return json_response(views.article_json(view))


@router.get("/articles/{article_id}/claims", summary="An article's claims")
def get_article_claims(article_id: int, ctx: Ctx) -> Response:
    if ctx.core.article(article_id) is None:
        raise HTTPException(404, f"no article {article_id}")
    return json_response([asdict(c) for c in ctx.core.claims(article_id)])


@router.get("/search", summary="Full-text search over articles (the search page's twin)")
def search(page: Page, ctx: Ctx, q: Annotated[str, Query(max_length=500)] = "") -> Response:
    view = views.search_view(ctx, q, page)
    return json_response(
        {
            "query": view.query,
            "items": [asdict(h) for h in view.hits],
            "page": view.page,
            "per_page": view.per_page,
            "has_next": view.has_next,
        }
    )


@router.get("/sources", summary="Followed feeds and the outlets seen (the sources page's twin)")
def list_sources(page: Page, ctx: Ctx) -> Response:
    view = views.sources_view(ctx, page)
    return json_response({"feeds": [asdict(s) for s in view.feeds], "outlets": paged_json(view.outlets)})


@router.post("/sources", status_code=201, summary="Follow a feed")
def add_source(body: FeedIn, _: Writer, ctx: Ctx) -> dict[str, Any]:
    with ctx.write_lock:
        added = ctx.core.add_sources([Source(feed_url=body.feed_url.strip(), name=body.name)])
    return {"feed_url": body.feed_url, "added": bool(added)}


@router.delete("/sources", summary="Stop following a feed")
def delete_source(feed_url: Annotated[str, Query(max_length=2000)], _: Writer, ctx: Ctx) -> dict[str, Any]:
    with ctx.write_lock:
        removed = ctx.core.remove_source(feed_url)
    if not removed:
        raise HTTPException(404, f"not followed: {feed_url}")
    return {"feed_url": feed_url, "removed": True}


@router.post("/ingest", summary="Fetch and ingest a URL (a page, a feed's entries, a sitemap's pages)")
def ingest_url(body: IngestURL, _: Writer, ctx: Ctx) -> dict[str, Any]:
    url = body.url.strip()
    if not url.lower().startswith(("http://", "https://")):
        raise HTTPException(422, "url: only http and https addresses")  # never a path on the server
    with ctx.write_lock:
        return ingest_json(ctx.core.ingest([url]))


@router.post("/ingest/file", summary="Ingest an uploaded file (HTML, text, feed, WARC, JSON Lines)")
def ingest_file(file: UploadFile, _: Writer, ctx: Ctx) -> dict[str, Any]:
    content = file.file.read(ctx.settings.max_upload_bytes + 1)
    if len(content) > ctx.settings.max_upload_bytes:
        raise HTTPException(413, f"file larger than {ctx.settings.max_upload_bytes} bytes")
    with ctx.write_lock:
        return ingest_json(ctx.core.ingest(["-"], stdin=io.BytesIO(content)))


@router.get("/following", summary="What the signed-in person follows (the following page's twin)")
def get_following(principal: Reader, ctx: Ctx) -> Response:
    view = views.following_view(ctx, principal.name if principal else None)
    return json_response({**views.following_json(view), "push_public_key": push_public_key(ctx)})


@router.post("/following", status_code=201, summary="Follow a topic, an entity, an outlet or a search")
def post_following(body: FollowIn, principal: Writer, ctx: Ctx) -> Response:
    try:
        sub = add_follow(ctx, principal.name, body.kind, body.value)
    except ValueError as error:
        raise HTTPException(422, str(error)) from error
    return json_response({"id": sub.id, "kind": sub.kind, "value": sub.value, "channel": sub.channel}, 201)


@router.delete("/following/{subscription_id}", summary="Stop following something")
def delete_following(subscription_id: int, principal: Writer, ctx: Ctx) -> dict[str, Any]:
    if not remove_follow(ctx, principal.name, subscription_id):
        raise HTTPException(404, "not followed")
    return {"id": subscription_id, "removed": True}


@router.get("/alerts", summary="The signed-in person's latest alerts (the alerts page's twin)")
def get_alerts(principal: Reader, ctx: Ctx, limit: Annotated[int, Query(ge=1, le=500)] = 50) -> Response:
    return json_response(
        views.alerts_json(views.alerts_view(ctx, principal.name if principal else None, limit))
    )


@router.get("/push/key", summary="The VAPID public key browsers subscribe to Web Push with")
def get_push_key(ctx: Ctx) -> dict[str, str]:
    return {"public_key": push_public_key(ctx)}


@router.post("/push/subscriptions", status_code=201, summary="Send alerts to this browser (Web Push)")
def post_push_subscription(body: PushSubscriptionIn, principal: Writer, ctx: Ctx) -> dict[str, Any]:
    try:
        endpoint = register_browser(ctx, principal.name, body.endpoint, body.keys.p256dh, body.keys.auth)
    except ValueError as error:
        raise HTTPException(422, str(error)) from error
    return {"id": endpoint.id, "registered": True}
