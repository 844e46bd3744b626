"""Turning what the caller gave (paths, Articles, AnnotatedArticles) into annotated reports."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from storyline.errors import NotEnoughReports, UnreadableInput
from storyline.model import AnnotatedArticle, Article


def _read(item: str | Path) -> Article:
    from storyline.reading import read

    return read(item)


def prepare(
    items: Sequence[str | Path | Article | AnnotatedArticle],
    *,
    nlp: Any = None,
    on_error: Callable[[UnreadableInput], None] | None = None,
) -> list[AnnotatedArticle]:
    """Read and annotate each item, keeping the order given; bad inputs go to ``on_error``."""
    slots: list[Article | AnnotatedArticle] = []
    for item in items:
        if isinstance(item, (Article, AnnotatedArticle)):
            slots.append(item)
            continue
        try:
            slots.append(_read(item))
        except UnreadableInput as exc:
            if on_error is None:
                raise
            on_error(exc)
    if len(slots) < 2:
        raise NotEnoughReports(
            f"compare needs at least two readable reports; got {len(slots)} of {len(items)}"
        )
    plain = [s for s in slots if isinstance(s, Article)]
    annotated: dict[int, AnnotatedArticle] = {}
    if plain:
        from storyline.annotation import annotate_many, load_nlp

        done = annotate_many(plain, nlp if nlp is not None else load_nlp())
        annotated = {id(a): ann for a, ann in zip(plain, done, strict=True)}
    return [s if isinstance(s, AnnotatedArticle) else annotated[id(s)] for s in slots]
