"""The app factory: one FastAPI app over one core object (the same one the CLI uses)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI, HTTPException, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from newstrace.web import api, feeds, pages
from newstrace.web.config import WebSettings
from newstrace.web.context import make_context
from newstrace.web.security import SecurityHeaders

if TYPE_CHECKING:
    from newstrace.app import Newstrace

STATIC_DIR = Path(__file__).parent / "static"


async def _http_error(request: Request, error: Exception) -> Response:
    """A page that needs a sign-in sends the browser to the sign-in form; the API answers JSON."""
    assert isinstance(error, HTTPException)
    wants_page = not request.url.path.startswith("/api") and request.method == "GET"
    if error.status_code == 401 and wants_page:
        return RedirectResponse("/login", status_code=303)
    if wants_page and error.status_code in {403, 404, 422}:
        response = request.app.state.templates.TemplateResponse(
            request,
            "error.html",
            {
                "status": error.status_code,
                "detail": str(error.detail),
                "principal": None,
                "csrf_token": "",
                "twin": "/api/openapi.json",
            },
            status_code=error.status_code,
        )
        return response
    return await http_exception_handler(request, error)


def create_app(core: Newstrace, settings: WebSettings | None = None) -> FastAPI:
    """The web UI and HTTP API over ``core``; OpenAPI at ``/api/openapi.json``, docs at ``/api/docs``."""
    app = FastAPI(
        title="newstrace",
        version="0.1.0",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.web = make_context(core, settings or WebSettings())
    app.state.templates = pages.make_templates()
    app.include_router(api.router)
    app.include_router(pages.login_router)
    app.include_router(feeds.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.add_exception_handler(HTTPException, _http_error)
    app.add_middleware(SecurityHeaders)
    return app
