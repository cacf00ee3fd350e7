"""Feeds: safe parsing of real-looking RSS/Atom/RDF, hostile and broken feeds, and polling a followed feed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import httpx
import pytest

from http_helpers import FakeClock, LocalServer, Page, Reply
from newstrace.fetch.feeds import FeedError, parse_feed, poll_feed, poll_sources
from newstrace.fetch.http import Fetcher
from newstrace.records import Source
from newstrace.settings import Settings

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def rss(base: str, paths: list[str]) -> bytes:
    items = "".join(
        f"""<item><title>Story {n}: river levels &amp; evacuations</title><link>{base}{path}</link>
        <description>&lt;p&gt;Residents were moved to shelters.&lt;/p&gt;</description>
        <pubDate>Tue, 24 Nov 2026 0{n}:15:00 GMT</pubDate><dc:creator>Jane Roe</dc:creator>
        <category>Weather</category><category>Europe</category>
        <guid isPermaLink="true">{base}{path}</guid></item>"""
        for n, path in enumerate(paths, start=1)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>Example News – World</title><link>{base}/world</link><language>en-gb</language>
<description>World news</description>{items}</channel></rss>""".encode()


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Beispiel Nachrichten</title><link href="https://nachrichten.example/"/>
  <updated>2026-11-25T18:00:00+01:00</updated><id>urn:uuid:feed</id>
  <entry><title>Bundestag berät über Haushalt</title>
    <link rel="alternate" href="https://nachrichten.example/politik/haushalt-100.html"/>
    <id>urn:uuid:1</id><updated>2026-11-25T17:30:00+01:00</updated>
    <author><name>Erika Mustermann</name></author><category term="Politik"/>
    <summary>Die Abgeordneten diskutieren den Entwurf.</summary></entry>
  <entry><title>Ohne Link</title><id>urn:uuid:2</id><updated>2026-11-25T16:00:00Z</updated></entry>
</feed>""".encode()

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://wire.example/"><title>Wire</title><link>https://wire.example/</link></channel>
<item rdf:about="https://wire.example/a-1"><title>Markets open higher</title><link>https://wire.example/a-1</link>
<dc:date>2026-11-26T06:00:00Z</dc:date><dc:subject>Business</dc:subject></item>
</rdf:RDF>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>https://evil.example/a</link></item></channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title>
<item><title>&xxe;</title><link>https://evil.example/b</link></item></channel></rss>"""

RSS_091_WITH_PUBLIC_DTD = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
 "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Le Journal</title><link>https://journal.example/</link>
<language>fr</language><item><title>R\xe9forme des retraites : le d\xe9bat reprend</title>
<link>https://journal.example/politique/retraites</link></item></channel></rss>"""


def test_rss_entries_carry_what_extraction_needs() -> None:
    feed = parse_feed(rss("https://news.example", ["/world/a", "/world/b"]), "https://news.example/rss")
    assert (feed.title, feed.language, feed.recovered) == ("Example News – World", "en-gb", False)
    first = feed.entries[0]
    assert first.link == "https://news.example/world/a"
    assert first.title == "Story 1: river levels & evacuations"
    assert first.published == datetime(2026, 11, 24, 1, 15, tzinfo=UTC)
    assert (first.author, first.tags) == ("Jane Roe", ["Weather", "Europe"])
    assert "shelters" in (first.summary or "")
    assert first.hints()["published"] == "2026-11-24T01:15:00+00:00"


def test_atom_and_rdf() -> None:
    atom = parse_feed(ATOM, "https://nachrichten.example/atom.xml")
    assert [e.link for e in atom.entries] == ["https://nachrichten.example/politik/haushalt-100.html"]
    entry = atom.entries[0]
    assert entry.published == datetime(2026, 11, 25, 16, 30, tzinfo=UTC)
    assert (entry.author, entry.tags) == ("Erika Mustermann", ["Politik"])
    rdf = parse_feed(RDF, "https://wire.example/rss")
    assert [(e.link, e.tags) for e in rdf.entries] == [("https://wire.example/a-1", ["Business"])]


def test_an_old_feed_with_a_public_dtd_and_latin1_is_fine() -> None:
    feed = parse_feed(RSS_091_WITH_PUBLIC_DTD, "https://journal.example/rss")
    assert feed.entries[0].title == "Réforme des retraites : le débat reprend"


def test_relative_links_resolve_against_the_feed_url() -> None:
    feed = parse_feed(rss("", ["/world/c"]), "https://news.example/feeds/world.xml")
    assert feed.entries[0].link == "https://news.example/world/c"


