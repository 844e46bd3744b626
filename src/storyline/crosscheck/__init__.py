"""Cross-checking several reports of one story: what they agree on, where they conflict (numbers,
dates, quote wording, speakers, claims), what each adds — every finding traced to its sentence.

``compare(items)`` takes paths, Articles or AnnotatedArticles; pass ``nlp`` and ``embedder`` to
reuse loaded models.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from storyline.crosscheck.engine import cross_check
from storyline.crosscheck.inputs import prepare
from storyline.errors import UnreadableInput
from storyline.model import AnnotatedArticle, Article, Report


def compare(
    items: Sequence[str | Path | Article | AnnotatedArticle],
    *,
    nlp: Any = None,
    embedder: Any = None,
    on_error: Callable[[UnreadableInput], None] | None = None,
) -> Report:
    """Cross-check two or more reports of one story.

    Unreadable inputs go to ``on_error`` (raised when it is None) and the rest are compared;
    fewer than two readable reports raise ``NotEnoughReports``. Models load only when not given.
    """
    if embedder is not None:
        return cross_check(prepare(items, nlp=nlp, on_error=on_error), embedder)
    from concurrent.futures import ThreadPoolExecutor

    from storyline.embed import Embedder

    # A cold run loads the ONNX model while spaCy reads and annotates: onnxruntime builds its
    # session outside the GIL, so the two overlap instead of adding up.
    with ThreadPoolExecutor(max_workers=1) as pool:
        loading = pool.submit(Embedder)
        articles = prepare(items, nlp=nlp, on_error=on_error)
        return cross_check(articles, loading.result())


__all__ = ["compare", "cross_check", "prepare"]
