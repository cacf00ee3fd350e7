"""The active stories: an inverted index from terms to stories, and the window that retires them.

A new article is never compared with every story. Its heaviest terms (the rare, distinctive ones)
are looked up in the index; the stories found are ranked by how much of the article's weight they
share, and only the best few are scored in full. Each story is indexed under the heaviest terms
of its centroid, so the index holds at most ``stories x index_terms`` entries.

A story leaves the window when it has been idle too long: more than ``window_articles`` articles
ago, or longer than ``window_days`` of article time (when articles carry dates) and more than
``min_idle_articles`` articles ago, since articles do not always arrive in date order (a backfill, a
late feed); and when more than ``max_active`` stories are active, the longest idle ones go first.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np


class StoryIndex:
    """Term → active story ids, over each story's heaviest centroid terms."""

    def __init__(self) -> None:
        self._postings: dict[str, set[int]] = {}
        self._terms: dict[int, tuple[str, ...]] = {}

    def put(self, story_id: int, terms: tuple[str, ...]) -> None:
        """(Re)index a story under these terms."""
        old = self._terms.get(story_id, ())
        if old == terms:
            return
        new = set(terms)
        for term in old:
            if term not in new:
                self._discard(term, story_id)
        for term in terms:
            self._postings.setdefault(term, set()).add(story_id)
        self._terms[story_id] = terms

    def remove(self, story_id: int) -> None:
        for term in self._terms.pop(story_id, ()):
            self._discard(term, story_id)

    def _discard(self, term: str, story_id: int) -> None:
        posting = self._postings.get(term)
        if posting is not None:
            posting.discard(story_id)
            if not posting:
                del self._postings[term]

    def candidates(self, query: dict[str, float], query_terms: int, limit: int) -> list[int]:
        """Stories sharing the most weight with the query's heaviest terms, best first (ties: newer)."""
        heaviest = sorted(query.items(), key=lambda kv: (-kv[1], kv[0]))[:query_terms]
        scores: dict[int, float] = {}
        for term, weight in heaviest:
            for story_id in self._postings.get(term, ()):
                scores[story_id] = scores.get(story_id, 0.0) + weight
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], -kv[0]))
        return [story_id for story_id, _ in ranked[:limit]]

    def __len__(self) -> int:
        return len(self._terms)


@dataclass(frozen=True, slots=True)
class WindowConfig:
    window_days: float = 7.0  # with dates: a story idle this long (article time) leaves the window
    window_articles: int = 20_000  # a story not joined in this many articles leaves the window
    min_idle_articles: int = 1_000  # ... but never for its dates alone before this many articles
    max_active: int = 20_000  # never more active stories than this


class ActiveWindow:
    """Which stories are active, least recently updated first."""

    def __init__(self, config: WindowConfig) -> None:
        self.config = config
        self._last: OrderedDict[int, tuple[int, datetime | None]] = OrderedDict()
        self._latest_time: datetime | None = None

    def touch(self, story_id: int, seq: int, when: datetime | None) -> None:
        self._last[story_id] = (seq, when)
        self._last.move_to_end(story_id)
        if when is not None and (self._latest_time is None or when > self._latest_time):
            self._latest_time = when

    def expired(self, seq: int) -> list[int]:
        """Remove and return the stories that fall out of the window at article number ``seq``."""
        out: list[int] = []
        horizon = self._latest_time - timedelta(days=self.config.window_days) if self._latest_time else None
        while self._last:
            story_id, (last_seq, last_time) = next(iter(self._last.items()))
            too_many = len(self._last) > self.config.max_active
            idle = seq - last_seq
            too_old = idle > self.config.window_articles or (
                idle > self.config.min_idle_articles
                and horizon is not None
                and last_time is not None
                and last_time < horizon
            )
            if not (too_many or too_old):
                break
            self._last.popitem(last=False)
            out.append(story_id)
        return out

    def __contains__(self, story_id: int) -> bool:
        return story_id in self._last

    def __len__(self) -> int:
        return len(self._last)


class DenseIndex:
    """Active stories' mean sentence vectors in one matrix, for nearest-story look-ups by cosine."""

    def __init__(self, dimensions: int) -> None:
        self._matrix = np.zeros((64, dimensions), dtype=np.float32)
        self._slot: dict[int, int] = {}  # story id → row
        self._ids: list[int] = []  # row → story id (-1: free)
        self._free: list[int] = []

    def put(self, story_id: int, vector: np.ndarray) -> None:
        """(Re)index a story under this vector (any length; stored normalised)."""
        row = self._slot.get(story_id)
        if row is None:
            row = self._free.pop() if self._free else self._grow()
            self._slot[story_id] = row
            self._ids[row] = story_id
        norm = float(np.linalg.norm(vector))
        self._matrix[row] = vector / norm if norm else 0.0

    def _grow(self) -> int:
        row = len(self._ids)
        if row == len(self._matrix):
            self._matrix = np.concatenate([self._matrix, np.zeros_like(self._matrix)])
        self._ids.append(-1)
        return row

    def remove(self, story_id: int) -> None:
        row = self._slot.pop(story_id, None)
        if row is not None:
            self._matrix[row] = 0.0
            self._ids[row] = -1
            self._free.append(row)

    def nearest(self, query: np.ndarray, limit: int, floor: float) -> list[int]:
        """Up to ``limit`` stories with cosine ≥ ``floor`` to the unit vector ``query``, best first."""
        used = len(self._ids)
        if not self._slot or limit <= 0:
            return []
        sims = self._matrix[:used] @ query
        top = np.argpartition(-sims, min(limit, used - 1))[:limit] if used > limit else np.arange(used)
        rows = [int(r) for r in top if sims[r] >= floor and self._ids[r] >= 0]
        return [self._ids[r] for r in sorted(rows, key=lambda r: -sims[r])]

    def __len__(self) -> int:
        return len(self._slot)
