"""Who is asking: local accounts (argon2 hashes), a configured admin token, anonymous readers.

Accounts live in the store's state table as ``web_account:<name>`` → argon2 hash (to move into a
``users`` table of the store). A browser signs in with a form and gets a signed session cookie;
programs send ``Authorization: Bearer <admin token>``. Every write needs a principal, and a
cookie-signed-in write also needs the CSRF token (a bearer token is never sent by a browser on its
own, so it needs none).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, HTTPException, Request

from newstrace.store import Store
from newstrace.web.context import Ctx, WebContext
from newstrace.web.security import CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER, csrf_matches, sign, unsign

SESSION_COOKIE = "nt_session"
ACCOUNT_PREFIX = "web_account:"
NAME_RE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
MIN_PASSWORD = 10


@dataclass(frozen=True, slots=True)
class Principal:
    name: str
    via: Literal["session", "token"]


class AccountError(ValueError):
    pass


def _hasher() -> PasswordHasher:
    return PasswordHasher()


def create_account(store: Store, name: str, password: str) -> None:
    """Add (or reset) a local account; the password is stored only as an argon2id hash."""
    if not NAME_RE.match(name):
        raise AccountError("a name is 1–64 letters, digits, '.', '_' or '-'")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"a password has at least {MIN_PASSWORD} characters")
    store.set_state(ACCOUNT_PREFIX + name, _hasher().hash(password))


def check_password(store: Store, name: str, password: str) -> bool:
    stored = store.get_state(ACCOUNT_PREFIX + name) if NAME_RE.match(name) else None
    if not stored:
        _hasher().hash(password)  # same work whether or not the name exists
        return False
    try:
        return _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def session_value(ctx: WebContext, name: str) -> str:
    expires = ctx.core.clock() + timedelta(hours=ctx.settings.session_hours)
    encoded = base64.urlsafe_b64encode(name.encode()).decode()
    return sign(ctx.secret, f"{encoded}:{int(expires.timestamp())}")


def _session_name(ctx: WebContext, cookie: str | None) -> str | None:
    value = unsign(ctx.secret, cookie)
    if value is None or ":" not in value:
        return None
    encoded, _, expires = value.partition(":")
    if not expires.isdigit() or int(expires) < ctx.core.clock().timestamp():
        return None
    try:
        name = base64.urlsafe_b64decode(encoded.encode()).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    return name if ctx.core.store.get_state(ACCOUNT_PREFIX + name) else None


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def current_principal(request: Request, ctx: Ctx) -> Principal | None:
    token = _bearer(request)
    if token is not None:
        if ctx.settings.admin_token and csrf_matches(ctx.settings.admin_token, token):
            return Principal("admin", "token")
        raise HTTPException(401, "bad token", headers={"WWW-Authenticate": "Bearer"})
    name = _session_name(ctx, request.cookies.get(SESSION_COOKIE))
    return Principal(name, "session") if name else None


MaybePrincipal = Annotated[Principal | None, Depends(current_principal)]


def require_reader(
    request: Request,
    principal: MaybePrincipal,
    ctx: Ctx,
) -> Principal | None:
    if principal is None and not ctx.settings.anonymous_read:
        raise HTTPException(401, "sign in to read", headers={"WWW-Authenticate": "Bearer"})
    return principal


async def require_writer(request: Request, principal: MaybePrincipal) -> Principal:
    """A signed-in principal; a cookie session must also present the CSRF token."""
    if principal is None:
        raise HTTPException(401, "sign in to change anything", headers={"WWW-Authenticate": "Bearer"})
    if principal.via == "session":
        await check_csrf(request)
    return principal


async def check_csrf(request: Request) -> None:
    submitted = request.headers.get(CSRF_HEADER)
    if submitted is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        submitted = value if isinstance(value, str) else None
    if not csrf_matches(request.cookies.get(CSRF_COOKIE), submitted):
        raise HTTPException(403, "missing or wrong CSRF token")


Reader = Annotated[Principal | None, Depends(require_reader)]
Writer = Annotated[Principal, Depends(require_writer)]
