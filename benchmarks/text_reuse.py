"""Text-reuse benchmark: cross-validated 4-class accuracy and derived-vs-independent F1.

Data: Clough & Stevenson, "Developing a corpus of plagiarised short answers", Language Resources and
Evaluation 45(1), 2011 — 95 short answers written from a Wikipedia source with a known degree of
reuse (3 cut-and-paste, 2 light revision, 1 heavy revision, 0 independent), read from
``../shared/data/text-reuse/clough-stevenson.csv`` (research use only: never copied into the repo).

Method: ``newstrace.trace.reuse.features_from_words`` for each (answer, source) pair; a multinomial
logistic regression on standardised features, its C chosen by an inner 5-fold cross-validation
inside each outer training fold; outer repeated stratified 5-fold cross-validation. The F1 counts
"derived" (any of copy / light / heavy) as the positive class. ``--write-model`` refits on all pairs
and writes the shipped parameters to ``src/newstrace/data/reuse.json``; ``--check-floors`` exits 1
when a figure falls under ``benchmarks/floors/text_reuse.json``.

    .venv/bin/python benchmarks/text_reuse.py [--repeats 10] [--check-floors] [--write-model]
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from threadpoolctl import ThreadpoolController

from newstrace.trace.reuse import REUSE_DEGREES, features_from_words, tokenise

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "text-reuse" / "clough-stevenson.csv"
FLOORS = REPO / "benchmarks" / "floors" / "text_reuse.json"
MODEL_OUT = REPO / "src" / "newstrace" / "data" / "reuse.json"
C_GRID = (1.0, 3.0, 10.0, 30.0)


@dataclass(frozen=True, slots=True)
class ReusePairs:
    features: np.ndarray  # one row of ReuseFeatures.vector() per pair
    labels: np.ndarray  # 0 independent, 1 heavy, 2 light, 3 copy (the corpus's own numbering)


@dataclass(frozen=True, slots=True)
class ReuseScores:
    accuracy: float  # 4-class, mean over repeats
    accuracy_sd: float
    derived_f1: float  # derived vs independent, mean over repeats
    derived_f1_sd: float
    confusion: list[list[int]]  # summed over repeats, rows = truth (independent, heavy, light, copy)


def load_pairs(path: Path = DATA) -> ReusePairs:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    vectors = [
        features_from_words([t.word for t in tokenise(answer)], [t.word for t in tokenise(source)]).vector()
        for answer, source, _ in rows
    ]
    return ReusePairs(np.array(vectors), np.array([int(label) for _, _, label in rows]))


def _model(seed: int) -> GridSearchCV:
    pipeline = Pipeline([("scale", StandardScaler()), ("lr", LogisticRegression(max_iter=5000))])
    return GridSearchCV(
        pipeline,
        {"lr__C": list(C_GRID)},
        cv=StratifiedKFold(5, shuffle=True, random_state=seed),
        scoring="accuracy",
    )


def cross_validate(pairs: ReusePairs, repeats: int = 10) -> ReuseScores:
    with ThreadpoolController().limit(limits=1):  # BLAS threads on 95 rows only contend (20x slower)
        return _cross_validate(pairs, repeats)


def _cross_validate(pairs: ReusePairs, repeats: int) -> ReuseScores:
    accuracies: list[float] = []
    f1s: list[float] = []
    confusion = np.zeros((4, 4), dtype=int)
    for seed in range(repeats):
        predicted = np.zeros_like(pairs.labels)
        for train, test in StratifiedKFold(5, shuffle=True, random_state=seed).split(
            pairs.features, pairs.labels
        ):
            model = _model(seed).fit(pairs.features[train], pairs.labels[train])
            predicted[test] = model.predict(pairs.features[test])
        accuracies.append(float(accuracy_score(pairs.labels, predicted)))
        f1s.append(float(f1_score(pairs.labels > 0, predicted > 0)))
        confusion += confusion_matrix(pairs.labels, predicted, labels=[0, 1, 2, 3])
    return ReuseScores(
        accuracy=statistics.mean(accuracies),
        accuracy_sd=statistics.pstdev(accuracies),
        derived_f1=statistics.mean(f1s),
        derived_f1_sd=statistics.pstdev(f1s),
        confusion=confusion.tolist(),
    )


def write_model(pairs: ReusePairs, path: Path = MODEL_OUT) -> float:
    """Refit on all pairs and write the parameters ``load_reuse_model`` reads; returns the chosen C."""
    with ThreadpoolController().limit(limits=1):
        search = _model(0).fit(pairs.features, pairs.labels)
    pipeline = search.best_estimator_
    scaler, lr = pipeline.named_steps["scale"], pipeline.named_steps["lr"]
    payload = {
        "about": "newstrace.trace.reuse classifier; fitted by benchmarks/text_reuse.py --write-model on "
        "Clough & Stevenson 2011 short-answer corpus features (no texts)",
        "C": search.best_params_["lr__C"],
        "classes": [REUSE_DEGREES[int(c)] for c in lr.classes_],
        "mean": scaler.mean_.tolist(),
        "scale": scaler.scale_.tolist(),
        "coef": lr.coef_.tolist(),
        "intercept": lr.intercept_.tolist(),
    }
    path.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return float(search.best_params_["lr__C"])


def check_floors(scores: ReuseScores, floors_path: Path = FLOORS) -> list[str]:
    floors = json.loads(floors_path.read_text(encoding="utf-8"))
    figures = {"accuracy": scores.accuracy, "derived_f1": scores.derived_f1}
    return [
        f"{name} {figures[name]:.3f} < floor {floor:.3f}"
        for name, floor in floors.items()
        if figures[name] < floor
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--check-floors", action="store_true")
    parser.add_argument("--write-model", action="store_true")
    args = parser.parse_args(argv)
    pairs = load_pairs(args.data)
    scores = cross_validate(pairs, args.repeats)
    print(
        f"Clough & Stevenson 2011 text-reuse pairs: {len(pairs.labels)}; {args.repeats}x stratified 5-fold CV"
    )
    print(f"{'figure':<36}{'mean':>8}{'sd':>8}")
    print(f"{'4-class accuracy':<36}{scores.accuracy:>8.3f}{scores.accuracy_sd:>8.3f}")
    print(f"{'derived-vs-independent F1':<36}{scores.derived_f1:>8.3f}{scores.derived_f1_sd:>8.3f}")
    print("confusion (rows truth, columns predicted): independent, heavy, light, copy")
    for name, row in zip(REUSE_DEGREES, scores.confusion, strict=True):
        print(f"  {name:<12}" + "".join(f"{v:>6}" for v in row))
    if args.write_model:
        print(f"wrote {MODEL_OUT} (C={write_model(pairs):g})")
    if args.check_floors:
        failures = check_floors(scores)
        for failure in failures:
            print("FLOOR", failure)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
