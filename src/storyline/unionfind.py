"""Union-find over hashable keys: facts joined into findings, articles joined into blocks."""

from __future__ import annotations

from collections.abc import Hashable


class UnionFind:
    """Disjoint sets that grow as keys are met; ``find`` halves paths as it walks."""

    def __init__(self) -> None:
        self.parent: dict[Hashable, Hashable] = {}

    def find(self, x: Hashable) -> Hashable:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
