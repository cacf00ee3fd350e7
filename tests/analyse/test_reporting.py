"""Which reporting cue frames a sentence, and whether it reports content."""

from __future__ import annotations

from newstrace.analyse.attribution import find_attributions
from newstrace.analyse.lexicon import load_lexicon
from newstrace.analyse.quotes import find_quotes
from newstrace.analyse.reporting import main_attribution, reports_content, trailing_report
from newstrace.analyse.sentences import split_sentences


def test_a_closing_outlet_and_verb_attributes_the_sentence() -> None:
    text = "The talks collapsed after midnight, the Evening Times reports."
    (sentence,) = split_sentences(text)
    attribution = trailing_report(0, sentence, load_lexicon("en"))
    assert attribution is not None
    assert attribution.source is not None and attribution.source.text == "the Evening Times"
    assert attribution.source_kind == "outlet"


def test_a_later_cue_whose_content_holds_the_first_frames_the_sentence() -> None:
    text = "A witness told police that the car was speeding, the prosecutor said."
    lexicon = load_lexicon("en")
    (sentence,) = split_sentences(text)
    found, quotes = find_attributions(text), find_quotes(text)
    chosen = main_attribution(
        0, sentence, found, quotes, lambda a: reports_content(a, text, lexicon, sentence, quotes)
    )
    assert chosen is not None and chosen.source is not None and chosen.source.text == "the prosecutor"


def test_an_order_reports_no_content() -> None:
    text = "The officer told her to leave the building."
    (sentence,) = split_sentences(text)
    (attribution,) = find_attributions(text)
    assert not reports_content(attribution, text, load_lexicon("en"), sentence, find_quotes(text))


def test_a_quote_after_a_purpose_clause_is_not_the_cues_content() -> None:
    lexicon = load_lexicon("en")
    for text, reported in [
        ('Harbourtown council released a plan to fix a "zero-day" flaw in its ticket site.', False),
        ('Harbourtown council called the plan "a costly mistake" on Monday.', True),
    ]:
        (sentence,) = split_sentences(text)
        (attribution,) = find_attributions(text)
        assert reports_content(attribution, text, lexicon, sentence, find_quotes(text)) is reported, text
