"""Extracting an article from scraped page text.

The real pages come from scrapinghub/article-extraction-benchmark (Zyte, MIT licence), read from the
shared data directory; the seed page is the issue's example.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newstrace.extract.lines import densest_block, split_page_lines
from newstrace.extract.text import assemble_article, extract_text_article
from newstrace.records import Article

CT_POST = "05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f"
LA_TIMES = "098bb3e96c0acdf36efdcde45fb9cca3f8c82c7cb2071b76097a1b96155f1eb2"
CITY_AM = "360c732d1fdbfc6895d7096c0c0b8c0d581bb1af80160f4c6a0f1fd9ff85e469"
AL_JAZEERA = "42aad16bde9288623543642a9ce1a396be83e2db44aa2ff8cbbfe46e14abd7cc"
ITALIAN_BLOG = "20b2b649"
KOREAN_NEWS = "0ec95c72"


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Article:
    return extract_text_article(seed_text, location="seed/000.txt")


def _page(shared_dir: Path, prefix: str) -> str:
    (path,) = (shared_dir / "data" / "article-extraction" / "page-text").glob(f"{prefix}*.txt")
    return path.read_text(encoding="utf-8")


def test_seed_head(seed: Article) -> None:
    assert seed.title == "Russia Is Sending Troops To North Korean Border Over Fears Of A Mass Exodus"
    assert seed.standfirst == "Putin is said to be worried the US will attack North Korea."
    assert seed.authors == ["Claire Reid"]
    assert seed.extracted_by == "text/1"
    assert seed.location == "seed/000.txt"


def test_seed_labelled_lines(seed: Article) -> None:
    assert seed.topics == ["Putin", "Russia", "North Korea"]
    assert {"Daily Mail", "The Daily Mail"} & set(seed.cited_sources)
    assert "primemedia" in seed.cited_sources
    credits = {caption.credit: caption.text for caption in seed.captions}
    assert set(credits) == {"YouTube/East2West", "PA"}
    assert credits["YouTube/East2West"] == "Trains were seen making their way to the border."
    assert credits["PA"] == "North Korea showed off their military last weekend."


def test_seed_body_is_clean(seed: Article) -> None:
    assert seed.body[0].startswith("Russian President Vladimir Putin")
    assert seed.body[-1].startswith("Kim Jong-un has promised")
    text = seed.text
    for unwanted in (
        "notifications",
        "never miss out",
        "Credit:",
        "Featured Image Credit",
        "Source:",
        "Topics:",
    ):
        assert unwanted not in text
    assert seed.title not in text
    assert "Claire Reid" not in text
    assert all(caption.text not in text for caption in seed.captions)
    assert len(seed.body) == 15  # every article paragraph, once


def test_page_with_menus_and_photo_gallery(shared_dir: Path) -> None:
    article = extract_text_article(
        _page(shared_dir, CT_POST), url="https://www.ctpost.com/news/us/article/x.php"
    )
    assert article.title == "New SUVs and electric vehicles highlight L.A. Auto Show"
    assert article.authors == ["Tom Krisher"]
    assert article.source == "ctpost.com"
    assert article.body[0].startswith("New electric vehicles, several new small SUVs")
    menu = {"Subscribe", "Sign In", "Home", "Local", "Obituaries", "Close", "Caption"}
    assert not menu & set(article.body)
    assert any(caption.credit == "Damian Dovarganes, AP" for caption in article.captions)


def test_title_from_the_title_line_when_the_headline_differs(shared_dir: Path) -> None:
    article = extract_text_article(_page(shared_dir, LA_TIMES))
    assert article.title == "Disney+ glitches blamed on heavy demand says executive Kevin Mayer"
    assert article.body[0].startswith("Walt Disney Co. executive Kevin Mayer said")
    assert not {"Copy Link URL Copied!", "Print", "Twitter", "LinkedIn", "Email"} & set(article.body)


def test_tags_and_source_lines_on_real_pages(shared_dir: Path) -> None:
    city_am = extract_text_article(_page(shared_dir, CITY_AM))
    assert city_am.topics == ["Alibaba"]
    assert city_am.authors == ["Anna Menin"]
    assert not any(line.startswith("Tags:") for line in city_am.body)
    al_jazeera = extract_text_article(_page(shared_dir, AL_JAZEERA))
    assert al_jazeera.cited_sources == ["Al Jazeera News"]
    assert not any(line.upper().startswith("SOURCE:") for line in al_jazeera.body)


@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        (ITALIAN_BLOG, "Black Friday per nostalgici: le occasioni da non perdere"),
        (KOREAN_NEWS, "엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유"),
    ],
)
def test_pages_in_other_languages(shared_dir: Path, prefix: str, title: str) -> None:
    article = extract_text_article(_page(shared_dir, prefix))
    assert article.title == title
    assert sum(len(paragraph.split()) for paragraph in article.body) > 100


def test_empty_and_menu_only_text() -> None:
    assert extract_text_article("").body == []
    menu = "\n".join(["Home", "News", "Sport", "Weather", "Contact us", "Privacy policy"])
    assert extract_text_article(menu).body == []


def test_page_lines_keep_their_blank_line_layout() -> None:
    lines = split_page_lines("Menu\nHome\n\n  A   long line  \n\n\nEnd")
    assert [line.text for line in lines] == ["Menu", "Home", "A long line", "End"]
    assert [(line.blank_before, line.blank_after) for line in lines] == [
        (True, False),
        (False, True),
        (True, True),
        (True, False),  # the text ends
    ]


def test_densest_block_is_the_run_of_long_lines() -> None:
    counts = [2, 1, 3, 40, 35, 2, 50, 1, 1, 2, 12, 1]  # a 12-word line after a menu is not article
    assert densest_block([float(c) for c in counts]) == (3, 6)


def test_a_short_wire_page_of_one_paragraph_still_yields_its_body(shared_dir: Path) -> None:
    """Title, byline, agency line and one long paragraph: too little page for the line model to be
    sure, yet plainly an article (ECB+ text, CC BY 3.0, laid out as a short wire page)."""
    rows = (shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl").read_text(encoding="utf-8").splitlines()
    row = json.loads(rows[0])
    paragraph = " ".join(row["text"].splitlines()[1:4])
    assert len(paragraph.split()) >= 40
    page = f"{row['title']}\n\nBy JANE ROE\n\nAssociated Press\n\n{paragraph}\n"
    article = extract_text_article(page)
    assert article.body == [paragraph]
    assert article.title == row["title"]


SECTION_OVER_HEADLINE = "\n\n".join(
    [
        "World News",
        "Harbour authority halts ferry traffic after fuel spill near the old port",
        "Ferry traffic in and out of the harbour was halted on Tuesday after a tanker leaked fuel near "
        "the old port, the harbour authority said in a statement.",
        "Crews laid floating barriers around the slick while divers inspected the hull of the tanker, "
        "which had been moored at the fuel quay since Sunday.",
        "The authority said the spill was contained and that services could resume on Wednesday "
        "morning if tests of the water came back clean.",
        "Fishermen in the bay said they had smelled diesel since early morning and called for an "
        "inquiry into how the tanker had been inspected.",
    ]
)

# the date line scores as body here (long paragraphs below it): it still belongs to the head
DATE_UNDER_HEADLINE = "\n".join(
    [
        "City Council Approves New Cycle Lanes For The Centre After A Long Debate",
        "2024-05-14",
        "As the city braces for another summer of roadworks and closures across the centre, the council "
        "decided it was a good time to approve a network of protected cycle lanes after a debate that ran "
        "late into the evening.",
        "Supporters said the lanes would make the centre safer for children riding to school, while shop "
        "owners warned of lost parking and fewer customers in the months the work is under way on the "
        "main streets.",
        "Work on the first two routes is due to begin in the summer and should be finished before the "
        "school year starts, the council's transport committee said on Tuesday in a short statement.",
        "Opponents have until the end of the month to ask for a review of the decision, which the "
        "committee said it did not expect.",
    ]
)


def test_a_section_label_over_the_headline_is_not_the_title() -> None:
    article = extract_text_article(SECTION_OVER_HEADLINE)
    assert article.title == "Harbour authority halts ferry traffic after fuel spill near the old port"
    assert article.body[0].startswith("Ferry traffic in and out of the harbour")


def test_a_date_line_under_the_headline_dates_the_article() -> None:
    article = extract_text_article(DATE_UNDER_HEADLINE)
    assert article.title.startswith("City Council Approves New Cycle Lanes")
    assert article.published == datetime(2024, 5, 14)
    assert all("2024-05-14" not in paragraph for paragraph in article.body)


def test_a_prompt_to_the_reader_is_not_body() -> None:
    prompt = "Never miss a story by getting our biggest headlines delivered straight to your inbox!"
    page = SECTION_OVER_HEADLINE.replace("World News\n\n", f"World News\n\n{prompt}\n\n", 1)
    page = page.replace("said in a statement.", f"said in a statement.\n\n{prompt}", 1)
    article = extract_text_article(page)
    assert prompt not in article.body and len(article.body) == 4


def test_a_wire_dateline_is_not_the_title_and_related_headlines_are_not_body() -> None:
    page = "\n\n".join(
        [
            "Harbour reopens, port authority lifts ferry ban",
            "Portsmouth, October 24",
            SECTION_OVER_HEADLINE.split("\n\n")[2],
            "READ ALSO:",
            "Storm closes coastal roads for a second day",
            "Council votes to keep the old pier open",
            *SECTION_OVER_HEADLINE.split("\n\n")[3:],
        ]
    )
    article = extract_text_article(page)
    assert article.title == "Harbour reopens, port authority lifts ferry ban"
    assert not any("coastal roads" in p or "old pier" in p or "READ ALSO" in p for p in article.body)
    assert len(article.body) == 4


def test_a_short_page_keeps_a_doubted_lead_above_a_subheading() -> None:
    """The line model's doubt on a short page (its figures on a real one): the lead scores under the
    threshold, the paragraph under the subheading over it; the lead still opens the body."""
    lead = (
        "The harbour authority has denied rumours circulating online that the old port will close for "
        "good, saying ferries will run as usual once the fuel spill has been cleaned up this week."
    )
    rest = (
        "Despite the speculation, the authority made it clear that there is no plan to close the port, "
        "and that the tanker which leaked fuel will be inspected again before it is allowed to leave."
    )
    title = "Harbour Authority Denies Rumours About Port Closure"
    lines = split_page_lines("\n".join([title, lead, "No Closure, No Sale", rest]))
    article = assemble_article(lines, [0.04, 0.28, 0.33, 0.60], 0.4)
    assert (article.title, article.body) == (title, [lead, rest])


def test_the_headline_above_the_byline_is_the_title_not_a_teaser_below_it() -> None:
    page = "\n\n".join(
        [
            "Harbour boss seen 'in a hurry' as new worrying sign fuels fresh closure claim",
            "The harbour boss is reportedly in a hurry to sell the old port before the winter.",
            "By Mia HoltJonas Berg, News Reporter",
            "Ferry captain calls the sale 'a disgrace' in a radio interview",
            *SECTION_OVER_HEADLINE.split("\n\n")[2:],
            "READ MORE: Storm closes coastal roads for a second day",
        ]
    )
    article = extract_text_article(page)
    assert article.title.startswith("Harbour boss seen 'in a hurry'")
    assert article.authors == ["Mia Holt", "Jonas Berg"]
    assert not any(p.startswith("READ MORE") for p in article.body)


def test_story_highlights_sit_between_the_headline_and_a_dateline_that_opens_the_body() -> None:
    page = "\n\n".join(
        [
            "Fuel spill closes 112 berths; 40 boats still stranded",
            "Story highlights",
            "Angry skippers storm a harbour meeting demanding answers",
            "Harbour master says the clean-up will take a week",
            "Portsmouth, England Clarion —",
            *SECTION_OVER_HEADLINE.split("\n\n")[2:],
        ]
    )
    article = extract_text_article(page)
    assert article.title == "Fuel spill closes 112 berths; 40 boats still stranded"
    assert article.standfirst == "Harbour master says the clean-up will take a week"
    assert not any("Story highlights" in p or "skippers" in p for p in article.body)
    assert article.body[0] == SECTION_OVER_HEADLINE.split("\n\n")[2]


def test_a_dateline_on_a_line_of_its_own_opens_the_paragraph_below_it() -> None:
    paras = SECTION_OVER_HEADLINE.split("\n\n")
    dateline = "Portsmouth, England Clarion —"
    page = "\n\n".join(["Harbour reopens after the spill", "By Mia Holt", paras[2], dateline, *paras[3:]])
    body = extract_text_article(page).body
    assert body[1] == f"Portsmouth, England Clarion — {paras[3]}" and len(body) == len(paras) - 2


def test_a_date_line_above_the_headline_dates_the_article_and_is_not_its_title() -> None:
    paras = SECTION_OVER_HEADLINE.split("\n\n")
    page = "\n\n".join(["Sun June 10, 2018", "World", "Web Desk", "June 10, 2018", *paras[1:]])
    article = extract_text_article(page)
    assert article.title == paras[1] and article.published == datetime(2018, 6, 10)


LIGHTHOUSE = [
    "Keepers report lights seen off the headland during the night",
    "Coastguard crews searching the bay for a missing fishing boat said they saw flares twice after "
    "midnight, according to a harbour office log obtained by the Gazette.",
    "The boat left the quay on Sunday morning with three people aboard and was due back by the evening.",
    "Two lifeboats and a helicopter joined the search at first light, the harbour office said on Monday.",
]


def test_a_date_label_opening_the_page_dates_it_and_the_text_goes_on() -> None:
    page = f"date 2023-06-21 {LIGHTHOUSE[1]}\n\n" + "\n\n".join(LIGHTHOUSE[2:])
    article = extract_text_article(page)
    assert article.published == datetime(2023, 6, 21)
    assert not any("date 2023" in part for part in [article.title, *article.body])
    month_only = extract_text_article(page.replace("2023-06-21", "2023-06"))  # dates nothing, and is dropped
    assert month_only.published is None and "2023-06" not in month_only.title


def test_a_caption_teaser_and_an_agency_credit_in_brackets_stay_out_of_the_head_and_body() -> None:
    caption = "In this photo released by the harbour office, a lifeboat leaves the quay on Sunday."
    page = "\n\n".join([
        LIGHTHOUSE[0],
        "In this photo released by the harbour office, a lifeboat leaves the...",
        f"{caption} (Harbour Office via AP)",
        "By Mia Holt",
        "Published: Jun. 20, 2023 at 11:10 PM CDT|Updated: 42 minutes ago",
        *LIGHTHOUSE[1:],
    ])  # fmt: skip
    article = extract_text_article(page)
    assert article.title == LIGHTHOUSE[0] and article.standfirst is None
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "Harbour Office via AP")]
    assert article.body == LIGHTHOUSE[1:]
    assert article.published == datetime(2023, 6, 21, 4, 10, tzinfo=UTC)  # 11:10 PM CDT: 04:10 UTC next day


def test_a_headline_printed_twice_with_a_word_changed_is_the_title_and_the_byline_above_it_counts() -> None:
    page = "\n\n".join([
        "'Flares' Seen in Search for Fishing Boat",
        "It is not clear, however, what that might mean",
        "By Mia Holt, Gazette Staff",
        "Posted Jun 21, 2023 12:01 AM CDT",
        "'Lights' Seen in Search for Fishing Boat",
        "This photo provided by the harbour office shows the lifeboat.   (Harbour Office via AP)",
        *LIGHTHOUSE[1:],
    ])  # fmt: skip
    article = extract_text_article(page)
    assert article.title.endswith("Seen in Search for Fishing Boat") and article.authors == ["Mia Holt"]
    assert article.published == datetime(2023, 6, 21, 5, 1, tzinfo=UTC)
    assert article.captions[0].credit == "Harbour Office via AP" and article.body[0] == LIGHTHOUSE[1]


def test_a_breadcrumb_before_the_headline_is_not_part_of_the_title() -> None:
    headline = "Lifeboats search the bay for a missing fishing boat"
    page = "\n\n".join([f"Home World {headline}", "World", headline, *LIGHTHOUSE[1:]])
    article = extract_text_article(page)
    assert article.title == headline and article.body[0] == LIGHTHOUSE[1]


def test_a_headline_printed_twice_keeps_its_french_colon() -> None:
    headline = "Phare : des lumières aperçues au large du cap pendant la nuit"
    page = "\n\n".join([headline, headline, *LIGHTHOUSE[1:]])
    assert extract_text_article(page).title == headline


def test_a_page_that_is_one_long_paragraph_keeps_it_as_body_under_its_first_sentence() -> None:
    paragraph = " ".join(LIGHTHOUSE[1:] * 2)
    article = extract_text_article(f"- {paragraph}")
    assert article.title == LIGHTHOUSE[1] and article.body == [f"- {paragraph}"]


def test_a_bulleted_byline_under_a_headline_printed_with_a_full_stop() -> None:
    head = ["Harbour Gazette", "Tempers flare among lifeboat crews.", "- By Mia Holt and Ben Cole"]
    page = "\n\n".join(head + LIGHTHOUSE[1:])
    article = extract_text_article(page)
    assert article.title == "Tempers flare among lifeboat crews."
    assert article.authors == ["Mia Holt", "Ben Cole"] and article.body[0] == LIGHTHOUSE[1]


def test_a_cms_placeholder_is_never_the_title() -> None:
    page = "\n\n".join(["[ad_1]", *LIGHTHOUSE[1:]])
    assert extract_text_article(page).title != "[ad_1]"


def test_alt_text_in_lower_case_and_a_gallery_counter_are_no_headlines() -> None:
    headline = "Coffee Can Lower Risk of Death, Study Says"
    page = "\n\n".join([headline, "2 of 2", "cup of coffee", *LIGHTHOUSE[1:]])
    assert extract_text_article(page).title == headline


@pytest.mark.parametrize(
    "stamp",
    ["Postado Setembro 22, 2017", "Publicado 22 de setembro de 2017", "Gepubliceerd 22 september 2017"],
)
def test_a_date_stamp_in_another_language_dates_the_page_and_is_no_title(stamp: str) -> None:
    page = "\n\n".join([LIGHTHOUSE[0], stamp, *LIGHTHOUSE[1:]])
    article = extract_text_article(page)
    assert (article.title, article.published) == (LIGHTHOUSE[0], datetime(2017, 9, 22))


SEARCH = [
    "Divers from the naval base joined the search on Tuesday, working from two boats anchored off the reef "
    "where the flares were last seen.",
    "The harbour master said the weather had been calm all night and that the boat carried a radio, "
    "although no call was heard from it.",
    "The search will resume at first light on Wednesday, weather permitting, the coastguard said.",
    "Relatives of the three fishermen gathered at the quay on Tuesday evening as the lifeboats returned "
    "to refuel before heading out again.",
]


def test_picture_and_video_teasers_and_more_from_labels_leave_the_body() -> None:
    teasers = ["PHOTOS: Lifeboats Search The Bay", "MORE FROM THE GAZETTE", "Video: Divers Reach The Reef"]
    body = [*LIGHTHOUSE[1:], *SEARCH]
    page = "\n\n".join([LIGHTHOUSE[0], *body[:2], teasers[0], *body[2:4], teasers[1], teasers[2], *body[4:]])
    assert extract_text_article(page).body == body
    lines = split_page_lines(page)  # however sure the line model is of them
    assert assemble_article(lines, [0.1] + [0.9] * (len(lines) - 1), 0.4).body == body


def test_the_article_ends_where_the_reader_comments_start() -> None:
    body = [*LIGHTHOUSE[1:], *SEARCH]
    tail = [
        "Join the Discussion",
        "Comment Policy: We welcome a lively debate, but keep it civil and on topic.",
        "Great reporting, thank you to the crews who searched all night long for the missing men.",
    ]
    page = "\n\n".join([LIGHTHOUSE[0], *body, *tail])
    lines = split_page_lines(page)
    assert assemble_article(lines, [0.1] + [0.9] * (len(lines) - 1), 0.4).body == body


def test_a_wire_story_without_a_byline_takes_its_authors_from_the_closing_credit() -> None:
    text = (
        "Ferry operator cuts winter routes\n\n"
        "HARBOURTOWN (Reuters) - The ferry operator said on Monday it would cut its winter routes after a "
        "fall in passenger numbers, blaming higher fuel costs and a strike earlier this year.\n\n"
        "The company expects to restore the routes in the spring, a spokesman said.\n\n"
        "Reporting by Ada Marsh and Ben Quay; Editing by Cy Dock\n"
    )
    article = extract_text_article(text, location="credit.txt")
    assert article.authors == ["Ada Marsh", "Ben Quay"]
    assert not any("Reporting by" in paragraph for paragraph in article.body)


def test_a_short_closing_sentence_the_model_doubts_still_ends_the_body() -> None:
    """The line model's doubt on a page's last line (its figures on a real page): a sentence just under
    the threshold, right under a line it is sure of, with nothing below, closes the article."""
    closing = "The coastguard says the long night shows the crews' \u201cdevotion.\u201d"
    page = "\n".join([*LIGHTHOUSE, closing])
    lines = split_page_lines(page)
    assert assemble_article(lines, [0.76, 0.93, 0.99, 0.89, 0.39], 0.4).body == [*LIGHTHOUSE[1:], closing]
    # a line that offers the reader something, or one of a list of teasers, is no closing sentence
    offer = "No spam, we promise, and you can unsubscribe at any time you like."
    lines = split_page_lines("\n".join([*LIGHTHOUSE, offer]))
    assert assemble_article(lines, [0.76, 0.93, 0.99, 0.89, 0.39], 0.4).body == LIGHTHOUSE[1:]
    teasers = [closing, "Ferry Company Names Its New Chief", "Storms close the coastal road again."]
    lines = split_page_lines("\n".join([*LIGHTHOUSE, *teasers]))
    probabilities = [0.76, 0.93, 0.99, 0.89, 0.39, 0.37, 0.3]
    assert assemble_article(lines, probabilities, 0.4).body == LIGHTHOUSE[1:]


def test_a_date_label_under_the_headline_dates_the_page_and_leaves_the_body() -> None:
    page = f"{LIGHTHOUSE[0]}\n date 2023-06-21 {LIGHTHOUSE[1]}\n\n" + "\n\n".join(LIGHTHOUSE[2:])
    article = extract_text_article(page)
    assert article.title == LIGHTHOUSE[0] and article.published == datetime(2023, 6, 21)
    assert article.body == LIGHTHOUSE[1:]
    deep = "\n\n".join([*LIGHTHOUSE, *SEARCH[:2], f"date 2023-06-21 {SEARCH[2]}"])  # only near the top
    assert extract_text_article(deep).published is None


def test_a_cut_off_teaser_is_no_title_and_a_desk_byline_and_a_caption_printed_twice_are_read() -> None:
    caption = "The lifeboat leaves the quay at dawn."
    page = "\n\n".join([
        "Log in",
        LIGHTHOUSE[0],
        f"{caption} Gazette {caption}",
        "Lifeboats search the bay for",
        "Staff Reporter",
        "June 21, 2023",
        *LIGHTHOUSE[1:],
        *SEARCH,
    ])  # fmt: skip
    article = extract_text_article(page)
    assert article.title == LIGHTHOUSE[0]
    assert article.authors == ["Staff Reporter"] and article.published == datetime(2023, 6, 21)
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "Gazette")]
    assert article.body == [*LIGHTHOUSE[1:], *SEARCH]


def test_a_browser_notice_is_no_title_a_pictured_name_no_byline_and_a_source_credit_leaves_the_body() -> None:
    headline = "Ferry Shares Soar on Better-Than-Expected Bookings, Twitter Buzz"
    lead = "In a surprise after several poor summers, the ferry company on Monday reported record bookings."
    caption = "Ferry chief Mia Holt speaks at the quay on May 2, 2023."
    page = "\n".join([
        "IE 11 is not supported. For an optimal experience visit our site on another browser.",
        "",
        headline,
        "",
        lead,
        "Mia Holt",
        f"{caption}Jane Roe / AP file",
        "/ Source: Harbour Wire",
        lead,
        *LIGHTHOUSE[1:],
        *SEARCH,
    ])  # fmt: skip
    article = extract_text_article(page)
    assert (article.title, article.standfirst, article.authors) == (headline, lead, [])
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "Jane Roe / AP file")]
    assert article.cited_sources == ["Harbour Wire"]
    assert not any("Source" in paragraph or "supported" in paragraph for paragraph in article.body)


def test_a_caption_opening_the_page_is_no_title_and_page_debris_leaves_the_body() -> None:
    caption = (
        "HARBOURTOWN, UK - JULY 09: A lifeboat leaves the quay at dawn on July 9, 2017 in Harbourtown, "
        "England. Crews searched the bay all night for a missing fishing boat."
    )
    credits = "(Photo by Jane Roe/Getty Images) (Photo: Jane Roe, 2017 Getty Images)"
    lead = (
        "When the harbour master heard the boat had missed its evening call, he sent out both lifeboats "
        "within minutes, as he had done many times before."
    )
    body = [lead, *LIGHTHOUSE[1:], *SEARCH]
    page = "\n\n".join([f" date 2017-07-10 {caption} {credits}", *body[:3], "{adslot}", "Related content:",
                        *body[3:]])  # fmt: skip
    article = extract_text_article(page)
    assert article.title == lead and article.published == datetime(2017, 7, 10)
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "Jane Roe/Getty Images")]
    assert article.body == body


def test_a_caption_credited_to_its_owner_in_brackets_is_a_caption_however_often_printed() -> None:
    caption = "Capt. Mia Holt, Cpl. Ben Cole and Sgt. Cy Dale"
    printed = f"{caption}  (Harbour Office photos)"
    page = "\n\n".join([LIGHTHOUSE[0], printed, printed, *LIGHTHOUSE[1:], *SEARCH])
    article = extract_text_article(page)
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "Harbour Office")]
    assert article.body == [*LIGHTHOUSE[1:], *SEARCH]


HARBOUR_LEAD = (
    "A Gazette reporter, Mia Holt, and her photographer were detained by harbour police during the "
    "#SaveTheQuay march on Thursday morning."
)
HARBOUR_BODY = [
    HARBOUR_LEAD,
    "Holt was released after an hour, but her photographer is still held at the harbour police station.",
    "A reporter with Quay TV was also pushed by officers during the march, which began at the fish market.",
    "Lawyers for the marchers said they would ask the magistrates for bail for their clients on Friday.",
]


def test_a_section_label_with_the_date_and_a_pictured_name_are_no_titles() -> None:
    for label in ("Regional News of Thursday, 7 March 2024", "Mia Holt"):
        article = extract_text_article("\n\n".join([f" date 2024-03-07 {label}", *HARBOUR_BODY]))
        assert article.title != label and article.published == datetime(2024, 3, 7)
        assert article.body == HARBOUR_BODY


def test_a_site_name_or_a_kicker_over_the_headline_is_not_the_title() -> None:
    headline = "#SaveTheQuay march: Gazette reporter, photographer detained"
    page = "\n".join(
        ["Harbourtown Radio Online", "NEWS", headline, "SaveTheQuay", *HARBOUR_BODY, "Related posts"]
    )
    article = extract_text_article(page)
    assert (article.title, article.authors, article.body) == (headline, [], HARBOUR_BODY)
    kicker = "The skipper has spoken out"
    headline = "Skipper Jane Roe responds to reports she has sold the family boat"
    body = [
        "Skipper Jane Roe has denied reports that she has sold her family's fishing boat to a trawler firm.",
        *LIGHTHOUSE[1:],
    ]
    lines = split_page_lines("\n".join(["2024-05-09", kicker, headline, *body]))
    article = assemble_article(lines, [0.02, 0.51, 0.67] + [0.95] * len(body), 0.4)
    assert (article.title, article.body) == (headline, body)


def test_a_language_menu_is_neither_title_nor_body() -> None:
    menu = "English English हिन्दी Hindi বাংলা Bengali தமிழ் Tamil اردو Urdu"
    headline = "Harbour Police Detain 'Smugglers', They Turn Out to be Extras in a Pirate Film"
    page = "\n".join([f" date 2019-05-30 {menu}", headline, *LIGHTHOUSE[1:], *SEARCH])
    lines = split_page_lines(page)
    article = assemble_article(lines, [0.02, 0.71, 0.59] + [0.95] * (len(lines) - 3), 0.4)
    assert (article.title, article.body) == (headline, [*LIGHTHOUSE[1:], *SEARCH])


TRENDING = [
    "Trending News",
    "Quay bakery owner donates bread to 1,000 families",
    "00:51Ferry crews honoured for service at end-of-year party",
    "01:01Harbour board is not a witch-hunt – Mayor",
    "15:59Parent sues school for refusing a sailing club",
    "01:43#Polls2024: Jane Roe wins Harbour Ward after recount",
]


def test_a_block_of_other_stories_ends_the_article_and_a_site_citing_itself_cites_nobody() -> None:
    page = "\n".join([LIGHTHOUSE[0], *HARBOUR_BODY, "Source: quaysidefm.com", *TRENDING])
    lines = split_page_lines(page)
    probabilities = [0.2] + [0.9] * len(HARBOUR_BODY) + [0.07, 0.06] + [0.6] * (len(TRENDING) - 1)
    article = assemble_article(lines, probabilities, 0.4, url="https://www.quaysidefm.com/news/1")
    assert (article.body, article.cited_sources) == (HARBOUR_BODY, [])
    assert assemble_article(lines, probabilities, 0.4).cited_sources == ["quaysidefm.com"]  # no address
    assert assemble_article(lines, probabilities, 0.4, url="https://example.org/a").cited_sources == [
        "quaysidefm.com"
    ]


def test_a_sites_own_promotion_and_a_dont_miss_block_leave_the_body() -> None:
    promo = (
        "Harbourland's leading digital news platform, Quayside, in conjunction with the Harbour Hospital, "
        "is embarking on a campaign which is geared towards ensuring tha"
    )
    teaser = (
        "The Harbour Party has told the High Court that its board was dissolved to solve the crises "
        "rocking the party…Police deny arresting marchers The party also said"
    )
    for tail in ([promo], ["YOU SHOULD NOT MISS THESE HEADLINES FROM THE HARBOUR GAZETTE", teaser]):
        page = "\n".join([LIGHTHOUSE[0], *HARBOUR_BODY, *tail, "Source: Harbour/"])
        lines = split_page_lines(page)
        article = assemble_article(lines, [0.2] + [0.95] * (len(lines) - 2) + [0.05], 0.4)
        assert (article.body, article.cited_sources) == (HARBOUR_BODY, [])


def test_picture_credits_alt_texts_and_named_pictures_are_no_body_and_late_captions_are_kept() -> None:
    page = "\n".join([
        LIGHTHOUSE[0],
        "Jane Roe harbour Lifeboat Week",
        LIGHTHOUSE[1],
        "Jane Roe and family",
        "Jane spent a day on the quay with her family (Picture: Instagram)",
        LIGHTHOUSE[2],
        "Frazer Holt/Getty Images Entertainment/Getty Images",
        LIGHTHOUSE[3],
        *SEARCH,
        "Jane Roe and Mia Holt.",
        "Skipper Jane Roe is said to have sold the boat to Mia Holt (Picture: PA)",
        "Fishing boats moored in the harbour at dawn, 13 October 2020.",
        "The skipper was reportedly furious about the sale (Picture: EPA)",
    ])  # fmt: skip
    lines = split_page_lines(page)
    article = assemble_article(lines, [0.7] + [0.9] * 12 + [0.3, 0.2, 0.2], 0.4)
    assert (article.title, article.body) == (LIGHTHOUSE[0], [*LIGHTHOUSE[1:], *SEARCH])
    assert [(c.text, c.credit) for c in article.captions] == [
        ("Jane spent a day on the quay with her family", "Instagram"),
        ("Skipper Jane Roe is said to have sold the boat to Mia Holt", "PA"),
        ("The skipper was reportedly furious about the sale", "EPA"),
    ]


def test_summary_bullets_are_the_standfirst_and_labelled_captions_repeating_the_text_are_captions() -> None:
    bullets = [
        "Jane Roe has claimed she still lives in her family home by the quay",
        "It was believed she had recently moved to a flat in the city",
        "A follower asked why she was allowed to visit her family",
    ]
    lead, second = SEARCH[0], SEARCH[1]
    page = "\n".join([
        " date 2020-05-09 Skipper Jane Roe claims she HASN'T moved out of her home... despite new flat",
        *[f"- {bullet}" for bullet in bullets],
        lead,
        second,
        f"Announcement: {lead}",
        SEARCH[2],
        f"Reports: {second.rstrip('.')}",
        SEARCH[3],
    ])  # fmt: skip
    lines = split_page_lines(page)
    article = assemble_article(lines, [0.1] + [0.95] * (len(lines) - 1), 0.4)
    assert article.standfirst == "\n".join(bullets)
    assert article.body == SEARCH
    assert [c.text for c in article.captions] == [lead, second.rstrip(".")]


def test_summary_bullets_under_a_headline_on_the_first_line() -> None:
    bullets = ["Jane Roe has claimed she still lives by the quay", "A follower asked why she visits"]
    page = "\n".join(["Skipper Jane Roe says she has not moved out", *[f"- {b}" for b in bullets], *SEARCH])
    lines = split_page_lines(page)
    article = assemble_article(lines, [0.1] + [0.95] * (len(lines) - 1), 0.4)
    assert article.standfirst == "\n".join(bullets)
    assert article.body == SEARCH


TRANSFER = [
    "Harbour City have turned down a third offer for defender Jane Roe from Port Calder worth £40m in total.",
    "Port Calder's latest offer was believed to be £35m with a possible £5m in add-ons, but the extra fees "
    "were described to local radio as ambitious targets.",
    "Roe wants to move this summer and was left out of the squad for the defeat at the weekend because the "
    "coach said her mind was not in the right place.",
    "The coach said there had been a few offers for some of the players but nowhere near the valuation "
    "the club had put on them, and that none of them was for sale.",
]


def _assembled(*rows: tuple[str, float]) -> Article:
    lines = split_page_lines("\n".join(text for text, _ in rows))
    return assemble_article(lines, [probability for _, probability in rows], 0.4)


def test_an_audio_players_label_is_no_title_and_the_headline_over_it_is() -> None:
    headline = "Harbour City Turn Down Third Offer For Defender Jane Roe Worth £40m"
    article = _assembled(
        (headline, 0.005),
        ("Listen to this article", 0.06),
        ("Getting your audio player ready...", 0.16),
        ("|", 0.002),
        *[(paragraph, 0.85) for paragraph in TRANSFER],
    )
    assert (article.title, article.body) == (headline, TRANSFER)


def test_a_site_clock_is_no_title_a_shortened_headline_no_caption_and_a_restated_dek_the_standfirst() -> None:
    headline = "Coach Jane Roe addresses latest Mia Holt, Ada Marsh speculation"
    dek = (
        "Harbour City coach Jane Roe refuses to guarantee that the likes of Mia Holt and Ada Marsh will stay "
        "at the club this summer."
    )
    lead = (
        "Harbour City coach Jane Roe has refused to guarantee that the likes of Mia Holt and Ada Marsh will "
        "remain at the club beyond the end of the transfer window."
    )
    caption = "Mia Holt celebrates scoring the first goal with coach Jane Roe on March 17, 2022"
    article = _assembled(
        ("XY23RW : Saturday, November 23 05:23:55| >> :120:26301:26301:", 0.01),
        (headline, 0.03),
        ("Roe addresses latest Holt, Marsh speculation", 0.15),  # the headline again, shortened
        ("© Harbour Wire", 0.03),  # the lead picture's credit
        (dek, 0.83),
        (lead, 0.98),
        *[(paragraph, 0.99) for paragraph in TRANSFER[1:3]],
        (f"{caption}© Harbour Wire", 0.9),
        (TRANSFER[3], 0.99),
    )
    assert (article.title, article.standfirst) == (headline, dek)
    assert article.body == [lead, *TRANSFER[1:]]
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "Harbour Wire")]


def test_an_app_promotion_is_no_title_and_a_short_sentence_ending_the_page_stays() -> None:
    lead = "Harbour City have reached an agreement with Port Calder over the transfer of defender Jane Roe."
    last = "Harbour City played Port Calder on Saturday afternoon, August 27."
    article = _assembled(
        ("2022-08-27", 0.03),
        ("Download our blog’s APP from the store using the link here>>>", 0.47),
        (f"Saturday, August 27, 2022 – {lead}", 0.96),
        *[(paragraph, 0.99) for paragraph in TRANSFER],
        (last, 0.19),  # the page's last line: the line model takes it for a footer
    )
    assert article.title == lead
    assert article.body == [f"Saturday, August 27, 2022 – {lead}", *TRANSFER, last]


def test_a_skip_link_an_advert_label_a_placed_caption_and_the_headline_again_leave_the_body() -> None:
    headline = "Harbour City have reportedly rejected a third offer from Port Calder for Jane Roe."
    placed = "The club want a fee above £50m for 21-year-old Roe (right)"
    article = _assembled(
        ("2022-08-23", 0.04),
        ("Skip to main content", 0.41),
        (headline, 0.82),
        (TRANSFER[1], 0.99),
        ("Advertisment", 0.95),
        ("Harbour City have reportedly rejected a third offer from Port Calder for defender Jane Roe", 0.93),
        (TRANSFER[2], 0.99),
        (placed, 0.98),
        (TRANSFER[3], 0.99),
    )
    assert (article.title, article.body) == (headline, TRANSFER[1:])
    assert [(c.text, c.credit) for c in article.captions] == [(placed, None)]


def test_the_headline_printed_again_as_the_first_sentence_leaves_the_body() -> None:
    headline = "Harbour City Turn Down Third Offer For Jane Roe"
    opening = f"Harbour City turn down third offer for Jane Roe! {TRANSFER[1]}"
    article = _assembled((headline, 0.2), (opening, 0.95), *[(paragraph, 0.95) for paragraph in TRANSFER[2:]])
    assert article.title == headline
    assert article.body == TRANSFER[1:]


def test_a_lead_without_a_headline_titles_the_page_with_its_first_sentence_and_stays_body() -> None:
    first = "A strong storm has struck the coast, flooding the harbour and closing the ferry to Port Calder."
    opening = f"{first} Winds were felt as far away as the islands."
    glued = f"{TRANSFER[1]} Ferry Strike News: Port Calder Close To Signing Striker From Harbour City"
    article = _assembled((opening, 0.99), (glued, 0.99), *[(paragraph, 0.99) for paragraph in TRANSFER[2:]])
    assert article.title == first
    assert article.body == [opening, *TRANSFER[1:]]  # another story's headline glued on is cut off


FERRY = [
    "A ferry carrying 120 passengers ran aground off Port Calder on Sunday, and four people were hurt, "
    "the harbour board said.",
    "The crew said the ferry lost power in a storm and drifted onto a sandbank before the lifeboat came.",
    "Jane Roe, who chairs the harbour board, said an inquiry would start on Monday and that the ferry would "
    "stay out of service until it ends.",
    "Passengers were taken ashore by the lifeboat crew and given blankets in the ferry terminal overnight.",
]


def _pieces(*rows: tuple[str, float]) -> Article:
    """The article from rows of page text and their probabilities; a row a scraper glued together is
    split (see :mod:`newstrace.extract.glued`) and each piece keeps its row's probability."""
    from newstrace.extract.glued import unglued

    probabilities = [p for text, p in rows for _ in unglued(text)]
    lines = split_page_lines("\n".join(text for text, _ in rows))
    return assemble_article(lines, probabilities, 0.4)


