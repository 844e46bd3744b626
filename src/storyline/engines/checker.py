"""The detached checker: after an add files, one process of its own pays the cross-checks owed.

Checking the stories an add changed is most of its time (embedding their sentences, comparing
them), so `add` files, starts this process and returns, as ``git gc --auto`` detaches its work.
It holds the library's checker lock (``store.checklock``) while it checks every owed story,
oldest change first, looks again after letting the lock go, and exits when none is owed. It
runs in a session of its own, so it outlives the add and a Ctrl-C on the terminal; each check is
stored in one transaction, so a crash or a kill leaves the unchecked stories owed (``list``
says pending), for the next add, `watch` pass, `serve` or `show`. At most one runs per library:
an add that finds the lock taken starts none (the holder sees its stories when it looks again).

    python -m storyline.engines.checker     # the library in STORYLINE_DB (as add starts it)

Its log (``log_path``) gets its errors, each failed story's traceback, and one JSON line per run:
pid, stories checked, failed, wall and CPU seconds (``bench/bench_add.py`` reads it). It lies
beside a SQLite library (``<library>-checker.log``), in the user's state folder for a PostgreSQL
one, or where ``STORYLINE_CHECK_LOG`` says; past ``LOG_BYTES`` it is moved to ``.1`` when the
next checker starts, so two files at most are kept. A story whose check failed is marked in the
library too (``store.checkfail``): `list` says failed, `show` prints the error. When the models
cannot load, the log gets that one line: each owed story keeps it as its error but is charged no
try (no story is at fault), so the next checker on a mended install checks them all.

``storyline check`` pays the owed checks in the foreground through the same ``pay``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from storyline.errors import ModelsUnavailable

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from storyline.model import Report
    from storyline.store import Library

LOG_ENV = "STORYLINE_CHECK_LOG"
# ``wait``: a plain `add` checks in its own process, as ``add --wait`` (no process outlives it:
# a test suite or a CI job sets it); anything else, or unset: the detached checker
MODE_ENV = "STORYLINE_CHECKS"
LOG_BYTES = 1 << 20  # a log past this is moved to ``.1`` (one old file kept): bounded at ~2 MiB
log = logging.getLogger(__name__)

_STARTED: list[subprocess.Popen[bytes]] = []  # reaped at the next start (a long-lived caller)


def waits() -> bool:
    """Whether a plain `add` checks in its own process instead of detaching (``MODE_ENV``)."""
    return os.environ.get(MODE_ENV, "").strip().lower() == "wait"


def start(url: str, engine: Engine | None = None) -> int | None:
    """Start the detached checker for the library at ``url`` (a SQLAlchemy URL, as
    ``Library.url``; ``engine``, the library's, tries a PostgreSQL library's lock); its pid, or
    None when none is needed (a checker holds the lock already: it will see what was filed before
    this call)."""
    from storyline.store import checklock

    for proc in list(_STARTED):
        if proc.poll() is not None:
            _STARTED.remove(proc)
    if checklock.taken(url, engine):
        return None
    err: IO[bytes] | int = _open_log(url)
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "storyline.engines.checker"],
            env={**os.environ, "STORYLINE_DB": url},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,  # not in the terminal's process group: a Ctrl-C spares it
            close_fds=True,
        )
    finally:
        if not isinstance(err, int):
            err.close()
    _STARTED.append(proc)
    return proc.pid


def log_path(url: str) -> Path | None:
    """Where the checker of the library at ``url`` logs: ``STORYLINE_CHECK_LOG``, else beside a
    SQLite library, else (PostgreSQL) the user's state folder, one file per database; None for a
    library in memory (no checker runs for it)."""
    if os.environ.get(LOG_ENV):
        return Path(os.environ[LOG_ENV])
    from storyline.store.checklock import lock_path

    beside = lock_path(url)
    if beside is not None:
        return beside.with_name(beside.name + ".log")
    if not url.startswith("postgresql"):
        return None
    from sqlalchemy.engine import make_url

    state = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state") / "storyline"
    digest = hashlib.sha256(url.encode()).hexdigest()[:10]  # the URL may hold a password
    return state / f"checker-{make_url(url).database or 'postgres'}-{digest}.log"


def _open_log(url: str) -> IO[bytes] | int:
    """The log opened for appending, the full one moved aside first; DEVNULL when there is none
    or it cannot be written (the failures are still marked in the library)."""
    path = log_path(url)
    if path is None:
        return subprocess.DEVNULL
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > LOG_BYTES:
            path.replace(path.with_name(path.name + ".1"))
        return open(path, "ab")  # handed to the child; start closes it
    except OSError:
        return subprocess.DEVNULL


def pay(
    lib: Library,
    *,
    wait: float | None,
    on_report: Callable[[str, Report | None], None] | None = None,
    on_given_up: Callable[[str, str], None] | None = None,
) -> int:
    """Check every story owed one in ``lib``, the models loaded only when one is owed; ``wait``:
    how long to wait for another checker at work, ``on_report`` and ``on_given_up`` what each
    story's check came to (``Library.check_due``). How many were checked. What the detached
    checker and ``storyline check`` both run.

    Raises ``ModelsUnavailable`` when the models cannot load, its error stored with each owed
    story but no try counted (``Library.note_fault``): the machine's fault, not the stories'."""
    if not lib.due():
        return 0
    try:
        from storyline.engines.stages import load_models

        models = load_models()  # side by side: the check waits for both
        nlp, embedder = models["nlp"], models["embedder"]
    except Exception as exc:
        error = f"the models cannot load: {exc.__class__.__name__}: {exc}"
        lib.note_fault(error)
        raise ModelsUnavailable(error) from exc
    return lib.check_due(nlp=nlp, embedder=embedder, on_report=on_report, on_given_up=on_given_up, wait=wait)


def run(url: str) -> int:
    """Check every story owed one in the library at ``url`` unless another checker is at it;
    how many were checked."""
    from storyline.store import Library, checklock

    with Library(url) as lib:
        # not wait=0: a look at the lock (another add's ``start``) holds it for an instant
        return pay(lib, wait=checklock.GRACE_S)


def main() -> None:
    url = os.environ.get("STORYLINE_DB")
    if not url:
        sys.exit("storyline.engines.checker: STORYLINE_DB names no library")
    logging.basicConfig(format="%(asctime)s checker %(process)d %(levelname)s %(name)s: %(message)s")
    logging.getLogger("storyline.store.library").setLevel(logging.DEBUG)  # failed checks' tracebacks
    start_wall = time.perf_counter()
    checked, crashed = 0, False
    try:
        checked = run(url)
    except ModelsUnavailable as exc:  # one line: the traceback is the install's, not storyline's
        log.error("the checker stopped: %s", exc)
        crashed = True
    except Exception:  # the owed stories stay owed, or are marked failed (``Library.check_due``)
        log.exception("the checker stopped")
        crashed = True
    use = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # the checkpool's forked workers
    line: dict[str, Any] = {
        "pid": os.getpid(),
        "checked": checked,
        "crashed": crashed,
        "wall_s": round(time.perf_counter() - start_wall, 3),
        "cpu_s": round(use.ru_utime + use.ru_stime + kids.ru_utime + kids.ru_stime, 3),
    }
    print(json.dumps(line), file=sys.stderr, flush=True)  # stderr: the log
    sys.exit(1 if crashed else 0)


if __name__ == "__main__":
    main()
