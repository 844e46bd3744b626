"""From placements to ``Story`` objects: members in time order, the dates, a representative title."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from storyline.model import AnnotatedArticle, Article, Story, StoryArticle
from storyline.stories.copies import published_key
from storyline.stories.group import Placement, group_signatures
from storyline.stories.signatures import Signature, sign_many

# Closeness to the mean closer than this is a tie: float16-valued vectors (embed.as_stored) and
# float32 sums differ in the sixth decimal; a real difference of typicality is far larger.
TIE = 1e-5


def representative_title(members: Sequence[Article], sigs: Sequence[Signature]) -> str | None:
    """The title of the member closest to the story's mean vector: the most typical headline.
    Wire copies repeat their original's headline, so a widely copied story's title tends to win.
    Closeness within ``TIE`` of the best is a tie, won by the first member (the earliest): two members
    are equally close to their mean up to float rounding, which must not pick the title."""
    titled = [(a, s) for a, s in zip(members, sigs, strict=True) if a.title]
    if not titled:
        return None
    centre = np.mean([s.vector for s in sigs], axis=0)
    closeness = [float(np.dot(s.vector, centre)) for _, s in titled]
    top = max(closeness)
    return next(a.title for (a, _), c in zip(titled, closeness, strict=True) if c >= top - TIE)


def _time_order(art: Article) -> tuple[float, str]:
    return (published_key(art.published), art.id)


def _date(art: Article) -> str | None:
    return art.published[:10] if art.published else None


def build_stories(
    articles: Sequence[Article], sigs: Sequence[Signature], placements: Sequence[Placement]
) -> list[Story]:
    """Stories with their members earliest first; stories ordered by their first report."""
    by_id = {a.id: (a, s) for a, s in zip(articles, sigs, strict=True)}
    groups: dict[str, list[Placement]] = {}
    for p in placements:
        groups.setdefault(p.story, []).append(p)
    out: list[Story] = []
    for story_id, members in groups.items():
        arts = sorted(
            (by_id[p.article][0] for p in members), key=lambda a: (published_key(a.published), a.id)
        )
        copy_of = {p.article: p.copy_of for p in members}
        dates = sorted(d for d in (_date(a) for a in arts) if d)
        out.append(
            Story(
                id=story_id,
                title=representative_title(arts, [by_id[a.id][1] for a in arts]),
                first=dates[0] if dates else None,
                last=dates[-1] if dates else None,
                articles=tuple(
                    StoryArticle(a.id, a.path, a.source, a.title, a.published, copy_of[a.id]) for a in arts
                ),
            )
        )
    out.sort(key=lambda s: (s.first or "9999", s.id))
    return out


def group_articles(articles: Sequence[AnnotatedArticle | Article], *, embedder: Any) -> list[Story]:
    """Group articles into stories; the same article given twice is listed once."""
    plain: dict[str, Article] = {}
    for item in articles:
        art = item.article if isinstance(item, AnnotatedArticle) else item
        plain.setdefault(art.id, art)
    arts = list(plain.values())
    sigs = sign_many(arts, embedder)
    return build_stories(arts, sigs, group_signatures(sigs))
