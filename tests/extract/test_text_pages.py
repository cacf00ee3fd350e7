"""Whole made-up pages through the text path, each of a shape met on real news pages: the head
(headline, standfirst, labels), the furniture around the body, captions and the outlets a page names."""

from __future__ import annotations

from newstrace.extract.text import extract_text_article

_BODY = [
    "The harbour board said on Friday that the ferry had run aground on a sandbank off Port Calder shortly "
    "after it left the quay with 212 passengers and a crew of nine on board.",
    "Lifeboat crews took the passengers ashore in small groups as the tide turned, and nobody was hurt, a "
    "spokeswoman for the coastguard said in a statement.",
    "The ferry, which has served the island route since 1998, will be towed to the dry dock at Calder Point "
    "once the water is high enough, the operator said.",
    "Islanders who rely on the crossing for work and school were told to expect a reduced timetable for at "
    "least a week while inspectors examine the hull.",
    "“We were lucky the sea was calm,” said Jane Roe, who was travelling to the mainland to visit her "
    "mother. “The crew kept everyone calm and dry.”",
]


def _page(*head: str, tail: tuple[str, ...] = ()) -> str:
    return "\n\n".join([*head, *_BODY, *tail]) + "\n"


def test_a_headline_over_its_standfirst_printed_without_a_stop_is_the_title() -> None:
    page = _page(
        "Ferry runs aground off Port Calder with more than 200 passengers on board",
        "Lifeboat crews took everyone ashore as the tide turned; the island route will run fewer ferries",
        "PUBLISHED : Saturday, 05 May, 2018, 7:09am",
        "UPDATED : Saturday, 05 May, 2018, 8:10am",
    )
    article = extract_text_article(page)
    assert article.title == "Ferry runs aground off Port Calder with more than 200 passengers on board"
    assert article.standfirst is not None and article.standfirst.startswith("Lifeboat crews took everyone")
    assert article.body[0].startswith("The harbour board said on Friday")


def test_a_headline_over_its_standfirst_and_a_byline_is_the_title() -> None:
    page = _page(
        "Harbour ferry runs aground: Hundreds taken ashore after vessel hits sandbank off Port Calder",
        "Coastguard warns of strong currents and high tides in the estuary",
        "Jane Roe",
        "Saturday 05 May 2018 10:41 EDT",
    )
    article = extract_text_article(page)
    assert article.title.startswith("Harbour ferry runs aground: Hundreds taken ashore")
    assert article.standfirst == "Coastguard warns of strong currents and high tides in the estuary"
    assert article.authors == ["Jane Roe"]


def test_a_kicker_over_the_headline_is_no_title() -> None:
    page = _page("Port Calder", "Ferry runs aground off Port Calder with more than 200 passengers on board")
    article = extract_text_article(page)
    assert article.title == "Ferry runs aground off Port Calder with more than 200 passengers on board"


def test_a_one_word_section_label_over_a_headline_with_a_stop_is_no_title() -> None:
    headline = "Stranded on a sandbank, the island ferry waits for the tide."
    article = extract_text_article(_page("news", headline))
    assert article.title == headline
    assert article.body[0].startswith("The harbour board said on Friday")


def test_a_caption_printed_twice_on_one_line_is_a_caption_not_the_title() -> None:
    caption = "Lifeboat crews at the sandbank, where the ferry ran aground."
    page = _page(f"{caption} {caption}", "Ferry search still on after contact with the crew")
    article = extract_text_article(page)
    assert article.title == "Ferry search still on after contact with the crew"
    assert [c.text for c in article.captions] == [caption]
    assert all(caption not in paragraph for paragraph in article.body)


def test_a_donation_box_over_the_body_is_no_body() -> None:
    box = (
        "Your support helps us tell the story",
        "From harbour budgets to ferry fares, the Quayside is there when the story breaks, and we know how "
        "much our readers rely on it for the facts.",
        "In a busy year for the islands we need reporters on the quay. Your donation keeps them there.",
        "Your support makes all the difference.",
    )
    headline = "Ferry runs aground off Port Calder with 200 passengers"
    article = extract_text_article(_page(headline, "Jane Roe", *box))
    assert article.title == headline
    assert article.body[0].startswith("The harbour board said on Friday")
    assert not any("Your support" in paragraph or "Quayside" in paragraph for paragraph in article.body)


def test_a_link_to_an_outlets_channel_over_the_headline_is_no_masthead_nor_title() -> None:
    headline = "Ferry Runs Aground Off Port Calder As Tide Turns"
    article = extract_text_article(_page("Watch Quayside News", headline))
    assert article.title == headline
    assert article.source is None


