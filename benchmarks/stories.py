"""Story clustering on ECB+ dev: settings chosen by K-fold cross-validation over topics, then defaults.

Data: ECB+ (Cybulska & Vossen, LREC 2014; CC BY 3.0), ../shared/data/ecbplus/ecbplus-dev.jsonl:
772 articles, 33 topics, two same-kind events per topic (66 gold stories).

Protocol (online, articles in random order, seed 0):
1. The topics are split into K folds (topic number modulo K). For each fold, every grid point is
   run on a stream of the *other* folds' articles; the point with the best mean of BCubed F1 and
   pairwise F1 there is then run on a stream of the held-out fold alone. The held-out predictions
   of all folds are pooled (story ids prefixed by fold) and scored: the honest figure.
   Predictions are each article's final story: its assignment with the ``moves`` of later
   re-decisions (splits of young stories) applied (``final_story_ids``).
   The grid: joining threshold x number weight x re-decision (linkage, ratio, min part, year
   factor: how much less alike two members count when the years they mention conflict) x place
   factor (how much less alike an article counts to a story of one or two articles whose places
   share no country with its own), below. Ties go to the earlier point (no place factor).
2. The shipped defaults (``ClusterConfig()``) run on the whole file in one stream: the floor checked
   by CI. The grid point best on all topics is printed too (that is how the defaults were chosen).
3. ``--copies``: the near-duplicate threshold, chosen by leave-one-out on Clough & Stevenson's
   text-reuse pairs (cut-and-paste and light revision = copy; heavy revision and independent = not)
   among thresholds of 0.2 and more (below, pairs of different ECB+ stories start to be flagged).

    python benchmarks/stories.py [--folds 5] [--json] [--check-floors] [--copies]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import sys
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from newstrace.cluster.features import FeatureConfig
from newstrace.cluster.near_duplicates import CopyConfig, NearDuplicateIndex
from newstrace.cluster.stories import ClusterConfig
from newstrace.eval.metrics import Scores, bcubed_scores, pairwise_scores
from newstrace.eval.stories import (
    GoldArticle,
    cluster_stream,
    evaluate_articles,
    final_story_ids,
    load_gold,
    ordered,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
ECB = SHARED / "ecbplus" / "ecbplus-dev.jsonl"
FLOORS = ROOT / "benchmarks" / "floors" / "stories.json"

# Entity weight 3 and title weight 1 were best in an earlier grid over {1, 3} x {0, 1}, and stay fixed.
# Threshold 0.25 (in the earlier grid) was never chosen; 0.1 was added with Ward splits.
THRESHOLDS = (0.1, 0.15, 0.2)
NUMBER_WEIGHTS = (0.5, 3.0)
# Re-decision of young stories: (linkage, ratio, min part, year factor); ratio 0 = off. ("average",
# 0.65, 4) is the earlier default; Ward linkage finds the two events of a fused story far more often.
# Year factor 0.5 (``split.SplitConfig.year_factor``) was added for two events of one kind whose
# reports share nearly every word but name different years; held-out 0.925 / 0.890 -> 0.930 / 0.892.
# Tried and not kept (runs of all topics, random order seed 0, Ward 0.7 min 6): the same year
# discount on a join at arrival (x0.5 BCubed / pairwise F1 0.927 / 0.896, x0.25 0.901 / 0.871,
# against 0.932 / 0.900); single reports mention background years too often. Also looked at, not
# built: the across/within test on names and numbers alone (they separate a story's two events no
# better than all words do: shared names dominate), and refining Ward's groups by moving members.
SPLITS = (
    ("average", 0.0, 4, 1.0),
    ("average", 0.65, 4, 1.0),
    ("ward", 0.7, 5, 1.0),
    ("ward", 0.7, 6, 1.0),
    ("ward", 0.8, 5, 1.0),
    ("ward", 0.8, 6, 1.0),
    ("ward", 0.7, 5, 0.5),
    ("ward", 0.7, 6, 0.5),
    ("ward", 0.8, 5, 0.5),
    ("ward", 0.8, 6, 0.5),
)
# A join into a story of at most ``size`` articles whose places conflict with the article's (``locations``):
# (similarity factor, size); factor 1 = places ignored. Every fold chose 1 (ECB+ events of one kind
# mostly lie in one country): held out 0.930 / 0.892, as without the axis. The shipped 0.5 scores the
# same on all topics and is kept for the multilingual set and small stories (``ClusterConfig`` notes).
# Size 2 (of 1, 2, 3, 5, any) was chosen over 5 seeds on both sets; the split's member matrix with the
# same place factor (x0.5, all folds chose 1) is not in the grid.
PLACE_JOINS = ((1.0, 2), (0.5, 2), (0.25, 2))


@dataclass(frozen=True, slots=True)
class GridPoint:
    threshold: float
    number_weight: float
    split_method: str
    split_ratio: float
    split_min_part: int
    split_year_factor: float
    place_join_factor: float = 1.0
    place_join_size: int = 2

    def config(self) -> ClusterConfig:
        base = ClusterConfig()
        features = replace(base.features, number_weight=self.number_weight)
        split = replace(
            base.split,
            method=self.split_method,
            ratio=self.split_ratio,
            min_part=self.split_min_part,
            year_factor=self.split_year_factor,
        )
        return replace(
            base,
            threshold=self.threshold,
            features=features,
            split=split,
            place_join_factor=self.place_join_factor,
            place_join_size=self.place_join_size,
        )


@dataclass(frozen=True, slots=True)
class FoldResult:
    fold: int
    topics: list[str]
    chosen: GridPoint
    train_objective: float
    heldout_bcubed_f1: float
    heldout_pairwise_f1: float


def grid() -> list[GridPoint]:
    points = itertools.product(THRESHOLDS, NUMBER_WEIGHTS, SPLITS, PLACE_JOINS)
    return [GridPoint(t, n, *split, *join) for t, n, split, join in points]


def objective(articles: list[GoldArticle], point: GridPoint, seed: int) -> float:
    stream = ordered(articles, "random", seed)
    predicted = final_story_ids(cluster_stream(stream, point.config()))
    gold = [g.story for g in stream]
    return (bcubed_scores(gold, predicted).f1 + pairwise_scores(gold, predicted).f1) / 2


def best_point(articles: list[GoldArticle], seed: int) -> tuple[GridPoint, float]:
    scored = [(objective(articles, p, seed), p) for p in grid()]
    value, point = max(scored, key=lambda sp: (sp[0], -sp[1].threshold, -sp[1].split_ratio))
    return point, value


def cross_validate(
    articles: list[GoldArticle], folds: int, seed: int
) -> tuple[list[FoldResult], Scores, Scores]:
    topics = sorted({g.topic or "" for g in articles}, key=lambda t: (len(t), t))
    fold_of = {t: i % folds for i, t in enumerate(topics)}
    results: list[FoldResult] = []
    gold_all: list[str] = []
    pred_all: list[str] = []
    for k in range(folds):
        train = [g for g in articles if fold_of[g.topic or ""] != k]
        test = [g for g in articles if fold_of[g.topic or ""] == k]
        point, value = best_point(train, seed)
        stream = ordered(test, "random", seed)
        predicted = [f"{k}:{s}" for s in final_story_ids(cluster_stream(stream, point.config()))]
        gold = [g.story for g in stream]
        gold_all += gold
        pred_all += predicted
        results.append(
            FoldResult(
                k,
                sorted({g.topic or "" for g in test}, key=lambda t: (len(t), t)),
                point,
                value,
                bcubed_scores(gold, predicted).f1,
                pairwise_scores(gold, predicted).f1,
            )
        )
        print(
            f"fold {k}: chose {point} (train {value:.3f}), held-out B3 {results[-1].heldout_bcubed_f1:.3f}"
            f" pairwise {results[-1].heldout_pairwise_f1:.3f}",
            file=sys.stderr,
        )
    return results, bcubed_scores(gold_all, pred_all), pairwise_scores(gold_all, pred_all)


def calibrate_copies(path: Path) -> dict[str, float]:
    """Leave-one-out choice of the MinHash Jaccard threshold on Clough & Stevenson (accuracy)."""
    index = NearDuplicateIndex(CopyConfig(min_shingles=1))
    pairs: list[tuple[float, bool]] = []
    with path.open(encoding="utf-8-sig") as handle:
        for answer, source, label in csv.reader(handle):  # no header: answer, source, label
            a, b = index.signature(answer), index.signature(source)
            sim = 0.0 if a is None or b is None else float((a.hashvalues == b.hashvalues).mean())
            pairs.append((sim, int(label) >= 2))
    # Only thresholds that flag no pair of different ECB+ stories with a margin: the largest
    # cross-story estimate there is 0.11, and a 64-permutation estimate has a standard error of
    # about 0.04, so candidates start at 0.2.
    candidates = [round(0.2 + 0.05 * i, 2) for i in range(9)]

    def accuracy(items: list[tuple[float, bool]], t: float) -> float:
        return sum((s >= t) == y for s, y in items) / len(items)

    hits = 0
    chosen: list[float] = []
    for i, (sim, label) in enumerate(pairs):
        rest = pairs[:i] + pairs[i + 1 :]
        t = max(candidates, key=lambda c: (accuracy(rest, c), -c))
        chosen.append(t)
        hits += (sim >= t) == label
    overall = max(candidates, key=lambda c: (accuracy(pairs, c), -c))
    return {
        "loo_accuracy": hits / len(pairs),
        "threshold_all": overall,
        "threshold_median_loo": sorted(chosen)[len(chosen) // 2],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--check-floors", action="store_true", help="fail below benchmarks/floors/stories.json"
    )
    parser.add_argument("--copies", action="store_true", help="also calibrate the near-duplicate threshold")
    parser.add_argument("--skip-cv", action="store_true", help="only the shipped defaults")
    args = parser.parse_args(argv)
    articles = load_gold(ECB)
    out: dict[str, object] = {
        "dataset": "ECB+ dev (Cybulska & Vossen 2014, CC BY 3.0)",
        "order": "random",
        "seed": args.seed,
    }
    if not args.skip_cv:
        folds, b3, pw = cross_validate(articles, args.folds, args.seed)
        out["cross_validated"] = {
            "folds": [asdict(f) for f in folds],
            "bcubed": asdict(b3),
            "pairwise": asdict(pw),
        }
        best_all, value_all = best_point(articles, args.seed)
        out["best_on_all_topics"] = {"point": asdict(best_all), "objective": value_all}
    report = evaluate_articles(
        articles, "random", args.seed, ClusterConfig(), measure_memory=True, dataset="ecbplus"
    )
    out["defaults"] = {
        "threshold": ClusterConfig().threshold,
        "features": asdict(FeatureConfig()),
        "bcubed": asdict(report.bcubed),
        "pairwise": asdict(report.pairwise),
        "predicted_stories": report.predicted_stories,
        "gold_stories": report.gold_stories,
        "copies": report.copies,
        "articles_per_second": report.articles_per_second,
        "peak_memory_mb": report.peak_memory_mb,
    }
    if args.copies:
        out["copies_calibration"] = calibrate_copies(SHARED / "text-reuse" / "clough-stevenson.csv")
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print_table(out)
    if args.check_floors:
        return check_floors(report.bcubed.f1, report.pairwise.f1)
    return 0


def print_table(out: dict[str, object]) -> None:
    print(f"{'run':<34} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'PW P':>6} {'PW R':>6} {'PW F1':>6}")
    rows = []
    if "cross_validated" in out:
        cv = out["cross_validated"]
        assert isinstance(cv, dict)
        rows.append(("held-out folds, pooled (honest)", cv["bcubed"], cv["pairwise"]))
    d = out["defaults"]
    assert isinstance(d, dict)
    rows.append(("shipped defaults, all topics", d["bcubed"], d["pairwise"]))
    for name, b3, pw in rows:
        print(
            f"{name:<34} {b3['precision']:6.3f} {b3['recall']:6.3f} {b3['f1']:6.3f} "
            f"{pw['precision']:6.3f} {pw['recall']:6.3f} {pw['f1']:6.3f}"
        )
    print(
        f"defaults: {d['predicted_stories']} stories (gold {d['gold_stories']}), "
        f"{d['copies']} copies flagged, "
        f"{d['articles_per_second']:.0f} articles/s, peak {d['peak_memory_mb']:.1f} MB (tracemalloc)"
    )
    if "best_on_all_topics" in out:
        print(f"best grid point on all topics: {out['best_on_all_topics']}")
    if "copies_calibration" in out:
        print(f"near-duplicate threshold (Clough & Stevenson, LOO): {out['copies_calibration']}")


def check_floors(bcubed_f1: float, pairwise_f1: float) -> int:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["ecbplus_defaults_random_seed0"]
    failed = [
        f"{name} {value:.3f} < floor {floors[name]:.3f}"
        for name, value in (("bcubed_f1", bcubed_f1), ("pairwise_f1", pairwise_f1))
        if value < floors[name]
    ]
    for line in failed:
        print("FLOOR:", line, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
