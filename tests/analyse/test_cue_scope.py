"""Where a certainty cue has scope: the main clause, not a relative clause, a noun or an idiom."""

from __future__ import annotations

import re

from newstrace.analyse.cue_scope import in_main_clause, inside_noun_phrase, no_prediction, reduced_relative
from newstrace.analyse.lexicon import load_lexicon


def _cue(sentence: str, cue: str) -> re.Match[str]:
    match = re.search(rf"\b{re.escape(cue)}\b", sentence)
    assert match is not None
    return match


def test_a_cue_in_a_relative_clause_is_not_in_the_main_clause() -> None:
    lexicon = load_lexicon("en")
    inside = "Police searched the firm where the gunman was believed to work."
    assert not in_main_clause(inside, _cue(inside, "believed to"), lexicon)
    main = "The gunman is believed to have worked at the firm."
    assert in_main_clause(main, _cue(main, "believed to"), lexicon)


def test_a_hedge_on_a_noun_and_a_participle_after_a_noun() -> None:
    lexicon = load_lexicon("en")
    adjective = "The alleged killer was serving a life sentence."
    assert inside_noun_phrase(adjective, _cue(adjective, "alleged"), lexicon)
    participle = "A report expected to shed light on the crash was delayed."
    assert reduced_relative(participle, _cue(participle, "expected"), lexicon)


def test_modals_that_predict_nothing() -> None:
    inability = "He could not avoid the subject."
    assert no_prediction(inability, _cue(inability, "could"))
    possibility = "He could avoid the subject."
    assert not no_prediction(possibility, _cue(possibility, "could"))


def test_a_hedge_on_an_added_detail_is_not_on_the_main_claim() -> None:
    lexicon = load_lexicon("en")
    sentence = "Three people died in the fire, reportedly including a child."
    assert inside_noun_phrase(sentence, _cue(sentence, "reportedly"), lexicon)
