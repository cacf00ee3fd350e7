"""The certainty benchmark's scores: macro-F1 over the gold classes and its bootstrap interval."""

from __future__ import annotations

from benchmark_scripts import load_benchmark


def test_macro_f1_averages_the_classes_in_the_gold() -> None:
    benchmark = load_benchmark("certainty")
    pairs = [("asserted", "asserted"), ("asserted", "hedged"), ("hedged", "hedged"), ("denied", "asserted")]
    # asserted P 1/2 R 1/2, hedged P 1/2 R 1, denied 0: (0.5 + 2/3 + 0) / 3
    assert abs(benchmark.macro_f1(pairs) - (0.5 + 2 / 3) / 3) < 1e-9


def test_bootstrap_interval_holds_the_estimate_and_is_fixed_by_its_seed() -> None:
    benchmark = load_benchmark("certainty")
    right = [("asserted", "asserted")] * 40 + [("attributed", "attributed")] * 30
    pairs = right + [("attributed", "asserted")] * 10
    interval = benchmark.bootstrap(pairs, rounds=200)
    low, high = interval["accuracy"]
    assert low < 70 / 80 < high
    assert interval == benchmark.bootstrap(pairs, rounds=200)
    assert benchmark.bootstrap([("hedged", "hedged")] * 5, rounds=50)["macro_f1"] == (1.0, 1.0)
