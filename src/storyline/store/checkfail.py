"""Cross-checks that fail: counted per story, given up after ``MAX_TRIES``, reported, never silent.

A story's check can fail in two ways. It raises (a bug on one story's text, a model error): the
checker stores the error and goes on with the next story. Or the process dies in it (killed, out
of memory, a crash in native code): nothing can be stored then, so every check is counted as
begun before it runs (``begin``) and a story whose begun checks were never settled is known by
its count. A story that failed once is checked again, alone, so a story that brought a whole
group down costs only itself the second time; one that failed ``MAX_TRIES`` times is given up:
``check_due`` is cleared, ``check_error`` says why (``list`` says failed, ``show`` prints it), and
no checker takes it again until the story changes (filing clears both columns) or a user asks
(``storyline check --retry``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select, update

from storyline.store.schema import stories

MAX_TRIES = 2  # a story whose check failed this often is reported and left, not retried forever
ERROR_CHARS = 500  # of the error stored with the story (the checker's log holds the traceback)
STOPPED = "the checker stopped while checking it (killed, out of memory, or crashed)"


@dataclass(frozen=True)
class Failed:
    """A story's check that raised: the one-line error stored with it, and the traceback for the
    log. A value, not the exception, so it crosses from a worker process whatever was raised."""

    error: str
    detail: str = ""
    given_up: bool = False  # the story's last try: no checker takes it again (``failed`` says)


def batches(
    conn: Connection, owed: Sequence[str], size: int
) -> tuple[list[list[str]], list[tuple[str, Failed]]]:
    """The owed stories in the groups they are checked in: those never tried in groups of
    ``size``, each one that failed before alone; and those given up here, each with its failure:
    a checker died in each of their ``MAX_TRIES`` tries (nothing else could have counted them)."""
    cols = (stories.c.id, stories.c.updated, stories.c.check_tries, stories.c.check_error)
    rows = conn.execute(select(*cols).where(stories.c.id.in_(owed))).all()
    tries = {str(r.id): r for r in rows}
    groups: list[list[str]] = []
    fresh: list[str] = []
    stopped: list[tuple[str, Failed]] = []
    for story_id in owed:
        row = tries.get(story_id)
        if row is None:
            continue
        if row.check_tries >= MAX_TRIES:  # an earlier try's own error is kept after the stop
            before = f"; before: {row.check_error}" if row.check_error else ""
            failed(conn, row, failure := Failed(STOPPED + before, given_up=True))
            stopped.append((story_id, failure))
        elif row.check_tries:
            groups.append([story_id])
        else:
            fresh.append(story_id)
    groups += [fresh[start : start + size] for start in range(0, len(fresh), size)]
    return groups, stopped


def begin(conn: Connection, story_ids: Sequence[str]) -> None:
    """Count a try for each of these owed stories before their checks run (``_kept`` clears it)."""
    owed = stories.c.id.in_(story_ids) & stories.c.check_due
    conn.execute(update(stories).where(owed).values(check_tries=stories.c.check_tries + 1))


def take_back(conn: Connection, story_ids: Sequence[str]) -> None:
    """Uncount the try ``begin`` counted for these owed stories: their check was interrupted (a
    Ctrl-C, a stopping server), which says nothing about them. Only a process that dies leaves
    its count."""
    owed = stories.c.id.in_(story_ids) & stories.c.check_due & (stories.c.check_tries > 0)
    conn.execute(update(stories).where(owed).values(check_tries=stories.c.check_tries - 1))


def failed(conn: Connection, row: Any, failure: Failed) -> bool:
    """Store the failure of the check of ``row`` (its ``id``, ``updated`` and ``check_tries``,
    read once ``begin`` counted the try), giving the check up when it was the last try; nothing
    when the story changed meanwhile (its new members are owed a fresh check). Whether the check
    was given up."""
    give_up = row.check_tries >= MAX_TRIES
    stored = conn.execute(
        update(stories)
        .where(stories.c.id == row.id, stories.c.updated == row.updated)
        .values(check_error=failure.error[:ERROR_CHARS], check_due=not give_up)
    )
    return give_up and stored.rowcount > 0


def note_fault(conn: Connection, story_ids: Sequence[str], error: str) -> None:
    """Store ``error`` with each of these owed stories, counting no try: the checker could check
    none of them (its models cannot load), the machine's fault, not theirs. They stay owed; their
    first check clears it. A story's own error (a try it failed) is kept: it is what a later
    give-up names."""
    owed = stories.c.id.in_(story_ids) & stories.c.check_due & (stories.c.check_tries == 0)
    conn.execute(update(stories).where(owed).values(check_error=error[:ERROR_CHARS]))


def given_up(conn: Connection, story_id: str | None = None) -> list[tuple[str, str]]:
    """The stories whose check was given up (or only ``story_id``, when it was), with the
    error: (id, error)."""
    stmt = select(stories.c.id, stories.c.check_error).where(
        stories.c.check_error.is_not(None), ~stories.c.check_due
    )
    if story_id is not None:
        stmt = stmt.where(stories.c.id == story_id)
    return [(str(r.id), str(r.check_error)) for r in conn.execute(stmt.order_by(stories.c.updated))]


def retry(conn: Connection) -> int:
    """Owe again the checks given up, with their tries forgotten; how many."""
    gone = stories.c.check_error.is_not(None) & ~stories.c.check_due
    done = conn.execute(update(stories).where(gone).values(check_due=True, check_tries=0, check_error=None))
    return int(done.rowcount)
