"""Quotations read by the shape of their marks: curly and straight, single and double, apostrophes
left alone, a quotation of several paragraphs running to its paragraph's end."""

from __future__ import annotations

from newstrace.trace.quotations import mask_quotes, quotation_spans


def _quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in quotation_spans(text)]


def test_curly_single_quotes_with_apostrophes_inside() -> None:
    text = "A friend told the Harbour Post: ‘She isn’t moving back, and the boat’s sold.’ Nobody else spoke."
    assert _quoted(text) == ["‘She isn’t moving back, and the boat’s sold.’"]


def test_straight_single_quotes_and_apostrophes() -> None:
    text = "The mayor's aide said: 'We don't expect the bridge to reopen in June.' The players' union agreed."
    assert _quoted(text) == ["'We don't expect the bridge to reopen in June.'"]


def test_a_quotation_of_several_paragraphs_opens_each_and_closes_the_last() -> None:
    text = (
        "A neighbour said: ‘There has been noise from the yard for weeks. The gates stay open at night.\n\n"
        "‘It is not the first time either.’\n\nThe council has not replied."
    )
    assert _quoted(text) == [
        "‘There has been noise from the yard for weeks. The gates stay open at night.",
        "‘It is not the first time either.’",
    ]


def test_mixed_marks_pair_and_a_single_mark_inside_a_double_quotation_is_part_of_it() -> None:
    text = "He insisted: ‘We’ll always be a crew' and left. “Call it ‘resting’ if you like,” she said."
    assert _quoted(text) == ["‘We’ll always be a crew'", "“Call it ‘resting’ if you like,”"]


def test_mask_keeps_offsets_and_the_reporters_words() -> None:
    text = "The port said \"no ship was damaged\" on Monday, and ``nothing else''."
    masked = mask_quotes(text)
    assert len(masked) == len(text)
    assert "damaged" not in masked and "nothing" not in masked and "Monday" in masked


def test_mask_quotes_keeps_offsets() -> None:
    text = "He said \"we will leave\" on Monday and ``nothing else''."
    masked = mask_quotes(text)
    assert len(masked) == len(text)
    assert "leave" not in masked and "nothing" not in masked and "Monday" in masked


def test_a_quotation_closed_in_the_next_paragraph_runs_on_to_its_close() -> None:
    text = (
        "“The nets are safe and have been for decades.\n\nAs shown by years of use,” said Jan Roe.\n\n"
        "The council met on Monday."
    )
    assert _quoted(text) == ["“The nets are safe and have been for decades.\n\nAs shown by years of use,”"]
