"""One story across languages, on real articles of the multilingual set (benchmarks/data/multilingual)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newstrace.analyse.embedding import ArticleEncoder
from newstrace.cluster.crosslingual import CrossLingualConfig, crosses, pair_similarity
from newstrace.cluster.stories import StoryClusterer
from newstrace.eval.stories import GoldArticle, load_gold, to_article

SET_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "multilingual" / "articles.jsonl"
TURKEY = "quake-turkey-syria-2023-02"
MOROCCO = "quake-morocco-2023-09"


@pytest.fixture(scope="module")
def articles() -> dict[str, GoldArticle]:
    return {g.id: g for g in load_gold(SET_PATH)}


@pytest.fixture(scope="module")
def encoder() -> ArticleEncoder:
    return ArticleEncoder()


def test_articles_in_three_languages_join_the_english_story_and_another_quake_does_not(
    articles: dict[str, GoldArticle], encoder: ArticleEncoder
) -> None:
    clusterer = StoryClusterer(encoder=encoder)
    english = [clusterer.assign(to_article(articles[f"{TURKEY}/en-0{k}"])) for k in range(1, 5)]
    story = english[0].story_id
    assert all(a.story_id == story for a in english)
    for later in (f"{TURKEY}/ru-02", f"{TURKEY}/de-04", f"{TURKEY}/it-03"):
        assignment = clusterer.assign(to_article(articles[later]))
        assert assignment.story_id == story, later
    other = clusterer.assign(to_article(articles[f"{MOROCCO}/de-02"]))  # another earthquake, in German
    assert other.is_new and other.story_id != story
    summary = clusterer.story_summary(story)
    assert set(summary.languages) == {"en", "ru", "de", "it"}


def test_vectors_count_only_across_languages_the_encoder_knows() -> None:
    assert crosses("de", "en") and not crosses("en", "en") and not crosses("ro", "en")
    a, b = np.array([1.0, 0.0]), np.array([0.6, 0.8])
    config = CrossLingualConfig(weight=2.0, floor=0.5)
    assert pair_similarity(0.1, ("de", "en"), (a, b), config) == pytest.approx(0.1 + 2.0 * (0.6 - 0.5))
    assert pair_similarity(0.1, ("en", "en"), (a, b), config) == 0.1  # same language: words alone
    assert pair_similarity(0.1, ("sv", "en"), (a, b), config) == 0.1  # Swedish: not in the encoder
    assert pair_similarity(0.1, ("de", "en"), (a, None), config) == 0.1  # no vector
