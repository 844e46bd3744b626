"""Adding articles to the library and learning which story each one landed in."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from storyline.model import Article
from storyline.store import AddResult, NotInLibrary
from storyline.web.resources import Resources

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
            )
    resources.forget_outlets()
    titles: dict[str, str | None] = {}
    for sid in {r.story_id for r in results}:
        try:
            titles[sid] = lib.story(sid).story.title
        except NotInLibrary:  # removed by another process meanwhile
            titles[sid] = None
    return {r.article_id: (r.story_id, titles.get(r.story_id), r.status) for r in results}
