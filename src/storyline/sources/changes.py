"""What a ``watch`` pass changed, story by story: which stories gained reports and which conflicts
the new reports brought, so a user reads the findings instead of a total.

A conflict is new when one of its statements comes from a report filed in this pass. A pass
killed after filing but before cross-checking leaves those stories owed a check; the next pass
counts their conflicts in its total but cannot name them as new (it filed nothing into them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from storyline.model import Report
from storyline.store.schema import articles, stories


@dataclass(frozen=True)
class StoryChange:
    """One story this pass filed into: its new reports and the summaries of its new conflicts."""

    story_id: str
    title: str | None
    new_story: bool
    new_reports: int
    reports: int  # in all, after the pass
    conflicts: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "story": self.story_id,
            "title": self.title,
            "new_story": self.new_story,
            "new_reports": self.new_reports,
            "reports": self.reports,
            "new_conflicts": list(self.conflicts),
        }

    def line(self) -> str:
        """``"Title" (new story, 3 reports): 1 new conflict`` for the pass summary."""
        title = f"\u201c{self.title}\u201d" if self.title else f"story {self.story_id[:12]}"
        plural = "" if self.new_reports == 1 else "s"
        what = (
            f"new story, {self.reports} report{'' if self.reports == 1 else 's'}"
            if self.new_story
            else f"+{self.new_reports} report{plural}, {self.reports} in all"
        )
        n = len(self.conflicts)
        return f"{title} ({what})" + (f": {n} new conflict{'' if n == 1 else 's'}" if n else "")


def story_changes(
    lib: Any, filed: Iterable[str], reports: Mapping[str, Report | None], since: float
) -> list[StoryChange]:
    """The stories holding the ``filed`` article ids now (a story merged into another during the
    pass is reported as the one it joined), stories with new conflicts first, then the most new
    reports. ``reports`` holds the pass's cross-checks by story; ``since`` is when the pass began."""
    ids = list(dict.fromkeys(filed))
    by_story: dict[str, set[str]] = defaultdict(set)
    with lib.engine.connect() as conn:
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            for r in conn.execute(select(articles.c.id, articles.c.story_id).where(articles.c.id.in_(part))):
                by_story[str(r.story_id)].add(str(r.id))
        rows = {
            str(r.id): r
            for r in conn.execute(
                select(stories.c.id, stories.c.title, stories.c.articles, stories.c.created).where(
                    stories.c.id.in_(list(by_story))
                )
            )
        }
    changes = []
    for story_id, new_ids in by_story.items():
        row = rows.get(story_id)
        if row is None:  # removed by another process meanwhile
            continue
        report = reports[story_id] if story_id in reports else _stored_report(lib, story_id)
        conflicts = tuple(
            f.summary
            for f in (report.findings if report else ())
            if f.kind == "conflict" and any(s.source in new_ids for s in f.statements)
        )
        changes.append(
            StoryChange(story_id, row.title, row.created >= since, len(new_ids), row.articles, conflicts)
        )
    return sorted(changes, key=lambda c: (-len(c.conflicts), -c.new_reports, c.title or ""))


def _stored_report(lib: Any, story_id: str) -> Report | None:
    """The report stored by another checker (an add's detached one, which checked the story while
    the pass waited for the library's checker lock), or None."""
    from storyline.store import NotInLibrary

    try:
        return lib.stored_report(lib.story(story_id))
    except NotInLibrary:
        return None
