"""Direct, partial, nested and multi-paragraph quotes."""

from __future__ import annotations

from newstrace.analyse.quotes import find_quotes


def quotes(text: str) -> list[str]:
    return [span.text for span in find_quotes(text)]


def test_straight_and_curly_double_quotes() -> None:
    text = 'He said: "Go home." She said: “Stay here.”'
    assert quotes(text) == ['"Go home."', "“Stay here.”"]


def test_partial_single_quotes_and_apostrophes() -> None:
    text = "A 'tidal wave' of people fled Kim Jong-un's country, we're told, to ‘escape’."
    assert quotes(text) == ["'tidal wave'", "‘escape’"]


def test_nested_quotes() -> None:
    text = "“He told me ‘never again’ and left,” she said."
    assert quotes(text) == ["“He told me ‘never again’ and left,”", "‘never again’"]


def test_quote_running_over_paragraphs() -> None:
    text = '"First paragraph of the quote.\n\n"Second paragraph, still quoting.\n\n"Last one." He left.'
    found = find_quotes(text)
    assert len(found) == 1
    assert found[0].text.startswith('"First') and found[0].text.endswith('Last one."')


def test_unclosed_quote_ends_at_its_paragraph() -> None:
    text = '"An unclosed quote here.\n\nA plain paragraph.'
    assert quotes(text) == ['"An unclosed quote here.']


def test_offsets_match() -> None:
    text = "Officials called it a “routine” check."
    (span,) = find_quotes(text)
    assert text[span.start : span.end] == span.text == "“routine”"


def test_german_low_marks_close_with_the_high_mark() -> None:
    text = "Teams hätten eine Art „Klopfen“ gehört, hieß es. Das Schiff ‚Atalante‘ fuhr los. Er sagte “ja”."
    assert [q.text for q in find_quotes(text)] == ["„Klopfen“", "‚Atalante‘", "“ja”"]


def test_a_straight_mark_before_punctuation_closes_even_after_a_space() -> None:
    text = '" Abbiamo sentito dei colpi nella zona ", ha twittato la Guardia costiera.'
    assert [q.text for q in find_quotes(text)] == ['" Abbiamo sentito dei colpi nella zona "']
