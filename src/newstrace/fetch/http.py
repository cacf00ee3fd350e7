"""A safe, polite HTTP fetcher: address policy on every hop, size and time caps, conditional GET.

Every failure is a ``FetchFailed`` with a one-line reason a person can read ("HTTP 500", "timed out
after 20 s", "refused: 127.0.0.1 is a loopback address", "too large: over 10000000 bytes").
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from newstrace.fetch.addresses import (
    AddressRefused,
    HostUnresolvable,
    check_host_name,
    guarded_transport,
)
from newstrace.settings import Settings

MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)


class FetchFailed(Exception):
    """A URL could not be fetched; ``reason`` is one line."""

    def __init__(
        self, url: str, reason: str, *, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


@dataclass(slots=True)
class FetchResult:
    """One completed fetch (2xx, or 304 when ``not_modified``)."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    retry_after: float | None = None  # seconds, when the server sent Retry-After
    not_modified: bool = False
    fetched_at: datetime | None = None


@dataclass
class HostLimiter:
    """At least ``delay`` seconds between the starts of two requests to one host; thread-safe.

    A caller reserves the host's next free slot under a lock and sleeps outside it, so fetches to
    different hosts never wait for each other.
    """

    delay: float
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _next_free: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, host: str) -> float:
        """Block until a request to ``host`` may start; returns the seconds waited."""
        if self.delay <= 0:
            return 0.0
        with self._lock:
            now = self.clock()
            start = max(now, self._next_free.get(host, now))
            self._next_free[host] = start + self.delay
        waited = start - now
        if waited > 0:
            self.sleep(waited)
        return waited


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return (parts.hostname or "").lower()


class Fetcher:
    """Fetches URLs one at a time per call; safe to share between threads."""

    def __init__(
        self,
        settings: Settings,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.now = now
        self.limiter = HostLimiter(settings.per_host_delay, clock, sleep)
        self._client = httpx.Client(
            transport=transport or guarded_transport(settings.allow_private_addresses),
            headers={"User-Agent": settings.user_agent, "Accept": ACCEPT},
            follow_redirects=False,
            trust_env=False,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET ``url`` following up to MAX_REDIRECTS redirects, each hop checked and rate-limited."""
        deadline = self.clock() + self.settings.fetch_timeout
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            self._check_url(url, current)
            self.limiter.wait(_host_key(current))
            result = self._get_once(url, current, etag, last_modified, deadline)
            if isinstance(result, FetchResult):
                return result
            current = result
        raise FetchFailed(url, f"too many redirects (over {MAX_REDIRECTS})")

    def _check_url(self, url: str, current: str) -> None:
        parts = urlsplit(current)
        if parts.scheme not in {"http", "https"}:
            raise FetchFailed(url, f"refused: {parts.scheme or 'no'} scheme (only http and https)")
        if not parts.hostname:
            raise FetchFailed(url, "refused: no host in the URL")
        if not self.settings.allow_private_addresses:
            try:
                check_host_name(parts.hostname)
            except AddressRefused as exc:
                raise FetchFailed(url, f"refused: {exc.reason}") from exc

    def _get_once(
        self, url: str, current: str, etag: str | None, last_modified: str | None, deadline: float
    ) -> FetchResult | str:
        """One request: a FetchResult, or the next URL when the answer is a redirect."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        remaining = deadline - self.clock()
        if remaining <= 0:
            raise FetchFailed(url, self._timeout_reason())
        try:
            with self._client.stream(
                "GET", current, headers=headers, timeout=httpx.Timeout(remaining)
            ) as response:
                return self._read_response(url, current, response, deadline)
        except AddressRefused as exc:
            raise FetchFailed(url, f"refused: {exc.reason}") from exc
        except HostUnresolvable as exc:
            raise FetchFailed(url, f"unreachable: {exc.reason}") from exc
        except httpx.TimeoutException as exc:
            raise FetchFailed(url, self._timeout_reason()) from exc
        except httpx.HTTPError as exc:
            raise FetchFailed(url, f"unreachable: {_one_line(exc)}") from exc

    def _read_response(
        self, url: str, current: str, response: httpx.Response, deadline: float
    ) -> FetchResult | str:
        status = response.status_code
        retry_after = parse_retry_after(response.headers.get("Retry-After"), self.now())
        if status in REDIRECT_STATUSES:
            location = response.headers.get("Location")
            if not location:
                raise FetchFailed(url, f"HTTP {status} redirect without a Location")
            return urljoin(current, location)
        if status == 304:
            return self._result(url, current, response, b"", not_modified=True, retry_after=retry_after)
        if status >= 400 or status < 200:
            raise FetchFailed(url, f"HTTP {status}", status=status, retry_after=retry_after)
        content = self._read_capped(url, response, deadline)
        return self._result(url, current, response, content, not_modified=False, retry_after=retry_after)

    def _read_capped(self, url: str, response: httpx.Response, deadline: float) -> bytes:
        cap = self.settings.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchFailed(url, f"too large: over {cap} bytes")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchFailed(url, f"too large: over {cap} bytes")
            if self.clock() > deadline:
                raise FetchFailed(url, self._timeout_reason())
            chunks.append(chunk)
        return b"".join(chunks)

    def _result(
        self,
        url: str,
        current: str,
        response: httpx.Response,
        content: bytes,
        *,
        not_modified: bool,
        retry_after: float | None,
    ) -> FetchResult:
        return FetchResult(
            url=url,
            final_url=current,
            status=response.status_code,
            content=content,
            content_type=response.headers.get("Content-Type"),
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
            retry_after=retry_after,
            not_modified=not_modified,
            fetched_at=self.now(),
        )

    def _timeout_reason(self) -> str:
        return f"timed out after {self.settings.fetch_timeout:g} s"


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]
