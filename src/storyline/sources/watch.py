"""One pass of ``storyline watch``: read each followed source, fetch the pages it lists that the
library has not seen, file them as ``add`` does, and say what changed.

A source that cannot be read is one line in the summary and the others still run. Each page is
settled in the library as soon as it is filed, so a pass killed half-way resumes with the rest.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import groupby
from pathlib import Path
from typing import Any

from storyline.engines.units import Unit
from storyline.errors import UnreadableInput
from storyline.model import Report
from storyline.reading.fetch import is_url
from storyline.reading.sniff import Blob, ReadOptions
from storyline.sources.changes import StoryChange, story_changes
from storyline.sources.feeds import Listing, parse_listing
from storyline.sources.http import Disallowed, PoliteClient
from storyline.sources.urls import canonical_url
from storyline.store import watchlist

MAX_DEPTH = 2  # an OPML list or sitemap index names feeds; those name articles, never more lists


@dataclass(frozen=True)
class WatchOptions:
    """How a pass reads: page bounds (shared with ``add``), seconds between requests to one host."""

    read: ReadOptions = field(default_factory=ReadOptions)
    delay_s: float | None = None  # None: polite defaults per host (``PoliteClient.delay_for``)


@dataclass(frozen=True)
class Page:
    """An article address to fetch, the source that listed it and that source's name."""

    url: str
    source: str
    outlet: str | None = None


@dataclass
class PassSummary:
    """What one pass did; ``problems`` holds one line per source or page that failed."""

    sources: int = 0
    unchanged: int = 0
    new_articles: int = 0
    already_stored: int = 0
    new_stories: set[str] = field(default_factory=set)
    updated_stories: set[str] = field(default_factory=set)  # stories older than this pass
    new_conflicts: int = 0
    disallowed: int = 0
    requests: int = 0
    problems: list[str] = field(default_factory=list)
    filed: list[str] = field(default_factory=list)  # ids of the articles filed, in order
    changes: list[StoryChange] = field(default_factory=list)  # story by story, new conflicts first

    def to_dict(self) -> dict[str, Any]:
        """The summary for machines (``watch --format json``): counts, then story by story."""
        return {
            "sources": self.sources,
            "unchanged": self.unchanged,
            "new_articles": self.new_articles,
            "already_stored": self.already_stored,
            "new_stories": len(self.new_stories),
            "updated_stories": len(self.updated_stories),
            "new_conflicts": self.new_conflicts,
            "disallowed": self.disallowed,
            "requests": self.requests,
            "problems": list(self.problems),
            "stories": [c.to_dict() for c in self.changes],
        }

    def line(self) -> str:
        parts = [
            f"{self.sources} sources checked ({self.unchanged} unchanged)",
            f"{self.new_articles} new articles",
            f"{len(self.new_stories)} new stories",
            f"{len(self.updated_stories)} stories updated",
            f"{self.new_conflicts} new conflicts",
        ]
        if self.already_stored:
            parts.append(f"{self.already_stored} already stored")
        if self.disallowed:
            parts.append(f"{self.disallowed} disallowed by robots.txt")
        if self.problems:
            parts.append(f"{len(self.problems)} failed")
        return ", ".join(parts)


def run_pass(
    lib: Any,
    engine: Any,
    options: WatchOptions,
    tick: Callable[[], None] | None = None,
    robots: dict[str, Any] | None = None,
) -> PassSummary:
    """One pass over every followed source; ``engine`` a local engine with its models. ``robots``
    carries the robots.txt rules read from one pass to the next (``PoliteClient.robots``)."""
    started = time.time()
    summary = PassSummary()
    with PoliteClient(options.read, options.delay_s, {} if robots is None else robots) as client:
        wanted: dict[str, Page] = {}  # canonical page address -> the source listing it
        # A source's validators are stored only once every page it listed is settled: a pass
        # killed before that reads the source in full again (and skips the pages filed).
        later: list[Callable[[], None]] = []
        for src in watchlist.followed(lib.engine, top_only=True):
            for page in _read_source(lib, client, src.url, options.read, summary, later, depth=0):
                wanted.setdefault(page.url, page)
        fresh = watchlist.unseen(lib.engine, list(wanted))
        before = _conflicts(lib)
        _file_pages(lib, engine, client, [wanted[u] for u in fresh], options.read, summary, tick)
        for record in later:
            record()
        summary.requests = client.requests
    reports: dict[str, Report | None] = {}
    lib.check_due(
        nlp=engine.models.get("nlp"), embedder=engine.models.get("embedder"), on_report=reports.__setitem__
    )
    summary.changes = story_changes(lib, summary.filed, reports, started)
    named = sum(len(c.conflicts) for c in summary.changes)
    # the total also counts conflicts of stories a killed pass left unchecked (not named as new)
    summary.new_conflicts = max(named, _conflicts(lib) - before)
    return summary