@pytest.mark.parametrize("content", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_hostile_xml_is_refused(content: bytes) -> None:
    with pytest.raises(FeedError, match=r"^hostile XML"):
        parse_feed(content, "https://evil.example/rss")


def test_malformed_and_truncated_feeds_recover_what_they_can() -> None:
    good = rss("https://news.example", ["/a", "/b", "/c"])
    broken = good.replace(b"&amp;", b"&").replace(b"</channel>", b"<item><title>x<b></item></channel>")
    feed = parse_feed(broken, "https://news.example/rss")
    assert feed.recovered and len(feed.entries) == 3
    cut = parse_feed(good[: good.index(b"/c</link>")], "https://news.example/rss")
    assert cut.recovered and [e.link for e in cut.entries] == ["https://news.example/a", "https://news.example/b"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>",
         "not a feed: the content is an HTML page"),
        (b"", "empty response"),
        (b'{"version": "https://jsonfeed.org/version/1", "items": []}', "not a feed: the content is not XML"),
        (b"<?xml version='1.0'?><catalog><book/></catalog>", "not a feed: no RSS, Atom or RDF root element"),
    ],
)
def test_not_a_feed(content: bytes, reason: str) -> None:
    with pytest.raises(FeedError) as refused:
        parse_feed(content, "https://news.example/rss")
    assert refused.value.reason == reason


def _serve_feed(server: LocalServer, pages: list[Page], paths: list[str]) -> None:
    body = rss(server.base, paths)

    def feed(headers: dict[str, str]) -> Reply:
        if headers.get("if-none-match") == '"rev-7"':
            return Reply(304)
        return Reply(200, body, {"Content-Type": "application/rss+xml", "ETag": '"rev-7"',
                                 "Last-Modified": "Wed, 25 Nov 2026 10:00:00 GMT"})

    server.routes["/rss"] = feed
    for page, path in zip(pages, paths, strict=False):
        server.routes[path] = Reply(200, page.html, {"Content-Type": "text/html; charset=utf-8"})


def test_poll_fetches_new_pages_then_304_does_no_work(
    server: LocalServer, local_settings: Settings, real_pages: list[Page]
) -> None:
    _serve_feed(server, real_pages, ["/p1", "/p2"])
    source = Source(feed_url=server.url("/rss"), name="Example News", language="en")
    with Fetcher(local_settings) as fetcher:
        first = poll_feed(source, fetcher, NOW, known=lambda url: False)
        assert [d.url for d in first.documents] == [server.url("/p1"), server.url("/p2")]
        assert first.documents[0].content == real_pages[0].html and first.errors == []
        hints = first.documents[0].hints
        assert hints["title"].startswith("Story 1") and hints["source_name"] == "Example News"
        assert hints["tags"] == ["Weather", "Europe"] and hints["language"] == "en"
        state = first.source
        assert (state.etag, state.last_modified) == ('"rev-7"', "Wed, 25 Nov 2026 10:00:00 GMT")
        assert (state.last_fetch, state.next_due, state.error_count) == (NOW, NOW + timedelta(seconds=900), 0)
        later = NOW + timedelta(hours=1)
        second = poll_feed(state, fetcher, later, known=lambda url: False)
    assert second.not_modified and second.documents == [] and second.errors == []
    assert (server.hits("/rss"), server.hits("/p1"), server.hits("/p2")) == (2, 1, 1)
    assert server.requests[-1][1]["if-none-match"] == '"rev-7"'
    assert second.source.next_due == later + timedelta(seconds=900)


def test_known_entries_are_skipped_and_a_failing_page_does_not_stop_the_rest(
    server: LocalServer, local_settings: Settings, real_pages: list[Page]
) -> None:
    _serve_feed(server, real_pages, ["/p1", "/missing", "/p3"])
    del server.routes["/missing"]
    with Fetcher(local_settings) as fetcher:
        poll = poll_feed(Source(server.url("/rss")), fetcher, NOW, known=lambda url: url.endswith("/p1"))
    assert [d.url for d in poll.documents] == [server.url("/p3")]
    assert [(e.location, e.reason) for e in poll.errors] == [(server.url("/missing"), "HTTP 404")]
    assert server.hits("/p1") == 0 and poll.source.error_count == 0


