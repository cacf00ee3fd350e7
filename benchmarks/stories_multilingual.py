"""Stories across languages: the multilingual set and ECB+ dev side by side, with the same settings.

Data: benchmarks/data/multilingual/articles.jsonl (real articles about real events in several
languages, with gold stories; how it was collected is in its README) and ECB+ dev (Cybulska &
Vossen, LREC 2014; CC BY 3.0), ../shared/data/ecbplus/ecbplus-dev.jsonl (English only).

Protocol (online, articles in random order, seed 0; sentence vectors computed once per article):
1. Cross-validation over the multilingual set's topics (an event and the other event of the same
   kind share a topic, so a fold never sees one without the other): the cross-lingual weight and
   floor (``CrossLingualConfig``) and the time scale (``ClusterConfig``) best on the
   other folds are scored on the held-out fold; the held-out predictions are pooled and scored.
   The objective is the mean of BCubed F1 and pairwise F1, averaged over two runs: with the
   articles' dates and without them. The set's two events of a kind lie months apart (but for two
   plane crashes four days apart), so with dates alone the time gap would keep them apart and the
   settings would learn to trust the sentence vectors too much; without dates they must be told
   apart by what the articles say.
2. The shipped defaults on each whole file, with and without the sentence vectors, side by side;
   "cross-lingual linked" is the share of gold pairs in different languages put in one story.
3. Speed on one core: encoding (seconds per article) and assignment (articles/second, vectors cached).

    python benchmarks/stories_multilingual.py [--folds 8] [--skip-cv] [--json] [--check-floors]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from newstrace.cluster.crosslingual import CrossLingualConfig
from newstrace.cluster.stories import ClusterConfig
from newstrace.eval.metrics import bcubed_scores, linked_share, pairwise_scores
from newstrace.eval.stories import (
    GoldArticle,
    cluster_stream,
    embed,
    final_story_ids,
    load_gold,
    ordered,
    to_article,
)

ROOT = Path(__file__).resolve().parents[1]
MULTILINGUAL = ROOT / "benchmarks" / "data" / "multilingual" / "articles.jsonl"
ECB = ROOT.parent / "shared" / "data" / "ecbplus" / "ecbplus-dev.jsonl"
FLOORS = ROOT / "benchmarks" / "floors" / "stories_multilingual.json"

WEIGHTS = (2.0, 3.0, 4.0)
FLOORS_GRID = (0.4, 0.45, 0.5, 0.55)
TIME_SCALES = (3.0, 10.0)
# The place factor of a join into a small story (``ClusterConfig.place_join_factor``) is chosen with
# the other joining settings on ECB+ (benchmarks/stories.py) and checked here. Put in this grid
# ({1, 0.5, 0.25}; six of eight folds chose 0.5), it moved the folds' choice of cross-lingual
# settings and the held-out figures fell (0.975, linked 0.953; undated 0.940, linked 0.900), while at
# any one fold's settings the held-out streams scored the same with places and without.


@dataclass(frozen=True, slots=True)
class Figures:
    bcubed_f1: float
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float
    linked: float  # share of cross-language gold pairs in one predicted story
    stories: int


@dataclass(frozen=True, slots=True)
class GridPoint:
    weight: float
    floor: float
    time_scale_days: float

    def config(self) -> ClusterConfig:
        cross = CrossLingualConfig(weight=self.weight, floor=self.floor)
        return replace(ClusterConfig(), cross_lingual=cross, time_scale_days=self.time_scale_days)


def grid() -> list[GridPoint]:
    return [GridPoint(*p) for p in itertools.product(WEIGHTS, FLOORS_GRID, TIME_SCALES)]


def without_vectors() -> ClusterConfig:
    return replace(ClusterConfig(), cross_lingual=CrossLingualConfig(weight=0.0))


def run(articles: list[GoldArticle], config: ClusterConfig, seed: int, prefix: str = "") -> list[str]:
    stream = ordered(articles, "random", seed)
    predicted = final_story_ids(cluster_stream(stream, config))
    order = {id(g): i for i, g in enumerate(stream)}
    return [f"{prefix}{predicted[order[id(g)]]}" for g in articles]


def figures(articles: list[GoldArticle], predicted: list[str]) -> Figures:
    gold = [g.story for g in articles]
    languages = [to_article(g).language or "" for g in articles]
    b3, pw = bcubed_scores(gold, predicted), pairwise_scores(gold, predicted)
    linked, _ = linked_share(gold, predicted, languages)
    return Figures(b3.f1, pw.f1, b3.precision, b3.recall, linked, len(set(predicted)))


def undated(articles: list[GoldArticle]) -> list[GoldArticle]:
    return [replace(g, date=None) for g in articles]


def objective(articles: list[GoldArticle], config: ClusterConfig, seed: int) -> float:
    total = 0.0
    for variant in (articles, undated(articles)):
        found = figures(variant, run(variant, config, seed))
        total += (found.bcubed_f1 + found.pairwise_f1) / 4
    return total


def cross_validate(
    articles: list[GoldArticle], folds: int, seed: int
) -> tuple[Figures, Figures, list[dict]]:
    """Held-out figures with dates and without them, and the point each fold chose."""
    topics = sorted({g.topic or g.story for g in articles})
    fold_of = {t: i % folds for i, t in enumerate(topics)}
    predicted: dict[int, str] = {}
    predicted_undated: dict[int, str] = {}
    chosen: list[dict] = []
    for k in range(folds):
        train = [g for g in articles if fold_of[g.topic or g.story] != k]
        test = [g for g in articles if fold_of[g.topic or g.story] == k]
        value, point = max(((objective(train, p.config(), seed), p) for p in grid()), key=lambda vp: vp[0])
        for g, p in zip(test, run(test, point.config(), seed, f"{k}:"), strict=True):
            predicted[id(g)] = p
        for g, p in zip(test, run(undated(test), point.config(), seed, f"{k}:"), strict=True):
            predicted_undated[id(g)] = p
        chosen.append({"fold": k, **asdict(point), "train_objective": round(value, 4)})
        print(f"fold {k}: {point} (train {value:.3f})", file=sys.stderr)
    dated = figures(articles, [predicted[id(g)] for g in articles])
    return dated, figures(undated(articles), [predicted_undated[id(g)] for g in articles]), chosen


def speed(articles: list[GoldArticle], config: ClusterConfig, seed: int) -> dict[str, float]:
    started = time.perf_counter()
    embedded = embed([replace(g, embedding=None) for g in articles])
    encode = (time.perf_counter() - started) / len(articles)
    stream = ordered(embedded, "random", seed)
    started = time.perf_counter()
    cluster_stream(stream, config)
    assign = len(stream) / (time.perf_counter() - started)
    return {"encode_seconds_per_article": encode, "assign_articles_per_second": assign}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--folds", type=int, default=8)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--check-floors", action="store_true")
    parser.add_argument("--skip-cv", action="store_true")
    args = parser.parse_args(argv)
    multilingual = embed(load_gold(MULTILINGUAL))
    ecb = embed(load_gold(ECB)) if ECB.is_file() else []
    out: dict[str, object] = {"order": "random", "seed": args.seed, "defaults": asdict(CrossLingualConfig())}
    if not args.skip_cv:
        held_out, held_out_undated, chosen = cross_validate(multilingual, args.folds, args.seed)
        out["cross_validated"] = {
            "figures": asdict(held_out),
            "figures_undated": asdict(held_out_undated),
            "folds": chosen,
        }
        scored = ((objective(multilingual, p.config(), args.seed), p) for p in grid())
        value, best = max(scored, key=lambda vp: vp[0])
        out["best_on_all_events"] = {"point": asdict(best), "objective": value}
        print(f"best on all events: {best} ({value:.3f})", file=sys.stderr)
    rows: dict[str, Figures] = {}
    sets = (("multilingual", multilingual), ("multilingual undated", undated(multilingual)), ("ecbplus", ecb))
    for name, articles in sets:
        if not articles:
            continue
        for label, config in (("defaults", ClusterConfig()), ("words only", without_vectors())):
            rows[f"{name} {label}"] = figures(articles, run(articles, config, args.seed))
    out["runs"] = {k: asdict(v) for k, v in rows.items()}
    out["speed"] = speed(multilingual, ClusterConfig(), args.seed)
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(f"{'run':32} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'PW F1':>6} {'linked':>7} {'stories':>8}")
        shown = dict(rows)
        if not args.skip_cv:
            held = {"multilingual held-out (CV)": held_out, "undated held-out (CV)": held_out_undated}
            shown = {**held, **rows}
        for name, f in shown.items():
            print(
                f"{name:32} {f.bcubed_precision:6.3f} {f.bcubed_recall:6.3f} {f.bcubed_f1:6.3f}"
                f" {f.pairwise_f1:6.3f} {f.linked:7.3f} {f.stories:8d}"
            )
        s = out["speed"]
        assert isinstance(s, dict)
        print(
            f"encoding {1000 * s['encode_seconds_per_article']:.1f} ms/article (one core);"
            f" assignment {s['assign_articles_per_second']:.0f} articles/s with vectors cached"
        )
    if args.check_floors:
        floors = json.loads(FLOORS.read_text(encoding="utf-8"))
        low = [
            f"{run} {key} {getattr(rows[run], key):.3f} < {floor}"
            for run, wanted in floors.items()
            if not run.startswith("_")
            for key, floor in wanted.items()
            if getattr(rows[run], key) < floor
        ]
        for line in low:
            print("below floor:", line, file=sys.stderr)
        return 1 if low else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
