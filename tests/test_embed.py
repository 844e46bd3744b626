"""A text's vector does not depend on what it was batched with, nor on where it came from: the
embedder pads each batch itself (to its longest sentence, masked) and rounds every vector to the
float16 values a library stores, so a story's sentences embedded together at its first cross-check,
alone, on another thread or read back from a library are equal, bit for bit."""

from __future__ import annotations

from typing import Any

import numpy as np


def test_a_sentence_embeds_alike_alone_and_among_sentences_of_other_lengths(embedder: Any) -> None:
    texts = [
        "Police closed the bridge.",
        "The council voted 7-2 on Tuesday to delay the $40 million bridge repair until the spring, "
        "after engineers said the cracks found in March had not grown.",
        "Nobody was hurt, the fire service said.",
        "Police closed the bridge.",  # a repeat is answered from the cache, in its place
    ]
    embedder.forget()
    together = embedder.embed(texts, batch_size=2)  # the long sentence pads its batch partner
    embedder.forget()
    alone = np.vstack([embedder.embed([t]) for t in texts])
    assert together.shape == (4, 384)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-4)  # float16 values
    assert np.array_equal(together, alone)
    assert float(together[0] @ together[1]) < 0.9  # rows kept in input order, not in length order


def test_batches_run_side_by_side_give_the_vectors_of_one_thread(embedder: Any, seed_paths: Any) -> None:
    """Two lanes (batches on two threads at once) and one give the same vectors, bit for bit: a
    stored story is compared on the same vectors whatever machine embedded it."""
    from storyline.embed import Embedder
    from storyline.reading import read

    texts = [s for p in seed_paths for s in read(p).text.split(". ") if s.strip()]
    assert len(texts) > 30  # several batches, of several lengths
    one = Embedder(threads=1)
    two = Embedder(threads=2)
    alone = one.embed(texts, batch_size=8)
    side_by_side = two.embed(texts, batch_size=8)
    assert np.array_equal(alone, side_by_side)
    assert float(side_by_side[0] @ side_by_side[1]) < 0.99  # rows in input order, not shuffled


def test_a_call_of_few_sentences_runs_small_batches_of_the_same_vectors(seed_paths: Any) -> None:
    """A call of few new sentences runs batches of a few (``batch_for``: they pad less), many run
    batches of ``BATCH``; whatever the call, each sentence gets the vector it gets in one call of
    all, bit for bit: a story's sentences embedded at its first check, a page's or a compare's
    few, give the same findings."""
    from storyline.embed import BATCH, MIN_BATCH, Embedder, batch_for
    from storyline.reading import read

    assert batch_for(1) == batch_for(75) == MIN_BATCH and batch_for(300) == 9 and batch_for(2_000) == BATCH
    texts = [s for p in seed_paths for s in read(p).text.split(". ") if s.strip()]
    assert len(texts) > 30
    one = Embedder(threads=2)
    together = one.embed(texts, batch_size=BATCH)
    one.forget()
    in_calls = np.vstack([one.embed(texts[i : i + 7]) for i in range(0, len(texts), 7)])
    assert np.array_equal(together, in_calls)


def test_a_vector_read_back_from_a_library_is_the_vector_computed(seed_paths: Any) -> None:
    """A library stores vectors as float16 and its checks put them back in the cache
    (``store/vectors.settle``): the cache then answers what a fresh embedder computes, so the
    local engine (whose embedder's cache other calls filled) and Ray's fresh workers sign alike."""
    from storyline.embed import Embedder
    from storyline.reading import read
    from storyline.store.codec import vectors_from_bytes, vectors_to_bytes

    texts = [s for p in seed_paths for s in read(p).text.split(". ") if s.strip()][:40]
    fresh = Embedder(threads=1).embed(texts)
    stored = vectors_from_bytes(vectors_to_bytes(fresh))
    assert np.array_equal(stored, fresh)
    used = Embedder(threads=2)
    used.embed([*texts[::3], "An unrelated sentence about the weather in Lisbon this weekend."])
    for text, vec in zip(texts[1::3], stored[1::3], strict=True):
        used.remember(text, vec)  # what a library's check leaves in the cache
    assert np.array_equal(used.embed(texts), fresh)
