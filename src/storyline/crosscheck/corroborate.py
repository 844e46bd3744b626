"""Independent sources: a wire copy run by two outlets is one source, not two."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from storyline.model import AnnotatedArticle


def find_copies(articles: Sequence[AnnotatedArticle]) -> dict[str, str]:
    """Copy id → id of the article it copies, from the stories stage's near-duplicate finder."""
    from storyline.stories.copies import find_copies as _find

    return _find([a.article for a in articles])


def origins(articles: Sequence[AnnotatedArticle], copy_of: Mapping[str, str]) -> list[int]:
    """For each article, the index of the article whose text it carries (itself when original)."""
    index = {a.id: i for i, a in enumerate(articles)}
    return [index.get(copy_of.get(a.id, a.id), i) for i, a in enumerate(articles)]


def independent(sources: Iterable[int], origin: Sequence[int]) -> int:
    """How many independent sources among these article indexes."""
    return len({origin[s] for s in sources})
