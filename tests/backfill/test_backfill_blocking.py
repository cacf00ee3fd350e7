"""Blocking: time windows, posting pairs, evidence and connected blocks (pure, no Spark)."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from newstrace.backfill.blocking import (
    CandidatePair,
    Posting,
    band_hashes,
    blocking_keys,
    connected_blocks,
    evidence_weight,
    heavy_terms,
    posting_pairs,
    time_windows,
    timestamp,
)
from newstrace.backfill.config import BlockingConfig


def test_articles_under_one_window_apart_share_a_window() -> None:
    day = 86_400.0
    first = time_windows(10 * day, 7.0)
    assert set(first) & set(time_windows(16 * day, 7.0))  # 6 days apart
    assert not set(first) & set(time_windows(30 * day, 7.0))  # 20 days apart
    assert time_windows(None, 7.0) == ("u",)


def test_timestamp_treats_naive_times_as_utc() -> None:
    naive = datetime(2024, 1, 2, 3, 4)
    assert timestamp(naive) == timestamp(naive.replace(tzinfo=UTC))
    assert timestamp(None) is None


def test_heavy_terms_are_the_heaviest_with_ties_by_name() -> None:
    vector = {"quake": 0.5, "@tara reid": 0.7, "the": 0.01, "rehab": 0.5}
    assert heavy_terms(vector, 3) == ["@tara reid", "quake", "rehab"]


def test_bands_of_equal_signatures_collide_and_others_do_not() -> None:
    a = np.arange(64, dtype=np.uint32)
    b = a.copy()
    b[0] = 999  # differs in the first band only
    bands_a, bands_b = band_hashes(a, 8), band_hashes(b, 8)
    assert len(bands_a) == 8
    assert bands_a[0] != bands_b[0] and bands_a[1:] == bands_b[1:]


def test_keys_carry_terms_and_bands_per_window() -> None:
    config = BlockingConfig(heavy_terms=2, band_rows=32)
    keys = blocking_keys({"quake": 0.9, "indonesia": 0.8, "said": 0.1}, np.zeros(64, np.uint32), 0.0, config)
    assert sum(k.startswith("t:") for k in keys) == 4  # two terms x two windows
    assert sum(k.startswith("b") for k in keys) == 4  # two bands x two windows
    assert all("said" not in k for k in keys)


def test_postings_pair_each_article_with_its_nearest_in_time_only() -> None:
    members = [Posting(float(t), ref) for ref, t in enumerate([5, 1, 3, 2, 4], start=1)]
    pairs = {pair for pair, _ in posting_pairs("t:quake|7", members, neighbours=1)}
    # in time order the refs are 2, 4, 3, 5, 1: each pairs with the next one only
    assert pairs == {CandidatePair(2, 4), CandidatePair(3, 4), CandidatePair(3, 5), CandidatePair(1, 5)}
    everything = {pair for pair, _ in posting_pairs("t:quake|7", members, neighbours=10)}
    assert len(everything) == 10


def test_the_same_term_in_two_windows_is_one_piece_of_evidence() -> None:
    a = [e for _, e in posting_pairs("t:quake|7", [Posting(0, 1), Posting(1, 2)], 5)]
    b = [e for _, e in posting_pairs("t:quake|8", [Posting(0, 1), Posting(1, 2)], 5)]
    assert a == b == ["t:quake"]
    config = BlockingConfig(min_shared_terms=2)
    assert evidence_weight("t:quake", config) == 1
    assert evidence_weight("b3:00ff", config) == 2  # a shared band links on its own


def test_connected_blocks_are_named_by_their_smallest_ref() -> None:
    edges = [CandidatePair(2, 5), CandidatePair(5, 7), CandidatePair(3, 4)]
    blocks = connected_blocks(range(1, 9), edges)
    assert blocks == {1: 1, 2: 2, 3: 3, 4: 3, 5: 2, 6: 6, 7: 2, 8: 8}
