"""Adding articles to the library and learning which story each one landed in."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from storyline.model import Article
from storyline.store import AddResult, NotInLibrary
from storyline.web.jobs import Progress
from storyline.web.resources import Resources, key_of_report

BATCH = 16  # articles per library call: one nlp.pipe batch, short enough to let pages through
LOCK_WAIT_S = 1.0  # how often an add waiting for another checker sees whether the server stops

Landed = dict[str, tuple[str, str | None, str]]  # article id → (story id, story title, status)


def add_to_library(
    resources: Resources,
    articles: Sequence[Article],
    on_filed: Callable[[int], None] | None = None,
    progress: Progress | None = None,
) -> Landed:
    """Annotate, store and group ``articles`` as ``storyline library add`` does; ``on_filed`` gets
    the number filed so far, for the progress bar. The stories owed a cross-check are checked
    here only when ``progress`` says no other add waits behind this one (``check_owed``)."""
    lib = resources.library()
    filed = 0

    def count(_result: AddResult) -> None:
        nonlocal filed
        filed += 1
        if on_filed is not None:
            on_filed(filed)

    results: list[AddResult] = []
    for b in range(0, len(articles), BATCH):
        # The models are held per batch, not per add, so story pages can be computed meanwhile.
        with resources.model_lock:
            results += lib.add_articles(
                list(articles[b : b + BATCH]),
                nlp=resources.nlp(),
                embedder=resources.embedder(),
                progress=count,
                crosscheck=False,  # owed (check_due) and paid once the queue is empty
            )
    resources.forget_outlets()
    if progress is None:
        check_owed(resources)
    elif progress.alone():
        progress.update(stage="cross-checking the stories that changed")
        progress.update(checked=check_owed(resources, progress))
    titles = {sid: _title(resources, sid) for sid in {r.story_id for r in results}}
    return {r.article_id: (r.story_id, titles.get(r.story_id), r.status) for r in results}


def check_owed(resources: Resources, progress: Progress | None = None) -> int:
    """Cross-check every story owed one, as ``library add`` does at its end: those the queued adds
    changed, once each however many adds touched them, and any an add killed before counting
    left behind. ``check`` stores each report in the library (for any process's next view) and
    it is kept in memory too, so the story's page then opens at once. Under the library's
    checker lock: it waits for another checker to finish first. Returns how many stories were
    owed."""
    from storyline.store.checklock import CheckLock

    lib = resources.library()
    if not lib.due():
        return 0
    lock = CheckLock(lib.url, lib.engine)
    while not lock.acquire(LOCK_WAIT_S):  # another checker (the background one, a detached one)
        if progress is not None:
            progress.check()
    try:
        owed = lib.due()  # those the other checker left
        for story_id in owed:
            if progress is not None:
                progress.check()  # a stopping server does not start another cross-check
            with resources.model_lock:  # a failure is stored and given up at its last try, never raised
                report = lib.check_owed_story(story_id, nlp=resources.nlp(), embedder=resources.embedder())
            if report is not None:
                resources.remember_report(key_of_report(story_id, report), report)
    finally:
        lock.release()
    return len(owed)


def _title(resources: Resources, story_id: str) -> str | None:
    try:
        return resources.library().story(story_id).story.title
    except NotInLibrary:  # removed by another process meanwhile
        return None
