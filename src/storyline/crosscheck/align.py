"""From pairwise links to groups across N sources, one fact per group.

Links about one fact (the same measure, the same dated event, the same quote, the same sentence)
join into one group, so three outlets giving one figure make one finding, not three; a group never
chains look-alikes (see ``group_links``). A group holding any conflicting link is a conflict; its
values show every source's version.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, replace

from storyline.crosscheck.links import Link, Side
from storyline.model import Aspect
from storyline.unionfind import UnionFind


@dataclass(frozen=True)
class Group:
    aspect: Aspect
    conflict: bool
    sides: tuple[Side, ...]  # one per fact, in source order
    strength: float
    confidence: float = 1.0
    proven: bool = True  # the surest conflicting link's: see ``Link.proven``


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


# may two statements of one source stand in one group as one fact told twice?
Retold = Callable[[Side, Side], bool]


def _any_retelling(x: Side, y: Side) -> bool:
    return True


def group_links(links: Sequence[Link], retold: Retold = _any_retelling) -> list[Group]:
    """Groups of links that state one fact each.

    A quote's parts (one outlet quoting in two places what another quotes at once) join by
    union-find when they differ: the conflict shows every version of the remark. Every other fact,
    and quoted words the sources agree on, join greedily, surest link first, and a statement
    enters a group only when it is linked to every statement of the other sources already there
    (and, in a conflict, its source has none there yet; in an agreement, ``retold`` accepts it
    beside its source's statements there): one fact per finding, never a chain of look-alikes
    (A like B, B like C, so A "agrees" with C; a long quote that holds two remarks does not make
    them one agreement).
    """
    remarks = [ln for ln in links if ln.aspect in REMARK_ASPECTS]
    groups = []
    for lns in _union_links(remarks):
        groups += (
            [_group(lns)]
            if any(ln.conflict for ln in lns)
            else _clique_groups([_by_sentence(ln) for ln in lns])
        )
    facts = [ln for ln in links if ln.aspect not in REMARK_ASPECTS]
    for aspect in dict.fromkeys(ln.aspect for ln in facts):
        groups += _clique_groups([ln for ln in facts if ln.aspect == aspect], retold)
    return groups


REMARK_ASPECTS = frozenset({"quote", "wording", "speaker"})


def _by_sentence(ln: Link) -> Link:
    """A quote link keyed by the sentences its two parts stand in: a long quote whose sentences
    two other quotes match is two agreements, each on its own words, not one grab-bag."""
    a, b = ln.a, ln.b
    return replace(ln, a=replace(a, key=(*a.key, a.start, a.end)), b=replace(b, key=(*b.key, b.start, b.end)))


def _group(lns: Sequence[Link]) -> Group:
    sides: dict[Hashable, Side] = {}
    for ln in lns:
        sides.setdefault(ln.a.key, ln.a)
        sides.setdefault(ln.b.key, ln.b)
    conflicts = [ln for ln in lns if ln.conflict]
    # a conflict is as sure as its surest conflicting link, a proven one before any unproven (it is
    # the one that may be stated); an agreement as its least sure link
    best = max(conflicts, key=lambda ln: (ln.proven, ln.confidence)) if conflicts else None
    confidence = best.confidence if best else min(ln.confidence for ln in lns)
    return Group(
        aspect=(conflicts or list(lns))[0].aspect,
        conflict=bool(conflicts),
        sides=tuple(sorted(sides.values(), key=lambda s: (s.source, s.start))),
        strength=max(ln.strength for ln in lns),
        confidence=confidence,
        proven=best.proven if best else True,
    )


def _union_links(links: Sequence[Link]) -> list[list[Link]]:
    uf = UnionFind()
    for ln in links:
        uf.union(("r", ln.a.key), ("r", ln.b.key))
    members: dict[Hashable, list[Link]] = defaultdict(list)
    for ln in links:
        members[uf.find(("r", ln.a.key))].append(ln)
    return list(members.values())


def _clique_groups(links: Sequence[Link], retold: Retold = _any_retelling) -> list[Group]:
    linked = {frozenset((ln.a.key, ln.b.key)) for ln in links}
    side: dict[Hashable, Side] = {x.key: x for ln in links for x in (ln.a, ln.b)}
    where: dict[Hashable, int] = {}
    groups: list[list[Link]] = []
    keys: list[dict[int, list[Hashable]]] = []  # per group: source -> the fact keys it holds
    for ln in sorted(links, key=lambda ln: (not ln.proven, -ln.confidence, -ln.strength)):
        ga, gb = where.get(ln.a.key), where.get(ln.b.key)
        if ga is None and gb is None:
            where[ln.a.key] = where[ln.b.key] = len(groups)
            groups.append([ln])
            keys.append({ln.a.source: [ln.a.key], ln.b.source: [ln.b.key]})
        elif ga is not None and gb is not None:
            if ga == gb:
                groups[ga].append(ln)
        else:
            g, new = (ga, ln.b) if ga is not None else (gb, ln.a)
            assert g is not None
            held = keys[g]
            # a source may tell one fact twice (a claim, a figure it repeats), but each telling must
            # match every other source's statement in the group; a conflict keeps one per source
            repeat = new.source in held and (
                ln.conflict
                or any(x.conflict for x in groups[g])
                or not all(retold(new, side[k]) for k in held[new.source])
            )
            if repeat or any(
                frozenset((new.key, k)) not in linked
                for src, ks in held.items()
                if src != new.source
                for k in ks
            ):
                continue
            held.setdefault(new.source, []).append(new.key)
            where[new.key] = g
            groups[g].append(ln)
    # the links between members that were not the ones that brought them in
    held_links = {id(ln) for lns in groups for ln in lns}
    for ln in links:
        ga = where.get(ln.a.key)
        if ga is not None and ga == where.get(ln.b.key) and id(ln) not in held_links:
            groups[ga].append(ln)
    return [_group(lns) for lns in groups]
