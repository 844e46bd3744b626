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


def annotate_all(items: Sequence[Article | AnnotatedArticle], nlp: Any) -> list[AnnotatedArticle]:
    """Annotated articles in order; the plain ones go through spaCy in one batch."""
    plain = [it for it in items if isinstance(it, Article)]
    done: dict[int, AnnotatedArticle] = {}
    if plain:
        from storyline.annotation import annotate_many, load_nlp

        anns = annotate_many(plain, nlp if nlp is not None else load_nlp())
        done = {id(a): ann for a, ann in zip(plain, anns, strict=True)}
    return [it if isinstance(it, AnnotatedArticle) else done[id(it)] for it in items]


def prepare_many(
    items: Sequence[Article | AnnotatedArticle], *, nlp: Any, embedder: Any
) -> Iterator[Prepared]:
    """Prepared articles in input order: annotations, sentence vectors, signature."""
    if not items:
        return
    anns = annotate_all(items, nlp)
    texts = [[a.text[s.start : s.end].strip() for s in a.sentences] for a in anns]
    flat = [t for ts in texts for t in ts]
    vecs = embedder.embed(flat) if flat else None
    sigs = sign_many([a.article for a in anns], embedder)
    at = 0
    for ann, ts, sig in zip(anns, texts, sigs, strict=True):
        own = vecs[at : at + len(ts)] if vecs is not None else None
        at += len(ts)
        yield Prepared(annotated=ann, signature=sig, sentence_vectors=own)
