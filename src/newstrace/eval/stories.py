"""Evaluate story clustering against gold stories, streaming articles in a chosen, seeded order.

Reads two formats: JSON Lines with a gold ``story`` field (ECB+ as converted for newstrace: ``id``,
``topic``, ``story``, ``title``, ``text``), and the Miranda et al. 2018 multilingual stream (a JSON
array of objects with ``id``, ``date``, ``lang``, ``title``, ``text``, ``event_id``, ``cluster``;
the gold story is ``cluster``).
"""

from __future__ import annotations

import json
import random
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

import numpy as np

from newstrace.analyse.embedding import ArticleEncoder
from newstrace.analyse.language import detect_language
from newstrace.cluster.stories import Assignment, ClusterConfig, StoryClusterer
from newstrace.eval.metrics import Scores, bcubed_scores, pairwise_scores
from newstrace.extract.records_json import article_from_record
from newstrace.records import Article

Order = Literal["file", "random", "date"]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    story: str
    title: str
    text: str
    date: datetime | None = None
    language: str | None = None
    topic: str | None = None
    source: str | None = None
    embedding: np.ndarray | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class StoryEvalReport:
    dataset: str
    order: str
    seed: int
    articles: int
    gold_stories: int
    predicted_stories: int
    pairwise: Scores
    bcubed: Scores
    copies: int  # articles flagged as near-duplicates of an earlier one
    seconds: float  # assigning the articles to stories (sentence vectors already computed)
    articles_per_second: float
    encode_seconds: float  # computing the articles' sentence vectors, once each
    peak_memory_mb: float | None  # Python allocations while clustering (tracemalloc), if measured


def _parse_date(value: Any) -> datetime | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _from_ecb(row: dict[str, Any]) -> GoldArticle:
    """A row with a title is read as ingest reads it (``article_from_record``: a title that is only a
    time stamp gives way to the headline); a row without one (a set collected without headlines)
    keeps its whole text, its first line standing for the headline."""
    if row.get("title"):
        article = article_from_record(row)
        title, text = article.title, "\n".join(article.body)
    else:
        text = str(row.get("text") or "")
        title = text.split("\n", 1)[0]
    topic = row.get("topic")
    return GoldArticle(
        id=str(row["id"]),
        story=str(row["story"]),
        title=title,
        text=text,
        date=_parse_date(row.get("date")),
        language=row.get("lang") or row.get("language") or detect_language(title + "\n" + text),
        topic=None if topic is None else str(topic),
        source=row.get("source"),
    )


def _from_miranda(row: dict[str, Any]) -> GoldArticle:
    title, text = str(row.get("title") or ""), str(row.get("text") or "")
    return GoldArticle(
        id=str(row["id"]),
        story=str(row["cluster"]),
        title=title,
        text=text,
        date=_parse_date(row.get("date")),
        language=row.get("lang") or detect_language(title + "\n" + text),
    )


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Articles with their gold story, from ECB+-style JSON Lines or a Miranda et al. JSON array."""
    raw = Path(path).read_text(encoding="utf-8")
    if raw.lstrip().startswith("["):
        return [_from_miranda(row) for row in json.loads(raw)]
    rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    return [_from_miranda(r) if "story" not in r and "cluster" in r else _from_ecb(r) for r in rows]


def to_article(gold: GoldArticle) -> Article:
    """The article the clusterer sees (``load_gold`` detects the language, as ingest would, if not given)."""
    body = [line for line in gold.text.split("\n") if line.strip()]
    return Article(
        title=gold.title,
        body=body,
        published=gold.date,
        language=gold.language,
        source=gold.source,
        extracted_by="eval",
        embedding=gold.embedding,
    )


def embed(articles: Sequence[GoldArticle], encoder: ArticleEncoder | None = None) -> list[GoldArticle]:
    """The articles with their multilingual sentence vectors (computed in batches, once)."""
    encoder = encoder or ArticleEncoder()
    out: list[GoldArticle] = []
    for start in range(0, len(articles), 64):
        batch = articles[start : start + 64]
        vectors = encoder.encode([to_article(g) for g in batch])
        out.extend(replace(g, embedding=v) for g, v in zip(batch, vectors, strict=True))
    return out


def ordered(articles: Sequence[GoldArticle], order: Order, seed: int) -> list[GoldArticle]:
    """The stream order: as in the file, shuffled with ``seed``, or by date (undated last, stable)."""
    items = list(articles)
    if order == "random":
        random.Random(seed).shuffle(items)
    elif order == "date":
        items.sort(key=lambda g: (g.date is None, g.date.timestamp() if g.date else 0.0))
    elif order != "file":
        raise ValueError(f"unknown order {order!r} (file, random or date)")
    return items


def cluster_stream(articles: Sequence[GoldArticle], config: ClusterConfig | None = None) -> list[Assignment]:
    """One online pass of a fresh clusterer over ``articles`` in the order given."""
    clusterer = StoryClusterer(config)
    return [clusterer.assign(to_article(g)) for g in articles]


def final_story_ids(assignments: Sequence[Assignment]) -> list[int]:
    """Each article's story at the end of the stream: its assignment with later ``moves`` applied.

    Moves of articles outside ``assignments`` (an earlier slice of the stream) are ignored.
    """
    position = {a.article_id: i for i, a in enumerate(assignments)}
    stories = [a.story_id for a in assignments]
    for assignment in assignments:
        for move in assignment.moves:
            if move.article_id in position:
                stories[position[move.article_id]] = move.to_story
    return stories


def score(articles: Sequence[GoldArticle], assignments: Sequence[Assignment]) -> tuple[Scores, Scores]:
    gold = [g.story for g in articles]
    predicted = final_story_ids(assignments)
    return pairwise_scores(gold, predicted), bcubed_scores(gold, predicted)


def evaluate_articles(
    articles: Sequence[GoldArticle],
    order: Order = "random",
    seed: int = 0,
    config: ClusterConfig | None = None,
    measure_memory: bool = True,
    dataset: str = "",
) -> StoryEvalReport:
    stream = ordered(articles, order, seed)
    started = time.perf_counter()
    cfg = config or ClusterConfig()
    if cfg.cross_lingual.enabled and any(g.embedding is None for g in stream):
        stream = embed(stream)
    encode_seconds = time.perf_counter() - started
    started = time.perf_counter()
    assignments = cluster_stream(stream, config)
    seconds = time.perf_counter() - started
    peak: float | None = None
    if measure_memory:  # a second, traced run: tracemalloc slows the first one down
        tracemalloc.start()
        try:
            cluster_stream(stream, config)
            peak = tracemalloc.get_traced_memory()[1] / 1e6
        finally:
            tracemalloc.stop()
    pairwise, bcubed = score(stream, assignments)
    return StoryEvalReport(
        dataset=dataset,
        order=order,
        seed=seed,
        articles=len(stream),
        gold_stories=len({g.story for g in stream}),
        predicted_stories=len(set(final_story_ids(assignments))),
        pairwise=pairwise,
        bcubed=bcubed,
        copies=sum(a.copy_of is not None for a in assignments),
        seconds=seconds,
        articles_per_second=len(stream) / seconds if seconds else 0.0,
        encode_seconds=encode_seconds,
        peak_memory_mb=peak,
    )


def evaluate_stories(
    path: str | Path,
    order: Order = "random",
    seed: int = 0,
    config: ClusterConfig | None = None,
    measure_memory: bool = True,
) -> StoryEvalReport:
    """Stream the gold file through a fresh clusterer and score its stories against the gold ones."""
    return evaluate_articles(load_gold(path), order, seed, config, measure_memory, dataset=str(path))
