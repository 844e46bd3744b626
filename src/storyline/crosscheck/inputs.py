"""Turning what the caller gave (paths, Articles, AnnotatedArticles) into annotated reports."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from storyline.errors import NotEnoughReports, UnreadableInput
from storyline.model import AnnotatedArticle, Article


def _read(item: str | Path) -> list[Article | UnreadableInput]:
    """Every article one path stands for (a folder or a JSON Lines file holds several)."""
    from storyline.reading import iter_inputs

    return list(iter_inputs([str(item)]))


def prepare(
    items: Sequence[str | Path | Article | AnnotatedArticle],
    *,
    nlp: Any = None,
    on_error: Callable[[UnreadableInput], None] | None = None,
) -> list[AnnotatedArticle]:
    """Read and annotate each item, keeping the order given; bad inputs go to ``on_error``
    (raised when it is None)."""
    slots: list[Article | AnnotatedArticle] = []
    for item in items:
        if isinstance(item, (Article, AnnotatedArticle)):
            slots.append(item)
            continue
        for got in _read(item):
            if isinstance(got, Article):
                slots.append(got)
            elif on_error is None:
                raise got
            else:
                on_error(got)
    if len(slots) < 2:
        raise NotEnoughReports(
            f"compare needs at least two readable reports; got {len(slots)} of {len(items)}"
        )
    from storyline.annotation import ensure_annotated

    return ensure_annotated(slots, nlp)
