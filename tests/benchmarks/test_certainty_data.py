"""The certainty test set: every sentence resolves from the shared data and carries a valid label."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from benchmark_scripts import load_benchmark

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "benchmarks" / "data" / "certainty"




@pytest.fixture(scope="module")
def certainty_data() -> ModuleType:
    return load_benchmark("certainty_data")


@pytest.fixture(scope="module")
def gold(certainty_data: ModuleType, shared_dir: Path) -> list:
    return certainty_data.load_certainty_gold(shared_dir)


def test_every_sentence_resolves_with_text(gold: list) -> None:
    assert len(gold) >= 300
    assert all(sentence.text.strip() for sentence in gold)
    assert len({sentence.id for sentence in gold}) == len(gold)


def test_polnear_hashes_match_and_no_polnear_text_is_stored(gold: list, certainty_data: ModuleType) -> None:
    polnear = [sentence for sentence in gold if sentence.corpus == "polnear"]
    assert len(polnear) >= 150
    assert all(certainty_data.sha1(sentence.text) for sentence in polnear)
    stored = (DATA / "sentences.jsonl").read_text(encoding="utf-8")
    assert all(sentence.text not in stored for sentence in polnear)
    for line in stored.splitlines():
        row = json.loads(line)
        if row["corpus"] == "polnear":
            assert "text" not in row and "context" not in row


def test_wrong_offsets_are_rejected(certainty_data: ModuleType, shared_dir: Path) -> None:
    rows = certainty_data.read_jsonl(DATA / "sentences.jsonl")
    row = next(row for row in rows if row["corpus"] == "polnear")
    shifted = {**row, "start": int(row["start"]) + 1}
    with pytest.raises(certainty_data.CertaintyDataError):
        certainty_data.resolve_polnear(shifted, shared_dir)


def test_every_label_is_one_of_the_six(gold: list, certainty_data: ModuleType) -> None:
    labels = set(certainty_data.LABELS)
    assert all(sentence.primary in labels for sentence in gold)
    assert all(set(sentence.alternatives) <= labels for sentence in gold)
    assert all(sentence.primary not in sentence.alternatives for sentence in gold)


def test_both_corpora_and_both_strata_are_present(gold: list) -> None:
    counts = Counter((sentence.corpus, sentence.stratum) for sentence in gold)
    assert counts[("ecbplus", "random")] >= 150
    assert counts[("polnear", "random")] >= 150
    assert counts[("ecbplus", "supplement")] > 0 and counts[("polnear", "supplement")] > 0


def test_ecbplus_sentences_are_copied_unchanged(gold: list, shared_dir: Path) -> None:
    path = shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl"
    lines_by_doc = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        lines_by_doc[doc["id"]] = [text for text in doc["text"].split("\n") if text.strip()]
    rows = {row["id"]: row for row in map(json.loads, (DATA / "sentences.jsonl").read_text().splitlines())}
    for sentence in gold:
        if sentence.corpus == "ecbplus":
            row = rows[sentence.id]
            assert lines_by_doc[row["doc"]][row["sentence_index"]] == sentence.text
