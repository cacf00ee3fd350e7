"""Pairwise and BCubed scores, checked against hand-worked examples."""

from __future__ import annotations

import math

import pytest

from newstrace.eval.metrics import bcubed_scores, linked_share, pairwise_scores


def test_perfect_clustering_scores_one() -> None:
    gold = ["a", "a", "b", "c", "c", "c"]
    predicted = [7, 7, 1, 2, 2, 2]
    assert pairwise_scores(gold, predicted).f1 == 1.0
    assert bcubed_scores(gold, predicted).f1 == 1.0


def test_hand_worked_example() -> None:
    # gold {1,2,3} {4,5}; predicted {1,2} {3,4,5}
    gold = ["x", "x", "x", "y", "y"]
    predicted = [1, 1, 2, 2, 2]
    pairwise = pairwise_scores(gold, predicted)
    # predicted pairs: (1,2) (3,4) (3,5) (4,5) -> right: (1,2) (4,5); gold pairs: 3 + 1 = 4
    assert pairwise.precision == pytest.approx(2 / 4)
    assert pairwise.recall == pytest.approx(2 / 4)
    bcubed = bcubed_scores(gold, predicted)
    # precision per item: 1, 1, 1/3, 2/3, 2/3; recall per item: 2/3, 2/3, 1/3, 1, 1
    assert bcubed.precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert bcubed.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    p, r = bcubed.precision, bcubed.recall
    assert math.isclose(bcubed.f1, 2 * p * r / (p + r))


def test_all_singletons_and_all_in_one() -> None:
    gold = ["a", "a", "b", "b"]
    singletons = pairwise_scores(gold, [1, 2, 3, 4])
    assert singletons.precision == 1.0 and singletons.recall == 0.0 and singletons.f1 == 0.0
    assert bcubed_scores(gold, [1, 2, 3, 4]).precision == 1.0
    lumped = bcubed_scores(gold, [1, 1, 1, 1])
    assert lumped.recall == 1.0 and lumped.precision == pytest.approx(0.5)


def test_lengths_must_match() -> None:
    with pytest.raises(ValueError):
        pairwise_scores(["a"], [1, 2])


def test_linked_share_counts_gold_pairs_across_languages_only() -> None:
    gold = ["a", "a", "a", "b", "b"]
    languages = ["en", "de", "de", "en", "fr"]
    # cross-language gold pairs: (0,1), (0,2), (3,4); the first two and the last are linked here
    assert linked_share(gold, [1, 1, 1, 2, 2], languages) == (1.0, 3)
    share, pairs = linked_share(gold, [1, 1, 2, 3, 3], languages)
    assert pairs == 3 and math.isclose(share, 2 / 3)
    assert linked_share(["a", "a"], [1, 2], ["en", "en"]) == (1.0, 0)  # no such pair
