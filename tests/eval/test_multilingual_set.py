"""The multilingual story set (issue 9): its schema, and the issue's minimums on real articles."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from benchmark_scripts import load_benchmark
from newstrace.eval.stories import load_gold

REPO = Path(__file__).resolve().parents[2]
SET_PATH = REPO / "benchmarks" / "data" / "multilingual" / "articles.jsonl"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return load_benchmark("build_multilingual")


@pytest.fixture(scope="module")
def articles(build: ModuleType) -> list:
    return build.load_articles(SET_PATH)


def test_the_set_passes_every_check(build: ModuleType, articles: list) -> None:
    assert build.validate(articles) == []


def test_meets_the_issue_minimums(articles: list) -> None:
    languages: dict[str, set[str]] = {}
    for article in articles:
        languages.setdefault(article.story, set()).add(article.lang)
    assert len(articles) >= 150
    assert len(languages) >= 12
    assert min(len(langs) for langs in languages.values()) >= 3
    assert len({a.url for a in articles}) == len(articles)


def test_most_events_have_a_same_kind_twin_in_several_languages(articles: list) -> None:
    events_per_kind = Counter(a.topic for a in {a.story: a for a in articles}.values())
    assert all(count == 2 for count in events_per_kind.values())
    assert len(events_per_kind) >= 6


def test_validate_reports_a_broken_set(build: ModuleType, articles: list) -> None:
    first = articles[0]
    broken = [
        *articles[:20],
        build.SetArticle(**{**_fields(first), "id": first.id + "x", "lang": "german", "date": "9 May"}),
        first,  # a duplicate url and id
    ]
    problems = " | ".join(build.validate(broken))
    assert "not an ISO 639-1 code" in problems
    assert "not an ISO date" in problems
    assert "duplicate url" in problems and "duplicate id" in problems
    assert "fewer than 12" in problems and "fewer than 150" in problems


def test_the_story_harness_reads_it() -> None:
    gold = load_gold(SET_PATH)
    assert len(gold) >= 150
    assert all(g.language and g.date is not None and g.text for g in gold)
    assert len({g.story for g in gold}) >= 12


def _fields(article: object) -> dict[str, str]:
    return {name: getattr(article, name) for name in article.__dataclass_fields__}  # type: ignore[attr-defined]
