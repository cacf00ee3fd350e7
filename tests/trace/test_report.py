"""The provenance report renders for the terminal and as PNG and SVG pictures."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console

from newstrace.records import Article
from newstrace.trace.provenance import Provenance, trace_story
from newstrace.trace.report import provenance_to_dict, render_report, render_report_png, timeline_positions
from story_fixture import load_fixture_story


def _prov() -> Provenance:
    story = load_fixture_story()
    return trace_story(story.articles, story.claims)


def test_rich_report_names_origin_families_and_flags() -> None:
    console = Console(width=160, record=True)
    console.print(render_report(_prov()))
    text = console.export_text()
    assert "Origin: People (external, dated)" in text
    assert "Independent source families: 3 of 7" in text
    assert "hedge-dropped" in text and "headline-overstates" in text and "copy of 1" in text


def test_report_says_how_an_order_is_known() -> None:
    story = load_fixture_story()
    seen = datetime(2026, 1, 1, tzinfo=UTC)  # the original (Alpha Wire) loses its date: only fetched
    articles = [replace(a, published=None, fetched=seen) if a.id == 1 else a for a in story.articles]
    prov = trace_story(articles, story.claims)
    console = Console(width=200, record=True)
    console.print(render_report(prov))
    text = console.export_text()
    # the undated original may be older than the first dated article, and the report says so
    assert "(article, order seen, not established)" in text
    assert "1 undated article(s) may be older" in prov.origin.evidence
    # a dated article cites the original's outlet: the original is no later than it
    assert "≤ 2008-12-12 14:00 (by citation)" in text


def test_png_and_svg_pictures_are_written(tmp_path: Path) -> None:
    prov = _prov()
    png = render_report_png(prov, tmp_path / "story.png")
    svg = render_report_png(prov, tmp_path / "story.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in svg.read_bytes()[:2000]


def test_empty_story_renders() -> None:
    prov = trace_story([Article(title="Only", body=["One line."])], {})
    Console(width=100, record=True).print(render_report(prov))


def test_report_counts_primary_sources_and_says_what_families_and_sources_mean() -> None:
    prov = _prov()
    console = Console(width=220, record=True)
    console.print(render_report(prov))
    text = console.export_text()
    assert "Primary sources: 1 — whose own words the articles quote" in text
    assert "or repeat one unnamed source's words, count once" in text
    assert "Jack Ketsoyan" in text and "6: 1, 2, 3, 4, 6, 7" in text
    data = provenance_to_dict(prov)
    assert data["primary_sources"][0]["name"] == "Jack Ketsoyan" and data["primary_sources_note"]


def test_the_picture_puts_undated_articles_apart_and_never_at_their_fetch_time() -> None:
    story = load_fixture_story()
    fetched = datetime(2031, 1, 1, tzinfo=UTC)  # years after the story: no date of its own
    articles = [replace(a, published=None, fetched=fetched) if a.id == 7 else a for a in story.articles]
    prov = trace_story(articles, story.claims)
    lanes = list(dict.fromkeys(e.outlet or "?" for e in prov.timeline))
    points, undated_from = timeline_positions(prov.timeline, lanes)
    dated = [points[e.key][0] for e in prov.timeline if e.key != "7"]
    assert undated_from is not None and max(dated) < undated_from < points["7"][0] < max(dated) + 24
    assert timeline_positions(_prov().timeline, lanes)[1] is None
