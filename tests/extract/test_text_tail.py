"""The lines under an article's last paragraph in scraped text: a quotation's last paragraphs and the
closing credit of a rewrite (made-up pages)."""

from __future__ import annotations

from newstrace.extract.lines import split_page_lines
from newstrace.extract.text import assemble_article
from newstrace.extract.text_kinds import line_kinds
from newstrace.extract.text_tail import closing_credits, continues_quote, leaves_quote_open, without_quotes

HEADLINE = "Harbour City Turn Down Third Offer For Defender Jane Roe"
BODY = [
    "Harbour City have turned down a third offer for defender Jane Roe from Port Calder worth £40m in total.",
    "Port Calder's latest offer was believed to be £35m with a possible £5m in add-ons, but the extra fees "
    "were described to local radio as ambitious targets.",
    "Roe wants to move this summer and was left out of the squad for the defeat at the weekend because the "
    "coach said her mind was not in the right place.",
    "“In terms of Jane, just a young player who is not quite in the right frame of mind to play,” the coach "
    "said after the loss on Saturday. “A lot is going on behind the scenes, which I understand.",
]
LAST = (
    "“She's a good kid, she has been great for us, and it's a hard moment for her. You can't afford that "
    "in a league game if you're not fully focused.”"
)


def test_a_paragraph_opening_a_quote_goes_on_with_the_quotation_left_open_above_it() -> None:
    assert leaves_quote_open(BODY[3])
    assert not leaves_quote_open(BODY[0])
    assert continues_quote(BODY[3], LAST)
    assert not continues_quote(BODY[2], LAST)  # the paragraph above closes what it quotes
    assert not continues_quote(BODY[3], "“Shocking” Claims About The Harbour Club")  # a teaser's headline


def test_a_speakers_you_is_quoted_and_the_rest_is_the_sites() -> None:
    assert "You" not in without_quotes(LAST)
    assert without_quotes("“You can't win them all,” she said.").strip() == "she said."


def _page(*rows: tuple[str, float]) -> tuple[list[str], list[float]]:
    return [text for text, _ in rows], [probability for _, probability in rows]


def test_the_last_quoted_paragraph_over_a_closing_credit_stays_body_and_the_credit_is_cited() -> None:
    texts, probabilities = _page(
        (HEADLINE, 0.01),
        *[(paragraph, 0.9) for paragraph in BODY],
        (LAST, 0.15),  # the page's end and the credit under it: the line model doubts it
        ("Read Full Story …. HarbourSports >>> :", 0.08),
        ("By: HarbourSports", 0.04),
    )
    article = assemble_article(split_page_lines("\n".join(texts)), probabilities, 0.4)
    assert article.title == HEADLINE
    assert article.body == [*BODY, LAST]
    assert article.cited_sources == ["HarbourSports"]


def test_a_closing_quote_speaking_to_you_is_no_prompt_and_a_dashed_credit_names_the_outlet() -> None:
    closed = BODY[3].replace(" “A lot is going on behind the scenes, which I understand.", "")
    texts, probabilities = _page(
        *[(paragraph, 0.9) for paragraph in [*BODY[:3], closed]],
        (LAST, 0.33),
        ("-HarbourSports", 0.04),
    )
    article = assemble_article(split_page_lines("\n".join(texts)), probabilities, 0.4)
    assert article.body[-1] == LAST
    assert article.cited_sources == ["HarbourSports"]


def test_menus_desks_paging_links_and_signatures_under_the_body_are_no_closing_credits() -> None:
    tails = [
        ["- Home", "- Sport", "- Contact"],  # a menu
        ["By Gazette Staff"],  # the site's own desk
        ["- Next Harbour News"],  # a link to the next story
        ["— Jane Roe"],  # a person's signature
        ["Ferry Strike Ends As Union Accepts Offer", "— Harbour Wire"],  # a teaser's credit
    ]
    for tail in tails:
        lines = split_page_lines("\n".join([*BODY, *tail]))
        assert closing_credits(lines, line_kinds(lines), len(BODY) - 1) == [], tail
    lines = split_page_lines("\n".join([*BODY, "— Harbour Wire"]))
    assert closing_credits(lines, line_kinds(lines), len(BODY) - 1) == ["Harbour Wire"]
