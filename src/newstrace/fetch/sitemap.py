"""Sitemaps (``urlset`` and ``sitemapindex``, parsed with entity expansion refused) and URL lists."""

from __future__ import annotations

import re

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import fromstring as safe_fromstring

URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)


class SitemapError(ValueError):
    """Content that is not a usable sitemap; ``reason`` is one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def parse_sitemap(content: bytes) -> list[str]:
    """The ``<loc>`` URLs of a sitemap: pages of a ``urlset``, sitemaps of a ``sitemapindex``.

    Fetching and sniffing each URL tells a page from a nested sitemap, so one list serves both.
    """
    try:
        root = safe_fromstring(content)
    except DefusedXmlException as exc:
        raise SitemapError(f"hostile XML: {type(exc).__name__}") from exc
    except (ParseError, ValueError) as exc:
        raise SitemapError(f"malformed XML: {' '.join(str(exc).split())[:160]}") from exc
    kind = _local(root.tag)
    if kind not in {"urlset", "sitemapindex"}:
        raise SitemapError(f"not a sitemap: the root element is <{kind}>")
    urls: list[str] = []
    for entry in root:
        for child in entry:
            if _local(child.tag) == "loc" and child.text and URL.match(child.text.strip()):
                url = child.text.strip()
                if url not in urls:
                    urls.append(url)
    return urls


def parse_url_list(text: str) -> list[str]:
    """The http(s) URLs of a list, one a line; blank lines and ``#`` comments are skipped."""
    urls: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and URL.match(stripped) and stripped not in urls:
            urls.append(stripped)
    return urls
