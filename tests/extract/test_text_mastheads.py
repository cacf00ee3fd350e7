"""A page's first line naming its outlet above the headline: a domain, a call sign or brand, "The" and a
name, a name ending as outlets' names do; a section's or kicker's label names none."""

from __future__ import annotations

import pytest
from made_up_pages import FERRY_BODY

from newstrace.extract.lines import split_page_lines
from newstrace.extract.outlets import first_line_masthead
from newstrace.extract.text import assemble_article, extract_text_article

_TITLE = "Ferry service to resume after winter storms damage the quay"
_BODY = FERRY_BODY


@pytest.mark.parametrize(
    "masthead", ["The Quaysider", "HWKT", "HarbourNOW from HWKT", "Quayside Diary", "quaysideblog.net"]
)
def test_the_first_line_over_the_headline_names_the_outlet(masthead: str) -> None:
    article = extract_text_article("\n\n".join([masthead, _TITLE, *_BODY]))
    assert article.source == masthead
    assert article.title == _TITLE


@pytest.mark.parametrize("label", ["The Latest", "LIVE", "Middle East", "Politics", "Exclusive", "UK News"])
def test_a_section_or_kicker_label_is_no_outlet(label: str) -> None:
    assert first_line_masthead(label) is None


def test_a_domain_masthead_is_never_the_title_over_a_headline_with_a_stop() -> None:
    headline = "Why the old keeper's cottage is being restored, and what it will cost the town."
    lines = split_page_lines("\n\n".join(["quaysideblog.net", headline, *_BODY]))
    article = assemble_article(lines, [0.0, 0.0, 0.9, 0.9, 0.9, 0.9], 0.5)  # the headline doubted
    assert article.title == headline
    assert article.standfirst is None
    assert article.source == "quaysideblog.net"
