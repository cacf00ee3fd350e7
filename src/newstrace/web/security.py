"""Security headers (CSP and friends), signed cookie values and CSRF tokens (double submit).

Article text is untrusted: templates autoescape everything, links pass through :func:`safe_href`,
and the Content-Security-Policy allows no inline script, so an injected ``<script>`` or
``onerror=`` cannot run even if escaping were ever missed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_COOKIE = "nt_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
# The OpenAPI explorer loads its script and styles from a CDN; it keeps its own, looser policy.
DOCS_PATHS = ("/api/docs", "/api/redoc")


class SecurityHeaders:
    """ASGI middleware adding the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or str(scope.get("path", "")).startswith(DOCS_PATHS):
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def safe_href(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) address, else None (no ``javascript:``, ``data:`` …)."""
    if not url:
        return None
    cleaned = url.strip()
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    if any(ord(ch) < 32 for ch in cleaned):
        return None
    return cleaned


def new_token() -> str:
    return secrets.token_urlsafe(32)


def sign(secret: str, value: str) -> str:
    """``value`` with an HMAC-SHA256 signature appended (URL-safe, no padding)."""
    mac = hmac.new(secret.encode(), value.encode(), hashlib.sha256).digest()
    return value + "." + base64.urlsafe_b64encode(mac).decode().rstrip("=")


def unsign(secret: str, signed: str | None) -> str | None:
    """The value of a :func:`sign` result, or None when it was tampered with."""
    if not signed or "." not in signed:
        return None
    value, _, _mac = signed.rpartition(".")
    return value if hmac.compare_digest(sign(secret, value), signed) else None


def csrf_matches(cookie_token: str | None, submitted: str | None) -> bool:
    """Double submit: the token sent in the form or header must equal the one in the cookie."""
    if not cookie_token or not submitted:
        return False
    return hmac.compare_digest(cookie_token.encode(), submitted.encode())
