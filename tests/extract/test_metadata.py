"""Metadata: title cleaning, JSON-LD, bylines, dates, and the real WCXB pages' declared metadata.

WCXB pages: Web Content eXtraction Benchmark (Murrough Foley 2026), CC BY 4.0.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from lxml.html import fromstring

from newstrace.extract.bylines import (
    Byline,
    choose_authors,
    clean_authors,
    is_site_name,
    prefixed_bylines,
    visible_bylines,
)
from newstrace.extract.jsonld import read_linked_data
from newstrace.extract.metadata import FallbackMetadata, parse_date, read_page_metadata, resolve_metadata
from newstrace.extract.titles import choose_title, strip_site_suffix


def test_strip_site_suffix() -> None:
    assert strip_site_suffix("Rain closes road | The Valley Post", ["The Valley Post"]) == "Rain closes road"
    assert (
        strip_site_suffix("Valley Post - Rain closes road", ["valleypost.com", "valleypost"])
        == "Rain closes road"
    )
    assert strip_site_suffix("Rain closes road - Example", []) == "Rain closes road"
    # a separator inside the headline is kept when the site is known and not named
    assert strip_site_suffix("Budget 2025: what it means", ["Other Site"]) == "Budget 2025: what it means"


def test_lone_long_h1_is_the_headline() -> None:
    h1 = "Seven ways the valley council could stop the floods"
    assert choose_title([h1], ["Flood defences: council options | Valley Post"], ["Valley Post"]) == h1
    assert choose_title([h1], ["Flood options"], [], lone_h1_words=None) == "Flood options"


def test_choose_title_prefers_matching_h1() -> None:
    meta = ["What is cloud computing? | Example Cloud"]
    assert (
        choose_title(["Menu", "What is cloud computing?"], meta, ["Example Cloud"])
        == "What is cloud computing?"
    )
    # an <h1> that is a logo or section name does not win over the meta title
    assert choose_title(["Example Cloud Blog"], meta, ["Example Cloud"]) == "What is cloud computing?"


def test_jsonld_graph_with_id_reference_and_broken_block() -> None:
    tree = fromstring(
        """<html><head><script type="application/ld+json">{"broken": </script>
        <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},
        {"@type":["BlogPosting"],"headline":"H &amp; T","author":[{"@id":"#a"}],"datePublished":"2024-01-02",
        "keywords":"one, two","publisher":{"@type":"Organization","name":"Pub"}},
        {"@type":"Person","@id":"#a","name":"Ann Writer"}]}</script></head><body></body></html>"""
    )
    data = read_linked_data(tree)
    assert data.headline == "H & T"
    assert data.authors == ["Ann Writer"]
    assert data.date_published == "2024-01-02"
    assert data.keywords == ["one", "two"]
    assert data.publisher == "Pub" and data.site_name == "Site"


def test_clean_authors() -> None:
    assert clean_authors("By Jane Doe, MD and John Roe | Updated Dec 3, 2024") == ["Jane Doe, MD", "John Roe"]
    assert clean_authors("Written by: Ann Lee on March 3") == ["Ann Lee"]
    assert clean_authors("Share this article on Facebook, Twitter and email today please now") == []
    assert clean_authors("https://example.com/author/jane") == []


def test_job_titles_are_not_authors() -> None:
    assert clean_authors("Ann Lee, Senior Analyst") == ["Ann Lee"]
    assert clean_authors("Bo Chen Contributing Writer") == ["Bo Chen"]
    assert clean_authors("Cy Dee, MD, FACP") == ["Cy Dee, MD, FACP"]


def test_bylines_read_from_page_elements() -> None:
    tree = fromstring(
        """<html><body><div class="post-meta"><span>Written by:</span> <span>Ann Lee</span></div>
        <div class="author-box"><span class="author-name">Bo Chen</span><span>Staff Writer</span></div>
        <div class="comments"><p>By Spammy Commenter</p><span class="author">Some Reader</span></div>
        </body></html>"""
    )
    assert [b.names for b in visible_bylines(tree)] == [["Bo Chen"]]
    assert [b.names for b in prefixed_bylines(tree)] == [["Ann Lee"]]


def test_site_name_authors_are_dropped_but_visible_bylines_kept() -> None:
    assert is_site_name("Example News", ["examplenews.com", "Example News"])
    assert choose_authors([], [["Example News"], ["Ann Lee"]], ["Example News"]) == ["Ann Lee"]
    # the site's name is the author only when nothing else names anyone (one-person blogs)
    assert choose_authors([], [["Example News"]], ["Example News"]) == ["Example News"]
    assert choose_authors([], [["Example News"]], ["Example News"], site_as_last_resort=False) == []
    visible = [Byline(names=["Ann Lee", "Bo Chen"], strong=False)]
    assert choose_authors(visible, [["Ann Lee"]], ["Example News"]) == ["Ann Lee", "Bo Chen"]


def test_parse_date() -> None:
    published = parse_date("2025-01-29T20:47:55Z")
    assert published is not None and published.isoformat() == "2025-01-29T20:47:55+00:00"
    assert parse_date("Published 2024-2-3 by staff") is not None
    assert parse_date("yesterday") is None
    assert parse_date("2024-13-45") is None


def test_hostile_metadata_does_not_crash() -> None:
    tree = fromstring(
        "<html lang=''><head><meta property='og:title'>"
        "<script type='application/ld+json'>[[[1, null]]]</script>"
        '<script type=\'application/ld+json\'>{"@type": {"x": 1}, "author": {"@id": [1]},'
        ' "publisher": {"@id": {}}, "headline": 7}</script>'
        "<link rel='canonical'></head><body><h1></h1></body></html>"
    )
    meta = resolve_metadata(read_page_metadata(tree), None, FallbackMetadata())
    assert meta.title is None and meta.authors == [] and meta.published is None


def test_real_wcxb_pages_declared_metadata(shared_dir: Path) -> None:
    """On real pages, the chosen title is the visible one and the author is never the site's name."""
    data = shared_dir / "data" / "wcxb-articles"
    exact = total = 0
    for path in sorted((data / "html").glob("*.html.gz"))[20:60]:
        truth = json.loads(
            (data / "ground-truth" / path.name.replace(".html.gz", ".json")).read_text("utf-8")
        )
        tree = fromstring(gzip.decompress(path.read_bytes()))
        page = read_page_metadata(tree)
        meta = resolve_metadata(page, truth["url"], FallbackMetadata())
        total += 1
        exact += (meta.title or "").lower().split() == truth["ground_truth"]["title"].lower().split()
        assert all("http" not in author for author in meta.authors)
    assert exact / total >= 0.7
