"""The web face's settings: the ``web_*`` fields of :class:`newstrace.settings.Settings`, as one value
passed explicitly to :func:`newstrace.web.app.create_app`."""

from __future__ import annotations

from dataclasses import dataclass, fields

from newstrace.settings import Settings


@dataclass(frozen=True, slots=True)
class WebSettings:
    admin_token: str = ""  # a bearer token allowed to write (empty: only local accounts can write)
    anonymous_read: bool = True  # read pages and the API without signing in
    secret_key: str = ""  # signs session cookies; empty: generated once and kept in the store
    secure_cookies: bool = False  # mark cookies Secure (set it when served over HTTPS)
    session_hours: float = 336.0  # how long a sign-in lasts
    page_size: int = 20  # items per page unless ?per_page= asks otherwise (at most max_page_size)
    max_page_size: int = 100  # the most items one page may ask for
    max_upload_bytes: int = 10_000_000  # a larger uploaded file is refused


def web_settings(settings: Settings) -> WebSettings:
    """The web face's part of the one settings table (its ``web_*`` fields)."""
    return WebSettings(**{f.name: getattr(settings, "web_" + f.name) for f in fields(WebSettings)})
