"""Adding articles to the library and learning which story each one landed in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyline.model import Article, Story
from storyline.web.resources import Resources


def add_to_library(resources: Resources, articles: Sequence[Article]) -> dict[str, tuple[str, str | None]]:
    """Annotate, store and group ``articles``; map each article id to (story id, story title)."""
    if not articles:
        return {}
    lib = resources.library()
    with resources.model_lock:
        result = lib.add_articles(list(articles), nlp=resources.nlp(), embedder=resources.embedder())
    return _landed(result, articles)


def _landed(result: Any, articles: Sequence[Article]) -> dict[str, tuple[str, str | None]]:
    out: dict[str, tuple[str, str | None]] = {}
    for item in result or ():
        if isinstance(item, Story):
            for a in item.articles:
                out[a.id] = (item.id, item.title)
    return out
