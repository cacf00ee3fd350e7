"""Fit the cue model (``newstrace.analyse.cue_model``) on PolNeAR train and write its weights.

PolNeAR: Newell, Margolin & Ruths, LREC 2018, read from ``../shared/data/polnear/train/`` (used for
fitting only; nothing of its text is stored: the vocabulary is common English cue words, every
other feature is a word class or position).

* Candidates: every alphabetic token (3+ letters) of every sentence; label: the token lies in an
  annotated cue span (first annotator's file, as in ``benchmarks/polnear.py``).
* Vocabulary: lower-cased words inside 8+ annotated cues that are cues in 5%+ of their uses.
* Model: L1-regularised logistic regression (liblinear); C and the decision threshold are
  chosen on a held-out fifth of train (every fifth article) by the end-to-end cue token-overlap
  F1 of ``find_attributions``; then refitted on all of train. Only non-zero weights are stored.

    python benchmarks/train_cue_model.py            # writes src/newstrace/data/claims/cue_model.json
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from newstrace.analyse import cue_model
from newstrace.analyse.lexicon import tokenize
from newstrace.analyse.sentences import split_sentences

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "newstrace" / "data" / "claims" / "cue_model.json"
MIN_CUES = 4
MIN_SHARE = 0.05
C_VALUES = (0.2, 0.5)
THRESHOLDS = (0.4, 0.5, 0.6, 0.7)


def load_polnear_benchmark() -> ModuleType:
    """``benchmarks/polnear.py`` as a module (its reader and scorer), for the training scripts."""
    spec = importlib.util.spec_from_file_location("polnear_benchmark", REPO / "benchmarks" / "polnear.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["polnear_benchmark"] = module
    spec.loader.exec_module(module)
    return module


def _cue_chars(document: object) -> set[int]:
    chars: set[int] = set()
    for span in document.gold["cue"]:  # type: ignore[attr-defined]
        for start, end in span.ranges:
            chars.update(range(start, end))
    return chars


def _vocabulary(documents: list[object]) -> list[str]:
    inside: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for document in documents:
        chars = _cue_chars(document)
        for token in tokenize(document.text):  # type: ignore[attr-defined]
            if cue_model.is_candidate(token):
                total[token.lower] += 1
                inside[token.lower] += token.start in chars
    return sorted(w for w, n in inside.items() if n >= MIN_CUES and n / total[w] >= MIN_SHARE)


def _rows(documents: list[object], vocabulary: frozenset[str]) -> tuple[list[dict[str, int]], list[int]]:
    rows: list[dict[str, int]] = []
    labels: list[int] = []
    for document in documents:
        chars = _cue_chars(document)
        text = document.text  # type: ignore[attr-defined]
        for sentence in split_sentences(text, "en"):
            tokens = tokenize(sentence.text, sentence.start)
            for i, token in enumerate(tokens):
                if cue_model.is_candidate(token):
                    rows.append(dict.fromkeys(cue_model.features(tokens, i, vocabulary), 1))
                    labels.append(int(token.start in chars))
    return rows, labels


def _fit(rows: list[dict[str, int]], labels: list[int], c: float) -> tuple[dict[str, float], float]:
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows).tocsr()
    matrix.indices = matrix.indices.astype(np.int32)  # liblinear takes 32-bit sparse indices only
    matrix.indptr = matrix.indptr.astype(np.int32)
    model = LogisticRegression(l1_ratio=1.0, C=c, solver="liblinear", max_iter=200)
    model.fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) > 1e-4
    }
    return weights, float(model.intercept_[0])


def _write(
    weights: dict[str, float], intercept: float, threshold: float, vocabulary: list[str], note: str
) -> None:
    payload = {
        "_note": note,
        "threshold": threshold,
        "intercept": round(intercept, 4),
        "vocabulary": vocabulary,
        "weights": dict(sorted(weights.items())),
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    cue_model.load_cue_model.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    bench = load_polnear_benchmark()
    documents = list(bench.load_polnear(args.shared / "data" / "polnear" / "train"))
    fit_part = [d for k, d in enumerate(documents) if k % 5]
    held_out = [d for k, d in enumerate(documents) if not k % 5]
    vocabulary = _vocabulary(fit_part)
    rows, labels = _rows(fit_part, frozenset(vocabulary))
    print(f"{len(rows)} candidates, {sum(labels)} cue tokens, vocabulary {len(vocabulary)}")
    best = (-1.0, C_VALUES[0], THRESHOLDS[0])
    for c in C_VALUES:
        weights, intercept = _fit(rows, labels, c)
        for threshold in THRESHOLDS:
            _write(weights, intercept, threshold, vocabulary, "held-out search")
            tallies, _, _ = bench.evaluate(iter(held_out), tagged=False)
            f1 = tallies["cue/overlap"].f1
            print(f"C={c} threshold={threshold}: held-out cue/overlap F1 {f1:.3f} ({len(weights)} weights)")
            if f1 > best[0]:
                best = (f1, c, threshold)
    f1, c, threshold = best
    vocabulary = _vocabulary(documents)
    rows, labels = _rows(documents, frozenset(vocabulary))
    weights, intercept = _fit(rows, labels, c)
    note = (
        "Cue model of newstrace.analyse.cue_model, fitted by benchmarks/train_cue_model.py on PolNeAR "
        f"train (840 articles): L1 logistic regression, C={c}, threshold {threshold} chosen on every fifth "
        f"train article held out (cue token-overlap F1 {f1:.3f} there), then refitted on all of train. "
        "Features are generic: common English cue words (vocabulary), stems, suffixes, neighbouring word "
        "classes, position."
    )
    _write(weights, intercept, threshold, vocabulary, note)
    print(f"chose C={c} threshold={threshold}; wrote {len(weights)} weights to {OUT}")


if __name__ == "__main__":
    main()
