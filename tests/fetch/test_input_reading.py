"""read_inputs over real files, folders, globs, stdin and URLs: every kind, and every bad item named."""

from __future__ import annotations

import gzip
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from http_helpers import LocalServer, Page, Reply, warc_bytes
from newstrace.fetch.http import Fetcher
from newstrace.fetch.inputs import read_inputs
from newstrace.records import FetchError, RawDocument
from newstrace.settings import Settings

GERMAN = "Die Bürgermeisterin äußerte sich am Dienstag zur Überschwemmung an der Mosel.\n"


def summary(items: list[RawDocument | FetchError], root: Path | str = "") -> list[tuple[str, str]]:
    """(location relative to root, kind or 'error: reason') for each item."""
    prefix = f"{root}/" if str(root) else ""
    return [
        (item.location.removeprefix(prefix),
         item.kind if isinstance(item, RawDocument) else f"error: {item.reason}")
        for item in items
    ]


@pytest.fixture
def folder(tmp_path: Path, real_pages: list[Page], shared_dir: Path) -> Path:
    text = sorted((shared_dir / "data" / "article-extraction" / "page-text").glob("*.txt"))[0]
    (tmp_path / "page.html").write_bytes(real_pages[0].html)
    (tmp_path / "notes.txt").write_bytes(text.read_bytes())
    (tmp_path / "latin1.txt").write_bytes(GERMAN.encode("cp1252"))
    lines = [
        json.dumps({"title": "Flood", "text": "Rivers rose.", "url": "https://news.example/a"}),
        "",
        '{"title": "broken", "text": ',
        json.dumps({"title": "Talks", "text": "Delegates met."}),
        "[1, 2]",
    ]
    (tmp_path / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "crawl.warc.gz").write_bytes(warc_bytes(real_pages))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(GERMAN.encode()))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "nested.html").write_bytes(real_pages[1].html)
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "skip.html").write_bytes(b"<p>hidden</p>")
    return tmp_path


def test_a_folder_of_everything(folder: Path, local_settings: Settings, real_pages: list[Page]) -> None:
    with Fetcher(local_settings) as fetcher:
        items = list(read_inputs([str(folder)], local_settings, fetcher))
    warc_locations = [item.location for item in items if item.location.startswith(f"{folder}/crawl.warc.gz#")]
    assert len(warc_locations) == 3
    assert [entry for entry in summary(items, folder) if not entry[0].startswith("crawl.warc.gz#")] == [
        ("articles.jsonl:1", "jsonl"),
        ("articles.jsonl:3", "error: not valid JSON: Expecting value: line 1 column 28 (char 27)"),
        ("articles.jsonl:4", "jsonl"),
        ("articles.jsonl:5", "error: not a JSON object: a JSON list"),
        ("empty.txt", "error: empty"),
        ("image.png", "error: binary content (a PNG image)"),
        ("latin1.txt", "text"),
        ("notes.txt", "text"),
        ("page.html", "html"),
        ("story.txt.gz", "text"),
        ("sub/nested.html", "html"),
    ]
    by_location = {item.location: item for item in items}
    first_line = by_location[f"{folder}/articles.jsonl:1"]
    assert isinstance(first_line, RawDocument) and json.loads(first_line.content)["title"] == "Flood"
    gz = by_location[f"{folder}/story.txt.gz"]
    assert isinstance(gz, RawDocument) and gz.content == GERMAN.encode()
    warc_docs = [by_location[location] for location in warc_locations]
    assert [d.url for d in warc_docs if isinstance(d, RawDocument)] == [p.url for p in real_pages]


def test_globs_missing_paths_and_stdin(folder: Path, local_settings: Settings) -> None:
    stdin = io.BytesIO(b'{"title": "From a pipe", "text": "Hello."}\n')
    with Fetcher(local_settings) as fetcher:
        items = list(read_inputs(
            [f"{folder}/**/*.html", f"{folder}/nothing-*.xml", f"{folder}/missing.txt", "-"],
            local_settings, fetcher, stdin=stdin,
        ))
    assert summary(items, folder) == [
        ("page.html", "html"),
        ("sub/nested.html", "html"),
        ("nothing-*.xml", "error: no file matches this pattern"),
        ("missing.txt", "error: no such file, folder or URL"),
        ("-:1", "jsonl"),
    ]


def test_big_files_are_refused_but_archives_and_lines_stream(folder: Path, local_settings: Settings) -> None:
    settings = replace(local_settings, max_bytes=20_000)  # smaller than each real page
    with Fetcher(settings) as fetcher:
        paths = [f"{folder}/page.html", f"{folder}/articles.jsonl", f"{folder}/crawl.warc.gz"]
        items = list(read_inputs(paths, settings, fetcher))
    kinds = summary(items, folder)
    assert kinds[0] == ("page.html", "error: too large: over 20000 bytes")
    assert ("articles.jsonl:1", "jsonl") in kinds  # a JSON Lines file is read line by line
    warc = [k for k in kinds if k[0].startswith("crawl.warc.gz#")]
    # each WARC record is capped on its own
    assert len(warc) == 3 and all(k[1] == "error: too large: over 20000 bytes" for k in warc)