def test_a_caption_over_its_source_credit_and_a_standfirst_without_a_stop_leave_the_body() -> None:
    dek = "Large inquiry finds ferries built before 1990 correlate with more groundings in storms than others"
    caption = "A ferry at the quay with the lifeboat beside it and the harbour board's office"
    article = _assembled(
        ("Ferry groundings linked to old hulls", 0.07),
        (caption, 0.48),
        ("Source: © Jane Roe/Alamy", 0.21),
        (dek, 0.80),
        *[(paragraph, 0.95) for paragraph in FERRY],
    )
    assert (article.title, article.standfirst) == ("Ferry groundings linked to old hulls", dek)
    assert article.body == FERRY
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "Jane Roe/Alamy")]
    assert article.cited_sources == []  # the picture's source is cited by nobody


def test_a_bare_photographers_credit_is_no_body() -> None:
    article = _assembled(("Could Old Hulls Be Behind Ferry Groundings?", 0.11), ("jdoe/Alamy", 0.91),
                         *[(paragraph, 0.99) for paragraph in FERRY])  # fmt: skip
    assert article.body == FERRY


def test_a_glued_byline_names_the_reporter_and_outlet_and_a_glued_dateline_opens_the_body() -> None:
    caption = "Ferries are built with lighter hulls than before."
    article = _pieces(
        ("Ferry groundings linked to old hulls, inquiry finds | Quayside News", 0.04),
        ("Category: News & Politics", 0.15),
        ("Via: jdoe • 2 years ago • 41 commentsBy: Jane Roe (Quayside News)", 0.11),
        (f"{caption} jdoe/Harbour Stock QN —", 0.85),
        *[(paragraph, 0.97) for paragraph in FERRY],
    )
    assert article.title == "Ferry groundings linked to old hulls, inquiry finds"
    assert (article.authors, article.source) == (["Jane Roe"], "Quayside News")
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "jdoe/Harbour Stock")]
    assert article.body == [f"QN — {FERRY[0]}", *FERRY[1:]]


