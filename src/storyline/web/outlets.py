"""Outlet names for the library page, read in one query per page.

``Library.stories`` gives each story's number of outlets; the page also names them, and the source
filter lists every outlet stored. Both come straight from the store's ``articles`` table so a page
of fifty stories costs one query, not fifty story loads.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from storyline.store import Library
from storyline.store.schema import articles

MAX_OUTLETS = 500  # entries in the source filter; a library with more is searched by typing


def outlets_by_story(lib: Library, story_ids: Sequence[str]) -> dict[str, list[str]]:
    """Each story's outlets, in the order their reports were filed."""
    if not story_ids:
        return {}
    stmt = (
        select(articles.c.story_id, articles.c.source)
        .where(articles.c.story_id.in_(list(story_ids)), articles.c.current)
        .order_by(articles.c.seq)
    )
    out: dict[str, list[str]] = {sid: [] for sid in story_ids}
    with lib.engine.connect() as conn:
        for row in conn.execute(stmt):
            name = row.source or "unknown outlet"
            if name not in out[row.story_id]:
                out[row.story_id].append(name)
    return out


def all_outlets(lib: Library) -> list[str]:
    """Every outlet in the library, alphabetically, for the source filter."""
    stmt = select(articles.c.source).where(articles.c.source.is_not(None)).distinct().limit(MAX_OUTLETS)
    with lib.engine.connect() as conn:
        return sorted({str(r[0]) for r in conn.execute(stmt)}, key=str.lower)
