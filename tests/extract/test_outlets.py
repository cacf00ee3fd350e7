"""The outlets a page's own text names: mastheads, bylines, datelines and agency credits (made-up names)."""

from __future__ import annotations

import pytest

from newstrace.extract.outlets import (
    cited_sources,
    contributed_outlets,
    credit_outlet,
    dateline_outlet,
    desk_outlet,
    is_outlet_line,
    is_outlet_name,
    masthead_outlet,
    split_byline_outlet,
)


@pytest.mark.parametrize(
    "name", ["Quayside Courier", "The Harbour Gazette", "Port Calder Enquirer", "Harbour Wire"]
)
def test_names_ending_in_a_papers_word_are_outlets(name: str) -> None:
    assert is_outlet_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "World News",
        "Latest Harbour News",
        "Post Top Ad",
        "Previous Post",
        "Jane Roe",
        "Harbour Cup 2024 TV",
        "Watch Quayside News",  # a link to the outlet's channel
    ],
)
def test_sections_slots_pagers_and_people_are_not_outlets(name: str) -> None:
    assert not is_outlet_name(name)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Quayside Courier US Edition", "Quayside Courier"),  # an edition line under the masthead
        ("28 days ago Quayside News", "Quayside News"),  # a site's age stamp before its name
        ("The Harbour Gazette", "The Harbour Gazette"),
        ("Daily Edition", None),  # an edition's label names no outlet
    ],
)
def test_mastheads_edition_and_age_lines_name_the_outlet(line: str, outlet: str | None) -> None:
    assert masthead_outlet(line) == outlet


def test_a_wire_credit_under_the_headline_names_the_agency() -> None:
    assert credit_outlet("Harbour Wire, Port Calder") == "Harbour Wire"
    assert credit_outlet("Harbour Wire") == "Harbour Wire"
    assert credit_outlet("Harbour Auto News") is None  # alone, as often a section's label
    assert credit_outlet("Jane Roe, Port Calder") is None


def test_a_reporters_outlet_leaves_the_byline() -> None:
    assert split_byline_outlet("By Jane Roe, Harbour Wire") == ("By Jane Roe", "Harbour Wire")
    assert split_byline_outlet("By: Jane Roe (Quayside News)") == ("By: Jane Roe", "Quayside News")
    assert split_byline_outlet("Jane Roe Quayside Courier") == ("Jane Roe", "Quayside Courier")
    assert split_byline_outlet("Jane Roe, MD") == ("Jane Roe, MD", None)
    assert not is_outlet_line("Jane Roe Quayside Courier")  # a byline, not a masthead


def test_a_desk_byline_and_a_bare_dateline_name_the_outlet() -> None:
    assert desk_outlet("Harbour 9 Web Staff") == "Harbour 9"
    assert desk_outlet("Quayside-Courier staff") == "Quayside-Courier"
    assert desk_outlet("Staff Reporter") is None
    assert desk_outlet("Web Desk") is None
    assert dateline_outlet("(Harbour Wire) — A storm struck the coast on Sunday.") == "Harbour Wire"
    assert dateline_outlet("PORT CALDER (Harbour Wire) — A storm struck.") is None  # a place's dateline


def test_a_closing_note_credits_its_agencies() -> None:
    note = (
        "Information for this article was contributed by Harbour Wire and by Jane Roe of the Quay Courier."
    )
    assert contributed_outlets(note) == ["Harbour Wire", "Quay Courier"]
    assert cited_sources(note) == ["Harbour Wire", "Quay Courier"]
    assert contributed_outlets("Jane Roe contributed to the fund.") is None


def test_two_reporters_joined_by_and_leave_their_outlet_to_the_byline() -> None:
    from newstrace.extract.text_head import is_byline

    assert split_byline_outlet("Jane Q. Roe And Mia Holt Quayside Courier") == (
        "Jane Q. Roe And Mia Holt",
        "Quayside Courier",
    )
    assert is_byline("Jane Q. Roe and Mia Holt")
    assert not is_byline("Harbour And Ferry")
