"""Re-deciding a young story: the split rule on similarity matrices, and its member matrix."""

from __future__ import annotations

import numpy as np

from newstrace.cluster.crosslingual import CrossLingualConfig
from newstrace.cluster.split import MemberSims, MemberVector, SplitConfig, propose_split, sparse_dot


def _blocks(sizes: tuple[int, int], within: float, across: float) -> np.ndarray:
    n = sum(sizes)
    sims = np.full((n, n), across)
    sims[: sizes[0], : sizes[0]] = within
    sims[sizes[0] :, sizes[0] :] = within
    np.fill_diagonal(sims, 1.0)
    return sims


def test_two_tight_groups_loosely_alike_are_split() -> None:
    sims = _blocks((5, 6), within=0.5, across=0.1)
    order = np.array([0, 6, 1, 7, 2, 8, 3, 9, 4, 10, 5])  # members interleaved, as they arrive
    split = propose_split(sims[np.ix_(order, order)], SplitConfig(min_part=5))  # default min part: 6
    assert split is not None
    assert 0 in split.keep  # the story's first member stays
    assert sorted(split.keep) == [0, 2, 4, 6, 8] and sorted(split.move) == [1, 3, 5, 7, 9, 10]


def test_one_event_is_not_split() -> None:
    rng = np.random.default_rng(0)
    noise = rng.uniform(-0.05, 0.05, (12, 12))
    sims = np.clip(0.4 + (noise + noise.T) / 2, 0, 1)
    np.fill_diagonal(sims, 1.0)
    assert propose_split(sims, SplitConfig()) is None


def test_groups_too_small_or_rule_disabled_do_not_split() -> None:
    sims = _blocks((2, 6), within=0.6, across=0.0)
    assert propose_split(sims, SplitConfig()) is None  # one side under min_part
    assert propose_split(_blocks((5, 5), 0.6, 0.0), SplitConfig(ratio=0.0)) is None
    assert propose_split(_blocks((3, 3), 0.6, 0.0), SplitConfig(min_part=4)) is None


def test_member_sims_is_the_cosine_matrix() -> None:
    vectors = [{"a": 1.0}, {"a": 0.6, "b": 0.8}, {"b": 1.0}]
    members = MemberSims()
    for v in vectors:
        members.add(MemberVector(v, "en", None))
    expected = np.array([[sparse_dot(u, v) for v in vectors] for u in vectors])
    assert len(members) == 3
    assert np.allclose(members.matrix(), expected)
    assert np.allclose(members.matrix(), members.matrix().T)


def test_members_in_two_languages_add_what_their_sentence_vectors_share() -> None:
    near = np.array([1.0, 0.0], dtype=np.float32)
    close = np.array([0.8, 0.6], dtype=np.float32)  # cosine 0.8 with ``near``
    cross = CrossLingualConfig(weight=1.0, floor=0.6)
    members = MemberSims(cross)
    members.add(MemberVector({"@kobe": 1.0}, "en", near))
    members.add(MemberVector({"@kobe": 0.6, "erdbeben": 0.8}, "de", close))
    members.add(MemberVector({"@kobe": 0.6, "earthquake": 0.8}, "en", close))
    sims = members.matrix()
    assert np.isclose(sims[0, 1], 0.6 + (0.8 - 0.6))  # across languages: terms + vector bonus
    assert np.isclose(sims[0, 2], 0.6)  # same language: terms only
    assert np.isclose(sims[1, 2], 0.36 + (1.0 - 0.6))


def test_ward_linkage_finds_two_events_where_average_linkage_peels_off_an_outlier() -> None:
    # Two events of six articles each, alike across (0.25), plus one article loosely tied to all:
    # average linkage cuts the outlier off alone (too small a part), Ward finds the two events.
    sims = _blocks((6, 6), within=0.5, across=0.25)
    sims = np.pad(sims, ((0, 1), (0, 1)), constant_values=0.05)
    sims[-1, -1] = 1.0
    assert propose_split(sims, SplitConfig(method="average", ratio=0.7, min_part=5)) is None
    split = propose_split(sims, SplitConfig(method="ward", ratio=0.7, min_part=5))
    assert split is not None
    groups = sorted([sorted(split.keep), sorted(split.move)])
    assert [g[:6] for g in groups] == [list(range(6)), list(range(6, 12))]