def test_a_standfirst_between_two_prints_of_the_headline_and_a_library_credited_caption() -> None:
    headline = "Old Ferries Linked to More Groundings, Harbour Inquiry Finds"
    dek = "A new harbour inquiry into forty ferries reports worrying findings."
    caption = "Breaking down the inquiry into old ferries, on March 29, 2023."
    article = _assembled(
        (headline, 0.02),
        (dek, 0.27),
        (headline, 0.05),
        (f"{caption} jane.photo via picturebank", 0.52),
        ("|Updated:", 0.28),
        ("0:00", 0.24),
        *[(paragraph, 0.98) for paragraph in FERRY],
    )
    assert (article.title, article.standfirst, article.body) == (headline, dek, FERRY)
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "jane.photo via picturebank")]


def test_an_age_line_and_a_bare_dateline_name_the_outlet_and_leave_the_body_alone() -> None:
    opening = f"(Harbour Wire) — {FERRY[0]}"
    stamped = _assembled(("Ferry runs aground off Port Calder", 0.05), ("28 days ago Quayside News", 0.45),
                         (opening, 0.97), *[(paragraph, 0.98) for paragraph in FERRY[1:]])  # fmt: skip
    assert (stamped.source, stamped.body) == ("Quayside News", [opening, *FERRY[1:]])
    wired = _assembled(("Ferry runs aground off Port Calder", 0.05), (opening, 0.97),
                       *[(paragraph, 0.98) for paragraph in FERRY[1:]])  # fmt: skip
    assert wired.source == "Harbour Wire"
    lines = split_page_lines("\n".join(["Ferry runs aground off Port Calder", *FERRY]))
    sited = assemble_article(lines, [0.05, 0.97, 0.98, 0.98, 0.98], 0.4, url="https://quayside.example/ferry")
    assert sited.source == "quayside.example"  # the page's address names its outlet first


