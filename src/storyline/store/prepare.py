"""Before filing: annotate plain articles, embed their sentences, compute their signatures.

All the model work of an add happens here, in batches and outside any transaction, so a
transaction holds the write lock only for the few queries of filing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from storyline.model import AnnotatedArticle, Article
from storyline.store.filing import Prepared
from storyline.stories.signatures import sign_many


def prepare_many(
    items: Sequence[Article | AnnotatedArticle], *, nlp: Any, embedder: Any
) -> Iterator[Prepared]:
    """Prepared articles in input order: annotations, sentence vectors, signature."""
    if not items:
        return
    from storyline.annotation import ensure_annotated

    anns = ensure_annotated(items, nlp)
    texts = [[a.text[s.start : s.end].strip() for s in a.sentences] for a in anns]
    flat = [t for ts in texts for t in ts]
    vecs = embedder.embed(flat) if flat else None
    sigs = sign_many([a.article for a in anns], embedder)
    at = 0
    for ann, ts, sig in zip(anns, texts, sigs, strict=True):
        own = vecs[at : at + len(ts)] if vecs is not None else None
        at += len(ts)
        yield Prepared(annotated=ann, signature=sig, sentence_vectors=own)
