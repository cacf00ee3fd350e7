"""Near-duplicate articles: syndicated copies and light rewrites of an earlier article.

Each article is a MinHash signature (``datasketch``) of its word shingles; an LSH index over the
signatures of the recent articles finds earlier candidates in constant time, and the estimated
Jaccard similarity of the shingle sets decides. The index holds at most ``capacity`` articles:
the oldest leave it first, so memory is bounded.
"""

from __future__ import annotations

import zlib
from collections import deque
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from newstrace.cluster.features import words


@lru_cache(maxsize=8)
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """LSH bands and rows for a Jaccard threshold: datasketch's choice, which takes ~20 ms to
    compute (a numerical integration), so it is made once per setting."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    article_id: int
    story_id: int
    similarity: float  # estimated Jaccard similarity of the shingle sets


@dataclass(frozen=True, slots=True)
class CopyConfig:
    # Estimated Jaccard of word 3-gram shingles. Calibrated (benchmarks/stories.py --copies) by
    # leave-one-out on Clough & Stevenson's text-reuse pairs (cut-and-paste or light revision =
    # copy), among thresholds >= 0.2 so that no two articles of different ECB+ stories are flagged
    # (their largest estimate is 0.11): 0.2 chosen, leave-one-out accuracy 0.81.
    threshold: float = 0.2
    shingle_size: int = 3
    num_perm: int = 64
    min_shingles: int = 20  # shorter texts are not checked (a headline alone is not a copy)
    capacity: int = 20_000  # recent signatures kept (~1 kB each); the oldest are forgotten first


def shingles(text: str, size: int) -> set[bytes]:
    tokens = words(text)
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


class NearDuplicateIndex:
    """MinHash LSH over the most recent ``capacity`` articles."""

    def __init__(self, config: CopyConfig | None = None) -> None:
        self.config = config or CopyConfig()
        bands = _bands(self.config.threshold, self.config.num_perm)
        self._lsh = MinHashLSH(num_perm=self.config.num_perm, params=bands)
        self._stories: dict[int, int] = {}
        self._signatures: dict[int, np.ndarray] = {}  # hash values only, as uint32
        self._order: deque[int] = deque()
        self._permutations = MinHash(num_perm=self.config.num_perm, seed=1).permutations

    def signature(self, text: str) -> MinHash | None:
        grams = shingles(text, self.config.shingle_size)
        if len(grams) < self.config.min_shingles:
            return None
        sig = MinHash(
            num_perm=self.config.num_perm,
            hashfunc=zlib.crc32,
            permutations=self._permutations,
            scheme="affine32",
        )
        sig.update_batch(sorted(grams))
        return sig

    def find(self, sig: MinHash | None) -> NearDuplicate | None:
        """The most similar earlier article at or above the threshold, oldest first on ties."""
        if sig is None:
            return None
        keys = sorted(self._lsh.query(sig))
        if not keys:
            return None
        values = sig.hashvalues.astype(np.uint32)
        similarities = (np.stack([self._signatures[k] for k in keys]) == values).mean(axis=1)
        best = int(np.argmax(similarities))  # the first maximum: the oldest id on ties
        if similarities[best] < self.config.threshold:
            return None
        key = keys[best]
        return NearDuplicate(key, self._stories[key], float(similarities[best]))

    def add(self, article_id: int, story_id: int, sig: MinHash | None) -> None:
        if sig is None or article_id in self._signatures:
            return
        self._lsh.insert(article_id, sig)
        self._signatures[article_id] = sig.hashvalues.astype(np.uint32)
        self._stories[article_id] = story_id
        self._order.append(article_id)
        while len(self._order) > self.config.capacity:
            old = self._order.popleft()
            self._lsh.remove(old)
            del self._signatures[old], self._stories[old]

    def move(self, article_id: int, story_id: int) -> None:
        """Record that an indexed article now belongs to another story (after a split)."""
        if article_id in self._stories:
            self._stories[article_id] = story_id

    def __len__(self) -> int:
        return len(self._order)
