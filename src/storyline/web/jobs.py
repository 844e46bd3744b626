"""Adds run as background jobs so a long add shows progress instead of a hanging request.

One worker thread runs every add in turn: the library is written by one writer at a time and the
models are used by one add at a time. A job's state is read as a frozen snapshot.

The worker is a daemon thread with a stop flag: when the server stops, the running add ends at its
next progress step (each filed article is its own transaction, so nothing is left half-stored)
and the queued ones are dropped, instead of uvicorn's shutdown waiting for them all.
"""

from __future__ import annotations

import logging
import queue
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

log = logging.getLogger(__name__)

Status = Literal["queued", "running", "done", "failed"]
MAX_JOBS = 200  # finished jobs kept for their result pages; the oldest are forgotten first
STOP_WAIT_S = 3.0  # how long shutdown waits for the running add to reach its next step


class Stopped(Exception):
    """Raised at a running job's next progress step once the server is stopping."""


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
    checked: int = 0  # stories this job cross-checked: 0 while a later queued add does them all

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
            "checked": self.checked,
        }


@dataclass
class Progress:
    """Handed to a running job so it can report how far it is."""

    _jobs: Jobs
    _id: str

    def update(self, **changes: Any) -> None:
        """Record how far the job is; raises ``Stopped`` when the server is stopping."""
        self._jobs._update(self._id, **changes)
        self.check()

    def check(self) -> None:
        if self._jobs.stopping.is_set():
            raise Stopped("the server stopped before this add finished; add the rest again")

    def alone(self) -> bool:
        """True when no other job waits behind this one (work owed to the whole queue, such as
        cross-checking the stories it changed, is done by the last job once)."""
        return self._jobs.waiting() == 0


Work = Callable[[Progress], tuple[FileOutcome, ...]]


@dataclass
class Jobs:
    """The queue of adds and the states of recent ones."""

    _states: dict[str, JobState] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _queue: queue.Queue[tuple[str, Work] | None] = field(default_factory=queue.Queue)
    _worker: threading.Thread | None = None
    stopping: threading.Event = field(default_factory=threading.Event)

    def submit(self, work: Work, total: int) -> JobState:
        state = JobState(id=uuid.uuid4().hex[:12], total=total)
        with self._lock:
            self._states[state.id] = state
            while len(self._states) > MAX_JOBS:
                self._states.pop(next(iter(self._states)))
            if self._worker is None:
                self._worker = threading.Thread(target=self._serve, name="storyline-add", daemon=True)
                self._worker.start()
        self._queue.put((state.id, work))
        return state

    def get(self, job_id: str) -> JobState | None:
        with self._lock:
            return self._states.get(job_id)

    def waiting(self) -> int:
        """How many jobs are queued and not started."""
        return self._queue.qsize()

    def busy(self) -> bool:
        """Whether an add is queued or running."""
        with self._lock:
            return any(not s.finished for s in self._states.values())

    def shutdown(self, wait_s: float = STOP_WAIT_S) -> None:
        """Stop: queued jobs are dropped, the running one stops at its next step (waited for at
        most ``wait_s``; past that the daemon thread is left to die with the process)."""
        self.stopping.set()
        self._queue.put(None)
        worker = self._worker
        if worker is not None:
            worker.join(wait_s)

    def _serve(self) -> None:
        while (item := self._queue.get()) is not None:
            job_id, work = item
            if self.stopping.is_set():
                self._update(job_id, status="failed", stage="failed", error="the server stopped first")
                continue
            self._run(job_id, work)

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            if job_id in self._states:
                self._states[job_id] = replace(self._states[job_id], **changes)

    def _run(self, job_id: str, work: Work) -> None:
        from storyline.errors import StorylineError

        self._update(job_id, status="running", stage="reading")
        try:
            outcomes = work(Progress(self, job_id))
        except (StorylineError, Stopped) as exc:
            self._update(job_id, status="failed", stage="failed", error=str(exc))
        except Exception as exc:  # a bug: keep the server up, log it, say so on the job page
            log.exception("add job %s failed", job_id)
            self._update(job_id, status="failed", stage="failed", error=f"internal error: {exc!r}")
        else:
            self._update(job_id, status="done", stage="done", outcomes=outcomes)
