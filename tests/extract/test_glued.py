"""Lines a scraper ran together, split apart again (made-up lines)."""

from __future__ import annotations

from newstrace.extract.glued import unglued
from newstrace.extract.lines import split_page_lines


def test_a_byline_glued_to_the_line_before_it_is_a_line_of_its_own() -> None:
    assert unglued("Via: jdoe • 2 years ago • 41 commentsBy: Jane Roe (Quayside News)") == [
        "Via: jdoe • 2 years ago • 41 comments",
        "By: Jane Roe (Quayside News)",
    ]


def test_a_dateline_glued_after_a_caption_and_its_credit_is_a_line_of_its_own() -> None:
    assert unglued("The quay at dawn, before the ferry left. jdoe/Adobe Stock HWN —") == [
        "The quay at dawn, before the ferry left. jdoe/Adobe Stock",
        "HWN —",
    ]


def test_other_lines_stay_whole() -> None:
    for line in ("Stand By Me", "PORT CALDER (HWN) —", "The ferry left at dawn. Passengers waved."):
        assert unglued(line) == [line]


def test_page_lines_split_glued_pieces() -> None:
    lines = split_page_lines("Ferry Runs Aground\n41 commentsBy: Jane Roe\n")
    assert [line.text for line in lines] == ["Ferry Runs Aground", "41 comments", "By: Jane Roe"]