def test_a_cut_teaser_and_a_courtesy_caption_are_no_title_and_a_placeholder_leaves_the_paragraph() -> None:
    caption = "Some ferries were held in port and others sent out in the storm that began on Saturday."
    article = _assembled(
        (f"{caption} Photo courte...", 0.88),
        (f"{caption} Photo courtesy Harbour Fire/Social |", 0.59),
        ("By Jane Roe, Harbour Wire", 0.70),
        (FERRY[0], 0.94),
        (f"[post_ads]{FERRY[1]}", 0.96),
        *[(paragraph, 0.97) for paragraph in FERRY[2:]],
    )
    assert caption not in article.title
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "Harbour Fire/Social")]
    assert (article.authors, article.source) == (["Jane Roe"], "Harbour Wire")
    assert article.body == FERRY


def test_a_masthead_an_outlet_line_and_a_dateline_are_no_title_or_author_but_the_outlet() -> None:
    edition = _assembled(("Quayside Courier US Edition", 0.02), ("What do other inquiries show?", 0.1),
                         ("-", 0.01), *[(paragraph, 0.95) for paragraph in FERRY])  # fmt: skip
    assert (edition.title, edition.source) == ("What do other inquiries show?", "Quayside Courier")
    paper = _assembled(("Port Calder Enquirer", 0.01), *[(paragraph, 0.95) for paragraph in FERRY])
    assert (paper.authors, paper.source, paper.body) == ([], "Port Calder Enquirer", FERRY)
    dated = _assembled(("PORT CALDER, Harbourland -", 0.05), *[(paragraph, 0.95) for paragraph in FERRY])
    assert dated.title == FERRY[0]
    assert dated.body == [f"PORT CALDER, Harbourland - {FERRY[0]}", *FERRY[1:]]  # a doubted dateline opens it


