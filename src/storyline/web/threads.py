"""Long work of a request (a cross-check, a story load) run off the event loop on daemon threads.

Starlette's thread pool is made of ordinary threads, which the interpreter waits for at exit: a
compare of many reports running when ``storyline serve`` got SIGTERM kept the process alive until
it finished. These threads are daemons, so the server stops within its shutdown timeout; what
they compute for a request is never written to the library, so nothing is left half-done. The
pool is small and fixed because each thread opens its own ``Library`` (one per thread).
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
WORKERS = 8  # model work is one at a time anyway (Resources.model_lock); the rest is reads

Task = tuple[Callable[[], Any], asyncio.AbstractEventLoop, "asyncio.Future[Any]"]


class DaemonPool:
    """A fixed set of daemon threads that run callables for coroutines to await."""

    def __init__(self, workers: int = WORKERS, name: str = "storyline-web") -> None:
        self._tasks: queue.Queue[Task | None] = queue.Queue()
        self._threads = [
            threading.Thread(target=self._serve, name=f"{name}-{i}", daemon=True) for i in range(workers)
        ]
        self._started = False
        self._lock = threading.Lock()

    async def run(self, fn: Callable[[], T]) -> T:
        """``fn()`` computed on a pool thread; awaiting it never blocks the event loop."""
        with self._lock:
            if not self._started:
                for t in self._threads:
                    t.start()
                self._started = True
        loop = asyncio.get_running_loop()
        done: asyncio.Future[T] = loop.create_future()
        self._tasks.put((fn, loop, done))
        return await done

    def close(self) -> None:
        """Let idle threads end; a busy one ends with the process (it is a daemon)."""
        for _ in self._threads:
            self._tasks.put(None)

    def _serve(self) -> None:
        while (task := self._tasks.get()) is not None:
            fn, loop, done = task
            if done.cancelled():  # the request went away while queued
                continue
            try:
                result, exc = fn(), None
            except BaseException as caught:  # handed to the awaiting request, raised there
                result, exc = None, caught
            with contextlib.suppress(RuntimeError):  # the loop closed: the server stopped
                loop.call_soon_threadsafe(_settle, done, result, exc)


def _settle(done: asyncio.Future[Any], result: Any, exc: BaseException | None) -> None:
    if done.done():  # the request was cancelled meanwhile
        return
    if exc is not None:
        done.set_exception(exc)
    else:
        done.set_result(result)
