"""What changed in the library since a time: the stories that gained reports and the conflicts
their cross-checks found, read back from what filing and ``Library.check`` recorded.

A conflict is new since a time when one of its statements comes from a report filed since then
(the rule ``watch`` uses for one pass), so a conflict recorded late (a library made before the
``conflicts`` table, a story checked by ``show``) never shows up as news it is not.
"""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, select, update

from storyline.model import Report
from storyline.store.schema import articles, conflicts, marks, stories

LAST_LOOK = "changes.last_look"  # the mark ``storyline changes`` moves each time it shows news
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


@dataclass(frozen=True)
class Said:
    """One side of a conflict: what an outlet's report says, as written."""

    article: str
    outlet: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"article": self.article, "outlet": self.outlet, "text": self.text}


@dataclass(frozen=True)
class NewConflict:
    """A conflict as recorded: its stable id, its story, and when its newest report was filed."""

    id: str
    story_id: str
    story_title: str | None
    aspect: str | None
    summary: str
    statements: tuple[Said, ...]
    arrived: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "story": self.story_id,
            "aspect": self.aspect,
            "summary": self.summary,
            "statements": [s.to_dict() for s in self.statements],
            "arrived": iso(self.arrived),
        }


@dataclass(frozen=True)
class StoryNews:
    """One story that changed since a time: the outlets of its new reports and its new conflicts."""

    story_id: str
    title: str | None
    new_story: bool  # every report of it is new
    outlets: tuple[str, ...]  # of the new reports, in the order filed (one per report)
    reports: int  # in all, now
    conflicts: tuple[NewConflict, ...]
    # False while a cross-check is owed (an add stopped before it, a Ray add leaving it to
    # ``show``): its new conflicts are not known yet, so none listed does not mean none found
    checked: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "story": self.story_id,
            "title": self.title,
            "new_story": self.new_story,
            "new_reports": len(self.outlets),
            "outlets": list(self.outlets),
            "reports": self.reports,
            "checked": self.checked,
            "new_conflicts": [c.to_dict() for c in self.conflicts],
        }


