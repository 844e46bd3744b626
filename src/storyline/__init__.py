"""storyline: read news reports, group them into stories, cross-check them claim by claim.

The Python API is the same set of functions the CLI calls::

    import storyline
    art = storyline.read("examples/000_c4ff50917423203a.txt")
    ann = storyline.annotate(art)
    report = storyline.compare(["a.txt", "b.txt"])

Heavy modules (spaCy, onnxruntime) load on first use, not on ``import storyline``.
"""

from __future__ import annotations

import logging
from importlib import metadata
from typing import TYPE_CHECKING, Any

from storyline.errors import (
    EngineError,
    LibraryError,
    NotEnoughReports,
    StorylineError,
    UnreadableInput,
)
from storyline.model import (
    AnnotatedArticle,
    Article,
    Finding,
    Report,
    Story,
)

if TYPE_CHECKING:
    from pathlib import Path

# A library logs; the application decides where it goes (the CLI: --quiet/--verbose).
logging.getLogger(__name__).addHandler(logging.NullHandler())

try:  # the version is pyproject.toml's, read from the installed package's metadata
    __version__ = metadata.version("storyline")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"


def read(source: str | Path | bytes, **options: Any) -> Article:
    """Read one input (a path, a URL, or the bytes of a page) into an Article."""
    from storyline.reading import read as _read

    return _read(source, **options)


def annotate(article: Article | str | Path | bytes, **options: Any) -> AnnotatedArticle:
    """Find sentences, names, quotes, quantities and dates in an article (read first if needed)."""
    from storyline.annotation import annotate as _annotate

    if not isinstance(article, Article):
        article = read(article)
    return _annotate(article, **options)


def compare(items: Any, **options: Any) -> Report:
    """Cross-check two or more reports (paths, Articles or AnnotatedArticles) of one story."""
    from storyline.crosscheck import compare as _compare

    return _compare(items, **options)


__all__ = [
    "AnnotatedArticle",
    "Article",
    "EngineError",
    "Finding",
    "LibraryError",
    "NotEnoughReports",
    "Report",
    "Story",
    "StorylineError",
    "UnreadableInput",
    "__version__",
    "annotate",
    "compare",
    "read",
]
