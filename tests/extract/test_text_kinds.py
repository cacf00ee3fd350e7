"""What each line of scraped page text is when it is not article text (made-up lines)."""

from __future__ import annotations

from newstrace.extract.lines import split_page_lines
from newstrace.extract.text_kinds import bracket_credit, is_notice, line_kinds, text_captions


def _kinds(*texts: str) -> list[str | None]:
    return line_kinds(split_page_lines("\n".join(texts)))


def test_a_reprint_notice_is_furniture() -> None:
    assert is_notice(
        "This copy is for your personal non-commercial use only. To order presentation-ready copies of "
        "Quayside Courier content, please go to: www.example.org"
    )
    assert not is_notice("The copy of the report was for the board's use only, the mayor said.")


def test_a_stamp_printed_twice_around_its_label_is_no_caption() -> None:
    assert _kinds("12:00 AM, March 4, 2021 / LAST MODIFIED: 12:00 AM, March 4, 2021") == [None]


def test_a_teaser_cut_short_a_few_lines_above_the_lead_is_a_teaser() -> None:
    lead = "Four people were hurt when the ferry ran aground off Port Calder on Sunday, the board said."
    kinds = _kinds("Ferry Runs Aground", lead[:70] + "...", "Posted: Mar. 4, 2021 11:46 AM", lead)
    assert kinds == [None, "teaser", None, None]


def test_a_caption_printed_twice_the_second_time_with_its_credit_in_brackets() -> None:
    caption = "Divers searched the reef off Port Calder on Sunday."
    lines = split_page_lines(f"{caption}\n{caption}  (Harbour Maps)\n")
    kinds = line_kinds(lines)
    assert bracket_credit(caption, lines[1].text) == "Harbour Maps"
    assert kinds == ["caption", "caption"]
    captions = text_captions(lines, kinds, set(), 0, 2)
    assert [(c.text, c.credit) for c in captions] == [(caption, "Harbour Maps")]


def test_mastheads_and_wire_credits_are_outlet_lines() -> None:
    kinds = _kinds("Quayside Courier US Edition", "Harbour Wire, Port Calder", "Jane Roe Quayside Courier")
    assert kinds == ["outlet", "outlet", None]


def test_a_closing_note_crediting_an_agency_is_a_source_line() -> None:
    assert _kinds("Information for this article was contributed by Harbour Wire.") == ["sources"]