def test_a_one_paragraph_item_the_line_model_doubts_is_an_article() -> None:
    item = (
        "A ferry carrying 120 passengers ran aground off Port Calder on Sunday, and four people were hurt, "
        "according to a statement the harbour board published online on Monday. “The crew did all they "
        "could,” said Jane Roe, who chairs the board and the inquiry into the grounding […]"
    )
    source = "Source: Ferry Runs Aground, Four Hurt; ‘crew Did All,’ Board Says"
    article = _assembled((item, 0.1), (source, 0.01))
    assert article.body == [item]
    assert article.cited_sources == []  # the source line names an article, not an outlet


def test_a_reprint_notice_is_no_title_and_captions_and_the_date_leave_the_body() -> None:
    headline = "Four hurt as ferry runs aground; captain questioned"
    dek = "The ferry ran aground on Sunday evening off Port Calder, a town of about 50,000 people."
    caption = "A ferry ran aground off Port Calder on Sunday."
    opening = f"PORT CALDER, Harbourland—{FERRY[0]}"
    article = _assembled(
        ("2021-03-07", 0.04),
        ("This copy is for your personal non-commercial use only. To order presentation-ready copies of "
         "Quayside Courier content, please go to: www.example.org", 0.78),
        (headline, 0.78),
        (dek, 0.83),
        (caption, 0.91),
        (f"{caption}  (Harbour Maps)", 0.54),
        ("Sun., Mar. 7, 2021", 0.67),
        (opening, 0.99),
        *[(paragraph, 0.98) for paragraph in FERRY[1:]],
    )  # fmt: skip
    assert (article.title, article.standfirst) == (headline, dek)
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "Harbour Maps")]
    assert article.body == [opening, *FERRY[1:]]
    assert article.published == datetime(2021, 3, 7)