def _read_source(
    lib: Any,
    client: PoliteClient,
    url: str,
    read: ReadOptions,
    summary: PassSummary,
    later: list[Callable[[], None]],
    depth: int,
) -> Iterator[Page]:
    """The articles ``url`` lists (through its children, when it is a list of sources); a
    failure is one line in ``summary``."""
    summary.sources += 1
    known = watchlist.source(lib.engine, url)
    try:
        listing = _listing(lib, client, url, read, known, later)
    except UnreadableInput as exc:
        summary.problems.append(str(exc))
        return
    children: tuple[str, ...]
    if listing is None:  # 304: nothing new here, but its children may have changed
        summary.unchanged += 1
        children = tuple(s.url for s in watchlist.followed(lib.engine) if s.parent == url)
    else:
        outlet = listing.title or (known.title if known else None)
        yield from (Page(canonical_url(e.url), url, outlet) for e in listing.entries)
        children = listing.children
    if children and depth >= MAX_DEPTH - 1:
        summary.problems.append(f"{url}: lists further lists of sources; only two levels are followed")
        return
    for child in children:
        watchlist.remember(lib.engine, child, parent=url)
        yield from _read_source(lib, client, child, read, summary, later, depth + 1)


def _listing(
    lib: Any, client: PoliteClient, url: str, read: ReadOptions, known: Any, later: list[Callable[[], None]]
) -> Listing | None:
    """The source's listing, or None when the server says it has not changed since last time;
    recording the read is left to ``later``."""
    if not is_url(url):
        data = Blob.from_path(Path(url)).read_all(read.max_bytes)
        listing = parse_listing(data, url)
        later.append(partial(watchlist.checked, lib.engine, url, kind=listing.kind, title=listing.title))
        return listing
    got = client.get(
        url, etag=known.etag if known else None, last_modified=known.last_modified if known else None
    )
    if got.blob is None:
        return None
    assert got.blob.data is not None
    listing = parse_listing(got.blob.data, url, base=got.blob.url)
    record = partial(watchlist.checked, lib.engine, url, kind=listing.kind, title=listing.title)
    later.append(partial(record, etag=got.etag, last_modified=got.last_modified))
    return listing


def _file_pages(
    lib: Any,
    engine: Any,
    client: PoliteClient,
    pages: list[Page],
    read: ReadOptions,
    summary: PassSummary,
    tick: Callable[[], None] | None,
) -> None:
    """Fetch the pages politely and file each one as soon as it is prepared, settling it. A page
    that does not name its outlet is labelled with its source's name, not its address's stem."""
    from storyline.engines.run import file_prepared, stored_ids

    source_of = {p.url: p.source for p in pages}
    skip = stored_ids(lib)

    def failed(exc: UnreadableInput) -> None:
        summary.problems.append(str(exc))
        watchlist.settle(lib.engine, exc.path, source_of.get(exc.path, ""), "failed", reason=exc.reason)

    def units(group: Iterable[Page]) -> Iterator[Unit]:
        for page in group:
            try:
                got = client.get(page.url).blob
            except Disallowed:  # by its host's robots.txt, or its redirect's host's
                summary.disallowed += 1
                watchlist.settle(lib.engine, page.url, page.source, "disallowed")
                continue
            except UnreadableInput as exc:
                failed(exc)
                continue
            if got is not None:
                blob = Blob.from_bytes(page.url, got.data or b"", url=got.url, charset=got.charset)
                yield Unit(page.url, "blob", blob=blob)

    def filed(result: Any) -> None:
        if result.status == "existing":
            summary.already_stored += 1
        else:
            summary.new_articles += 1
            summary.filed.append(result.article_id)
            if result.new_story:
                summary.new_stories.add(result.story_id)
            elif result.story_id not in summary.new_stories:
                summary.updated_stories.add(result.story_id)
        if result.path in source_of:
            watchlist.settle(
                lib.engine, result.path, source_of[result.path], "filed", article_id=result.article_id
            )
        if tick is not None:
            tick()

    for outlet, group in groupby(pages, key=lambda p: p.outlet):
        options = replace(read, source_name=outlet) if outlet else read
        items = engine.process_units(units(group), options, failed, job="add", skip_ids=skip)
        file_prepared(lib, items, filed)


def _conflicts(lib: Any) -> int:
    from sqlalchemy import func, select

    from storyline.store.schema import stories

    with lib.engine.connect() as conn:
        return int(conn.execute(select(func.coalesce(func.sum(stories.c.conflicts), 0))).scalar() or 0)
