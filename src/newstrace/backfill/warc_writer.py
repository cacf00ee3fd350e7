"""Writing WARC files of news pages: for test archives, benchmarks and re-packaging crawled pages.

``write_warc`` writes one gzipped WARC of HTTP response records (with their request records, as a
crawler writes them); ``news_page`` renders an article as a plain HTML news page (title, date,
byline, paragraphs, the outlet's navigation and footer), the shape extraction expects of the web.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass(frozen=True, slots=True)
class WarcPage:
    url: str
    body: bytes
    fetched: datetime
    status: int = 200
    content_type: str = "text/html; charset=utf-8"


def news_page(
    title: str, paragraphs: Iterable[str], published: datetime, outlet: str, author: str | None = None
) -> bytes:
    """A news page as an outlet would serve it, with the article's metadata in the head."""
    esc = html.escape
    when = published.astimezone(UTC).isoformat()
    byline = f'<p class="byline">By {esc(author)}</p>' if author else ""
    body = "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{esc(title)} | {esc(outlet)}</title>"
        f"<meta property='og:title' content='{esc(title, quote=True)}'>"
        f"<meta property='article:published_time' content='{when}'>"
        f"<meta property='og:site_name' content='{esc(outlet, quote=True)}'>"
        "</head><body>"
        f"<header><nav><a href='/'>{esc(outlet)}</a> <a href='/world'>World</a> "
        "<a href='/politics'>Politics</a> <a href='/sport'>Sport</a></nav></header>"
        f"<main><article><h1>{esc(title)}</h1>{byline}<time datetime='{when}'>{when[:10]}</time>"
        f"{body}</article></main>"
        f"<footer><p>© {esc(outlet)}. All rights reserved.</p></footer>"
        "</body></html>"
    ).encode()


def _http_headers(page: WarcPage) -> StatusAndHeaders:
    reason = "OK" if page.status == 200 else "Not Found" if page.status == 404 else "Status"
    return StatusAndHeaders(
        f"{page.status} {reason}",
        [("Content-Type", page.content_type), ("Content-Length", str(len(page.body)))],
        protocol="HTTP/1.1",
    )


def write_warc(path: str | Path, pages: Iterable[WarcPage]) -> int:
    """Write request + response records for each page to a gzipped WARC; return the pages written."""
    count = 0
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for page in pages:
            date = page.fetched.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            parts = urlsplit(page.url)
            request_line = f"GET {parts.path or '/'}{'?' + parts.query if parts.query else ''} HTTP/1.1"
            request = writer.create_warc_record(
                page.url,
                "request",
                http_headers=StatusAndHeaders(request_line, [("Host", parts.netloc)], is_http_request=True),
                warc_headers_dict={"WARC-Date": date},
            )
            response = writer.create_warc_record(
                page.url,
                "response",
                payload=BytesIO(page.body),
                length=len(page.body),  # known length: warcio then needs no temporary file
                http_headers=_http_headers(page),
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(request)
            writer.write_record(response)
            count += 1
    return count
