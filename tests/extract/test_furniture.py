"""Page furniture lines of scraped text: language menus, other-story headings, alt texts, labelled
captions, summary bullets and a site's paragraph about itself."""

from __future__ import annotations

import pytest

from newstrace.extract.furniture import (
    bullet_text,
    is_ad_label,
    is_alt_text,
    is_more_stories_heading,
    is_picture_caption,
    is_script_menu,
    is_self_promo,
    is_skip_link,
    label_caption_text,
    without_glued_headline,
    without_shortcodes,
)


def test_a_line_in_three_scripts_is_a_language_menu_and_a_japanese_headline_is_not() -> None:
    assert is_script_menu("English English हिन्दी Hindi বাংলা Bengali தமிழ் Tamil")
    assert not is_script_menu("東京でAIの新しい規制案を発表、カタカナも含む")
    assert not is_script_menu("Harbour Police Detain 'Smugglers' in the Old Port")


@pytest.mark.parametrize(
    "line",
    ["Trending News", "MOST READ", "Top stories", "YOU SHOULD NOT MISS THESE HEADLINES FROM THE GAZETTE"],
)
def test_headings_of_other_stories(line: str) -> None:
    assert is_more_stories_heading(line)


@pytest.mark.parametrize("line", ["Don't Miss:", "Trending towards a calmer winter, forecasters say"])
def test_a_bare_dont_miss_or_a_sentence_is_no_heading_of_other_stories(line: str) -> None:
    assert not is_more_stories_heading(line)


def test_alt_text_has_no_function_words_or_stop() -> None:
    assert is_alt_text("Jane Roe harbour Lifeboat Week")
    assert not is_alt_text("Jane Roe and family")  # a function word: only beside its caption
    assert not is_alt_text("Lifeboats search the bay.")
    assert not is_alt_text("KEY POINTS OF THE PLAN")


def test_a_caption_under_a_short_label_and_tag_lists_that_are_not() -> None:
    caption = "Jane Roe has claimed she still lives in her family home by the quay"
    assert label_caption_text(f"Announcement: {caption}") == caption
    assert label_caption_text(f"Happy couple: {caption}") == caption
    assert label_caption_text("More: Harbour news Ferry strikes Port Calder Quay Lifeboat Week") is None
    assert label_caption_text("Source: Harbour Wire") is None


def test_summary_bullets_and_a_sites_own_promotion() -> None:
    assert bullet_text("- The ferry ran aground on Friday") == "The ferry ran aground on Friday"
    assert bullet_text("• Ferry aground") is None  # too short for a summary
    assert is_self_promo("Harbourland's leading digital news platform, Quayside, in conjunction with …")
    assert not is_self_promo("The Gazette, Harbourland's leading newspaper, reported the ferry ran aground.")


@pytest.mark.parametrize(
    "line",
    ["Advertisement", "ADVERTISEMENT", "Advertisment", "Advert", "Story continues below advertisement"],
)
def test_advertisement_labels_misspelt_or_not(line: str) -> None:
    assert is_ad_label(line)


def test_skip_links_and_sentences_about_adverts() -> None:
    assert is_skip_link("Skip to main content")
    assert not is_ad_label("Advertising on the ferries will end in May.")
    assert not is_skip_link("Skip the queue at the harbour this summer")


def test_a_caption_placing_its_people_and_a_sentence_naming_a_pictured_person() -> None:
    assert is_picture_caption("The club want £80m for 21-year-old Jane Roe (right)")
    assert is_picture_caption("Jane Roe (L) and Mia Holt (R) at the quay on Sunday")
    assert not is_picture_caption("Jane Roe (pictured) said on Monday the ferry would run again.")
    assert not is_picture_caption("Turn right at the quay")


def test_another_storys_headline_glued_to_a_paragraphs_end_is_cut_off() -> None:
    paragraph = "The club could return with another offer for the defender if the harbour side will sell."
    glued = f"{paragraph} Ferry Strike News: Port Calder Close To Signing Striker From Harbour City"
    assert without_glued_headline(glued) == paragraph
    assert without_glued_headline(paragraph) == paragraph
    dates = "Aug. 2 -- Harbour Hall, Port Calder, Quayside County"  # a tour date, not a glued headline
    assert without_glued_headline(dates) == dates


@pytest.mark.parametrize("line", ["Home Top Ad", "Post Bottom Ad", "Sidebar Ads", "Scroll for more content…"])
def test_a_templates_ad_slots_and_scroll_prompts_are_ad_labels(line: str) -> None:
    assert is_ad_label(line)


def test_a_one_word_ad_or_a_headline_with_ad_is_not_a_slot() -> None:
    assert not is_ad_label("Harbour Council Bans Billboard Ad")
    assert not is_ad_label("Top Stories")


def test_cms_placeholders_inside_a_paragraph_are_cut_out_and_an_editors_brackets_stay() -> None:
    assert without_shortcodes("[post_ads]The council said [sic] it would reopen the quay.") == (
        "The council said [sic] it would reopen the quay."
    )
    assert without_shortcodes("The ferry [ad_1] left at dawn.") == "The ferry left at dawn."


def test_a_caption_printed_twice_on_one_line_is_read_once() -> None:
    from newstrace.extract.furniture import doubled_caption

    once = "Divers at the quay at dawn."
    assert doubled_caption(f"{once} {once}") == once
    assert doubled_caption("Divers at dawn. Divers at dawn.") is None  # too short to tell
    assert doubled_caption("The ferry ran aground. The crew was rescued.") is None


def test_a_share_bars_label_is_furniture_and_a_sentence_on_shares_is_not() -> None:
    from newstrace.extract.furniture import is_share_label

    labels = ["Share via", "Share this article", "Share on Facebook", "Share:"]
    assert all(is_share_label(text) for text in labels)
    assert not any(is_share_label(text) for text in ["Share prices fell", "Shares in Harbour Wire rose"])


def test_a_stray_comma_opening_a_paragraph_is_dropped() -> None:
    from newstrace.extract.furniture import without_stray_comma

    lead = "PORT CALDER, May 6 – The ferry ran aground."
    assert without_stray_comma(f", {lead}") == lead
    assert without_stray_comma(lead) == lead
