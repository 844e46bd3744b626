"""The library's one checker lock: whoever pays the owed cross-checks holds it, so two checkers
(an add's detached checker, the web app's background checks, a `watch` pass, an `add --wait`)
never compare the same story at once.

The lock lives with the library and dies with its holder, so a crashed checker never leaves it
taken: a SQLite library's is an ``flock`` on the file ``<library>-checker`` beside it (the holder's
pid written in it, for people), a PostgreSQL library's a session advisory lock on a connection of
its own. An in-memory SQLite library, or a system without ``flock``, has a lock for this process
only (nothing outside the process could see that library's stories anyway).

The rule every holder keeps: after releasing it, look at the owed stories again and take it once
more if any is left. Then whoever fails to take it may walk away: the holder will see what was
filed before the failed try. A look at the lock holds it for an instant, so whoever would walk
away tries for ``GRACE_S`` first.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

POLL_S = 0.1  # how often a waiting checker tries the lock again
# A look at the lock (``taken``) holds it for an instant: a checker starting then would take it
# for a checker at work and walk away. So a checker about to start, and a look, try for this long.
GRACE_S = 0.5
PG_KEY = 0x73746F72796C696E  # "storylin": the advisory lock's key, the same in every process

_IN_PROCESS: dict[str, threading.Lock] = {}  # the locks of libraries no other process can see
_GUARD = threading.Lock()

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]


def lock_path(url: str) -> Path | None:
    """The lock file of a SQLite library file, or None (PostgreSQL, memory)."""
    if not url.startswith("sqlite:///"):
        return None
    path = url.removeprefix("sqlite:///")
    return None if path in ("", ":memory:") else Path(path + "-checker")


def shared(url: str) -> bool:
    """Whether another process can take this library's lock (so a detached checker can work)."""
    if url.startswith("postgresql"):
        return True
    return lock_path(url) is not None and fcntl is not None


class CheckLock:
    """The checker lock of one library, as one holder takes it: ``acquire``, then ``release``."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        """``engine``: the library's, needed for PostgreSQL's lock only."""
        self.url = url
        self.engine = engine
        self._fd: int | None = None
        self._conn: Any = None
        self._local: threading.Lock | None = None

    def acquire(self, timeout: float | None = 0.0) -> bool:
        """Take the lock; ``timeout`` seconds to wait for it (0: only try; None: as long as it
        takes). False when another checker holds it still."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            if self._try():
                return True
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(POLL_S if deadline is None else min(POLL_S, max(0.0, deadline - time.monotonic())))

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": PG_KEY})
            finally:
                self._conn.close()  # closing the session frees it in any case
                self._conn = None
        if self._local is not None:
            self._local.release()
            self._local = None

    @property
    def holding(self) -> bool:
        return self._fd is not None or self._conn is not None or self._local is not None

    def _try(self) -> bool:
        if self.holding:
            raise RuntimeError("this CheckLock is held already")
        if self.url.startswith("postgresql"):
            return self._try_pg()
        path = lock_path(self.url)
        if path is not None and fcntl is not None:
            return self._try_file(path)
        with _GUARD:
            lock = _IN_PROCESS.setdefault(self.url, threading.Lock())
        if lock.acquire(blocking=False):
            self._local = lock
            return True
        return False

    def _try_file(self, path: Path) -> bool:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def _try_pg(self) -> bool:
        if self.engine is None:
            raise RuntimeError("a PostgreSQL library's CheckLock needs its engine")
        conn = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": PG_KEY}).scalar())
        except BaseException:
            conn.close()
            raise
        if not got:
            conn.close()
            return False
        self._conn = conn
        return True


def taken(url: str, engine: Engine | None = None) -> bool:
    """Whether a checker holds the library's lock now (tries it for ``GRACE_S`` and lets it go)."""
    lock = CheckLock(url, engine)
    if lock.acquire(GRACE_S):
        lock.release()
        return False
    return True
