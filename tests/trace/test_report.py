"""The provenance report renders for the terminal and as PNG and SVG pictures."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from newstrace.records import Article
from newstrace.trace.provenance import Provenance, trace_story
from newstrace.trace.report import render_report, render_report_png
from story_fixture import load_fixture_story


def _prov() -> Provenance:
    story = load_fixture_story()
    return trace_story(story.articles, story.claims)


def test_rich_report_names_origin_families_and_flags() -> None:
    console = Console(width=160, record=True)
    console.print(render_report(_prov()))
    text = console.export_text()
    assert "Origin: People (external)" in text
    assert "Independent source families: 3 of 7" in text
    assert "hedge-dropped" in text and "headline-overstates" in text and "copy of 1" in text


def test_png_and_svg_pictures_are_written(tmp_path: Path) -> None:
    prov = _prov()
    png = render_report_png(prov, tmp_path / "story.png")
    svg = render_report_png(prov, tmp_path / "story.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in svg.read_bytes()[:2000]


def test_empty_story_renders() -> None:
    prov = trace_story([Article(title="Only", body=["One line."])], {})
    Console(width=100, record=True).print(render_report(prov))
