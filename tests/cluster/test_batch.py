"""Batch re-clustering of a stored range: stream order by date, answers in the order given."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

from newstrace.cluster.batch import recluster
from newstrace.eval.metrics import bcubed_scores
from newstrace.eval.stories import load_gold, to_article


def test_recluster_returns_one_assignment_per_article_in_input_order(shared_dir: Path) -> None:
    gold = [
        g for g in load_gold(shared_dir / "data" / "ecbplus" / "ecbplus-dev.jsonl") if g.topic in {"1", "3"}
    ]
    random.Random(1).shuffle(gold)
    articles = [to_article(g) for g in gold]
    start = datetime(2024, 3, 1)
    for i, article in enumerate(articles):
        article.id = i + 1
        article.published = start + timedelta(minutes=len(articles) - i)  # newest first in the list
    assignments = recluster(articles, next_story_id=10)
    assert [a.article_id for a in assignments] == [a.id for a in articles]
    assert min(a.story_id for a in assignments) == 10
    oldest = assignments[-1]  # the last in the list is the first published: it opened a story
    assert oldest.is_new and oldest.story_id == 10
    assert bcubed_scores([g.story for g in gold], [a.story_id for a in assignments]).f1 >= 0.8
