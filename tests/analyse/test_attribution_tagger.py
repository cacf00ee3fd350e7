"""The attribution tagger: packaged model without text, BIO decoding, rule marks, and the pipeline."""

from __future__ import annotations

import json
from importlib import resources

from newstrace.analyse.attribution import Attribution, find_attributions
from newstrace.analyse.attribution_tagger import (
    RoleMark,
    TaggedSpan,
    TaggerInput,
    load_tagger,
    sentence_view,
    spans_of,
)
from newstrace.analyse.lexicon import tokenize
from newstrace.records import Span


def test_model_is_packaged_with_a_common_word_vocabulary() -> None:
    tagger = load_tagger()
    assert tagger is not None
    assert all(0.0 < t <= 1.0 for t in tagger.thresholds.values())
    # the vocabulary is common lower-case English words: no names, no numbers, no phrases
    assert 500 < len(tagger.vocabulary) < 10_000
    assert all(word.isalpha() and word.islower() for word in tagger.vocabulary)
    meta_file = resources.files("newstrace.data").joinpath("claims/attribution_tagger.json")
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    assert "PolNeAR train" in meta["_note"]


def test_spans_of_bio_tags() -> None:
    tags = ["B-source", "I-source", "B-cue", "O", "I-content", "I-content", "B-content", "O"]
    assert spans_of(tags) == [
        TaggedSpan("source", 0, 1),
        TaggedSpan("cue", 2, 2),
        TaggedSpan("content", 4, 5),
        TaggedSpan("content", 6, 6),
    ]
    assert spans_of([]) == []


def test_sentence_view_marks_rule_roles_and_quotes() -> None:
    text = 'Smith said "we will win" today.'
    sentence = Span(0, len(text), text)
    tokens = tokenize(text)
    marks = [RoleMark("source", Span(0, 5, "Smith")), RoleMark("cue", Span(6, 10, "said"))]
    marks.append(RoleMark("content", Span(11, 24, '"we will win"')))
    view = sentence_view(TaggerInput(sentence, tokens, [None] * len(tokens)), marks, [Span(11, 24, "")])
    assert view.rule_tags[:4] == ["B-source", "B-cue", "B-content", "I-content"]
    assert view.rule_tags[-2:] == ["O", "O"]
    assert view.quoted[3] == "d" and view.quoted[0] == ""


def test_tagged_pipeline_finds_source_cue_and_content() -> None:
    text = "The governor said on Monday that the budget would be balanced by next year."
    (found,) = find_attributions(text, tagged=True)
    assert found.cue.text == "said"
    assert found.source is not None and "governor" in found.source.text
    assert found.content is not None and "budget" in found.content.text
    assert found.source_kind == "person"


def test_tagged_pipeline_offsets_point_into_the_text() -> None:
    text = (
        'Officials said the bridge would reopen. "It is safe," the engineer told reporters.\n\n'
        "According to the ministry, repairs cost more than planned."
    )
    found = find_attributions(text, tagged=True)
    assert len(found) >= 3
    for attribution in found:
        for span in (attribution.cue, attribution.source, attribution.content):
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_rules_alone_by_default() -> None:
    text = "The police spokesman said that two people were arrested."
    (rule,) = find_attributions(text)
    assert rule.cue.text == "said" and not rule.learned and rule.cue_phrase is None


def test_seed_page_sources_with_the_tagger(seed_text: str) -> None:
    """The seed page's acceptance sources hold on the tagged pipeline too (no rule names them)."""
    found = find_attributions(seed_text, tagged=True)

    def at(fragment: str) -> list[Attribution]:
        """The attributions whose cue is in the paragraph holding ``fragment``."""
        where = seed_text.index(fragment)
        start, end = seed_text.rfind("\n", 0, where) + 1, seed_text.find("\n", where)
        return [a for a in found if start <= a.cue.start < end]

    assert any(a.source_kind == "anonymous" and a.passive for a in at("is reported to be sending troops"))
    assert any(a.source_kind == "footage" for a in at("purportedly shows"))
    assert any(a.source_name == "primemedia.ru" and a.source_kind == "outlet" for a in at("primemedia.ru"))
    assert any(a.source_name == "Rex Tillerson" and a.resolved for a in at("He said:"))
    assert any(a.source_name == "Kim Jong-un" and a.cue.text == "promised" for a in at("super-mighty"))
