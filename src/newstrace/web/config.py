"""The web face's settings (to move into ``newstrace.settings.Settings`` as ``web_*`` fields).

Read from ``NEWSTRACE_WEB_*`` environment variables by :func:`web_settings_from_env`; passed
explicitly to :func:`newstrace.web.app.create_app`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

WEB_ENV_PREFIX = "NEWSTRACE_WEB_"


@dataclass(frozen=True, slots=True)
class WebSettings:
    admin_token: str = ""  # a bearer token allowed to write (empty: only local accounts can write)
    anonymous_read: bool = True  # read pages and the API without signing in
    secret_key: str = ""  # signs session cookies; empty: generated once and kept in the store
    secure_cookies: bool = False  # mark cookies Secure (set it when served over HTTPS)
    session_hours: float = 24.0 * 14  # how long a sign-in lasts
    page_size: int = 20  # items per page unless ?per_page= asks otherwise (at most max_page_size)
    max_page_size: int = 100
    max_upload_bytes: int = 10_000_000  # a larger uploaded file is refused


def _coerce(default: Any, value: str) -> Any:
    if isinstance(default, bool):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(value)
    if isinstance(default, float):
        return float(value)
    return value


def web_settings_from_env(environ: Mapping[str, str], base: WebSettings | None = None) -> WebSettings:
    """``base`` (default: defaults) overridden by ``NEWSTRACE_WEB_<FIELD>`` variables."""
    base = base or WebSettings()
    values = {}
    for f in fields(WebSettings):
        raw = environ.get(WEB_ENV_PREFIX + f.name.upper())
        if raw is not None:
            values[f.name] = _coerce(getattr(base, f.name), raw)
    return replace(base, **values)
