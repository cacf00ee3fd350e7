"""What programs fetch for a person without their session: a subscription's Atom feed (feed readers)
and the service worker script (the browser, for Web Push).

A feed's address carries its key (:func:`newstrace.web.following.feed_key`), so these routes do not
ask for a reader: a wrong key is a 404, like a missing subscription.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from newstrace.web.context import Ctx
from newstrace.web.following import feed_key_matches

router = APIRouter()
SERVICE_WORKER = Path(__file__).parent / "static" / "sw.js"
ATOM = "application/atom+xml; charset=utf-8"


@router.get("/following/{subscription_id}/feed.atom", summary="A followed thing's alerts as an Atom feed")
def subscription_feed(
    subscription_id: int, request: Request, ctx: Ctx, key: Annotated[str, Query(max_length=200)] = ""
) -> Response:
    body = (
        ctx.core.alerts.feed(subscription_id, str(request.url))
        if feed_key_matches(ctx, subscription_id, key)
        else None
    )
    if body is None:
        raise HTTPException(404, "no such feed")
    return Response(body, media_type=ATOM, headers={"Cache-Control": "private, max-age=60"})


@router.get("/sw.js", include_in_schema=False)
def service_worker() -> Response:
    """The service worker, served from the root so that its scope is the whole site."""
    return Response(
        SERVICE_WORKER.read_bytes(),
        media_type="text/javascript; charset=utf-8",
        headers={"Service-Worker-Allowed": "/", "Cache-Control": "no-cache"},
    )
