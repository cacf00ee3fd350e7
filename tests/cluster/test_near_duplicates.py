"""MinHash LSH near-duplicates on real ECB+ text (Cybulska & Vossen 2014, CC BY 3.0)."""

from __future__ import annotations

from pathlib import Path

from newstrace.cluster.near_duplicates import CopyConfig, NearDuplicateIndex
from newstrace.eval.stories import load_gold


def _texts(shared_dir: Path) -> list[str]:
    """One long article per gold story: articles of one story may really be near-duplicates."""
    gold = load_gold(shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl")
    first: dict[str, str] = {}
    for g in gold:
        if len(g.text.split()) > 150:
            first.setdefault(g.story, g.text)
    return list(first.values())[:40]


def test_light_rewrite_is_found_and_unrelated_articles_are_not(shared_dir: Path) -> None:
    texts = _texts(shared_dir)
    index = NearDuplicateIndex()
    for i, text in enumerate(texts):
        assert index.find(index.signature(text)) is None
        index.add(i, 100 + i, index.signature(text))
    lines = texts[7].split("\n")
    rewrite = "\n".join(["(Reuters) -", *lines[:-1], "Reporting by a staff writer; editing by the desk."])
    found = index.find(index.signature(rewrite.replace(" said ", " told reporters ")))
    assert found is not None and found.article_id == 7 and found.story_id == 107
    assert found.similarity >= CopyConfig().threshold


def test_short_texts_are_not_checked_and_capacity_bounds_memory(shared_dir: Path) -> None:
    index = NearDuplicateIndex(CopyConfig(capacity=5))
    assert index.signature("Quake hits the coast") is None
    texts = _texts(shared_dir)
    for i, text in enumerate(texts[:10]):
        index.add(i, i, index.signature(text))
    assert len(index) == 5
    assert index.find(index.signature(texts[0])) is None  # forgotten
    assert index.find(index.signature(texts[9])) is not None
