"""Made-up scraped pages of shapes testers met: a stamp in a zone of Asia, a month-only date, site
notices among the paragraphs, a masthead, a wire repost's dateline, a source printed under its label."""

from __future__ import annotations

from datetime import UTC, datetime

from made_up_pages import FERRY_BODY

from newstrace.extract.text import extract_text_article

_BODY = FERRY_BODY
_TITLE = "Ferry service to resume after winter storms damage the quay"


def _page(*head: str, body: tuple[str, ...] = tuple(_BODY), tail: tuple[str, ...] = ()) -> str:
    return "\n\n".join([*head, *body, *tail]) + "\n"


def test_an_update_stamp_in_india_time_dates_the_article_and_is_no_paragraph() -> None:
    article = extract_text_article(_page(_TITLE, "Last Updated : 12 October 2022, 19:40 IST"))
    assert article.published == datetime(2022, 10, 12, 14, 10, tzinfo=UTC)
    assert article.body[0] == _BODY[0]


def test_a_month_and_year_alone_leave_the_article_undated() -> None:
    article = extract_text_article(_page(_TITLE, "March 2021"))
    assert article.published is None  # no day is printed, and a record has no partial date
    assert article.title == _TITLE
    assert article.body == _BODY


def test_a_cookie_notice_a_player_notice_and_a_read_more_link_are_no_paragraphs() -> None:
    page = _page(
        _TITLE,
        "By continuing to use this website, you consent to our use of cookies. Find out more here.",
        body=(_BODY[0], "This browser does not support the audio element.", *_BODY[1:-1],
              _BODY[-1] + " (Read more)"),
        tail=("[Read More]",),
    )
    assert extract_text_article(page).body == _BODY


def test_a_sentence_about_cookies_in_the_story_stays() -> None:
    sentence = "The bakery on the quay said it sold more cookies during the storms than in all of last year."
    article = extract_text_article(_page(_TITLE, body=(*_BODY, sentence)))
    assert sentence in article.body


def test_a_question_headline_under_a_site_section_name_is_the_title() -> None:
    question = "Are we breathing harbour dust into our lungs?"
    article = extract_text_article(_page("Maré em Foco", question))
    assert article.title == question
    assert article.body == _BODY


def test_a_question_asked_in_a_paragraph_is_no_headline() -> None:
    from newstrace.extract.headline import is_headline_shaped

    assert is_headline_shaped("Are we breathing harbour dust into our lungs?")
    assert not is_headline_shaped("Why? Nobody at the port could say what had gone wrong that night?")
    assert not is_headline_shaped("“Are we safe here?”")  # a quotation


def test_a_reference_under_a_bare_source_label_is_a_cited_source_not_body() -> None:
    reference = "Roe J, Holt M. Sea swimming and the heart in older adults. Coast Med Lett. 2024;12:40-47"
    article = extract_text_article(_page(_TITLE, tail=("Source:", reference + ".")))
    assert article.body == _BODY
    assert article.cited_sources == [reference]


def test_a_bare_source_label_over_outlets_cites_them() -> None:
    article = extract_text_article(_page(_TITLE, tail=("Sources:", "Harbour Wire, Quayside Courier")))
    assert article.body == _BODY
    assert article.cited_sources == ["Harbour Wire", "Quayside Courier"]


def test_a_journal_abbreviation_over_the_headline_is_no_title() -> None:
    from newstrace.extract.lines import split_page_lines
    from newstrace.extract.text import assemble_article

    headline = "Sea swimming linked to lower blood pressure"
    lines = split_page_lines("\n\n".join(["Harb Coast Med Rev", headline, *_BODY]))
    article = assemble_article(lines, [0.0, 0.9, 0.9, 0.9, 0.9, 0.9], 0.5)  # the headline taken for body
    assert article.title == headline
    assert article.body == _BODY


def test_a_journal_abbreviation_is_not_headline_shaped() -> None:
    from newstrace.extract.headline import is_headline_shaped

    assert not is_headline_shaped("Harb Coast Med Rev")
    assert not is_headline_shaped("J Quay Sci")
    assert is_headline_shaped("Gen Z voters turn out in record numbers")
