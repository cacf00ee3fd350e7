"""Line cues shared by the text and HTML paths: cited sources, topics, captions, picture credits."""

from __future__ import annotations

import pytest

from newstrace.extract.cues import (
    is_image_credit_line,
    is_promo,
    names_own_site,
    parse_cited_sources,
    parse_closing_credit,
    parse_image_credit,
    parse_topics,
    split_caption_credit,
)
from newstrace.records import Caption


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Source: The Evening Courier and example.org", ["The Evening Courier", "example.org"]),
        ("Sources: Reuters, AP", ["Reuters", "AP"]),
        ("SOURCE: Wire News", ["Wire News"]),
        ("Via: https://www.example.co.uk/news/123", ["example.co.uk"]),
        ("From Reuters:", ["Reuters"]),
        ("Quelle: dpa", ["dpa"]),
        ("Источник: РИА Новости", ["РИА Новости"]),
        ("Fonte: Ansa e Adnkronos", ["Ansa", "Adnkronos"]),
        ("Fuente: EFE y Europa Press", ["EFE", "Europa Press"]),
        ("Sursa: Agerpres", ["Agerpres"]),
        ("المصدر: الجزيرة", ["الجزيرة"]),
    ],
)
def test_cited_source_lines_are_split_into_outlets(line: str, expected: list[str]) -> None:
    assert parse_cited_sources(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "The source of the leak was never found.",
        "Source: a person familiar with the matter said. He declined to say more about the talks today.",
        "From the archive we learn a great deal about the period and the people who lived through it",
        "",
    ],
)
def test_other_lines_are_not_cited_sources(line: str) -> None:
    assert parse_cited_sources(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Topics: Elections, Economy, Foreign Policy", ["Elections", "Economy", "Foreign Policy"]),
        ("Tags: climate | energy", ["climate", "energy"]),
        ("Themen: Politik, Wirtschaft", ["Politik", "Wirtschaft"]),
        ("Теги: выборы, экономика", ["выборы", "экономика"]),
        ("Etiquetas: fútbol, Liga", ["fútbol", "Liga"]),
    ],
)
def test_topic_lines(line: str, expected: list[str]) -> None:
    assert parse_topics(line) == expected


def test_prose_is_not_a_topic_line() -> None:
    assert parse_topics("The topics discussed included trade and security.") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Crowds gathered outside. Credit: PA", Caption("Crowds gathered outside.", "PA")),
        ("A man walks past. Photograph: Jane Roe/Reuters", Caption("A man walks past.", "Jane Roe/Reuters")),
        (
            "The harbour at dawn (Photo by John Doe/Getty Images)",
            Caption("The harbour at dawn", "John Doe/Getty Images"),
        ),
        ("Demonstranten in Berlin | Foto: dpa", Caption("Demonstranten in Berlin", "dpa")),
    ],
)
def test_captions_keep_their_credit(line: str, expected: Caption) -> None:
    assert split_caption_credit(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "He said the photo: was not his.",  # lower-case label inside a sentence
        "Credit: PA",  # a credit alone is not a caption
        "Site map. © 2019 Example Media, All Rights Reserved",  # a footer, not a picture credit
    ],
)
def test_non_captions(line: str) -> None:
    assert split_caption_credit(line) is None


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Featured Image Credit: YouTube/Agency", "YouTube/Agency"),
        ("Photo: Getty", "Getty"),
        ("Image source, Reuters", "Reuters"),
        ("Фото: ТАСС", "ТАСС"),
        ("© Reuters", "Reuters"),
    ],
)
def test_image_credit_lines(line: str, credit: str) -> None:
    assert is_image_credit_line(line)
    assert parse_image_credit(line) == credit


def test_body_sentences_are_not_image_credits() -> None:
    line = "The photo was taken on Tuesday by a passer-by who then posted it online."
    assert not is_image_credit_line(line)
    assert parse_image_credit(line) is None


def test_agency_credit_notes_and_labelled_captions() -> None:
    line = "Ferries at the quay. (Photo by Jane Doe / AFP) (Photo credit should read JANE DOE/AFP via Getty)"
    assert split_caption_credit(line) == Caption(text="Ferries at the quay.", credit="Jane Doe / AFP")
    labelled = split_caption_credit("Legende: Die Fähre am Kai. Keystone")
    assert labelled == Caption(text="Die Fähre am Kai.", credit="Keystone")


