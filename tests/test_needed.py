"""Which sentences the cross-check embeds (``crosscheck.needed``): the seed reports, as read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from storyline.annotation import annotate_many
from storyline.crosscheck.candidates import candidate_pairs, overlap, sentence_vectors
from storyline.crosscheck.facts import SentenceFacts, sentence_facts
from storyline.crosscheck.needed import MAX_OVERLAP, needs_vector
from storyline.reading import read


def _facts(seed_paths: tuple[Path, Path], nlp: Any) -> list[SentenceFacts]:
    anns = list(annotate_many([read(p) for p in seed_paths], nlp))
    return [f for i, a in enumerate(anns) for f in sentence_facts(a, i)]


def test_a_sentence_is_left_unembedded_only_when_it_shares_almost_nothing(
    seed_paths: tuple[Path, Path], nlp: Any
) -> None:
    facts = _facts(seed_paths, nlp)
    need = needs_vector(facts)
    left = [f for f, n in zip(facts, need, strict=True) if not n]
    assert left and len(left) < len(facts) // 2  # some, not most
    for f in left:  # the index's count agrees with the pairwise overlap the pair score uses
        assert not (f.measures or f.dates)
        assert all(overlap(f, g) <= MAX_OVERLAP for g in facts if g.source != f.source)
    for f, n in zip(facts, need, strict=True):
        if n and not (f.measures or f.dates):
            assert any(overlap(f, g) > MAX_OVERLAP for g in facts if g.source != f.source)


def test_an_unembedded_sentence_is_in_no_candidate_pair(
    seed_paths: tuple[Path, Path], nlp: Any, embedder: Any
) -> None:
    facts = _facts(seed_paths, nlp)
    need = needs_vector(facts)
    vecs = sentence_vectors(facts, embedder)
    assert [bool(np.any(v)) for v in vecs] == need
    left = {(f.source, f.index) for f, n in zip(facts, need, strict=True) if not n}
    pairs = candidate_pairs(facts, vecs)
    assert pairs
    assert not any((p.a.source, p.a.index) in left or (p.b.source, p.b.index) in left for p in pairs)


def test_a_larger_share_leaves_out_more_and_keeps_every_figure_and_date(
    seed_paths: tuple[Path, Path], nlp: Any
) -> None:
    """``bench/needed_ceiling.py`` compares shares: each leaves out what a smaller one does."""
    facts = _facts(seed_paths, nlp)
    strict, loose = needs_vector(facts), needs_vector(facts, 0.4)
    assert strict == needs_vector(facts, MAX_OVERLAP)
    assert sum(loose) < sum(strict)
    assert all(s for s, n in zip(strict, loose, strict=True) if n)  # loose needs a subset
    assert all(n for f, n in zip(facts, loose, strict=True) if f.measures or f.dates)
