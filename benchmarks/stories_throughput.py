"""Story clustering throughput on a long synthetic stream built from real ECB+ text.

Data: ECB+ dev (Cybulska & Vossen, LREC 2014; CC BY 3.0). Each synthetic story takes one real ECB+
story and renames it consistently: every capitalised word is mapped to another capitalised word of
the corpus and every number to another number (one mapping per synthetic story), so thousands of
distinct "events" share the real vocabulary, sentence shapes and lengths. A synthetic article is a
real article of the base story under that mapping, with a random 70 % of its sentences. 60
stories are open at any time (their bases taken in turn, so they rarely share one), each
publishing 5–20 articles, one article every 20 seconds of simulated time, so the one-week active
window holds a bounded number of stories.

Per slice of ``--slice`` articles: articles per CPU second (and per wall-clock second) of
``StoryClusterer.assign`` alone on one core (the stream is generated before the slice is timed),
the process's peak resident memory, the active stories and BCubed F1 against the synthetic gold.
Cost must stay flat as the stream grows. With ``--vectors`` (the shipped setting for multilingual
news), each article also carries the multilingual sentence vector of its real base article, computed
once before the stream, and a language drawn from six, so the cross-lingual look-ups and comparisons
run as they would on mixed-language feeds (encoding itself is timed by
``benchmarks/stories_multilingual.py``). The BCubed column is no accuracy figure: synthetic
stories of one base differ only by names and numbers, so they are far harder to tell apart than
real events (and their articles share enough text to be taken for copies of each other).

    python benchmarks/stories_throughput.py [--articles 100000] [--slice 10000] [--vectors] [--plot]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

from newstrace.cluster.stories import StoryClusterer
from newstrace.eval.metrics import bcubed_scores
from newstrace.eval.stories import GoldArticle, embed, final_story_ids, load_gold
from newstrace.records import Article

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "data" / "ecbplus" / "ecbplus-dev.jsonl"
OUT = ROOT / "benchmarks" / "out"
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
_NUMBER = re.compile(r"\b\d+\b")
START = datetime(2026, 1, 1)
LANGUAGES = ("en", "de", "fr", "es", "it", "ru")


@dataclass(frozen=True, slots=True)
class SliceResult:
    articles: int  # stream position at the end of the slice
    articles_per_second: float  # per CPU second of this process (the machine may be shared)
    wall_articles_per_second: float
    peak_rss_mb: float
    active_stories: int
    bcubed_f1: float  # of this slice's articles against the synthetic gold


@dataclass(slots=True)
class _OpenStory:
    gold: int
    base: list[GoldArticle]
    names: dict[str, str]
    numbers: dict[str, str]
    left: int


def _rename(text: str, story: _OpenStory, rng: random.Random, pool: list[str]) -> str:
    def name(m: re.Match[str]) -> str:
        return story.names.setdefault(m.group(), rng.choice(pool))

    def number(m: re.Match[str]) -> str:
        return story.numbers.setdefault(m.group(), str(rng.randint(1, 3000)))

    return _NUMBER.sub(number, _CAPITALISED.sub(name, text))


def synthetic_stream(
    count: int, seed: int = 0, open_stories: int = 60, vectors: bool = False
) -> Iterator[tuple[Article, int]]:
    """(article, gold story) pairs, ``count`` of them, deterministic for a seed."""
    rng = random.Random(seed)
    gold = load_gold(ECB)
    embedding: dict[str, np.ndarray] = {}
    for g in embed(gold) if vectors else []:
        assert g.embedding is not None
        embedding[g.id] = g.embedding
    by_story: dict[str, list[GoldArticle]] = {}
    for g in gold:
        by_story.setdefault(g.story, []).append(g)
    bases = sorted(by_story.values(), key=lambda arts: arts[0].story)
    pool = sorted({w for g in gold for w in _CAPITALISED.findall(g.text)})
    stories: list[_OpenStory] = []
    next_gold = 0
    for position in range(count):
        while len(stories) < open_stories:
            base = bases[next_gold % len(bases)]  # bases in turn: open stories rarely share one
            stories.append(_OpenStory(next_gold, base, {}, {}, rng.randint(5, 20)))
            next_gold += 1
        story = rng.choice(stories)
        base = rng.choice(story.base)
        lines = [line for line in base.text.split("\n") if line.strip()]
        kept = [line for line in lines[1:] if rng.random() < 0.7] or lines[1:2]
        title = _rename(base.title, story, rng, pool)
        body = [_rename(line, story, rng, pool) for line in kept]
        when = START + timedelta(seconds=20 * position)
        article = Article(title=title, body=body, published=when, source=f"outlet{rng.randint(1, 50)}")
        if vectors:
            article.embedding, article.language = embedding[base.id], rng.choice(LANGUAGES)
        yield article, story.gold
        story.left -= 1
        if story.left == 0:
            stories.remove(story)


def run(count: int, slice_size: int, seed: int, vectors: bool = False) -> list[SliceResult]:
    clusterer = StoryClusterer()
    stream = synthetic_stream(count, seed, vectors=vectors)
    results: list[SliceResult] = []
    done = 0
    while done < count:
        chunk = [next(stream) for _ in range(min(slice_size, count - done))]
        started, cpu_started = time.perf_counter(), time.process_time()
        predicted = final_story_ids([clusterer.assign(article) for article, _ in chunk])
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
        done += len(chunk)
        results.append(
            SliceResult(
                articles=done,
                articles_per_second=len(chunk) / cpu_seconds,
                wall_articles_per_second=len(chunk) / seconds,
                peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                active_stories=len(clusterer.active_stories()),
                bcubed_f1=bcubed_scores([g for _, g in chunk], predicted).f1,
            )
        )
        print(f"{done:>8} articles: {results[-1].articles_per_second:7.0f}/s", file=sys.stderr)
    return results


def plot(results: list[SliceResult], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    xs = [r.articles for r in results]
    fig, left = plt.subplots(figsize=(7, 4))
    left.plot(xs, [r.articles_per_second for r in results], "o-", label="articles/s")
    left.set_xlabel("articles streamed")
    left.set_ylabel("articles/s (assign)")
    left.set_ylim(bottom=0)
    right = left.twinx()
    right.plot(xs, [r.peak_rss_mb for r in results], "s--", color="tab:red", label="peak RSS MB")
    right.set_ylabel("peak RSS (MB)")
    right.set_ylim(bottom=0)
    fig.suptitle("newstrace story clustering, synthetic stream from ECB+ text")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--slice", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--plot", action="store_true", help="write benchmarks/out/stories_throughput.png")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--vectors", action="store_true", help="articles carry sentence vectors, 6 languages")
    args = parser.parse_args(argv)
    results = run(args.articles, args.slice, args.seed, args.vectors)
    if args.json:
        print(json.dumps([asdict(r) for r in results], indent=2))
    else:
        print(
            f"{'articles':>9} {'art/s cpu':>9} {'art/s wall':>10} {'peak RSS MB':>12} "
            f"{'active':>7} {'B3 F1':>6}"
        )
        for r in results:
            print(
                f"{r.articles:>9} {r.articles_per_second:>9.0f} {r.wall_articles_per_second:>10.0f} "
                f"{r.peak_rss_mb:>12.1f} "
                f"{r.active_stories:>7} {r.bcubed_f1:>6.3f}"
            )
        first, last = results[0].articles_per_second, results[-1].articles_per_second
        print(f"last/first slice speed: {last / first:.2f}")
    if args.plot:
        plot(results, OUT / "stories_throughput.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