def test_an_agency_credit_under_the_headline_is_a_cited_source_not_the_title() -> None:
    headline = "Harbour Board Opens Inquiry Into Ferry Grounding"
    opening = f"PORT CALDER (HW) – {FERRY[0]}"
    article = _assembled((headline, 0.01), ("Harbour Wire", 0.02), ("7 Mar 2021", 0.02), (opening, 0.75),
                         *[(paragraph, 0.94) for paragraph in FERRY[1:]])  # fmt: skip
    assert (article.title, article.cited_sources) == (headline, ["Harbour Wire"])
    assert article.body == [opening, *FERRY[1:]]


def test_a_headline_keeps_its_attribution_and_a_standfirst_without_a_stop_leaves_the_body() -> None:
    headline = "Ferry crew did nothing wrong — head of harbour board"
    dek = "According to Jane Roe, it is important to find out why the ferry lost power in the storm"
    article = _assembled((headline, 0.3), (dek, 0.85), *[(paragraph, 0.99) for paragraph in FERRY])
    assert (article.title, article.standfirst, article.body) == (headline, dek, FERRY)


def test_a_teaser_a_scroll_prompt_and_a_local_time_stay_out_of_the_head_and_body() -> None:
    article = _assembled(
        ("Ferry runs aground off Port Calder", 0.2),
        (FERRY[0][:70] + "...", 0.3),
        ("Posted: Mar. 7, 2021 11:46 AM", 0.17),
        ("Updated: Mar. 7, 2021 1:08 PM", 0.28),
        (FERRY[0], 0.95),
        ("Scroll for more content...", 0.74),
        *[(paragraph, 0.97) for paragraph in FERRY[1:]],
    )
    assert (article.standfirst, article.body) == (None, FERRY)
    assert article.published == datetime(2021, 3, 7, 11, 46)
    assert article.published is not None and article.published.tzinfo is None  # no zone printed: none claimed


