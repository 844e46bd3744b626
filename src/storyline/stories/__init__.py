"""Many articles → stories: wire-copy detection, article signatures, an index, incremental grouping.

Light on import: datasketch, usearch and numpy load when a function that needs them runs.

    from storyline.stories import find_copies, group_articles

The stages, for an engine that runs them apart: ``signatures.sign_many(articles, embedder)`` (a
batch function: MinHash, document vector, word and name weights), ``group.group_signatures(sigs)``
(a pure function of a batch, order-independent) or ``group.Grouper`` (incremental, what the library
keeps), ``titles.build_stories`` (placements → ``Story``), ``copies.find_copies``. ``anchors`` (the people,
streets and days a report names) and ``pages`` (pages that are no article) feed the signature.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from storyline.model import AnnotatedArticle, Article, Story


def find_copies(articles: Sequence[Article], *, threshold: float = 0.8) -> dict[str, str]:
    """Map each wire copy's id to the id of the article it copies (see ``copies.find_copies``)."""
    from storyline.stories.copies import find_copies as _find

    return _find(articles, threshold=threshold)


def group_articles(articles: Sequence[AnnotatedArticle | Article], *, embedder: Any) -> list[Story]:
    """Group articles into stories (see ``group.group_articles``)."""
    from storyline.stories.titles import group_articles as _group

    return _group(articles, embedder=embedder)


__all__ = ["find_copies", "group_articles"]
