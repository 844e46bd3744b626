"""What the app loads once and shares between requests: models, the library, the add queue.

Models load lazily, once, under a lock: the library page never needs spaCy, so the server starts
in a second and the first add or story page pays the load. Tests pass their session models in.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from storyline.model import Report
from storyline.web.jobs import Jobs
from storyline.web.owed import OwedChecks
from storyline.web.settings import WebSettings
from storyline.web.threads import DaemonPool

if TYPE_CHECKING:
    from storyline.store import Library, StoredStory

OUTLETS_TTL_S = 30.0  # the source filter's list may lag another process's adds by this much
REPORT_CACHE = 256  # cross-checks kept in memory, keyed by story id and its article ids


def report_key(stored: StoredStory) -> tuple[str, ...]:
    """A story's report is the same while its set of article versions is."""
    return (stored.id, *sorted(a.id for a in stored.articles))


def key_of_report(story_id: str, report: Report) -> tuple[str, ...]:
    """``report_key`` of the articles a report was made from (the story may have moved since)."""
    return (story_id, *sorted(a.id for a in report.articles or report.sources))


class Resources:
    """Models, library and job queue of one app; closed by the app's lifespan."""

    def __init__(self, settings: WebSettings, *, nlp: Any = None, embedder: Any = None) -> None:
        self.settings = settings
        self.jobs = Jobs()
        self.pool = DaemonPool()  # request work that may be long: story cross-checks, compares
        self._nlp = nlp
        self._embedder = embedder
        self._local = threading.local()
        self._libraries: list[Any] = []
        self._load_lock = threading.Lock()
        # spaCy and onnxruntime sessions are used by one request at a time: simpler than
        # reasoning about their thread safety, and a laptop has few cores anyway.
        self.model_lock = threading.Lock()
        self._reports: OrderedDict[tuple[str, ...], Report] = OrderedDict()
        self._views: dict[tuple[str, ...], dict[str, Any]] = {}
        self._reports_lock = threading.Lock()
        self._outlets: tuple[float, list[str]] | None = None
        self.owed = OwedChecks(self)

    def nlp(self) -> Any:
        if self._nlp is None:
            with self._load_lock:
                if self._nlp is None:
                    from storyline.annotation import load_nlp

                    self._nlp = load_nlp()
        return self._nlp

    def embedder(self) -> Any:
        if self._embedder is None:
            with self._load_lock:
                if self._embedder is None:
                    from storyline.embed import Embedder

                    self._embedder = Embedder()
        return self._embedder

    def library(self) -> Library:
        """This thread's handle on the story library (a ``Library`` is not shared between threads);
        raises LibraryError when it cannot be opened."""
        lib: Library | None = getattr(self._local, "library", None)
        if lib is None:
            from storyline.store import Library

            lib = Library(self.settings.db_url)
            self._local.library = lib
            with self._load_lock:
                self._libraries.append(lib)
        return lib

    def outlets(self, compute: Callable[[Library], list[str]]) -> list[str]:
        """Every outlet in the library (for the source filter), recomputed at most every 30 s
        and after each add made here."""
        hit = self._outlets
        if hit is not None and time.monotonic() - hit[0] < OUTLETS_TTL_S:
            return hit[1]
        names = compute(self.library())
        self._outlets = (time.monotonic(), names)
        return names

    def forget_outlets(self) -> None:
        self._outlets = None

    def cached_report(self, key: tuple[str, ...]) -> Report | None:
        with self._reports_lock:
            report = self._reports.get(key)
            if report is not None:
                self._reports.move_to_end(key)
            return report

    def remember_report(self, key: tuple[str, ...], report: Report) -> None:
        with self._reports_lock:
            self._reports[key] = report
            while len(self._reports) > REPORT_CACHE:
                old, _ = self._reports.popitem(last=False)
                self._views.pop(old, None)

    def report_view(
        self, key: tuple[str, ...], report: Report, make: Callable[[Report], dict[str, Any]]
    ) -> dict[str, Any]:
        """What the page lays out for a cached report, computed once per report."""
        with self._reports_lock:
            view = self._views.get(key)
        if view is None:
            view = make(report)
            with self._reports_lock:
                if key in self._reports:
                    self._views[key] = view
        return view

    def close(self) -> None:
        self.owed.stop()
        self.jobs.shutdown()
        self.pool.close()
        with self._load_lock:
            libraries, self._libraries = self._libraries, []
        for lib in libraries:
            lib.close()