def test_dated_desk_bylines_and_a_publication_note_date_the_article_and_leave_the_body() -> None:
    posted = _assembled(("Ferry runs aground off Port Calder", 0.1),
                        ("Posted March 7, 2021, by Harbour 9 Web Staff", 0.6),
                        *[(paragraph, 0.97) for paragraph in FERRY])  # fmt: skip
    assert (posted.body, posted.published) == (FERRY, datetime(2021, 3, 7))
    assert (posted.authors, posted.source) == (["Harbour 9 Web Staff"], "Harbour 9")
    compiled = _assembled(
        ("Ferry runs aground off Port Calder", 0.1),
        ("Compiled by Quayside-Courier staff from wire reports", 0.5),
        ("This article was published March 8, 2021 at 4:30 a.m.", 0.6),
        *[(paragraph, 0.97) for paragraph in FERRY],
        ("Information for this article was contributed by Harbour Wire.", 0.8),
    )
    assert (compiled.title, compiled.body) == ("Ferry runs aground off Port Calder", FERRY)
    assert (compiled.published, compiled.authors) == (datetime(2021, 3, 8, 4, 30), ["Quayside-Courier staff"])
    assert compiled.cited_sources == ["Harbour Wire"]


def test_a_masthead_a_stamp_with_its_last_change_and_an_agency_with_its_place() -> None:
    stamp = "12:00 AM, March 8, 2021 / LAST MODIFIED: 12:00 AM, March 8, 2021"
    article = _assembled(("The Harbour Gazette", 0.01), (stamp, 0.06), ("4 hurt as ferry runs aground", 0.17),
                         ("Harbour Wire, Port Calder", 0.57), *[(line, 0.95) for line in FERRY])  # fmt: skip
    assert (article.source, article.cited_sources) == ("The Harbour Gazette", ["Harbour Wire"])
    assert (article.title, article.body, article.captions) == ("4 hurt as ferry runs aground", FERRY, [])
    assert article.published == datetime(2021, 3, 8)


