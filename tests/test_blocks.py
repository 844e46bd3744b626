"""Grouping in blocks is a pure function of the signatures: the vector links that join articles
into blocks are found the same way on every run (``engines/blocks._link_vectors``)."""

from __future__ import annotations

import numpy as np

from storyline.engines.blocks import LINK_COSINE, _link_vectors
from storyline.stories.signatures import Signature


def test_vector_links_are_the_same_on_every_run() -> None:
    """2,000 document vectors in 40 topics, as a crawl's day holds: an HNSW graph that several
    threads build at once depends on their timing (the links differed on every run of this size
    with usearch's default threads), and a missed link can split a block and so a story."""
    rng = np.random.default_rng(0)
    topics = rng.normal(size=(40, 384))
    vectors = topics[rng.integers(0, 40, 2000)] + 0.8 * rng.normal(size=(2000, 384))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    sigs = [Signature(f"a{i}", None, b"", v, (), ()) for i, v in enumerate(vectors)]

    def links() -> set[tuple[int, int]]:
        out: set[tuple[int, int]] = set()
        _link_vectors(sigs, lambda i, j: out.add((min(i, j), max(i, j))))
        return out

    first = links()
    assert len(first) > 5000
    assert all(float(vectors[i] @ vectors[j]) >= LINK_COSINE - 1e-4 for i, j in first)
    assert links() == first
    assert links() == first