def test_agency_credits_in_brackets_and_described_pictures() -> None:
    line = "This photo provided by the harbour office shows the lifeboat.   (Harbour Office via AP)"
    text = "This photo provided by the harbour office shows the lifeboat."
    caption = Caption(text, "Harbour Office via AP")
    assert split_caption_credit(line) == caption
    assert parse_image_credit("(AP Photo/Jane Roe)") == "AP Photo/Jane Roe"
    assert parse_image_credit("Representational image by Jane Roe on Unsplash") == "Jane Roe on Unsplash"
    assert split_caption_credit("The talks ended without a deal (Reuters)") is None  # a body line's agency
    named = split_caption_credit("Divers search the reef at dawn. (Jane Roe/AP)")
    assert named == Caption("Divers search the reef at dawn.", "Jane Roe/AP")
    first = split_caption_credit("Divers search the reef at dawn. UPI/Jane Roe | License Photo")
    assert first == Caption("Divers search the reef at dawn.", "UPI/Jane Roe")
    assert split_caption_credit("The vote was close, the AP said, 52/48 in the end.") is None


def test_orders_to_follow_or_write_in_are_promotions() -> None:
    assert is_promo("Follow BBC Harbour on Facebook, Twitter, or Instagram.", addressed=True)
    assert is_promo("Send your story ideas to harbour@example.org.", addressed=True)
    assert not is_promo("Police will follow the suspect on foot through the park.", addressed=True)


def test_a_source_line_after_a_layout_slash_names_its_outlets() -> None:
    assert parse_cited_sources("/ Source: Harbour Wire") == ["Harbour Wire"]
    assert parse_cited_sources("| Via: Coast Radio and example.org") == ["Coast Radio", "example.org"]
    assert parse_cited_sources("/ Sources say the ferry will run.") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # alt text, credit and caption run together on one line
        ("The lifeboat leaves the quay. Gazette The lifeboat leaves the quay.",
         Caption("The lifeboat leaves the quay.", "Gazette")),
        # a second credit after the first, whose year is no reason to drop the caption
        ("Divers at the reef. (Photo by Jane Roe/Getty Images) (Photo: Jane Roe, 2017 Getty Images)",
         Caption("Divers at the reef.", "Jane Roe/Getty Images")),
        # the owner's credit in brackets, after a list of names
        ("Capt. Mia Holt and Sgt. Cy Dale  (Harbour Office photos)",
         Caption("Capt. Mia Holt and Sgt. Cy Dale", "Harbour Office")),
        # the credit glued to the caption's last full stop
        ("Mia Holt speaks at the quay on May 2, 2023.Jane Roe / AP file",
         Caption("Mia Holt speaks at the quay on May 2, 2023.", "Jane Roe / AP file")),
    ],
)  # fmt: skip
def test_captions_printed_twice_or_with_two_credits_or_an_owners_credit(line: str, expected: Caption) -> None:
    assert split_caption_credit(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "The ferry left at noon. Then the ferry left at noon.",  # a sentence repeated is no caption
        "The crews were told to bring their own (spare photos).",  # lower case: no owner
        "He met the crew in the U.S.Navy base on Tuesday and left.",
    ],
)
def test_lines_shaped_almost_like_those_captions_are_not_captions(line: str) -> None:
    assert split_caption_credit(line) is None


def test_slashed_agency_credits_are_credit_lines_and_a_poll_headline_is_not() -> None:
    for line in ("Jane Roe/Getty Images Entertainment/Getty Images", "Mia Holt/MG19/Getty Images"):
        assert is_image_credit_line(line) and parse_image_credit(line) == line
    assert not is_image_credit_line("Reuters/Harbour Poll Shows Mayor Ahead")


@pytest.mark.parametrize(
    ("name", "site", "site_name"),
    [
        ("quaysidefm.com", "quaysidefm.com", None),
        ("www.quaysidefm.com", "quaysidefm.com", None),
        ("Quayside FM", "quaysidefm.com", None),
        ("Harbour Gazette GH", "harbourgazettegh.com", None),
        ("HBC", "hbc.co.uk", None),
        ("The Quay", None, "The Quay"),
    ],
)
def test_a_site_crediting_itself(name: str, site: str | None, site_name: str | None) -> None:
    assert names_own_site(name, site, site_name)


def test_other_outlets_and_pages_without_an_address_are_not_the_site() -> None:
    assert not names_own_site("Harbour Wire", "quaysidefm.com")
    assert not names_own_site("quaysidefm.com", None)
    assert not names_own_site("co", "hbc.co.uk")


def test_a_breadcrumb_cut_short_names_no_source() -> None:
    assert parse_cited_sources("Source: Harbourland/") is None
    assert parse_cited_sources("Source: Harbourland/ and Harbour Wire") == ["Harbour Wire"]


