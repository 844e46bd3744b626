"""Adds run as background jobs so a long add shows progress instead of a hanging request.

One worker thread runs every add in turn: the library is written by one writer at a time and the
models are used by one add at a time. A job's state is read as a frozen snapshot.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any, Literal

log = logging.getLogger(__name__)

Status = Literal["queued", "running", "done", "failed"]
MAX_JOBS = 200  # finished jobs kept for their result pages; the oldest are forgotten first


@dataclass(frozen=True)
class FileOutcome:
    """Where one input landed: a story, or the one-line reason it could not be added."""

    name: str
    article_id: str | None = None
    title: str | None = None
    source: str | None = None
    story_id: str | None = None
    story_title: str | None = None
    error: str | None = None
    status: str | None = None  # created | existing | new-version, as the library filed it

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "article_id": self.article_id,
            "title": self.title,
            "source": self.source,
            "story_id": self.story_id,
            "story_title": self.story_title,
            "error": self.error,
            "status": self.status,
        }


@dataclass(frozen=True)
class JobState:
    id: str
    status: Status = "queued"
    stage: str = "waiting"
    done: int = 0
    total: int = 0
    outcomes: tuple[FileOutcome, ...] = ()
    error: str | None = None

    @property
    def finished(self) -> bool:
        return self.status in ("done", "failed")

    @property
    def percent(self) -> int:
        return 100 if self.finished else int(100 * self.done / self.total) if self.total else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "stage": self.stage,
            "done": self.done,
            "total": self.total,
            "percent": self.percent,
            "files": [o.to_dict() for o in self.outcomes],
            "error": self.error,
        }


@dataclass
class Progress:
    """Handed to a running job so it can report how far it is."""

    _jobs: Jobs
    _id: str

    def update(self, **changes: Any) -> None:
        self._jobs._update(self._id, **changes)


Work = Callable[[Progress], tuple[FileOutcome, ...]]


@dataclass
class Jobs:
    """The queue of adds and the states of recent ones."""

    _states: dict[str, JobState] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _pool: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyline-add")
    )

    def submit(self, work: Work, total: int) -> JobState:
        state = JobState(id=uuid.uuid4().hex[:12], total=total)
        with self._lock:
            self._states[state.id] = state
            while len(self._states) > MAX_JOBS:
                self._states.pop(next(iter(self._states)))
        self._pool.submit(self._run, state.id, work)
        return state

    def get(self, job_id: str) -> JobState | None:
        with self._lock:
            return self._states.get(job_id)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            if job_id in self._states:
                self._states[job_id] = replace(self._states[job_id], **changes)

    def _run(self, job_id: str, work: Work) -> None:
        from storyline.errors import StorylineError

        self._update(job_id, status="running", stage="reading")
        try:
            outcomes = work(Progress(self, job_id))
        except StorylineError as exc:
            self._update(job_id, status="failed", stage="failed", error=str(exc))
        except Exception as exc:  # a bug: keep the server up, log it, say so on the job page
            log.exception("add job %s failed", job_id)
            self._update(job_id, status="failed", stage="failed", error=f"internal error: {exc!r}")
        else:
            self._update(job_id, status="done", stage="done", outcomes=outcomes)
