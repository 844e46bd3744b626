"""Where grouping finds candidates for a new article without looking at every stored one.

Four ways in, each bounded: the nearest document vectors (usearch HNSW), near-identical texts
(MinHash LSH buckets), shared rare names (an inverted index that reads only the most recent
postings of a name), and shared anchors (the people and streets a report names: how a follow-up
weeks later finds its event). Keys are small integers; the caller maps them to articles.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import islice
from typing import Any

import numpy as np

from storyline.embed import DIM
from storyline.stories.signatures import NUM_PERM, Signature, minhash_from_values

NEAREST = 24  # vector neighbours per query
POSTINGS = 40  # most recent articles read per shared name
NAMES_PER_QUERY = 12  # rarest names of the new article that are looked up
ANCHORS_PER_QUERY = 8  # rarest anchors of the new article that are looked up
DAY = "d:"  # the kind prefix of a day anchor (``anchors.py``)
COPY_THRESHOLD = 0.8  # estimated Jaccard of word shingles above which a text is a copy


class CandidateIndex:
    """Vectors, MinHash buckets and names of the articles filed so far."""

    def __init__(self, *, copy_threshold: float = COPY_THRESHOLD) -> None:
        from datasketch import MinHashLSH
        from usearch.index import Index

        self._vectors = Index(ndim=DIM, metric="cos", dtype="f32")
        self._lsh = MinHashLSH(threshold=copy_threshold, num_perm=NUM_PERM)
        # name → keys in filing order (a dict as an ordered set: a key leaves in O(1))
        self._names: defaultdict[str, dict[int, None]] = defaultdict(dict)
        self._anchors: defaultdict[str, dict[int, None]] = defaultdict(dict)
        self._in_lsh: set[int] = set()
        self.copy_threshold = copy_threshold
        # Vectors put back for a while (a window read back for an older article) are searched
        # exhaustively instead: adding to the HNSW graph costs far more than the few searches
        # they serve before they are evicted again.
        self._side: dict[int, np.ndarray] = {}
        self._side_matrix: tuple[np.ndarray, np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self._vectors) + len(self._side)

    def __getstate__(self) -> dict[str, Any]:
        """Picklable (``store/snapshot.py``): the HNSW graph as usearch saves it, the MinHash
        buckets as plain dicts (datasketch's own pickle holds a bound method)."""
        state = dict(self.__dict__)
        state["_vectors"] = self._vectors.save()
        lsh = self._lsh
        state["_lsh"] = (lsh.h, lsh.b, lsh.r, [t._dict for t in lsh.hashtables], lsh.keys._dict)
        state["_side_matrix"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        from usearch.index import Index

        vectors = Index(ndim=DIM, metric="cos", dtype="f32")
        vectors.load(state["_vectors"])
        self.__dict__.update(state, _vectors=vectors, _lsh=restore_lsh(*state["_lsh"]))

    def indexes_exactly(self, keys: set[int]) -> bool:
        """Whether the vector graph and the MinHash buckets hold these keys and no others (a check
        on an index read back from a saved library)."""
        graph = {int(k) for k in np.asarray(self._vectors.keys)} | set(self._side)
        return graph == keys and self._in_lsh == keys and set(self._lsh.keys._dict) == keys

    def add(self, key: int, sig: Signature, *, brief: bool = False) -> None:
        """Index an article; ``brief``: it will soon be removed again (searched exhaustively)."""
        if brief:
            self._side[key] = sig.vector
            self._side_matrix = None
        else:
            self._vectors.add(key, sig.vector)
        if key not in self._in_lsh:  # datasketch refuses a key twice
            self._lsh.insert(key, minhash_from_values(sig.minhash))
            self._in_lsh.add(key)
        for name, _ in sig.names:
            self._names[name][key] = None
        for anchor in sig.anchors:
            if not anchor.startswith(DAY):  # a day is no way in: every report of that day names it
                self._anchors[anchor][key] = None

    def remove(self, key: int, sig: Signature) -> None:
        if self._side.pop(key, None) is not None:
            self._side_matrix = None
        else:
            self._vectors.remove(key)
        if key in self._in_lsh:
            self._lsh.remove(key)
            self._in_lsh.discard(key)
        for postings, terms in ((self._names, [n for n, _ in sig.names]), (self._anchors, sig.anchors)):
            for term in terms:
                posting = postings.get(term)
                if posting and key in posting:
                    del posting[key]
                    if not posting:  # a long-running index sees names come and go
                        del postings[term]

    def nearest(self, sig: Signature, k: int = NEAREST) -> list[int]:
        """Keys of the ``k`` articles whose document vectors are closest."""
        query = np.asarray(sig.vector, dtype=np.float32)
        found: list[tuple[float, int]] = []
        if len(self._vectors):
            hits = self._vectors.search(query, min(k, len(self._vectors)))
            found = [(float(d), int(key)) for key, d in zip(hits.keys, hits.distances, strict=True)]
        if self._side:
            if self._side_matrix is None:
                keys = np.fromiter(self._side, dtype=np.int64, count=len(self._side))
                self._side_matrix = (keys, np.vstack(list(self._side.values())))
            keys, matrix = self._side_matrix
            dist = 1.0 - matrix @ query
            top = np.argsort(dist, kind="stable")[:k]
            found = sorted(found + [(float(dist[i]), int(keys[i])) for i in top])[:k]
        return [key for _, key in found]

    def copies(self, sig: Signature, stored: dict[int, Signature]) -> list[int]:
        """Keys of near-identical texts: LSH candidates whose estimated Jaccard passes."""
        mine = minhash_from_values(sig.minhash)
        hits = []
        for key in self._lsh.query(mine):
            other = stored.get(int(key))
            if other is not None and minhash_from_values(other.minhash).jaccard(mine) >= self.copy_threshold:
                hits.append(int(key))
        return hits

    def sharing_names(self, sig: Signature, rarity: dict[str, float]) -> list[int]:
        """Recent articles that share one of the new article's rarest names."""
        names = sorted((n for n, _ in sig.names if n in self._names), key=lambda n: -rarity.get(n, 0.0))
        out: list[int] = []
        for name in names[:NAMES_PER_QUERY]:
            out.extend(reversed(list(islice(reversed(self._names[name]), POSTINGS))))
        return out

    def sharing_anchors(self, sig: Signature, rarity: dict[str, float]) -> list[int]:
        """Recent articles that share one of the new article's rarest person or street anchors."""
        found = [a for a in sig.anchors if a in self._anchors]
        out: list[int] = []
        for anchor in sorted(found, key=lambda a: -rarity.get(a, 0.0))[:ANCHORS_PER_QUERY]:
            out.extend(reversed(list(islice(reversed(self._anchors[anchor]), POSTINGS))))
        return out


def restore_lsh(num_perm: int, b: int, r: int, tables: list[dict[Any, Any]], keys: dict[Any, Any]) -> Any:
    """A MinHashLSH holding these buckets (what ``CandidateIndex.__getstate__`` kept of one)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(num_perm=num_perm, params=(b, r))
    for table, buckets in zip(lsh.hashtables, tables, strict=True):
        table._dict = buckets
    lsh.keys._dict = keys
    return lsh
