"""Re-deciding a young story: does it hold two events that an early join fused?

In an online pass an article joins the best story at the moment it arrives. When the first article
of a second, similar event (a second earthquake in the same region, a second rehab check-in)
arrives while only the first event's story exists, it joins that story, and the merged centroid then
attracts the rest of the second event. With hindsight the fused story shows itself: its members
form two groups that are each tight but only loosely similar to each other.

``propose_split`` looks for that shape in the members' cosine similarity matrix: the two clusters
of Ward (or average-linkage) agglomeration, each of at least ``min_part`` members, whose mean
similarity across is below ``ratio`` times the lower of the two mean similarities within, both
means over pairs of articles in one language (across languages articles share fewer terms, so a
story told in two languages would otherwise look like two events). ``MemberSims`` keeps that
matrix for one story, one row per member, so each join costs one dot product per member. Members
in different languages are compared as ``crosslingual.pair_similarity`` says.

Two events of one kind often share almost every word (the same island shaken twice, the same coach
fired and, years earlier, hired), so their groups are nearly as alike across as within. What tells
them apart is when they happened: each report names its event's year, and two members whose years
conflict (``features.years_conflict``: neither mentions the other's latest year) count as less
alike, by ``year_factor``. Only the re-decision uses it: a member that mentions no year, or two
that mention the same one, are compared on their words alone, and one pair's conflict is never
enough to split; it takes two groups that disagree on their years throughout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from newstrace.cluster.crosslingual import CrossLingualConfig, pair_similarity
from newstrace.cluster.features import years_conflict


@dataclass(frozen=True, slots=True)
class SplitConfig:
    # ``method``, ``ratio``, ``min_part`` and ``year_factor`` calibrated with the story threshold on
    # ECB+ dev by 5-fold cross-validation over topics (benchmarks/stories.py, grid off / average 0.65
    # min 4 / Ward 0.7 or 0.8 with min part 5 or 6, each Ward point with year factor 1 or 0.5; see
    # ``ClusterConfig`` for the figures and how the defaults were picked). Average linkage mostly
    # cut one outlying article off a fused story (too small a part, so no split); Ward linkage finds
    # the two events' groups. The rest are
    # judgements (max members 40-100 and every 1-2 moved BCubed F1 by under 0.005): past 40 members
    # a story is established and its matrix would cost too much; members are kept for the last
    # 2,000 articles only.
    method: Literal["average", "ward"] = "ward"  # how the two groups are found
    ratio: float = 0.7  # split when across-similarity < ratio x within-similarity; 0 disables
    min_part: int = 6  # each side of a split holds at least this many articles
    max_members: int = 40  # a story larger than this is no longer re-decided
    window_articles: int = 2000  # a story created longer ago than this is no longer re-decided
    every: int = 2  # re-check a story when its size is a multiple of this
    # Members whose years conflict: their similarity x this (1: years ignored). Ward 0.7 min 5 on
    # all ECB+ dev topics, BCubed / pairwise F1: factor 1 0.935 / 0.910, 0.5 0.944 / 0.924, 0.25
    # 0.939 / 0.917, 0 0.937 / 0.924; min 6: 1 0.932 / 0.900, 0.5 0.946 / 0.921 (some pairs of one
    # event conflict too: 16% of those that both name a year, so a conflict is evidence, not proof).
    year_factor: float = 0.5


@dataclass(frozen=True, slots=True)
class Split:
    keep: list[int]  # member positions that stay in the story (the part holding its first member)
    move: list[int]  # member positions that leave for a new story


def sparse_dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    return sum(w * get(t, 0.0) for t, w in a.items())


@dataclass(frozen=True, slots=True)
class MemberVector:
    terms: dict[str, float]  # unit-length term vector
    language: str
    dense: np.ndarray | None  # sentence vector, when encoded
    years: frozenset[int] = frozenset()  # calendar years the article mentions


class MemberSims:
    """Similarities between a story's members, grown one member at a time."""

    def __init__(self, cross: CrossLingualConfig | None = None, year_factor: float = 1.0) -> None:
        self.cross = cross or CrossLingualConfig(weight=0.0)
        self.year_factor = year_factor
        self.vectors: list[MemberVector] = []
        self._rows: list[list[float]] = []

    def add(self, vector: MemberVector) -> None:
        row = [self._similarity(vector, other) for other in self.vectors]
        for old, sim in zip(self._rows, row, strict=True):
            old.append(sim)
        self._rows.append([*row, 1.0])
        self.vectors.append(vector)

    def _similarity(self, a: MemberVector, b: MemberVector) -> float:
        terms = sparse_dot(a.terms, b.terms)
        if years_conflict(a.years, b.years):
            terms *= self.year_factor
        return pair_similarity(terms, (a.language, b.language), (a.dense, b.dense), self.cross)

    def matrix(self) -> np.ndarray:
        return np.array(self._rows, dtype=np.float64)

    def __len__(self) -> int:
        return len(self.vectors)


def _mean(sims: np.ndarray, comparable: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> float | None:
    """Mean similarity over the comparable pairs (rows x cols, self-pairs excluded); None if none."""
    block = np.ix_(rows, cols)
    mask = comparable[block] & (rows[:, None] != cols[None, :])
    return float(sims[block][mask].mean()) if mask.any() else None


def propose_split(
    sims: np.ndarray, config: SplitConfig, languages: Sequence[str] | None = None
) -> Split | None:
    """Two groups to split the members into, or None when they look like one event.

    With ``languages`` (one per member), the across/within test compares members of one language
    only: pairs across languages are less alike however alike their events, so a story told in
    several languages would otherwise look like one event per language.
    """
    n = len(sims)
    if config.ratio <= 0 or n < 2 * config.min_part:
        return None
    distances = np.clip(1.0 - sims, 0.0, 2.0)
    np.fill_diagonal(distances, 0.0)
    if config.method == "ward":  # unit vectors: Euclidean distance sqrt(2 - 2 cos)
        distances = np.sqrt(2.0 * distances)
    labels = fcluster(linkage(squareform(distances, checks=False), config.method), 2, "maxclust")
    first = np.flatnonzero(labels == labels[0])
    second = np.flatnonzero(labels != labels[0])
    if min(len(first), len(second)) < config.min_part:
        return None
    if languages is None:
        comparable = np.ones((n, n), dtype=bool)
    else:
        codes = np.array(languages)
        comparable = codes[:, None] == codes[None, :]
    across = _mean(sims, comparable, first, second)
    within = [_mean(sims, comparable, part, part) for part in (first, second)]
    if across is None or within[0] is None or within[1] is None:
        return None  # no two members of one language on each side: nothing to judge by
    if across >= config.ratio * min(within[0], within[1]):
        return None
    return Split(keep=first.tolist(), move=second.tolist())
