"""The alternatives ``benchmarks/text_reuse.py --compare`` scores: word LCS, tiling, ordinal cuts."""

from __future__ import annotations

import numpy as np

from benchmark_scripts import load_benchmark


def test_lcs_share_counts_the_longest_common_word_subsequence() -> None:
    bench = load_benchmark("text_reuse")
    a = ["the", "cat", "sat", "on", "the", "mat"]
    b = ["a", "cat", "quietly", "sat", "upon", "the", "mat"]
    assert bench.lcs_share(a, b) == 4 / 6  # cat sat the mat
    assert bench.lcs_share(a, a) == 1.0
    assert bench.lcs_share(a, []) == 0.0


def test_gst_coverage_lays_crossing_tiles_that_an_lcs_cannot() -> None:
    bench = load_benchmark("text_reuse")
    first, second = ["one", "two", "three", "four"], ["five", "six", "seven", "eight"]
    swapped = second + first
    assert bench.gst_coverage(first + second, swapped, 3) == 1.0
    assert bench.lcs_share(first + second, swapped) == 0.5
    assert bench.gst_coverage(first + second, swapped, 5) == 0.0  # tiles shorter than the minimum


def test_gst_coverage_cuts_a_match_that_overlaps_a_laid_tile() -> None:
    bench = load_benchmark("text_reuse")
    # the 5-word run is tiled first; the 4-word run of b reuses its last two words of a only once
    a = ["p", "q", "r", "s", "t", "u", "v"]
    b = ["p", "q", "r", "s", "t", "x", "s", "t", "u", "v"]
    assert bench.gst_coverage(a, b, 2) == 1.0
    assert bench.gst_coverage(a, b, 3) == 5 / 7


def test_ordinal_thresholds_recover_separable_cuts() -> None:
    bench = load_benchmark("text_reuse")
    rng = np.random.default_rng(0)
    labels = np.repeat([0, 1, 2, 3], 10)
    noise = rng.uniform(0, 1, size=(40, 1))
    x = np.hstack([noise, labels[:, None] + rng.uniform(0, 0.5, size=(40, 1))])
    model = bench.OrdinalThresholds().fit(x, labels)
    assert model.column == 1
    assert (model.predict(x) == labels).all()
