"""Clustering scores against gold labels: pairwise and BCubed precision, recall and F1.

Pairwise (as in Miranda et al., EMNLP 2018): over all pairs of items, a pair is predicted positive
when both items share a predicted cluster and truly positive when they share a gold one.
BCubed (Bagga & Baldwin 1998; Amigó et al. 2009): per item, precision is the share of its predicted
cluster that is in its gold cluster, recall the share of its gold cluster that is in its predicted
cluster; both are averaged over items. Both are computed from the contingency table, in linear time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _check(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> None:
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predicted")


def pairwise_scores(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> Scores:
    """Pairwise P/R/F1; with no predicted (or gold) pairs at all, precision (recall) is 1."""
    _check(gold, predicted)
    both = sum(_pairs(n) for n in Counter(zip(gold, predicted, strict=True)).values())
    pred_pairs = sum(_pairs(n) for n in Counter(predicted).values())
    gold_pairs = sum(_pairs(n) for n in Counter(gold).values())
    precision = both / pred_pairs if pred_pairs else 1.0
    recall = both / gold_pairs if gold_pairs else 1.0
    return Scores(precision, recall, _f1(precision, recall))


def bcubed_scores(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> Scores:
    """BCubed P/R/F1, averaged over items."""
    _check(gold, predicted)
    if not gold:
        return Scores(1.0, 1.0, 1.0)
    cell = Counter(zip(gold, predicted, strict=True))
    gold_size, pred_size = Counter(gold), Counter(predicted)
    precision = sum(n * n / pred_size[p] for (_, p), n in cell.items()) / len(gold)
    recall = sum(n * n / gold_size[g] for (g, _), n in cell.items()) / len(gold)
    return Scores(precision, recall, _f1(precision, recall))


def linked_share(
    gold: Sequence[Hashable], predicted: Sequence[Hashable], languages: Sequence[Hashable]
) -> tuple[float, int]:
    """Of the gold pairs in different languages, the share predicted in one cluster (and how many).

    The cross-lingual recall of a story clusterer: 1.0 when there is no such pair.
    """
    _check(gold, predicted)
    same = Counter(zip(gold, predicted, strict=True))
    same_language = Counter(zip(gold, languages, strict=True))
    same_both = Counter(zip(gold, predicted, languages, strict=True))
    pairs = sum(_pairs(n) for n in Counter(gold).values()) - sum(_pairs(n) for n in same_language.values())
    linked = sum(_pairs(n) for n in same.values()) - sum(_pairs(n) for n in same_both.values())
    return (linked / pairs if pairs else 1.0), pairs