def test_a_page_at_an_address_by_number_names_no_outlet() -> None:
    page = _page("Ferry runs aground off Port Calder")
    assert extract_text_article(page, url="http://203.0.113.7/world/ferry-aground.html").source is None


def test_a_gallery_numbering_its_prints_of_the_headline_and_a_second_stamp_stay_out() -> None:
    headline = "Ferry runs aground off Port Calder; crews wait for the tide"
    page = _page(
        headline,
        f"{headline} 3",
        headline,
        f"{headline} 2",
        headline,
        "Posted at 4:13 PM, May 06, 2018",
        "and last updated 2018-05-06 12:25:59-04",
    )
    article = extract_text_article(page)
    assert article.title == headline
    assert article.standfirst is None
    assert article.body[0].startswith("The harbour board said on Friday")


def test_a_clips_title_printed_twice_under_its_players_notice_is_no_title() -> None:
    headline = "Harbour ferry: Crews race the tide to free stranded vessel"
    clip = "Lifeboat crews free ferry stranded on a sandbank"
    page = _page("Skip to main content", headline, "Sorry, this video has expired", clip, clip)
    article = extract_text_article(page)
    assert article.title == headline
    assert all(clip not in paragraph for paragraph in article.body)


def test_a_caption_ending_with_its_credit_printed_again_alone_is_a_credited_caption() -> None:
    caption = "Lifeboat crews take passengers ashore at Port Calder on Friday."
    credit = "(Jane Roe / Harbour Wire)"
    head = ["Ferry runs aground off Port Calder", "Share via"]
    page = "\n\n".join([*head, *_BODY[:3], f"{caption} {credit}", credit, *_BODY[3:]])
    article = extract_text_article(page)
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "Jane Roe / Harbour Wire")]
    assert article.body[0].startswith("The harbour board said on Friday")
    assert len(article.body) == len(_BODY)


def test_a_byline_of_two_reporters_and_their_paper_then_a_credit_over_its_caption() -> None:
    caption = "Lifeboat crews take passengers ashore at Port Calder on Friday, a day after it ran aground."
    page = _page(
        "May 6, 2018 in Harbour/Islands",
        "Ferry stuck off Port Calder",
        "Crews waiting for the tide to turn",
        "Jane Q. Roe And Mia Holt Quayside Courier",
        "Harbour Wire photo",
        caption,
        "(Full-size photo)(All photos)",
    )
    article = extract_text_article(page, url="https://islandnews.example/2018/may/06/ferry-stuck/")
    assert article.title == "Ferry stuck off Port Calder"
    assert article.standfirst == "Crews waiting for the tide to turn"
    assert article.authors == ["Jane Q. Roe", "Mia Holt"]
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "Harbour Wire")]
    assert article.body[0].startswith("The harbour board said on Friday")


def test_links_listed_under_quote_marks_after_the_body_are_no_body() -> None:
    from newstrace.extract.lines import split_page_lines
    from newstrace.extract.text_kinds import line_kinds

    links = ("> Quayside Courier ferry coverage:", "> Lifeboat crews explain the rescue", "> Photos:")
    article = extract_text_article(_page("Ferry runs aground off Port Calder", tail=links))
    assert article.body[-1] == _BODY[-1]
    quoted = "> “We were lucky,” said Jane Roe."  # a quotation, not a link
    kinds = line_kinds(split_page_lines("\n".join([*links, quoted])))
    assert kinds == ["related", "related", "related", None]


def test_a_comma_left_before_the_dateline_is_dropped() -> None:
    page = _page("Ferry runs aground off Port Calder", "May 6, 2018 12:00 am").replace(
        "The harbour board said", ", PORT CALDER, May 6 – The harbour board said"
    )
    article = extract_text_article(page)
    assert article.body[0].startswith("PORT CALDER, May 6 – The harbour board said")


def test_a_caption_ending_with_the_day_over_a_lead_opening_with_its_dateline_is_a_caption() -> None:
    caption = "A lifeboat crew takes passengers ashore at Port Calder, Harbourland, on Sept. 21, 2017."
    page = _page("Ferry runs aground off Port Calder", "Jane Roe", "Special for the Quayside News", caption)
    page = page.replace("The harbour board said", "PORT CALDER — The harbour board said")
    article = extract_text_article(page)
    assert [c.text for c in article.captions] == [caption]
    assert article.body[0].startswith("PORT CALDER — The harbour board said")
    # a sentence of the article ending with a day is no caption when no dateline opens the next line
    assert not any(c.text.startswith("The harbour") for c in article.captions)