def test_a_url_list_and_a_feed_file_fetch_their_pages(
    tmp_path: Path, server: LocalServer, local_settings: Settings, real_pages: list[Page]
) -> None:
    server.routes["/a"] = Reply(200, real_pages[0].html, {"Content-Type": "text/html; charset=utf-8"})
    server.routes["/b"] = Reply(200, real_pages[1].html, {"Content-Type": "text/html"})
    (tmp_path / "reading.txt").write_text(f"# saved\n{server.url('/a')}\n{server.url('/gone')}\n")
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>
    <item><title>B</title><link>{server.url('/b')}</link>
    <pubDate>Wed, 25 Nov 2026 08:00:00 GMT</pubDate></item>
    </channel></rss>"""
    (tmp_path / "feed.xml").write_text(feed)
    with Fetcher(local_settings) as fetcher:
        items = list(read_inputs([str(tmp_path / "feed.xml"), str(tmp_path / "reading.txt")],
                                 local_settings, fetcher))
        again = list(read_inputs([str(tmp_path / "feed.xml")], local_settings, fetcher,
                                 known=lambda url: url == server.url("/b")))
    assert summary(items) == [
        (server.url("/b"), "html"),
        (server.url("/a"), "html"),
        (server.url("/gone"), "error: HTTP 404"),
    ]
    assert again == [] and server.hits("/b") == 1  # a known entry is not fetched again
    feed_page, listed_page = items[0], items[1]
    assert isinstance(feed_page, RawDocument) and feed_page.hints["title"] == "B"
    assert isinstance(listed_page, RawDocument) and listed_page.content == real_pages[0].html
    assert listed_page.content_type == "text/html; charset=utf-8" and listed_page.fetched_at is not None


def test_a_sitemap_index_url_leads_to_pages(server: LocalServer, local_settings: Settings,
                                            real_pages: list[Page]) -> None:
    index = f"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>{server.url('/news.xml.gz')}</loc></sitemap></sitemapindex>"""
    urlset = f"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>{server.url('/p1')}</loc></url><url><loc>{server.url('/p2')}</loc></url></urlset>"""
    server.routes["/sitemap.xml"] = Reply(200, index.encode(), {"Content-Type": "application/xml"})
    gzipped = gzip.compress(urlset.encode())
    server.routes["/news.xml.gz"] = Reply(200, gzipped, {"Content-Type": "application/gzip"})
    server.routes["/p1"] = Reply(200, real_pages[0].html)
    server.routes["/p2"] = Reply(200, real_pages[1].html)
    with Fetcher(local_settings) as fetcher:
        items = list(read_inputs([server.url("/sitemap.xml")], local_settings, fetcher))
    assert summary(items) == [(server.url("/p1"), "html"), (server.url("/p2"), "html")]


def test_bad_urls_and_loops_are_named(server: LocalServer, local_settings: Settings, tmp_path: Path) -> None:
    server.routes["/self.txt"] = Reply(200, f"{server.url('/self.txt')}\n".encode())
    server.routes["/bomb.xml"] = Reply(200, b'<!DOCTYPE rss [<!ENTITY a "aa">]><rss version="2.0"><channel>'
                                             b"<title>&a;</title></channel></rss>")
    (tmp_path / "hostile.xml").write_bytes(b'<!DOCTYPE rss [<!ENTITY a "aa">]><rss version="2.0"></rss>')
    with Fetcher(local_settings) as fetcher:
        inputs = [server.url("/self.txt"), server.url("/bomb.xml"), str(tmp_path / "hostile.xml")]
        items = list(read_inputs(inputs, local_settings, fetcher))
    assert summary(items) == [
        (server.url("/self.txt"), "error: refused: nested more than 3 levels of lists/sitemaps deep"),
        (server.url("/bomb.xml"), "error: hostile XML: entity declarations are refused"),
        (str(tmp_path / "hostile.xml"), "error: hostile XML: entity declarations are refused"),
    ]


def test_urls_to_private_addresses_are_refused_by_default(server: LocalServer) -> None:
    server.routes["/a"] = Reply(200, b"<p>internal</p>")
    settings = Settings()
    with Fetcher(settings) as fetcher:
        items = list(read_inputs([server.url("/a"), "http://[::1]/x"], settings, fetcher))
    assert summary(items) == [
        (server.url("/a"), "error: refused: 127.0.0.1 is a loopback address"),
        ("http://[::1]/x", "error: refused: ::1 is a loopback address"),
    ]
