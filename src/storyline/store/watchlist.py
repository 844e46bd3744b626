"""The sources ``watch`` follows and the entries it has seen, kept in the library so that any
process (a cron ``--once``, a restarted ``--every``) carries on where the last one stopped."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import Engine, delete, func, select, update

from storyline.store.schema import articles, source_entries, sources

MAX_TRIES = 3  # a page that failed this often (gone, refused) is not asked for again


@dataclass(frozen=True)
class Source:
    """One followed source and the validators of its last response."""

    url: str
    kind: str | None = None
    title: str | None = None
    parent: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    checked: float | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "url": self.url,
            "kind": self.kind,
            "title": self.title,
            "parent": self.parent,
            "checked": self.checked,
        }


def remember(engine: Engine, url: str, parent: str | None = None) -> bool:
    """Follow ``url`` (a no-op when followed already); whether it was new."""
    with engine.begin() as conn:
        if conn.execute(select(sources.c.url).where(sources.c.url == url)).first() is not None:
            return False
        conn.execute(sources.insert().values(url=url, parent=parent, added=time.time()))
        return True


def forget(engine: Engine, url: str) -> int:
    """Stop following ``url`` and the feeds it listed; how many sources were dropped. The entries
    seen stay, so following it again later does not fetch them twice."""
    with engine.begin() as conn:
        gone = conn.execute(delete(sources).where((sources.c.url == url) | (sources.c.parent == url)))
        return int(gone.rowcount or 0)


def followed(engine: Engine, *, top_only: bool = False) -> list[Source]:
    """Followed sources in the order they were added."""
    query = select(sources).order_by(sources.c.added, sources.c.url)
    if top_only:
        query = query.where(sources.c.parent.is_(None))
    with engine.connect() as conn:
        return [
            Source(r.url, r.kind, r.title, r.parent, r.etag, r.last_modified, r.checked)
            for r in conn.execute(query)
        ]


def entries_seen(engine: Engine) -> dict[str, int]:
    """How many entry addresses each source has listed so far (filed, refused or failed)."""
    query = select(source_entries.c.source, func.count()).group_by(source_entries.c.source)
    with engine.connect() as conn:
        return {str(r[0]): int(r[1]) for r in conn.execute(query)}


def source(engine: Engine, url: str) -> Source | None:
    with engine.connect() as conn:
        r = conn.execute(select(sources).where(sources.c.url == url)).first()
    return None if r is None else Source(r.url, r.kind, r.title, r.parent, r.etag, r.last_modified, r.checked)


def checked(
    engine: Engine,
    url: str,
    *,
    kind: str | None,
    title: str | None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> None:
    """Record a successful read of ``url``: the validators to send next time, its kind and name."""
    values: dict[str, object] = {"checked": time.time(), "etag": etag, "last_modified": last_modified}
    if kind is not None:
        values["kind"] = kind
    if title is not None:
        values["title"] = title
    with engine.begin() as conn:
        conn.execute(update(sources).where(sources.c.url == url).values(**values))


def unseen(engine: Engine, urls: list[str]) -> list[str]:
    """The canonical ``urls`` that need fetching: neither settled by an earlier pass nor stored
    already as an article's address (say by ``add URL``), in the given order, once each."""
    wanted = list(dict.fromkeys(urls))
    done: set[str] = set()
    with engine.connect() as conn:
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            settled = select(source_entries.c.url).where(
                source_entries.c.url.in_(part),
                (source_entries.c.status != "failed") | (source_entries.c.tries >= MAX_TRIES),
            )
            done.update(r[0] for r in conn.execute(settled))
            done.update(r[0] for r in conn.execute(select(articles.c.url).where(articles.c.url.in_(part))))
    return [u for u in wanted if u not in done]


def settle(
    engine: Engine,
    url: str,
    source_url: str,
    status: str,
    *,
    article_id: str | None = None,
    reason: str | None = None,
) -> None:
    """Record what became of one entry (a failure counts a try; the others are final)."""
    with engine.begin() as conn:
        found = conn.execute(select(source_entries.c.tries).where(source_entries.c.url == url)).first()
        values = {
            "source": source_url,
            "status": status,
            "article_id": article_id,
            "reason": reason,
            "seen": time.time(),
        }
        if found is None:
            conn.execute(source_entries.insert().values(url=url, tries=1, **values))
        else:
            conn.execute(
                update(source_entries)
                .where(source_entries.c.url == url)
                .values(tries=found.tries + 1, **values)
            )