def test_a_blogs_ad_slots_are_no_byline_and_its_date_line_dates_the_post() -> None:
    headline = "Four hurt as a ferry runs aground off Port Calder in a storm"
    article = _assembled(
        (f"{headline} - Quayside Blog | Latest & Current News - Harbour & Ferry News", 0.24),
        ("Quayside Blog for up to the minute news, breaking news, video, audio and feature stories on the "
         "harbour, the ferries and the islands and the people who live there.", 0.7),
        ("Breaking", 0.24),
        ("Home Top Ad", 0.12),
        ("Post Top Ad", 0.28),
        ("Sunday, 7 March 2021", 0.35),
        (headline, 0.68),
        *[(paragraph, 0.98) for paragraph in FERRY],
    )  # fmt: skip
    assert (article.title, article.authors, article.body) == (headline, [], FERRY)
    assert article.published == datetime(2021, 3, 7)


def test_a_glued_picture_credit_and_a_glued_closing_credit_leave_the_body() -> None:
    caption = "The old lighthouse at Port Calder, where the ferry ran aground."
    article = _assembled(
        ("Ferry runs aground off Port Calder", 0.05),
        *[(paragraph, 0.97) for paragraph in FERRY[:2]],
        (f"{caption}Harbourpedia", 0.9),
        (FERRY[2], 0.97),
        (f"{FERRY[3]}--Harbour Wire", 0.95),
        ("Total Comments:0", 0.01),
    )
    assert article.body == FERRY
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "Harbourpedia")]
    assert article.cited_sources == ["Harbour Wire"]
