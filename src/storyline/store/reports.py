"""A story's cross-check, stored when the story is checked, so its first view needs no model.

``Library.check`` (what ``add``, ``watch`` and the web app's adds run for every story they changed)
keeps the report here, in the transaction that stores the story's conflict count. Filing deletes
it in the transaction that changes the story, and a read serves it only when it was made from the
story's current article versions (``members``) by this very storyline (``made_by``): a report that
another process's add, a removal or a newer storyline made stale is never shown; it is computed
again instead.
"""

from __future__ import annotations

import hashlib
import json
import time
import zlib
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, select

from storyline.model import (
    AnnotatedArticle,
    BriefLine,
    Finding,
    QuoteOccurrence,
    Report,
    SourceRef,
    Statement,
    TimelineEntry,
    Value,
)
from storyline.store.schema import story_reports

PACKAGE = Path(__file__).resolve().parent.parent
# What a stored story's cross-check is made by: the comparison, the annotation helpers and story
# code it calls, the nouns, the sentence model, and this codec. Pages, commands and readers are not.
MAKERS = ("crosscheck", "annotation", "stories", "model.py", "embed.py", "unionfind.py", "store/reports.py")


@cache
def made_by() -> str:
    """This storyline: its version and a digest of the code and data a cross-check runs. A report
    made by any other (an upgrade, or a source tree changed since) is stale, whatever its version
    says; a change to the web app or the commands leaves stored reports standing."""
    from storyline import __version__

    digest = hashlib.sha1()
    for name in MAKERS:
        top = PACKAGE / name
        for path in sorted(top.rglob("*")) if top.is_dir() else [top]:
            if path.suffix in (".py", ".json") and path.is_file():
                digest.update(str(path.relative_to(PACKAGE)).encode())
                digest.update(path.read_bytes())
    return f"{__version__} {digest.hexdigest()[:16]}"


def members_key(article_ids: Iterable[str]) -> str:
    """The digest of a story's set of article versions (an article id changes with its content)."""
    return hashlib.sha1("\x1f".join(sorted(article_ids)).encode()).hexdigest()


def keep(conn: Connection, story_id: str, report: Report | None) -> None:
    """Store the story's report (made from ``report.articles``), replacing any; None forgets it."""
    forget(conn, story_id)
    if report is None:
        return
    conn.execute(
        story_reports.insert().values(
            story_id=story_id,
            members=members_key(a.id for a in report.articles),
            made_by=made_by(),
            report=dumps(report),
            made=time.time(),
        )
    )


def forget(conn: Connection, story_id: str) -> None:
    conn.execute(delete(story_reports).where(story_reports.c.story_id == story_id))


def read(engine: Engine, story_id: str, members: Sequence[AnnotatedArticle]) -> Report | None:
    """The stored report of the story whose current articles are ``members``, or None when none
    was stored for exactly them by this storyline."""
    with engine.connect() as conn:
        row = conn.execute(
            select(story_reports.c.members, story_reports.c.made_by, story_reports.c.report).where(
                story_reports.c.story_id == story_id
            )
        ).first()
    if row is None or row.made_by != made_by() or row.members != members_key(a.id for a in members):
        return None
    return loads(bytes(row.report), members)


def dumps(report: Report) -> bytes:
    """The report's JSON contract, with scores and confidences unrounded (pages sort by them),
    compressed: a report's JSON repeats its sentences and shrinks several times."""
    d = report.to_dict()
    held = report.findings + report.to_check + report.below_floor
    for fd, f in zip(d["findings"] + d["to_check"] + d["below_floor"], held, strict=True):
        fd["score"], fd["confidence"] = f.score, f.confidence
    return zlib.compress(json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode(), 6)


def loads(data: bytes, articles: Sequence[AnnotatedArticle]) -> Report:
    """A stored report, with the story's annotated ``articles`` it was made from put back."""
    d = json.loads(zlib.decompress(data))
    return Report(
        sources=tuple(SourceRef(**s) for s in d["sources"]),
        brief=tuple(BriefLine(b["text"], tuple(b["sources"])) for b in d["brief"]),
        findings=tuple(_finding(f) for f in d["findings"]),
        quotes=tuple(QuoteOccurrence(**q) for q in d["quotes"]),
        timeline=tuple(TimelineEntry(**{**t, "offset": tuple(t["offset"])}) for t in d["timeline"]),
        articles=tuple(articles),
        to_check=tuple(_finding(f) for f in d["to_check"]),
        below_floor=tuple(_finding(f) for f in d.get("below_floor", ())),  # none in reports stored before it
    )


def _finding(d: dict[str, Any]) -> Finding:
    return Finding(
        id=d["id"],
        kind=d["kind"],
        aspect=d["aspect"],
        summary=d["summary"],
        statements=tuple(Statement(**s) for s in d["statements"]),
        values=tuple(Value(**v) for v in d["values"]),
        independent=d["independent"],
        score=d["score"],
        confidence=d["confidence"],
        proven=d.get("proven", True),  # reports stored before it held no unproven conflict
    )

