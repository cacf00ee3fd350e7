"""The HTML pages (Jinja2, server-rendered, no script needed); each names its JSON twin under /api.

Templates autoescape everything; article text only ever reaches them as plain strings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from newstrace.records import source_kind_label
from newstrace.web import views
from newstrace.web.auth import (
    SESSION_COOKIE,
    Reader,
    Writer,
    check_csrf,
    check_password,
    current_principal,
    require_reader,
    session_value,
)
from newstrace.web.charts import coverage_buckets, derivation_svg, timeline_svg
from newstrace.web.context import Ctx, WebContext
from newstrace.web.following import add_follow, push_public_key, remove_follow
from newstrace.web.marking import mark_article
from newstrace.web.params import Filters, Page
from newstrace.web.provenance import DRIFT_LABELS, groups_for_table
from newstrace.web.security import CSRF_COOKIE, new_token, safe_href

router = APIRouter(dependencies=[Depends(require_reader)], default_response_class=HTMLResponse)
TEMPLATES_DIR = Path(__file__).parent / "templates"
CLAIMS_PER_CERTAINTY = 40  # a story page lists at most this many claim groups of each certainty
STORY_FOLLOWS = 4  # follow buttons for a story's first entities
ALERTS_ON_PAGE = 100


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    templates.env.filters["safe_href"] = safe_href
    templates.env.filters["kind_label"] = source_kind_label
    templates.env.filters["when"] = lambda d: d.strftime("%Y-%m-%d %H:%M") if d else ""
    templates.env.globals["urlencode"] = urlencode
    templates.env.globals["drift_labels"] = DRIFT_LABELS
    return templates


def render(request: Request, name: str, twin: str, **data: Any) -> Response:
    """Render a page with the CSRF token (set as a cookie on first visit) and its JSON twin's address."""
    ctx: WebContext = request.app.state.web
    token = request.cookies.get(CSRF_COOKIE) or new_token()
    principal = current_principal(request, ctx)
    response = request.app.state.templates.TemplateResponse(
        request, name, {"csrf_token": token, "principal": principal, "twin": twin, **data}
    )
    if request.cookies.get(CSRF_COOKIE) != token:
        response.set_cookie(
            CSRF_COOKIE, token, httponly=True, samesite="strict", secure=ctx.settings.secure_cookies
        )
    return response


def _query_string(request: Request) -> str:
    return ("?" + request.url.query) if request.url.query else ""


@router.get("/")
def home(request: Request, filters: Filters, page: Page, ctx: Ctx) -> Response:
    view = views.home_view(ctx, filters, page)
    return render(request, "home.html", "/api/stories" + _query_string(request), view=view)


@router.get("/stories/{story_id}")
def story(request: Request, story_id: int, ctx: Ctx) -> Response:
    view = views.story_view(ctx, story_id)
    if view is None:
        raise HTTPException(404, f"no story {story_id}")
    rows = view.provenance.timeline
    labels = {r.key: f"{r.outlet or 'unknown outlet'}: {r.title}" for r in rows}
    buckets, bucket = coverage_buckets(rows)
    return render(
        request,
        "story.html",
        f"/api/stories/{story_id}",
        view=view,
        claim_table=groups_for_table(view.provenance.claim_groups, CLAIMS_PER_CERTAINTY),
        timeline=timeline_svg(buckets, bucket),
        bucket=bucket,
        undated=sum(1 for r in rows if r.time is None),
        graph=derivation_svg([r.key for r in rows], labels, view.provenance.edges),
        follow_entities=view.story.entities[:STORY_FOLLOWS],
    )


@router.get("/articles/{article_id}")
def article(request: Request, article_id: int, ctx: Ctx) -> Response:
    view = views.article_view(ctx, article_id)
    if view is None:
        raise HTTPException(404, f"no article {article_id}")
    return render(
        request,
        "article.html",
        f"/api/articles/{article_id}",
        view=view,
        paragraphs=mark_article(view.article, view.claims),
    )


@router.get("/search")
def search(request: Request, page: Page, ctx: Ctx, q: str = "") -> Response:
    view = views.search_view(ctx, q[:500], page)
    return render(request, "search.html", "/api/search" + _query_string(request), view=view)


@router.get("/sources")
def sources(request: Request, page: Page, ctx: Ctx) -> Response:
    return render(
        request, "sources.html", "/api/sources" + _query_string(request), view=views.sources_view(ctx, page)
    )


@router.get("/following")
def following(request: Request, principal: Reader, ctx: Ctx) -> Response:
    view = views.following_view(ctx, principal.name if principal else None)
    return render(request, "following.html", "/api/following", view=view, push_key=push_public_key(ctx))


@router.post("/following")
def follow(
    request: Request, kind: Annotated[str, Form()], value: Annotated[str, Form()], principal: Writer, ctx: Ctx
) -> Response:
    try:
        add_follow(ctx, principal.name, kind, value)
    except ValueError as error:
        raise HTTPException(422, str(error)) from error
    return RedirectResponse("/following", status_code=303)


@router.post("/following/{subscription_id}/remove")
def unfollow(request: Request, subscription_id: int, principal: Writer, ctx: Ctx) -> Response:
    remove_follow(ctx, principal.name, subscription_id)
    return RedirectResponse("/following", status_code=303)


@router.get("/alerts")
def alerts(request: Request, principal: Reader, ctx: Ctx) -> Response:
    view = views.alerts_view(ctx, principal.name if principal else None, ALERTS_ON_PAGE)
    return render(request, "alerts.html", "/api/alerts", view=view)


@router.get("/ingest")
def ingest_form(request: Request) -> Response:
    return render(request, "ingest.html", "/api/openapi.json", report=None)


@router.post("/ingest")
def ingest(
    request: Request, _: Writer, ctx: Ctx, url: Annotated[str, Form()] = "", file: UploadFile | None = None
) -> Response:
    from newstrace.web.api import IngestURL, ingest_file, ingest_url

    if file is not None and file.filename:
        report = ingest_file(file, _, ctx)
    elif url.strip():
        report = ingest_url(IngestURL(url=url), _, ctx)
    else:
        raise HTTPException(422, "give a URL or a file")
    return render(request, "ingest.html", "/api/openapi.json", report=report)


login_router = APIRouter(default_response_class=HTMLResponse)


@login_router.get("/login")
def login_form(request: Request) -> Response:
    return render(request, "login.html", "/api/openapi.json", error=None)


@login_router.post("/login")
async def login(request: Request, ctx: Ctx) -> Response:
    await check_csrf(request)
    form = await request.form()
    name, password = str(form.get("name", "")), str(form.get("password", ""))
    if not check_password(ctx.core.store, name, password):
        response = render(request, "login.html", "/api/openapi.json", error="wrong name or password")
        response.status_code = 401
        return response
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_value(ctx, name),
        httponly=True,
        samesite="lax",
        secure=ctx.settings.secure_cookies,
        max_age=int(ctx.settings.session_hours * 3600),
    )
    return response


@login_router.post("/logout")
async def logout(request: Request) -> Response:
    await check_csrf(request)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