def test_audio_players_and_app_downloads_are_prompts_to_the_reader() -> None:
    assert is_promo("Listen to this article", addressed=True)
    assert is_promo("Download our blog’s APP from the store using the link here>>>", addressed=True)
    assert not is_promo("Divers listen to the hull for signs of life.", addressed=True)


def test_a_copyright_sign_glued_to_a_caption_without_a_stop_is_its_credit() -> None:
    line = "Jane Roe celebrates her first goal with the coach on March 17, 2022© Harbour Wire"
    expected = Caption("Jane Roe celebrates her first goal with the coach on March 17, 2022", "Harbour Wire")
    assert split_caption_credit(line) == expected
    assert split_caption_credit("All content © Harbour Media") is None  # a footer, not a caption


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("-HarbourSports", "HarbourSports"),
        ("By: HarbourSports", "HarbourSports"),
        ("— Reuters", "Reuters"),
        ("- AFP", "AFP"),
        ("– Harbour Sports", "Harbour Sports"),
        ("By The Quayside Clarion", "The Quayside Clarion"),
        ("-harbourwire.example", None),  # not capitalised: a slug, not a credit
        ("— Jane Roe", None),  # a person's signature
        ("By Jane Roe", None),  # a byline
        ("- Next Harbour News", None),  # a link to the next story
        ("- The ferry sank", None),  # a sentence
    ],
)
def test_closing_credits_name_outlets_not_people(line: str, outlet: str | None) -> None:
    assert parse_closing_credit(line) == outlet


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The quay at dawn, before the ferry left. jdoe/Harbour Stock", Caption(
            "The quay at dawn, before the ferry left.", "jdoe/Harbour Stock")),  # a photographer's handle
        ("Divers at the reef on May 3, 2023. jane.photo via picturebank", Caption(
            "Divers at the reef on May 3, 2023.", "jane.photo via picturebank")),
        ("Crews cleared the road that was closed on Saturday. Photo courtesy Harbour Fire/Social |", Caption(
            "Crews cleared the road that was closed on Saturday.", "Harbour Fire/Social")),
        ("The old lighthouse at Port Calder, where the ferry ran aground.Harbourpedia", Caption(
            "The old lighthouse at Port Calder, where the ferry ran aground.", "Harbourpedia")),  # glued on
    ],
)  # fmt: skip
def test_captions_credited_to_a_handle_a_courtesy_or_a_glued_name(line: str, expected: Caption) -> None:
    assert split_caption_credit(line) == expected


def test_sentences_ending_in_a_name_or_via_are_no_captions() -> None:
    assert split_caption_credit("The ferry left at dawn. Readers wrote in via email") is None
    assert split_caption_credit("The vote was held. Then Jane Roe Spoke To The Crowd Outside") is None


def test_a_source_label_over_a_pictures_credit_credits_the_picture() -> None:
    line = "Source: © Jane Roe/Alamy"
    assert parse_cited_sources(line) is None
    assert is_image_credit_line(line)
    assert parse_image_credit(line) == "Jane Roe/Alamy"
    assert is_image_credit_line("jdoe/Alamy")  # a photographer's lower-case handle
    assert not is_image_credit_line("and/or Alamy")


def test_a_source_line_naming_an_article_by_its_headline_names_no_outlet() -> None:
    headline = "Source: Harbour Study Links Tea To Better Sleep; ‘Drink Less,’ Lead Author Says"
    assert parse_cited_sources(headline) == []
    assert parse_cited_sources("Source: Quayside Courier") == ["Quayside Courier"]


def test_a_web_address_by_number_names_no_outlet() -> None:
    from newstrace.extract.cues import site_of

    assert site_of("https://www.quaysidecourier.example/news/ferry") == "quaysidecourier.example"
    assert site_of("http://203.0.113.7/world/ferry-runs-aground.html") is None
    assert site_of("http://[2001:db8::1]/world/ferry") is None


def test_a_line_naming_whose_photo_it_is_credits_it() -> None:
    from newstrace.extract.cues import is_owner_credit, parse_image_credit

    assert is_owner_credit("Harbour Wire photo")
    assert parse_image_credit("Harbour Wire photo") == "Harbour Wire"
    assert parse_image_credit("AP Photo") == "AP"
    assert not is_owner_credit("The best photo")


def test_a_staff_photographer_and_their_station_credit_a_picture() -> None:
    assert is_image_credit_line("Ada Marsh / Harbour Public Radio News")
    assert not is_image_credit_line("Sports / Local News")  # a section path, no one's picture
