"""Following from the web: a thin face over the core's alert subscriptions (``core.alerts``).

A follow made in the browser is a subscription on the ``webpush`` channel: its alerts go to every
browser the person enabled notifications in (none yet: nothing is sent) and are always readable as
the subscription's Atom feed. A feed reader cannot sign in, so a feed's address carries a key: the
HMAC of the subscription id under the app's secret (see :func:`feed_key`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from newstrace.alerts.channels.webpush import load_or_create_vapid
from newstrace.alerts.records import SUBSCRIPTION_KINDS, PushEndpoint, Subscription
from newstrace.alerts.subscriptions import new_subscription
from newstrace.web.security import csrf_matches, sign

if TYPE_CHECKING:
    from newstrace.web.context import WebContext

WEB_CHANNEL = "webpush"  # browsers the person enabled; the Atom feed works whatever the channel
MAX_FOLLOWS = 500  # per person
MAX_PUSH_FIELD = 2000  # characters of a push endpoint URL or key
_BASE64URL = re.compile(r"[A-Za-z0-9_-]+={0,2}")


@dataclass(slots=True)
class FollowedItem:
    id: int
    kind: str
    value: str
    channel: str
    created_at: datetime | None
    link: str  # where the followed thing is shown in the web UI
    feed_url: str  # its Atom feed (the key lets a feed reader in without signing in)


def feed_key(ctx: WebContext, subscription_id: int) -> str:
    """The key a feed address carries: the signature part of ``sign(secret, "feed:<id>")``."""
    return sign(ctx.secret, f"feed:{subscription_id}").rpartition(".")[2]


def feed_key_matches(ctx: WebContext, subscription_id: int, key: str) -> bool:
    return csrf_matches(feed_key(ctx, subscription_id), key)


def feed_path(ctx: WebContext, subscription_id: int) -> str:
    return f"/following/{subscription_id}/feed.atom?" + urlencode({"key": feed_key(ctx, subscription_id)})


def followed_link(sub: Subscription) -> str:
    """Where the web UI shows what a subscription follows."""
    if sub.kind == "query":
        return "/search?" + urlencode({"q": sub.value})
    return "/?" + urlencode({str(sub.kind): sub.value})


def followed_items(ctx: WebContext, name: str | None) -> list[FollowedItem]:
    if not name:
        return []
    return [
        FollowedItem(s.id, s.kind, s.value, s.channel, s.created_at, followed_link(s), feed_path(ctx, s.id))
        for s in ctx.core.alerts.subscriptions(name)
        if s.id is not None
    ]


def add_follow(ctx: WebContext, name: str, kind: str, value: str) -> Subscription:
    """Follow something on the web channel (the existing subscription when already followed).

    Raises ValueError on a bad kind or value, or past ``MAX_FOLLOWS``.
    """
    if kind not in SUBSCRIPTION_KINDS:
        raise ValueError(f"kind must be one of {', '.join(SUBSCRIPTION_KINDS)}")
    sub = new_subscription(name, kind, value, WEB_CHANNEL, now=ctx.core.clock())
    existing = ctx.core.alerts.subscriptions(name)
    if len(existing) >= MAX_FOLLOWS and not any(
        (s.kind, s.value, s.channel) == (sub.kind, sub.value, sub.channel) for s in existing
    ):
        raise ValueError(f"at most {MAX_FOLLOWS} follows")
    with ctx.write_lock:
        return ctx.core.alerts.follow(sub)


def remove_follow(ctx: WebContext, name: str, subscription_id: int) -> bool:
    """Stop following; only the person's own subscriptions can be removed."""
    with ctx.write_lock:
        return ctx.core.alerts.unfollow(subscription_id, name)


def push_public_key(ctx: WebContext) -> str:
    """The VAPID public key, the ``applicationServerKey`` a browser subscribes with."""
    settings = ctx.core.settings
    return load_or_create_vapid(Path(settings.data_dir), settings.vapid_subject).public_key


def register_browser(ctx: WebContext, name: str, endpoint: str, p256dh: str, auth: str) -> PushEndpoint:
    """Record a browser's push subscription for ``name`` (raises ValueError on a malformed one)."""
    if not endpoint.startswith("https://") or len(endpoint) > MAX_PUSH_FIELD:
        raise ValueError("a push endpoint is an https address")
    if not all(_BASE64URL.fullmatch(k) and len(k) <= MAX_PUSH_FIELD for k in (p256dh, auth)):
        raise ValueError("a push subscription carries its p256dh and auth keys (base64url)")
    with ctx.write_lock:
        return ctx.core.alerts.register_push(PushEndpoint(name, endpoint, p256dh, auth))
