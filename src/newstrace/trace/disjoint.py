"""Disjoint sets over 0, 1, 2, … (union-find with path halving): a root is its group's smallest member."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class DisjointSets:
    """Members 0 … n-1, each alone until joined; ``add`` appends the next member."""

    parent: list[int] = field(default_factory=list)

    @classmethod
    def of_size(cls, size: int) -> DisjointSets:
        return cls(list(range(size)))

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
