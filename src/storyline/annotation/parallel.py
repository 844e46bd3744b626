"""Annotation in several processes: each worker runs the whole stage (spaCy and storyline's own
annotators) on a batch of articles and sends back only the small frozen results.

``spacy.Language.pipe(n_process=…)`` parallelises spaCy alone and ships every ``Doc`` (tensors
included) back to the parent, where the parser pass and the annotators would still run on one
core. Here the parent only hands out batches and yields results in input order, keeping a bounded
number of batches in flight so a large archive streams with flat memory. Workers are forked with
the parent's loaded model where the platform allows (no reload, shared pages), else spawned and
load it once each.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from spacy.language import Language

from storyline.model import AnnotatedArticle, Article

# Per-worker state: the model a worker process loaded or inherited once, used by every batch.
_WORKER: dict[str, Language] = {}


def _init(nlp: Language | None) -> None:
    from storyline.annotation.pipeline import load_nlp

    _WORKER["nlp"] = nlp if nlp is not None else load_nlp()


def _run(batch: list[Article]) -> list[AnnotatedArticle]:
    from storyline.annotation.pipeline import annotate_batch

    return annotate_batch(batch, _WORKER["nlp"])


def worker_nlp() -> Language:
    """The model of this worker process (what ``annotator_pool`` gave it)."""
    return _WORKER["nlp"]


def annotator_pool(nlp: Language | None, n_process: int) -> ProcessPoolExecutor:
    """``n_process`` worker processes that each hold the spaCy model (``worker_nlp``): forked with
    ``nlp`` where the platform allows, else spawned to load it once each."""
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    inherited = nlp if ctx.get_start_method() == "fork" else None
    return ProcessPoolExecutor(n_process, mp_context=ctx, initializer=_init, initargs=(inherited,))


def annotate_parallel(
    articles: Iterable[Article], nlp: Language | None, *, n_process: int, batch_size: int
) -> Iterator[AnnotatedArticle]:
    """``annotate_many`` over ``n_process`` worker processes, results in input order."""
    it = iter(articles)
    pending: deque[Future[list[AnnotatedArticle]]] = deque()
    with annotator_pool(nlp, n_process) as pool:
        while True:
            while len(pending) < 2 * n_process:
                batch = list(islice(it, batch_size))
                if not batch:
                    break
                pending.append(pool.submit(_run, batch))
            if not pending:
                return
            yield from pending.popleft().result()
