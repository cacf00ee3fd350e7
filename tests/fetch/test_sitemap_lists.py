"""Sitemaps (urlset and sitemapindex) and plain URL lists."""

from __future__ import annotations

import pytest

from newstrace.fetch.sitemap import SitemapError, parse_sitemap, parse_url_list

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://news.example/world/2026/11/25/flood</loc>
    <news:news><news:publication><news:name>Example</news:name><news:language>en</news:language>
    </news:publication><news:title>Flood</news:title></news:news></url>
  <url><loc> https://news.example/world/2026/11/25/talks </loc><lastmod>2026-11-25</lastmod></url>
  <url><loc>https://news.example/world/2026/11/25/flood</loc></url>
  <url><loc>not a url</loc></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://news.example/sitemap-news.xml</loc></sitemap>
  <sitemap><loc>https://news.example/sitemap-2026-11.xml.gz</loc></sitemap>
</sitemapindex>"""


def test_urlset_and_index() -> None:
    assert parse_sitemap(URLSET) == [
        "https://news.example/world/2026/11/25/flood",
        "https://news.example/world/2026/11/25/talks",
    ]
    assert parse_sitemap(INDEX) == [
        "https://news.example/sitemap-news.xml",
        "https://news.example/sitemap-2026-11.xml.gz",
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"<rss/>", "not a sitemap: the root element is <rss>"),
        (b"<urlset><url><loc>https://a.example/", "malformed XML"),
        (b'<!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]><urlset><url><loc>&x;</loc></url></urlset>',
         "hostile XML"),
    ],
)
def test_bad_sitemaps(content: bytes, reason: str) -> None:
    with pytest.raises(SitemapError) as refused:
        parse_sitemap(content)
    assert refused.value.reason.startswith(reason)


def test_url_list_skips_comments_blanks_and_junk() -> None:
    text = "# saved for later\nhttps://a.example/1\n\n  http://b.example/x?y=1  \nftp://c.example/\nhello\nhttps://a.example/1\n"
    assert parse_url_list(text) == ["https://a.example/1", "http://b.example/x?y=1"]
