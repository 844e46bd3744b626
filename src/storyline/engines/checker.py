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

``STORYLINE_CHECK_LOG``, when set, names a file that gets the checker's errors and one line per
run: pid, stories checked, wall and CPU seconds (``bench/bench_add.py`` reads it).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

LOG_ENV = "STORYLINE_CHECK_LOG"

_STARTED: list[subprocess.Popen[bytes]] = []  # reaped at the next start (a long-lived caller)


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
    log = os.environ.get(LOG_ENV)
    err: IO[bytes] | int = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115
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


def run(url: str) -> int:
    """Check every story owed one in the library at ``url`` unless another checker is at it;
    how many were checked."""
    from storyline.store import Library, checklock

    with Library(url) as lib:
        if not lib.due():
            return 0
        from storyline.annotation import load_nlp
        from storyline.embed import Embedder

        # not wait=0: a look at the lock (another add's ``start``) holds it for an instant
        return lib.check_due(nlp=load_nlp(), embedder=Embedder(), wait=checklock.GRACE_S)


def main() -> None:
    url = os.environ.get("STORYLINE_DB")
    if not url:
        sys.exit("storyline.engines.checker: STORYLINE_DB names no library")
    start_wall = time.perf_counter()
    checked = run(url)
    log = os.environ.get(LOG_ENV)
    if log:
        use = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # the checkpool's forked workers
        line: dict[str, Any] = {
            "pid": os.getpid(),
            "checked": checked,
            "wall_s": round(time.perf_counter() - start_wall, 3),
            "cpu_s": round(use.ru_utime + use.ru_stime + kids.ru_utime + kids.ru_stime, 3),
        }
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(line) + "\n")


if __name__ == "__main__":
    main()
