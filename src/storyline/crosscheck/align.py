"""From pairwise links to many-to-many groups across N sources.

Links about one fact (the same measure, the same dated event, the same quote, the same sentence)
join into one group by union-find, so three outlets giving one figure make one finding, not three.
A group holding any conflicting link is a conflict; its values show every source's version.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from storyline.crosscheck.links import Link, Side
from storyline.model import Aspect
from storyline.unionfind import UnionFind


@dataclass(frozen=True)
class Group:
    aspect: Aspect
    conflict: bool
    sides: tuple[Side, ...]  # one per fact, in source order
    strength: float


def best_claim_links(links: Iterable[Link]) -> list[Link]:
    """Keep a statement link only when it is the best match of one of its two sentences in the
    other's source: a sentence near several others joins the one it resembles most."""
    links = list(links)
    best: dict[tuple[Hashable, int], float] = defaultdict(float)
    for ln in links:
        for side, other in ((ln.a, ln.b), (ln.b, ln.a)):
            k = (side.key, other.source)
            best[k] = max(best[k], ln.strength)
    return [
        ln
        for ln in links
        if ln.strength >= best[(ln.a.key, ln.b.source)] or ln.strength >= best[(ln.b.key, ln.a.source)]
    ]


def mutual_best(links: Iterable[Link]) -> list[Link]:
    """Keep a conflicting fact link only when each fact is the other's best match in that source
    (a figure or date has one counterpart per source, so look-alikes cannot raise a conflict); an
    agreeing link needs to be the best match of one of its facts."""
    links = list(links)
    best: dict[tuple[Hashable, int], float] = defaultdict(float)
    for ln in links:
        best[(ln.a.key, ln.b.source)] = max(best[(ln.a.key, ln.b.source)], ln.strength)
        best[(ln.b.key, ln.a.source)] = max(best[(ln.b.key, ln.a.source)], ln.strength)
    out = []
    for ln in links:
        best_a = ln.strength >= best[(ln.a.key, ln.b.source)]
        best_b = ln.strength >= best[(ln.b.key, ln.a.source)]
        if (best_a and best_b) or (not ln.conflict and (best_a or best_b)):
            out.append(ln)
    return out


def group_links(links: Sequence[Link]) -> list[Group]:
    """Join links by shared facts within each aspect; one group per connected set of facts."""
    uf = UnionFind()
    aspect_of: dict[Hashable, Aspect] = {}
    for ln in links:
        ka, kb = (ln.aspect, ln.a.key), (ln.aspect, ln.b.key)
        uf.union(ka, kb)
    members: dict[Hashable, list[Link]] = defaultdict(list)
    for ln in links:
        root = uf.find((ln.aspect, ln.a.key))
        members[root].append(ln)
        aspect_of[root] = ln.aspect
    groups = []
    for root, lns in members.items():
        sides: dict[Hashable, Side] = {}
        for ln in lns:
            sides.setdefault(ln.a.key, ln.a)
            sides.setdefault(ln.b.key, ln.b)
        ordered = tuple(sorted(sides.values(), key=lambda s: (s.source, s.start)))
        groups.append(
            Group(
                aspect=aspect_of[root],
                conflict=any(ln.conflict for ln in lns),
                sides=ordered,
                strength=max(ln.strength for ln in lns),
            )
        )
    return groups
