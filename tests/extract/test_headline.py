"""The headline of scraped page text: site suffixes, a headline's own attribution, datelines."""

from __future__ import annotations

from newstrace.extract.headline import fallback_title, site_parts
from newstrace.extract.lines import split_page_lines


def test_a_site_suffix_is_split_off_and_a_headlines_attribution_is_not() -> None:
    assert site_parts("Ferry runs aground off Port Calder - Quayside News") == [
        "Ferry runs aground off Port Calder",
        "Quayside News",
    ]
    assert site_parts("Ferry crew did nothing wrong — head of harbour board") == [
        "Ferry crew did nothing wrong — head of harbour board"
    ]
    assert site_parts("Ferry runs aground - quaysidenews.com") == ["Ferry runs aground", "quaysidenews.com"]


def test_a_dateline_on_the_first_line_is_no_title() -> None:
    lead = (
        "The harbour board voted 4 to 4 on Monday on a budget that would raise the ferry fare by a pound, "
        "and the mayor broke the tie."
    )
    lines = split_page_lines(f"PORT CALDER, Harbourland -\n\n{lead}\n")
    assert fallback_title(lines) == lead


def test_a_headline_with_two_interface_words_in_prose_is_no_menu() -> None:
    from newstrace.extract.headline import is_headline_shaped, is_menu_like

    assert is_headline_shaped("School search still on after contact with girl")
    assert is_menu_like("Home News Search Contact Sport")
    assert is_menu_like("Sign in")


def test_a_line_in_title_case_under_a_headline_is_another_headline_not_its_standfirst() -> None:
    from newstrace.extract.headline import find_title

    lead = "The harbour board said on Friday that the ferry would run twice a day."
    headline = "Ferry timetable cut for islanders as harbour board meets"
    teaser = "The Quiet Return of the Harbour Seals to Port Calder"
    assert find_title(split_page_lines(f"{headline.title()}\n{teaser}\n{lead}"), 2) == 1
    dek = "Crews waiting for the tide to turn at the quay"
    assert find_title(split_page_lines(f"{headline}\n{dek}\n{lead}"), 2) == 0


def test_a_spaced_colon_inside_a_headline_parts_no_site() -> None:
    title = "The Latest: Fire chief : Arrest should end arson string"
    assert site_parts(title) == [title]
    assert site_parts("Storm hits the coast : Harbour Daily") == ["Storm hits the coast", "Harbour Daily"]
