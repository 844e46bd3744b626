"""Grouping in blocks: the part of story grouping that runs in parallel.

Articles are linked when they could be reports of one event: published within the grouping's date
window and sharing a rare name, a near-identical text (MinHash LSH bucket) or a close document
vector; or, at any distance in time, sharing a rare anchor (a person or street: how a follow-up
weeks later joins its event). The connected components of those links are blocks; each block is
grouped on its own by the incremental ``stories.group.Grouper``, in the order ``group_signatures``
uses, with the term frequencies of the whole input (so a word's rarity does not depend on the
block it fell in).
Blocks never share an article, so the union of their placements is the answer. Both engines call
``group_in_blocks``; only the ``map`` differs (built-in ``map`` locally, Ray tasks on a cluster),
so the two engines give the same stories by construction.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence

import numpy as np

from storyline.model import content_id
from storyline.stories.group import DAY, MAX_DAYS, SPECIFIC, DocFreq, Grouper, Placement
from storyline.stories.signatures import NUM_PERM, Signature, minhash_from_values
from storyline.unionfind import UnionFind

NEIGHBOURS = 10  # vector neighbours looked at per article
LINK_COSINE = 0.45  # vectors this close can still pass the grouper's score (0.4 × cosine + words + names)
RARE_NAMES = 6  # rarest names per article that link it
COMMON_NAME = 0.05  # a name in more than this share of articles links nothing (a "Trump" in politics)
LSH_THRESHOLD = 0.5

BlockFn = Callable[[list[Signature], DocFreq], list[Placement]]
Mapper = Callable[[BlockFn, Sequence[list[Signature]], DocFreq], Iterable[list[Placement]]]


def _close_in_time(a: Signature, b: Signature) -> bool:
    if a.published is None or b.published is None:
        return True
    return abs(a.published - b.published) <= MAX_DAYS * DAY


def make_blocks(sigs: Sequence[Signature]) -> list[list[Signature]]:
    """Connected components of the could-be-one-story links, each in input order."""
    uf = UnionFind()

    def link(i: int, j: int) -> None:
        if i != j and _close_in_time(sigs[i], sigs[j]):
            uf.union(i, j)

    def link_anywhen(i: int, j: int) -> None:
        if i != j:
            uf.union(i, j)

    _link_rare(sigs, link, lambda s: [n for n, _ in s.names])
    _link_rare(sigs, link_anywhen, lambda s: [a for a in s.anchors if a.startswith(SPECIFIC)])
    _link_near_copies(sigs, link)
    _link_vectors(sigs, link)
    groups: dict[Hashable, list[Signature]] = {}
    for i, sig in enumerate(sigs):
        groups.setdefault(uf.find(i), []).append(sig)
    return list(groups.values())


def _link_rare(
    sigs: Sequence[Signature], link: Callable[[int, int], None], terms: Callable[[Signature], list[str]]
) -> None:
    """Link the articles that share one of their rarest ``terms`` (names, anchors)."""
    df = Counter(name for s in sigs for name in terms(s))
    limit = max(3, math.ceil(COMMON_NAME * len(sigs)))
    first_with: dict[str, list[int]] = {}
    for i, sig in enumerate(sigs):
        rare = sorted((n for n in terms(sig) if 1 < df[n] <= limit), key=lambda n: (df[n], n))
        for name in rare[:RARE_NAMES]:
            seen = first_with.setdefault(name, [])
            for j in seen[-8:]:  # recent holders only: bounded work per name, the chain links the rest
                link(i, j)
            seen.append(i)


def _link_near_copies(sigs: Sequence[Signature], link: Callable[[int, int], None]) -> None:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    for i, sig in enumerate(sigs):
        m = minhash_from_values(sig.minhash)
        for j in lsh.query(m):
            link(i, int(j))
        lsh.insert(i, m)


def _link_vectors(sigs: Sequence[Signature], link: Callable[[int, int], None]) -> None:
    if len(sigs) < 2:
        return
    from usearch.index import Index

    from storyline.embed import DIM

    index = Index(ndim=DIM, metric="cos", dtype="f32")
    vectors = np.stack([s.vector for s in sigs]).astype(np.float32)
    # One thread: an HNSW graph built by several threads at once depends on their timing, so the
    # neighbours found (and the blocks) changed from run to run on the same signatures; one
    # thread builds the same graph every time, and was no slower on 2 cores (3,000 vectors).
    index.add(np.arange(len(sigs)), vectors, threads=1)
    found = index.search(vectors, min(NEIGHBOURS + 1, len(sigs)), threads=1)
    for i in range(len(sigs)):
        for key, dist in zip(found.keys[i], found.distances[i], strict=True):
            if 1.0 - float(dist) >= LINK_COSINE:
                link(i, int(key))


def doc_freq(sigs: Sequence[Signature]) -> DocFreq:
    """Term document frequencies of the whole input."""
    df = DocFreq()
    for sig in sigs:
        df.update(sig)
    return df


def group_block(block: list[Signature], df: DocFreq) -> list[Placement]:
    """Group one block as ``group_signatures`` would, but weighting terms by the whole input."""
    if len(block) == 1:  # alone in its block: a story of its own, named as the grouper names it
        return [Placement(block[0].id, content_id("story", block[0].id), None, True)]
    local = DocFreq()
    local.n, local.df = df.n, df.df.copy()
    for sig in block:
        local.update(sig, -1)  # ``prime`` below counts the block's own articles back in
    grouper = Grouper()
    grouper.df = local
    grouper.prime(block)
    inf = float("inf")
    order = sorted(block, key=lambda s: (s.published if s.published is not None else inf, s.id))
    return [grouper.add(sig) for sig in order]


def _local_map(fn: BlockFn, blocks: Sequence[list[Signature]], df: DocFreq) -> Iterable[list[Placement]]:
    return (fn(b, df) for b in blocks)


def group_in_blocks(sigs: Sequence[Signature], mapper: Mapper = _local_map) -> list[Placement]:
    """Placements of every article: blocks grouped apart (through ``mapper``), then joined."""
    blocks = sorted(make_blocks(sigs), key=len, reverse=True)  # big blocks first: they take longest
    placements: list[Placement] = []
    for part in mapper(group_block, blocks, doc_freq(sigs)):
        placements.extend(part)
    return placements
