"""One settings table, one Settings object.

Values merge in this order, later wins: defaults < config file (TOML) < ``NEWSTRACE_*`` environment
variables < flags given on the command line. The object is passed explicitly; nothing reads it
globally.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

ENV_PREFIX = "NEWSTRACE_"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting newstrace has; each field's comment is its documentation."""

    data_dir: str = "newstrace-data"  # where the SQLite store and caches live
    database_url: str = ""  # empty: sqlite:///<data_dir>/newstrace.db; or postgresql+psycopg://user@host/db
    config_file: str = ""  # TOML file read before the environment; empty: <data_dir>/newstrace.toml
    # fetching
    user_agent: str = "newstrace/0.1 (+https://github.com/newstrace/newstrace)"  # sent with every request
    fetch_timeout: float = 20.0  # seconds for one HTTP request, connect to last byte
    max_bytes: int = 10_000_000  # a larger response or file is refused
    allow_private_addresses: bool = False  # fetch loopback/private/link-local hosts (tests, intranets)
    per_host_delay: float = 2.0  # seconds between two requests to one host
    feed_interval: float = 900.0  # seconds between two checks of a feed that succeeded
    feed_max_backoff: float = 86_400.0  # longest wait after repeated failures
    fetch_workers: int = 4  # concurrent fetches (different hosts)
    # the main job
    load_sample: bool = True  # load the bundled ECB+ sample into an empty store on first start
    default_feeds: bool = True  # follow the bundled list of public news feeds on first start
    run_once: bool = False  # one round over the due feeds, then stop
    # web UI and HTTP API
    web_host: str = "127.0.0.1"  # address `newstrace serve` and `newstrace run` listen on
    web_port: int = 8080  # port to listen on (0: any free port)
    serve_web: bool = True  # `newstrace run` also serves the web UI
    web_admin_token: str = ""  # a bearer token allowed to write (empty: only local accounts can write)
    web_anonymous_read: bool = True  # read pages and the API without signing in
    web_secret_key: str = ""  # signs session cookies; empty: generated once and kept in the store
    web_secure_cookies: bool = False  # mark cookies Secure (set it when served over HTTPS)
    web_session_hours: float = 336.0  # how long a sign-in lasts
    web_page_size: int = 20  # items per page unless ?per_page= asks otherwise
    web_max_page_size: int = 100  # the most items one page may ask for
    web_max_upload_bytes: int = 10_000_000  # a larger uploaded file is refused
    # alerts
    alerts: bool = True  # match new and changed stories against subscriptions as articles arrive
    base_url: str = ""  # public address of the web UI, for links in alerts; empty: http://web_host:web_port
    smtp_host: str = ""  # mail server for e-mail alerts; empty: no e-mail channel
    smtp_port: int = 25  # its port
    smtp_sender: str = "newstrace@localhost"  # From: of alert mails
    smtp_username: str = ""  # log in as (empty: no login)
    smtp_password: str = ""  # password for smtp_username
    smtp_starttls: bool = False  # upgrade the connection with STARTTLS before logging in
    vapid_subject: str = "mailto:newstrace@localhost"  # the contact Web Push services see
    # stories
    story_threshold: float = 0.0  # 0: use the calibrated default of the clusterer
    story_window_days: float = 7.0  # stories idle longer than this leave the active window
    cross_lingual: bool = True  # link stories across languages with multilingual sentence vectors

    def sqlite_path(self) -> Path:
        return Path(self.data_dir) / "newstrace.db"

    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.sqlite_path()}"

    def effective_base_url(self) -> str:
        return self.base_url or f"http://{self.web_host}:{self.web_port}"


def _coerce(name: str, value: Any) -> Any:
    """Convert a string from the environment or a flag to the field's type."""
    default = getattr(Settings(), name)
    if not isinstance(value, str) or isinstance(default, str):
        return value
    if isinstance(default, bool):
        lowered = value.strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off"}:
            return False
        raise ValueError(f"setting {name}: expected true/false, got {value!r}")
    if isinstance(default, int):
        return int(value)
    if isinstance(default, float):
        return float(value)
    return value


def _known(values: Mapping[str, Any], origin: str) -> dict[str, Any]:
    names = {f.name for f in fields(Settings)}
    unknown = sorted(set(values) - names)
    if unknown:
        raise ValueError(f"{origin}: unknown setting(s) {', '.join(unknown)}")
    return {k: _coerce(k, v) for k, v in values.items()}


def load_settings(
    flags: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Merge defaults < config file < environment < flags (flags whose value is None are unset)."""
    environ = os.environ if environ is None else environ
    flags = {k: v for k, v in (flags or {}).items() if v is not None}
    env = {
        k[len(ENV_PREFIX) :].lower(): v
        for k, v in environ.items()
        if k.startswith(ENV_PREFIX) and k[len(ENV_PREFIX) :].lower() in {f.name for f in fields(Settings)}
    }
    partial = replace(Settings(), **_known(env, "environment"))
    partial = replace(partial, **_known(flags, "flags"))
    config_path = Path(partial.config_file or Path(partial.data_dir) / "newstrace.toml")
    from_file: dict[str, Any] = {}
    if config_path.is_file():
        with config_path.open("rb") as handle:
            from_file = _known(tomllib.load(handle), str(config_path))
    merged = {**from_file, **_known(env, "environment"), **_known(flags, "flags")}
    return replace(Settings(), **merged)


def describe_settings(settings: Settings) -> list[tuple[str, Any, str]]:
    """(name, effective value, where it came from) for ``newstrace config``."""
    defaults = Settings()
    return [
        (
            f.name,
            getattr(settings, f.name),
            "default" if getattr(settings, f.name) == getattr(defaults, f.name) else "set",
        )
        for f in fields(Settings)
    ]
