"""Sentence splitting on news typography."""

from __future__ import annotations

from newstrace.analyse.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [span.text for span in split_sentences(text)]


def test_offsets_point_into_the_text() -> None:
    text = "First one here.  Second one follows!\n\nA new paragraph?"
    for span in split_sentences(text):
        assert text[span.start : span.end] == span.text
    assert texts(text) == ["First one here.", "Second one follows!", "A new paragraph?"]


def test_abbreviations_and_initials_do_not_split() -> None:
    text = "Mr. Smith met Dr. J. K. Rowling in the U.S. on Jan. 5 at 3.5 p.m. yesterday. She left."
    assert texts(text) == [
        "Mr. Smith met Dr. J. K. Rowling in the U.S. on Jan. 5 at 3.5 p.m. yesterday.",
        "She left.",
    ]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = 'He said: "We are leaving." Then he left.'
    assert texts(text) == ['He said: "We are leaving."', "Then he left."]


def test_quote_followed_by_lower_case_attribution_is_one_sentence() -> None:
    assert texts('"Stop it!" she shouted at them. They stopped.') == [
        '"Stop it!" she shouted at them.',
        "They stopped.",
    ]


def test_domain_names_do_not_split() -> None:
    assert texts("The site example.ru wrote about it. Others agreed.") == [
        "The site example.ru wrote about it.",
        "Others agreed.",
    ]


def test_paragraph_break_always_ends_a_sentence() -> None:
    assert texts("A heading without a stop\nThe body starts here.") == [
        "A heading without a stop",
        "The body starts here.",
    ]


def test_hard_wrapped_line_is_not_a_paragraph() -> None:
    assert texts("He said the plan\nwould fail. It did.") == ["He said the plan\nwould fail.", "It did."]


def test_japanese_splits_on_full_width_stops() -> None:
    text = "当局によると、死者数は1万6035人となった。「救助は続く」と述べた。国営メディアが伝えた！本当か？"
    spans = split_sentences(text, "ja")
    assert [s.text for s in spans] == [
        "当局によると、死者数は1万6035人となった。",
        "「救助は続く」と述べた。",
        "国営メディアが伝えた！",
        "本当か？",
    ]
    for span in spans:
        assert text[span.start : span.end] == span.text


def test_quoted_stop_inside_a_japanese_sentence_does_not_split() -> None:
    text = (
        "彼は「帰る。」と言った。社長は「深くお詫びする。責任を痛感している」と述べた。"
        + "Then he left. It was late."
    )
    assert texts(text) == [
        "彼は「帰る。」と言った。",
        "社長は「深くお詫びする。責任を痛感している」と述べた。",
        "Then he left.",
        "It was late.",
    ]


def test_german_day_number_before_a_month_does_not_split() -> None:
    text = (
        "Die Dali legte am 26. März um ein Uhr ab. Am 29. Dezember 2024 stürzte ein Flugzeug ab. "
        "Es war der 3. Der Rest folgt."
    )
    assert [s.text for s in split_sentences(text, "de")] == [
        "Die Dali legte am 26. März um ein Uhr ab.",
        "Am 29. Dezember 2024 stürzte ein Flugzeug ab.",
        "Es war der 3.",
        "Der Rest folgt.",
    ]


def test_plural_ranks_before_names_do_not_split() -> None:
    text = (
        "Lost at sea were Sgt. Ann Lee and Staff Sgts. Bo Chen, Cy Dale and Di Eve. Reps. Fay Gill and "
        "Hal Ives asked why. Lts. Ivo Jax and Kim Lo agreed. He did ten reps. Then he rested."
    )
    assert texts(text) == [
        "Lost at sea were Sgt. Ann Lee and Staff Sgts. Bo Chen, Cy Dale and Di Eve.",
        "Reps. Fay Gill and Hal Ives asked why.",
        "Lts. Ivo Jax and Kim Lo agreed.",
        "He did ten reps.",
        "Then he rested.",
    ]
