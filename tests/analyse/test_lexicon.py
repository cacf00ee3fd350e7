"""Tokens as the attribution rules see them."""

from __future__ import annotations

import pytest

from newstrace.analyse.lexicon import tokenize


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("the Holts' lawyer", ["the", "Holts'", "lawyer"]),
        ("voters’ worries", ["voters’", "worries"]),
        ("he called them 'cowards' and left", ["he", "called", "them", "'", "cowards", "'", "and", "left"]),
        ("'We won the games' he said", ["'", "We", "won", "the", "games", "'", "he", "said"]),
        ("Mr. J. Holt paid 3,000 euros.", ["Mr.", "J.", "Holt", "paid", "3,000", "euros", "."]),
    ],
)
def test_plural_possessives_are_words_and_single_quotes_stay_quotes(text: str, words: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == words
