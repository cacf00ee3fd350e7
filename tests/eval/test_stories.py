"""The story evaluation harness: both gold formats, seeded orders, the report's figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstrace.eval.stories import evaluate_stories, load_gold, ordered


def _subset(shared_dir: Path, tmp_path: Path, topics: set[str]) -> Path:
    source = shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl"
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    path = tmp_path / "subset.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows if str(r["topic"]) in topics), encoding="utf-8")
    return path


def test_reads_ecb_jsonl(shared_dir: Path) -> None:
    gold = load_gold(shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl")
    assert len(gold) == 772
    assert len({g.story for g in gold}) == 66
    assert gold[0].story == "1-ecb" and gold[0].topic == "1" and gold[0].title


def test_reads_the_miranda_json_array(tmp_path: Path) -> None:
    first = {"id": "a1", "date": "2014-11-05 22:38:00", "lang": "deu", "title": "Erdbeben"}
    second = {"id": "a2", "date": "2014-11-06T08:00:00Z", "lang": "eng", "title": "Quake"}
    rows = [
        {**first, "text": "Ein Erdbeben.", "event_id": 5, "cluster": 17},
        {**second, "text": "A quake.", "event_id": 5, "cluster": 18},
    ]
    path = tmp_path / "miranda.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    gold = load_gold(path)
    assert [g.story for g in gold] == ["17", "18"]
    assert gold[0].language == "deu" and gold[0].date is not None and gold[0].date.year == 2014
    assert gold[1].date is not None and gold[1].date.tzinfo is not None
    assert [g.id for g in ordered(gold, "date", 0)] == ["a1", "a2"]


def test_orders_are_reproducible(shared_dir: Path) -> None:
    gold = load_gold(shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl")[:50]
    assert ordered(gold, "file", 3) == gold
    assert ordered(gold, "random", 3) == ordered(gold, "random", 3) != ordered(gold, "random", 4)
    with pytest.raises(ValueError):
        ordered(gold, "alphabetical", 0)  # type: ignore[arg-type]


def test_report_on_two_topics(shared_dir: Path, tmp_path: Path) -> None:
    path = _subset(shared_dir, tmp_path, {"1", "2"})
    report = evaluate_stories(path, order="random", seed=0)
    assert report.articles == len(path.read_text(encoding="utf-8").splitlines())
    assert report.gold_stories == 4
    assert 0.7 <= report.bcubed.f1 <= 1.0 and 0.5 <= report.pairwise.f1 <= 1.0
    assert report.articles_per_second > 0 and report.peak_memory_mb is not None and report.peak_memory_mb > 0
    again = evaluate_stories(
        _subset(shared_dir, tmp_path, {"1", "2"}), order="random", seed=0, measure_memory=False
    )
    assert again.bcubed == report.bcubed and again.predicted_stories == report.predicted_stories


def test_final_story_ids_apply_later_moves() -> None:
    from newstrace.cluster.stories import Assignment, Move
    from newstrace.eval.stories import final_story_ids

    assignments = [
        Assignment(1, True, 1.0, article_id=10),
        Assignment(1, False, 0.5, article_id=11),
        Assignment(2, True, 1.0, article_id=12, moves=(Move(11, 1, 2), Move(99, 1, 2))),  # 99: earlier slice
        Assignment(1, False, 0.4, article_id=13),
    ]
    assert final_story_ids(assignments) == [1, 2, 2, 1]
