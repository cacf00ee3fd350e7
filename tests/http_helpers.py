"""Helpers shared by the fetch tests (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass
class Reply:
    """What the local server answers for one path."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    hang: float = 0.0  # seconds to wait before answering (a hanging server)


Route = Reply | Callable[[dict[str, str]], Reply]


@dataclass
class LocalServer:
    """A threaded HTTP server on 127.0.0.1: ``routes`` maps a path to a Reply (or a function of the
    request headers returning one); ``requests`` records (path, headers) of every request."""

    base: str
    routes: dict[str, Route]
    requests: list[tuple[str, dict[str, str]]]
    stop: threading.Event

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


@dataclass
class FakeClock:
    """A monotonic clock that only moves when something sleeps; records every sleep."""

    now: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@dataclass(frozen=True)
class Page:
    url: str
    html: bytes
    body: str




def _response(writer: WARCWriter, url: str, status: str, content_type: str, body: bytes) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers,
        warc_headers_dict={"WARC-Date": "2026-11-20T08:30:00Z"},
    )
    writer.write_record(record)


def warc_bytes(pages: list[Page], compress: bool = True, extra_records: bool = True) -> bytes:
    """A real WARC (written with warcio) holding each page as a response record, with the request
    records, a non-HTML response and a 404 a crawler also writes when ``extra_records``."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for page in pages:
        if extra_records:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(page.url, "request", http_headers=request))
        _response(writer, page.url, "200 OK", "text/html; charset=utf-8", page.html)
    if extra_records:
        _response(writer, "https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n...")
        _response(writer, "https://news.example/gone", "404 Not Found", "text/html", b"<p>gone</p>")
    return buffer.getvalue()
