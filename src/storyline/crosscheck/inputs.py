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


def gather(
    items: Sequence[str | Path | Article | AnnotatedArticle],
    *,
    on_error: Callable[[UnreadableInput], None] | None = None,
) -> list[Article | AnnotatedArticle]:
    """Read each item, keeping the order given; bad inputs go to ``on_error`` (raised when it is
    None); fewer than two readable reports raise ``NotEnoughReports``."""
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
    return slots


def statements(slots: Sequence[Article | AnnotatedArticle]) -> list[str]:
    """The sentence texts the cross-check may embed, known before annotation: the sentence
    splitter is rule-based, so they can be embedded while spaCy annotates. Reports already
    annotated (a library's) give none: the cross-check embeds only those of their sentences it
    needs (``needed``), and no annotation runs beside it."""
    from storyline.annotation.sentences import split_sentences
    from storyline.crosscheck.facts import trimmed

    out = []
    for it in slots:
        if isinstance(it, Article):
            out += [it.text[a:b] for a, b in (trimmed(it.text, s, e) for s, e in split_sentences(it.text))]
    return [t for t in out if t]


def prepare(
    items: Sequence[str | Path | Article | AnnotatedArticle],
    *,
    nlp: Any = None,
    on_error: Callable[[UnreadableInput], None] | None = None,
) -> list[AnnotatedArticle]:
    """Read and annotate each item, keeping the order given (see ``gather``)."""
    from storyline.annotation import ensure_annotated

    return ensure_annotated(gather(items, on_error=on_error), nlp)
