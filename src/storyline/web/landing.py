"""Adding articles to the library and learning which story each one landed in."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from storyline.model import Article
from storyline.store import AddResult, NotInLibrary
from storyline.web.resources import Resources, report_key

BATCH = 16  # articles per library call: one nlp.pipe batch, short enough to let pages through

Landed = dict[str, tuple[str, str | None, str]]  # article id → (story id, story title, status)


def add_to_library(
    resources: Resources, articles: Sequence[Article], on_filed: Callable[[int], None] | None = None
) -> Landed:
    """Annotate, store and group ``articles`` as ``storyline library add`` does; ``on_filed`` gets
    the number filed so far, for the progress bar."""
    if not articles:
        return {}
    lib = resources.library()
    filed = 0

    def progress(_result: AddResult) -> None:
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
                progress=progress,
                crosscheck=False,  # done once below, for every story the add changed
            )
    resources.forget_outlets()
    changed = {r.story_id for r in results if r.status != "existing"}
    titles = {sid: cross_check_story(resources, sid, sid in changed) for sid in {r.story_id for r in results}}
    return {r.article_id: (r.story_id, titles.get(r.story_id), r.status) for r in results}


def cross_check_story(resources: Resources, story_id: str, changed: bool) -> str | None:
    """The story's title; a story the add changed is cross-checked now, as ``library add`` does
    (its conflict count goes to the library page), and the report is kept for its story page."""
    lib = resources.library()
    try:
        stored = lib.story(story_id)
    except NotInLibrary:  # removed by another process meanwhile
        return None
    if changed and len(stored.articles) >= 2:
        with resources.model_lock:
            report = lib.report(story_id, nlp=resources.nlp(), embedder=resources.embedder())
        resources.remember_report(report_key(stored), report)
    return stored.story.title