def test_ward_linkage_leaves_one_event_whole() -> None:
    rng = np.random.default_rng(1)
    noise = rng.uniform(-0.05, 0.05, (14, 14))
    sims = np.clip(0.4 + (noise + noise.T) / 2, 0, 1)
    np.fill_diagonal(sims, 1.0)
    assert propose_split(sims, SplitConfig(method="ward", ratio=0.8, min_part=5)) is None


def test_a_story_in_two_languages_is_not_split_by_language() -> None:
    # Six English and six German articles on one event: alike within each language, less across
    # (few shared terms). Judged on pairs of one language only, nothing says "two events".
    sims = _blocks((6, 6), within=0.5, across=0.2)
    config = SplitConfig(method="ward", ratio=0.7, min_part=5)
    assert propose_split(sims, config) is not None  # blind to languages it would split
    assert propose_split(sims, config, ["en"] * 6 + ["de"] * 6) is None


def test_two_events_each_told_in_two_languages_are_still_split() -> None:
    sims = _blocks((6, 6), within=0.5, across=0.1)
    languages = ["en", "de"] * 6  # both events in both languages
    split = propose_split(sims, SplitConfig(method="ward", ratio=0.7, min_part=5), languages)
    assert split is not None
    assert sorted(split.keep) == list(range(6)) and sorted(split.move) == list(range(6, 12))


def test_members_whose_years_conflict_are_less_alike() -> None:
    vector = {"quake": 0.8, "@island": 0.6}
    members = MemberSims(year_factor=0.5)
    members.add(MemberVector(vector, "en", None, frozenset({2008})))
    members.add(MemberVector(vector, "en", None, frozenset({2005})))  # another year: conflict
    members.add(MemberVector(vector, "en", None, frozenset({2005, 2008})))  # recalls 2008
    members.add(MemberVector(vector, "en", None))  # no year: no evidence
    sims = members.matrix()
    assert np.isclose(sims[0, 1], 0.5) and np.isclose(sims[1, 0], 0.5)
    assert np.allclose(sims[0, 2:], 1.0) and np.allclose(sims[1, 2:], 1.0) and np.isclose(sims[2, 3], 1.0)
    plain = MemberSims()  # year factor 1: years change nothing
    plain.add(MemberVector(vector, "en", None, frozenset({2008})))
    plain.add(MemberVector(vector, "en", None, frozenset({2005})))
    assert np.allclose(plain.matrix(), 1.0)


def test_two_events_of_one_kind_in_different_years_are_split() -> None:
    # Twelve reports alike in words (two quakes on one island), six naming 2005 and six 2013:
    # on words alone one event; with the years discounted, two.
    rng = np.random.default_rng(2)
    shared = {"quake": 0.7, "@island": 0.5, "homes": 0.3}
    vectors = []
    for i in range(12):
        extra = {f"w{i}": float(rng.uniform(0.2, 0.4))}
        norm = float(np.sqrt(sum(v * v for v in (shared | extra).values())))
        vectors.append(
            ({t: v / norm for t, v in (shared | extra).items()}, frozenset({2005 if i % 2 else 2013}))
        )
    config = SplitConfig(method="ward", ratio=0.7, min_part=6)
    for factor, expected in ((1.0, False), (0.5, True)):
        members = MemberSims(year_factor=factor)
        for terms, years in vectors:
            members.add(MemberVector(terms, "en", None, years))
        split = propose_split(members.matrix(), config)
        assert (split is not None) is expected
        if split is not None:
            assert sorted(split.keep) == list(range(0, 12, 2)) and sorted(split.move) == list(range(1, 12, 2))
