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


def test_curly_double_marks_opening_each_paragraph_continue_the_quotation_left_open() -> None:
    text = (
        "The warden said: “Nine nests may seem few, but they are the first in decades.\n\n"
        "“This survey finds the marsh is a main refuge for the birds.\n\n"
        "“What worries us is the rising water.”\n\nThe count was paid for by a trust."
    )
    spans = quotation_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "“Nine nests may seem few, but they are the first in decades.",
        "“This survey finds the marsh is a main refuge for the birds.",
        "“What worries us is the rising water.”",
    ]
    assert [s.continues for s in spans] == [False, True, True]


def test_a_paragraph_opening_another_kind_of_mark_starts_its_own_quotation() -> None:
    text = "He called the plan ‘a blunder.\n\n“We are ready for the vote,” said the mayor."
    spans = quotation_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["‘a blunder.", "“We are ready for the vote,”"]
    assert not any(s.continues for s in spans)


def test_a_left_double_mark_before_a_comma_closes_the_quotation() -> None:
    text = "“We will open the pier in May, and the kiosk a week later “, the harbour master said."
    assert _quoted(text) == ["“We will open the pier in May, and the kiosk a week later “"]
