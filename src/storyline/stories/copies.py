"""Wire copies: the same agency story run by several outlets, found as near-identical texts.

A copy counts once in corroboration, so each copy points at the article it copies: the earliest
published of the near-identical group, else the first given. Candidates come from MinHash LSH
(never all pairs); a candidate counts only when its estimated Jaccard similarity passes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from storyline.model import Article
from storyline.stories.signatures import NUM_PERM, minhash, shingles

EXACT_UP_TO = 64  # this few articles (a compare) are checked pair by pair, exactly: no MinHash

if TYPE_CHECKING:
    from datasketch import MinHash


def published_key(published: str | None) -> float:
    """Seconds since the epoch of an ISO date or datetime; undated articles sort last."""
    if not published:
        return float("inf")
    try:
        when = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
    except ValueError:
        return float("inf")
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp()


def find_copies(articles: Sequence[Article], *, threshold: float = 0.8) -> dict[str, str]:
    """Map the id of each near-identical copy to the id of the article it copies.

    Articles are visited earliest first (undated last, ties in the order given); each one that
    matches an earlier article becomes a copy of that article's original, so chains of copies all
    point at one original. Articles with the same id (one article read twice) are not copies.
    """
    order = sorted(range(len(articles)), key=lambda i: (published_key(articles[i].published), i))
    if len(articles) <= EXACT_UP_TO:
        return _exact_copies(articles, order, threshold)
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    signatures: dict[str, MinHash] = {}
    copy_of: dict[str, str] = {}
    rank: dict[str, int] = {}
    for i in order:
        art = articles[i]
        if art.id in signatures:
            continue
        sig = minhash(art.text)
        matches = [k for k in lsh.query(sig) if signatures[k].jaccard(sig) >= threshold]
        if matches:
            first = min(matches, key=rank.__getitem__)
            copy_of[art.id] = copy_of.get(first, first)
        signatures[art.id] = sig
        rank[art.id] = len(rank)
        lsh.insert(art.id, sig)
    return copy_of


def _exact_copies(articles: Sequence[Article], order: list[int], threshold: float) -> dict[str, str]:
    """``find_copies`` for a handful of articles: exact Jaccard of the word shingles, same rules."""
    seen: dict[str, set[bytes]] = {}
    copy_of: dict[str, str] = {}
    for i in order:
        art = articles[i]
        if art.id in seen:
            continue
        mine = shingles(art.text)
        for earlier, theirs in seen.items():  # in filing order: the first match is the earliest
            union = len(mine | theirs)
            if union and len(mine & theirs) / union >= threshold:
                copy_of[art.id] = copy_of.get(earlier, earlier)
                break
        seen[art.id] = mine
    return copy_of