def iso(stamp: float) -> str:
    """A stored time as ISO 8601 in UTC, to the second (what JSON and Atom carry)."""
    return datetime.fromtimestamp(stamp, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def parse_since(text: str, *, now: float, last_look: float | None) -> float:
    """``1d``, ``12h``, ``30m``, ``2w`` (that long before ``now``), an ISO day or time (UTC unless
    it names its zone) or ``last`` (the last look; 0, everything, when there was none) → a time.
    Raises ValueError with what is wrong."""
    value = text.strip().lower()
    if value == "last":
        return last_look or 0.0
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([smhdw])", value)
    if m:
        return now - float(m.group(1)) * UNITS[m.group(2)]
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"{text!r} is not a time: give a span (1d, 12h, 30m, 2w), a day (2026-12-01) or 'last'"
        ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp()


def last_look(engine: Engine) -> float | None:
    with engine.connect() as conn:
        found = conn.execute(select(marks.c.at).where(marks.c.name == LAST_LOOK)).scalar()
    return float(found) if found is not None else None


def mark_look(engine: Engine, at: float) -> None:
    """Remember ``at`` as the last look (the time the look began: what was filed while it ran is
    still news next time)."""
    with engine.begin() as conn:
        if conn.execute(update(marks).where(marks.c.name == LAST_LOOK).values(at=at)).rowcount == 0:
            conn.execute(marks.insert().values(name=LAST_LOOK, at=at))


def record_conflicts(conn: Connection, story_id: str, report: Report | None) -> None:
    """Keep the story's conflict rows as its cross-check ``report`` has them (none for None), in
    the transaction that stores its count. A conflict already recorded keeps its times; one the
    check no longer finds (a report removed) is dropped."""
    from storyline.crosscheck.report import outlet_names

    found = [f for f in (report.findings if report else ()) if f.kind == "conflict"]
    ids = [f.id for f in found]
    conn.execute(
        delete(conflicts).where(conflicts.c.story_id == story_id, conflicts.c.finding_id.notin_(ids))
    )
    if not found:
        return
    assert report is not None
    outlet = dict(zip((s.id for s in report.sources), outlet_names(report.sources), strict=True))
    sources = sorted({s.source for f in found for s in f.statements})
    added = dict(
        conn.execute(select(articles.c.id, articles.c.added).where(articles.c.id.in_(sources))).all()
    )
    known = set(conn.execute(select(conflicts.c.finding_id).where(conflicts.c.finding_id.in_(ids))).scalars())
    now = time.time()
    for f in found:
        if f.id in known:  # kept, moved to the story it merged into
            conn.execute(update(conflicts).where(conflicts.c.finding_id == f.id).values(story_id=story_id))
            continue
        said = [
            {"article": s.source, "outlet": outlet.get(s.source, s.source), "text": s.text}
            for s in f.statements
        ]
        arrived = max((added[s.source] for s in f.statements if s.source in added), default=now)
        conn.execute(
            conflicts.insert().values(
                finding_id=f.id,
                story_id=story_id,
                aspect=f.aspect,
                summary=f.summary,
                statements=json.dumps(said, ensure_ascii=False),
                arrived=arrived,
                found=now,
            )
        )
        known.add(f.id)


def forget_story(conn: Connection, story_id: str) -> None:
    conn.execute(delete(conflicts).where(conflicts.c.story_id == story_id))


def new_conflicts(engine: Engine, since: float, limit: int | None = None) -> list[NewConflict]:
    """Conflicts whose newest report was filed at or after ``since``, newest first."""
    stmt = (
        select(conflicts, stories.c.title)
        .join(stories, stories.c.id == conflicts.c.story_id)  # not a story removed meanwhile
        .where(conflicts.c.arrived >= since)
        .order_by(conflicts.c.arrived.desc(), conflicts.c.finding_id)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [_conflict(r) for r in conn.execute(stmt)]


def changes_since(engine: Engine, since: float) -> list[StoryNews]:
    """The stories that gained reports at or after ``since``, with their new conflicts: stories
    with new conflicts first, then those with the most new reports, then the most recent."""
    by_story: dict[str, list[NewConflict]] = defaultdict(list)
    for c in new_conflicts(engine, since):
        by_story[c.story_id].append(c)
    gained: dict[str, list[Any]] = defaultdict(list)
    with engine.connect() as conn:
        rows = conn.execute(
            select(articles.c.story_id, articles.c.source, articles.c.added)
            .where(articles.c.added >= since, articles.c.current)
            .order_by(articles.c.seq)
        )
        for r in rows:
            gained[str(r.story_id)].append(r)
        ids = sorted(set(gained) | set(by_story))
        heads = {}
        recorded: dict[str, int] = {}
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            per_story = select(conflicts.c.story_id, func.count()).group_by(conflicts.c.story_id)
            for story_id, n in conn.execute(per_story.where(conflicts.c.story_id.in_(part))):
                recorded[str(story_id)] = int(n)
            for s in conn.execute(
                select(
                    stories.c.id,
                    stories.c.title,
                    stories.c.articles,
                    stories.c.conflicts,
                    stories.c.check_due,
                ).where(stories.c.id.in_(part))
            ):
                heads[str(s.id)] = s
    news = []
    for story_id, head in heads.items():
        new = gained.get(story_id, [])
        news.append(
            StoryNews(
                story_id,
                head.title,
                new_story=len(new) >= head.articles,
                outlets=tuple(r.source or "unnamed outlet" for r in new),
                reports=head.articles,
                conflicts=tuple(sorted(by_story.get(story_id, []), key=lambda c: (c.arrived, c.id))),
                checked=_checked(head, recorded.get(story_id, 0)),
            )
        )
    latest = {
        s: max([r.added for r in gained.get(s, [])] + [c.arrived for c in by_story.get(s, [])]) for s in heads
    }
    return sorted(news, key=lambda n: (-len(n.conflicts), -len(n.outlets), -latest[n.story_id], n.story_id))


def _checked(head: Any, recorded: int) -> bool:
    """Whether the story's conflicts are all known: no check owed, none left uncounted (a Ray
    add), and as many recorded as counted (a story counted before schema 7 has none recorded)."""
    if head.check_due:
        return False
    if head.conflicts is None:
        return bool(head.articles < 2)
    return bool(recorded == head.conflicts)


def _conflict(r: Any) -> NewConflict:
    said = tuple(Said(s["article"], s["outlet"], s["text"]) for s in json.loads(r.statements))
    return NewConflict(r.finding_id, r.story_id, r.title, r.aspect, r.summary, said, r.arrived)


def outlets_line(outlets: Sequence[str]) -> str:
    """``Fox News, HuffPost ×2`` — each outlet once, with how many of its reports are new."""
    counts: dict[str, int] = {}
    for o in outlets:
        counts[o] = counts.get(o, 0) + 1
    return ", ".join(o if n == 1 else f"{o} \u00d7{n}" for o, n in counts.items())
