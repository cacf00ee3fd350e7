"""Text reuse: aligned passages, shares, the shipped classifier and the story index."""

from __future__ import annotations

import json
from pathlib import Path

from newstrace.trace.reuse import (
    ReuseIndex,
    align_reuse,
    classify_reuse,
    reuse_features,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "provenance_story.jsonl"


def _ecb_texts() -> list[str]:
    records = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    return [r["title"] + "\n\n" + "\n\n".join(r["body"]) for r in records if "body" in r]


def test_identical_text_is_one_passage_covering_both() -> None:
    text = _ecb_texts()[1]
    alignment = align_reuse(text, text)
    assert len(alignment.passages) == 1
    assert alignment.a_share == 1.0 and alignment.b_share == 1.0
    passage = alignment.passages[0]
    assert text[passage.a_start : passage.a_end] == text[passage.b_start : passage.b_end]


def test_light_edits_keep_one_passage_and_offsets_point_at_the_words() -> None:
    source = _ecb_texts()[1]
    words = source.split()
    edited = " ".join(w if i % 12 else "changed" for i, w in enumerate(words))  # one word in twelve
    alignment = align_reuse("An added opening line here. " + edited, source)
    assert alignment.a_share > 0.8
    assert len(alignment.passages) <= 3
    first = alignment.passages[0]
    assert (
        alignment.passages
        and "An added" not in ("An added opening line here. " + edited)[first.a_start : first.a_end]
    )


def test_unrelated_texts_share_nothing() -> None:
    texts = _ecb_texts()
    alignment = align_reuse(
        texts[1], "Markets fell sharply on Monday as investors weighed fresh data on inflation."
    )
    assert alignment.passages == [] and alignment.a_share == 0.0


def test_classifier_orders_copy_light_and_independent() -> None:
    texts = _ecb_texts()
    original, copy, rewrite, independent = texts[0], texts[2], texts[3], texts[6]
    assert classify_reuse(reuse_features(copy, original)) == "copy"
    assert classify_reuse(reuse_features(rewrite, original)) in {"light", "heavy"}
    assert classify_reuse(reuse_features(independent, original)) == "independent"


def test_index_returns_only_overlapping_texts_as_candidates() -> None:
    texts = _ecb_texts()
    index = ReuseIndex.empty()
    assert index.add("a", texts[0]) == []
    assert (
        index.add("b", "Markets fell sharply on Monday as investors weighed fresh data on inflation.") == []
    )
    candidates = index.add("c", texts[2])  # a copy of "a"
    assert [c.key for c in candidates] == ["a"]
    assert "c" in index and index.align("c", "a").a_share > 0.9
