"""storyline: read news reports, group them into stories, cross-check them claim by claim.

The Python API is the same set of functions the CLI calls::

    import storyline
    art = storyline.read("examples/000_c4ff50917423203a.txt")
    ann = storyline.annotate(art)
    report = storyline.compare(["a.txt", "b.txt"])
    for story in storyline.group_stories(["reports/"]):  # what `storyline stories` prints
        print(story.title, len(story.articles))
    with storyline.open_library("news.db", create=True) as lib:   # `add`, `list`, `show`, `remove`
        lib.add(["reports/"])
        for summary in lib.stories(query="earthquake"):
            report = lib.report(summary.id)

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
    from collections.abc import Callable, Iterable
    from pathlib import Path

    from storyline.store import Library

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


def group_stories(
    sources: Iterable[str | Path],
    *,
    source_name: str | None = None,
    on_error: Callable[[UnreadableInput], None] | None = None,
) -> list[Story]:
    """Group reports (files, directories, URLs, WARC archives) into stories without storing
    anything, as ``storyline stories`` does; wire copies are marked. (Not ``stories``: that
    name is the grouping subpackage's.) An unreadable input is
    raised unless ``on_error`` takes it (archive records skipped by design are dropped)."""
    from storyline.engines.run import open_engine, raise_unreadable, stories_of
    from storyline.reading.sniff import ReadOptions

    engine = open_engine("local")
    try:
        specs = [str(s) for s in sources]
        return stories_of(specs, engine, ReadOptions(source_name=source_name), on_error or raise_unreadable)
    finally:
        engine.close()


def open_library(db: str | Path | None = None, *, create: bool = False) -> Library:
    """Open the library at ``db`` (a SQLite file, or a postgresql:// URL; default
    ``STORYLINE_DB`` or ./storyline.db): ``add``, ``stories`` (list), ``story``/``report``
    (show), ``remove``, ``export``. A SQLite file that does not exist is refused with
    LibraryError unless ``create``, so a mistyped path does not open an empty library."""
    from storyline.store import Library
    from storyline.store.engine import missing_file

    path = None if create else missing_file(db)
    if path is not None:
        raise LibraryError(f"{path}: no library here (open_library(..., create=True) creates one)")
    return Library(db)


def __getattr__(name: str) -> Any:
    """``storyline.Library`` without importing SQLAlchemy on ``import storyline``."""
    if name == "Library":
        from storyline.store import Library

        return Library
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")


__all__ = [
    "AnnotatedArticle",
    "Article",
    "EngineError",
    "Finding",
    "Library",
    "LibraryError",
    "NotEnoughReports",
    "Report",
    "Story",
    "StorylineError",
    "UnreadableInput",
    "__version__",
    "annotate",
    "compare",
    "group_stories",
    "open_library",
    "read",
]
