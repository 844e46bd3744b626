"""The cross-checks other processes left owed, paid in the background of ``storyline serve``.

``add --no-check`` (or an add stopped before its checks) files stories whose reports nobody has
computed yet; their first view would pay it. One daemon thread looks for them when the server
starts and every ``poll_s`` after, and checks them one at a time under the model lock, which
stores each report (``Library.check_owed_story``: a failure is stored, given up at its second
try, never raised, so one bad story does not stop the others), so those pages are ready before
anyone asks. It holds the library's checker lock meanwhile (``store.checklock``) and leaves the
stories to whoever else holds it (an add's detached checker, a `watch` pass), yields to adds made
here (they check what they changed themselves) and stops with the server; what a check stores is
one transaction, so a stop leaves nothing half-done.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from storyline.errors import StorylineError

if TYPE_CHECKING:
    from storyline.store import Library
    from storyline.web.resources import Resources

log = logging.getLogger(__name__)

POLL_S = 30.0  # how soon a story another process left owed is checked (a query of the stories)


class OwedChecks:
    """The background thread; ``start`` once, ``stop`` when the app closes."""

    def __init__(self, resources: Resources, poll_s: float = POLL_S) -> None:
        self.resources = resources
        self.poll_s = poll_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="storyline-owed-checks", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.pay()
            except StorylineError as exc:  # the library cannot be read now: try again later
                log.warning("owed cross-checks: %s", exc)
            except Exception:  # a bug: the server goes on, the stories' first views compute
                log.exception("owed cross-checks failed")
            self._stop.wait(self.poll_s)

    def pay(self) -> int:
        """Check the stories owed a cross-check, oldest change first, until none is left, an add
        is queued or running here, or the server stops; returns how many were checked. Nothing
        is checked while another checker holds the library's lock (an add's detached checker,
        or a `watch` pass): it checks them."""
        from storyline.store.checklock import CheckLock

        lib = self.resources.library()
        if not lib.due():
            return 0
        lock = CheckLock(lib.url, lib.engine)
        if not lock.acquire(0):
            return 0
        done = 0
        try:
            while True:  # and again, for what other processes filed meanwhile
                checked, stopped = self._pay_owed(lib)
                done += checked
                if stopped or not checked:
                    break
        finally:
            lock.release()
        return done

    def _pay_owed(self, lib: Library) -> tuple[int, bool]:
        """One pass over the stories owed a check now (the lock held): how many were checked, and
        whether it stopped for an add here or the server's stop."""
        from storyline.web.resources import key_of_report

        res = self.resources
        done = 0
        for story_id in lib.due():
            if self._stop.is_set() or res.jobs.busy():
                return done, True
            with res.model_lock:  # a failure is stored and given up at its last try, never raised
                report = lib.check_owed_story(story_id, nlp=res.nlp(), embedder=res.embedder())
            done += 1
            if report is not None:
                res.remember_report(key_of_report(story_id, report), report)
        return done, False
