"""The cross-checks of the stories an add changed, compared in two worker processes.

After the filing process has embedded a group of stories' sentences (on both cores), comparing
them one after the other kept about one core busy (basil-dev: 3.6 s wall for 5.5 CPU s). A story's
check is a function of its members, the two models and the embedder's cache alone, so it gives
the same report in any process that holds them: the workers are forked once the group's vectors
are in the cache, each starts from the cache the filing process would have compared in, and the
reports come back, in order, to be stored there. Embedding the next group while one is compared
was slower (both cores are busy embedding: 1.2 s more wall on basil-dev, chrt). Where processes
cannot be forked (the workers would not inherit the cache), only one core is usable, or there are
few stories, they are compared here.
"""

from __future__ import annotations

import gc
import multiprocessing
import traceback
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from storyline.errors import NotEnoughReports
from storyline.model import Report
from storyline.store.checkfail import Failed
from storyline.store.records import StoredStory

MIN_STORIES = 4  # fewer are compared here: forking the workers would cost more than it saves

# Per-worker state, inherited through the fork: the models and the group's stories.
_WORKER: dict[str, Any] = {}


def processes(owed: int, embedder: Any) -> int:
    """How many worker processes compare ``owed`` stories; 0: this process compares them."""
    from storyline.embed import usable_cores

    cores = min(2, usable_cores())
    forks = "fork" in multiprocessing.get_all_start_methods()
    if owed < MIN_STORIES or cores < 2 or not forks or getattr(embedder, "remember", None) is None:
        return 0
    return cores


def checked(stored: StoredStory, nlp: Any, embedder: Any) -> Report | Failed | None:
    """The story's cross-check; None when fewer than two of its reports are usable; ``Failed``
    when it raised (one story's failure is its own: the others are still checked)."""
    from storyline.crosscheck import compare

    try:
        return compare(list(stored.articles), nlp=nlp, embedder=embedder)
    except NotEnoughReports:
        return None
    except Exception as exc:  # a bug or a model error on this story's reports
        return Failed(f"{exc.__class__.__name__}: {exc}", traceback.format_exc())


def reports(
    stories: Sequence[StoredStory | None], nlp: Any, embedder: Any, n_process: int
) -> Iterator[Report | Failed | None]:
    """The cross-check of each story in order (None for a story not compared), computed by
    ``n_process`` forked workers, or here when it is 0."""
    if not n_process:
        yield from (checked(s, nlp, embedder) if s is not None else None for s in stories)
        return
    ctx = multiprocessing.get_context("fork")
    args = (nlp, embedder, stories)
    pool = ProcessPoolExecutor(n_process, mp_context=ctx, initializer=_init, initargs=args)
    gc.freeze()  # the workers' collector leaves the inherited objects alone: fewer pages copied
    try:
        # all submitted at once: the workers fork at the first, from the cache as it stands
        futures = [pool.submit(_compare, i) if s is not None else None for i, s in enumerate(stories)]
        gc.unfreeze()
        yield from (f.result() if f is not None else None for f in futures)
    finally:
        gc.unfreeze()
        pool.shutdown(wait=True, cancel_futures=True)


def _init(nlp: Any, embedder: Any, stories: Sequence[StoredStory | None]) -> None:
    _WORKER.update(nlp=nlp, embedder=embedder, stories=stories)


def _compare(index: int) -> Report | Failed | None:
    stored = _WORKER["stories"][index]
    return checked(stored, _WORKER["nlp"], _WORKER["embedder"])
