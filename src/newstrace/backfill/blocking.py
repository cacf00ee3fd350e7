"""Story candidates at scale: blocking keys, candidate edges, and the blocks they connect.

The online clusterer looks a new article up in an inverted index of its heaviest terms; blocking is
the same idea for a whole archive at once. Each article gets keys, each key's articles are its
posting, and two articles of one posting are candidates:

* ``t:<term>|<window>``: one of its heaviest terms (rare, distinctive words, names, numbers) within a
  time window; an article emits its window and the next, so two articles under one window apart
  always share one;
* ``b<i>:<hex>|<window>``: one band of its MinHash signature (LSH), for copies.

Two articles are linked when they share enough heavy terms, or one band. The connected components
of the links are the blocks that ``resolve`` turns into stories. Postings are cut to each article's
nearest neighbours in time, so a common key costs linear, not quadratic, work.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import itemgetter

import numpy as np

from newstrace.backfill.config import BlockingConfig

BAND_PREFIX = "b"
TERM_PREFIX = "t"


@dataclass(frozen=True, slots=True)
class Posting:
    """One article under one key: where it sits in time, and which article it is."""

    when: float  # seconds since the epoch; 0 when undated (undated articles share one window)
    ref: int


@dataclass(frozen=True, slots=True)
class CandidatePair:
    first: int  # the smaller ref
    second: int


def timestamp(when: datetime | None) -> float | None:
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp()


def time_windows(when: float | None, window_days: float) -> tuple[str, ...]:
    """The article's window and the next one; ``u`` for undated articles."""
    if when is None:
        return ("u",)
    window = math.floor(when / (window_days * 86_400.0))
    return (str(window), str(window + 1))


def heavy_terms(vector: dict[str, float], count: int) -> list[str]:
    return [term for term, _ in heapq.nlargest(count, sorted(vector.items()), key=itemgetter(1))]


def band_hashes(hashvalues: np.ndarray, rows: int) -> list[str]:
    """One key per LSH band of ``rows`` MinHash values (the last, short band is dropped)."""
    values = np.asarray(hashvalues, dtype=np.uint32)
    bands = len(values) // rows
    return [f"{i}:{values[i * rows : (i + 1) * rows].tobytes().hex()}" for i in range(bands)]


def blocking_keys(
    vector: dict[str, float], hashvalues: np.ndarray | None, when: float | None, config: BlockingConfig
) -> list[str]:
    windows = time_windows(when, config.window_days)
    keys = [f"{TERM_PREFIX}:{term}|{w}" for term in heavy_terms(vector, config.heavy_terms) for w in windows]
    if hashvalues is not None:
        keys += [
            f"{BAND_PREFIX}{band}|{w}" for band in band_hashes(hashvalues, config.band_rows) for w in windows
        ]
    return keys


def key_evidence(key: str) -> str:
    """What a shared key says, without its window: the same term in two windows counts once."""
    return key.rpartition("|")[0]


def posting_pairs(
    key: str, postings: Iterable[Posting], neighbours: int
) -> Iterator[tuple[CandidatePair, str]]:
    """Pairs of one posting, each article with its ``neighbours`` next ones in time (all pairs if few)."""
    members = sorted(postings, key=lambda p: (p.when, p.ref))
    evidence = key_evidence(key)
    for i, member in enumerate(members):
        for other in members[i + 1 : i + 1 + neighbours]:
            if other.ref != member.ref:
                low, high = sorted((member.ref, other.ref))
                yield CandidatePair(low, high), evidence


def evidence_weight(evidence: str, config: BlockingConfig) -> int:
    """A shared band links on its own; a shared term counts one towards ``min_shared_terms``."""
    return config.min_shared_terms if evidence.startswith(BAND_PREFIX) else 1


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        parent = self.parent.setdefault(item, item)
        root = item
        while parent != root:
            root, parent = parent, self.parent[parent]
        while item != root:  # path compression
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            low, high = sorted((root_a, root_b))
            self.parent[high] = low  # the smallest ref is the root: block ids are deterministic


def connected_blocks(refs: Iterable[int], edges: Iterable[CandidatePair]) -> dict[int, int]:
    """Each ref's block: the smallest ref of its connected component."""
    sets = _UnionFind()
    for ref in refs:
        sets.find(ref)
    for edge in edges:
        sets.union(edge.first, edge.second)
    return {ref: sets.find(ref) for ref in list(sets.parent)}
