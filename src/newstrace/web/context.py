"""What every route needs, held on ``app.state.web``: the core, the settings, the signing secret."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request

from newstrace.web.config import WebSettings
from newstrace.web.security import new_token

if TYPE_CHECKING:
    from newstrace.app import Newstrace

SECRET_STATE_KEY = "web_secret_key"


@dataclass(slots=True)
class WebContext:
    core: Newstrace
    settings: WebSettings
    secret: str
    write_lock: threading.Lock = field(default_factory=threading.Lock)  # the core's writes are serial


def make_context(core: Newstrace, settings: WebSettings) -> WebContext:
    """The context for one app; a missing secret is generated once and kept in the store's state."""
    secret = settings.secret_key or core.store.get_state(SECRET_STATE_KEY) or ""
    if not secret:
        secret = new_token()
        core.store.set_state(SECRET_STATE_KEY, secret)
    shared_lock = getattr(core, "write_lock", None)  # the core's own lock once it has one (shared with `run`)
    if shared_lock is not None and hasattr(shared_lock, "__enter__"):
        return WebContext(core, settings, secret, shared_lock)
    return WebContext(core, settings, secret)


def get_context(request: Request) -> WebContext:
    return request.app.state.web


Ctx = Annotated[WebContext, Depends(get_context)]
