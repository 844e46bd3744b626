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
from storyline.crosscheck.inputs import gather, prepare, statements
from storyline.errors import UnreadableInput
from storyline.model import AnnotatedArticle, Article, Report


def compare(
    items: Sequence[str | Path | Article | AnnotatedArticle],
    *,
    nlp: Any = None,
    embedder: Any = None,
    on_error: Callable[[UnreadableInput], None] | None = None,
    progress: Callable[[], None] | None = None,
) -> Report:
    """Cross-check two or more reports of one story.

    Unreadable inputs go to ``on_error`` (raised when it is None) and the rest are compared;
    fewer than two readable reports raise ``NotEnoughReports``. Models load only when not given.
    ``progress`` hears of each report annotated (the most of a long compare's time).
    """
    from concurrent.futures import ThreadPoolExecutor

    from storyline.annotation import ensure_annotated
    from storyline.crosscheck.predicates import default_nlp

    slots = gather(items, on_error=on_error)
    texts = statements(slots)
    # onnxruntime runs outside the GIL, so the model loads (on a cold run) and the sentences are
    # embedded on the other core while spaCy annotates; cross_check then finds them in the cache.
    with ThreadPoolExecutor(max_workers=1) as pool:
        loading = pool.submit(_embedder, embedder)
        embedding = pool.submit(lambda: loading.result().embed(texts))
        nlp = nlp if nlp is not None else default_nlp()  # one pipeline annotates and parses claims
        articles = ensure_annotated(slots, nlp, progress)
        embedding.result()
        return cross_check(articles, loading.result(), nlp)


def _embedder(given: Any) -> Any:
    from storyline.embed import Embedder

    return given if given is not None else Embedder()


__all__ = ["compare", "cross_check", "gather", "prepare"]
