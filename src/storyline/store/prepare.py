"""Before filing: annotate plain articles and compute their signatures.

The model work of filing happens here, in batches and outside any transaction, so a transaction
holds the write lock only for the few queries of filing. Only the title and lead are embedded
(the document vector): the other sentences wait for a cross-check that needs them (``vectors.py``).
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
    """Prepared articles in input order: annotations and signature."""
    if not items:
        return
    from storyline.annotation import ensure_annotated

    anns = ensure_annotated(items, nlp)
    sigs = sign_many([a.article for a in anns], embedder)
    for ann, sig in zip(anns, sigs, strict=True):
        yield Prepared(annotated=ann, signature=sig)