def test_a_binary_entry_page_is_an_error(server: LocalServer, local_settings: Settings) -> None:
    server.routes["/rss"] = Reply(200, rss(server.base, ["/report.pdf"]))
    server.routes["/report.pdf"] = Reply(200, b"%PDF-1.7\n" + bytes(100), {"Content-Type": "application/pdf"})
    with Fetcher(local_settings) as fetcher:
        poll = poll_feed(Source(server.url("/rss")), fetcher, NOW, known=lambda url: False)
    assert poll.documents == []
    assert [(e.location, e.reason) for e in poll.errors] == [
        (server.url("/report.pdf"), "binary content (a PDF document)")]


def test_a_failing_feed_backs_off_and_recovers(server: LocalServer, local_settings: Settings) -> None:
    server.routes["/rss"] = Reply(500, b"Internal Server Error")
    source = Source(feed_url=server.url("/rss"))
    now = NOW
    waits = []
    with Fetcher(local_settings) as fetcher:
        for _ in range(4):
            poll = poll_feed(source, fetcher, now, known=lambda url: False)
            source = poll.source
            assert [e.reason for e in poll.errors] == ["HTTP 500"] and source.last_error == "HTTP 500"
            assert source.next_due is not None
            waits.append((source.next_due - now).total_seconds())
            now = source.next_due
        assert source.error_count == 4
        assert waits == [1800, 3600, 7200, 14400]  # doubling from feed_interval (900 s)
        server.routes["/rss"] = Reply(200, rss(server.base, []))
        poll = poll_feed(source, fetcher, now, known=lambda url: False)
    assert (poll.source.error_count, poll.source.last_error) == (0, None)
    assert poll.source.next_due == now + timedelta(seconds=900)


def test_feed_faults_each_give_one_line(server: LocalServer, local_settings: Settings) -> None:
    server.routes["/html"] = Reply(200, b"<!doctype html><html><body><p>Subscribe!</p></body></html>")
    server.routes["/busy"] = Reply(503, b"", {"Retry-After": "7200"})
    server.routes["/hang"] = Reply(200, b"", hang=10)
    server.routes["/bomb"] = Reply(200, BILLION_LAUGHS)
    expected = {
        "/html": "not a feed: the content is an HTML page",
        "/busy": "HTTP 503",
        "/hang": "timed out after 0.3 s",
        "/bomb": "hostile XML: entity declarations are refused",
    }
    with Fetcher(replace(local_settings, fetch_timeout=0.3)) as fetcher:
        for path, reason in expected.items():
            poll = poll_feed(Source(server.url(path)), fetcher, NOW, known=lambda url: False)
            assert [(e.location, e.reason) for e in poll.errors] == [(server.url(path), reason)]
            assert poll.source.error_count == 1
            if path == "/busy":  # Retry-After asks for longer than the first backoff (1800 s)
                assert poll.source.next_due == NOW + timedelta(seconds=7200)


def test_two_feeds_on_one_host_are_fetched_politely(clock: FakeClock) -> None:
    feeds = {
        "/world.xml": rss("https://news.example", ["/world/1"]),
        "/sport.xml": rss("https://news.example", ["/sport/1"]),
    }
    started: list[tuple[float, str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        started.append((clock(), request.url.path))
        body = feeds.get(request.url.path, b"<html><body><p>Article</p></body></html>")
        return httpx.Response(200, content=body)

    settings = Settings(per_host_delay=2.0)
    with Fetcher(settings, transport=httpx.MockTransport(handler), clock=clock, sleep=clock.sleep) as fetcher:
        sources = [Source("https://news.example/world.xml"), Source("https://news.example/sport.xml")]
        polls = list(poll_sources(sources, fetcher, NOW, known=lambda url: False, workers=1))
    assert [len(p.documents) for p in polls] == [1, 1]
    times = [t for t, _ in started]
    assert len(times) == 4 and all(b - a >= 2.0 for a, b in pairwise(times))
    assert clock.sleeps == [2.0, 2.0, 2.0]


def test_poll_sources_runs_feeds_in_parallel(
    server: LocalServer, local_settings: Settings, real_pages: list[Page]
) -> None:
    _serve_feed(server, real_pages, ["/p1"])
    server.routes["/down"] = Reply(500)
    sources = [Source(server.url("/rss")), Source(server.url("/down"))]
    with Fetcher(local_settings) as fetcher:
        polls = list(poll_sources(sources, fetcher, NOW, known=lambda url: False, workers=2))
    assert [p.source.feed_url for p in polls] == [s.feed_url for s in sources]
    assert [len(p.documents) for p in polls] == [1, 0]
    assert [p.source.error_count for p in polls] == [0, 1]
