"""What `add` and `stories` do with an engine, and the progress line they show while it runs."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from storyline.engines.stages import STAGES, StageClock
from storyline.errors import SkippedRecord, StorylineError, UnreadableInput
from storyline.model import Story
from storyline.reading.sniff import ReadOptions
from storyline.stories.group import Placement
from storyline.stories.signatures import Signature

ENGINES = ("local", "ray")


class Engine(Protocol):
    name: str
    clock: StageClock

    def process(
        self,
        specs: Sequence[str],
        options: ReadOptions,
        on_error: Callable[[UnreadableInput], None],
        *,
        job: str = ...,
        skip_ids: frozenset[str] = ...,
    ) -> Iterator[Any]: ...

    def group(self, sigs: Sequence[Signature]) -> list[Placement]: ...

    def close(self) -> None: ...


def open_engine(
    name: str, *, workers: int = 2, address: str | None = None, models: dict[str, Any] | None = None
) -> Engine:
    """The named engine; ``models`` (already loaded) are reused by the local engine."""
    if name == "local":
        from storyline.embed import usable_cores
        from storyline.engines.local import LocalEngine

        return LocalEngine(models=dict(models or {}), processes=min(2, usable_cores()))
    if name == "ray":
        from storyline.engines.ray_engine import RayEngine
        from storyline.extras import require

        require("ray", "--engine ray")

        return RayEngine(workers=max(1, workers), address=address)
    raise StorylineError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")


def stage_rates(clock: StageClock) -> str:
    """Articles per second of worker time, per stage: which stage limits."""
    parts = []
    for stage in STAGES:
        if clock.count[stage]:
            rate = clock.count[stage] / max(clock.seconds[stage], 1e-9)
            parts.append(f"{stage} {rate:,.0f}/s")
    return " · ".join(parts)


class Tick(Protocol):
    def __call__(self, *, failed: bool = False) -> None: ...


@contextmanager
def progress_line(
    console: Console,
    engine: Engine | None,
    what: str,
    total: int | Callable[[], int | None] | None = None,
) -> Iterator[Tick]:
    """A live line while a run goes. With a ``total`` (the number of reports, or a function that
    counts them, run beside the work so a large archive's scan does not delay it) a bar, done/total
    and the time left once the count is in; without, articles done and articles/s; with an engine
    each stage's own rate too. Nothing at all when stderr is not a terminal (a log file or a pipe
    gets no blank line, no control codes). ``tick(failed=True)`` counts an input that could not be
    used: it moves a bar towards its total, but is no article done."""
    if not console.is_terminal:
        yield _silent
        return
    start = time.perf_counter()
    done = 0
    known: int | None = total if isinstance(total, int) else None
    columns: list[Any] = [SpinnerColumn(), TextColumn("{task.description}", markup=False)]
    if total is not None:
        columns += [BarColumn(bar_width=24), MofNCompleteColumn(), TextColumn("eta"), TimeRemainingColumn()]
    with Progress(*columns, TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task(what, total=known)

        def counted(count: Callable[[], int | None]) -> None:
            nonlocal known
            try:
                n = count()
            except Exception:  # the count is a nicety: the run reports its own errors
                return
            if n is not None:
                known = n
                bar.update(task, total=max(n, done))

        if callable(total):
            threading.Thread(target=counted, args=(total,), daemon=True, name="count-reports").start()

        def tick(*, failed: bool = False) -> None:
            nonlocal done
            if failed and total is None:
                return
            done += 1
            rate = done / max(time.perf_counter() - start, 1e-9)
            stages = f" [{stage_rates(engine.clock)}]" if engine is not None else ""
            grown = max(known, done) if known is not None else None  # a file may hold several reports
            count = "" if total is not None else f" {done:,}"  # the bar shows done/total
            said = f"{what}{count} ({rate:,.1f}/s){stages}"
            bar.update(task, completed=done, total=grown, description=said)

        yield tick


def _silent(*, failed: bool = False) -> None:
    """The tick of a run whose progress is not shown."""


def raise_unreadable(exc: UnreadableInput) -> None:
    """The API's default ``on_error``: an unreadable input is raised; an archive record skipped
    by design (a request, an image) is not an error and is dropped."""
    if not isinstance(exc, SkippedRecord):
        raise exc


def stored_ids(lib: Any) -> frozenset[str]:
    """Ids of the articles already in the library: a re-run skips them before any model runs."""
    from sqlalchemy import select

    from storyline.store.schema import articles

    with lib.engine.connect() as conn:
        return frozenset(r[0] for r in conn.execute(select(articles.c.id)))


def add_to_library(
    lib: Any,
    specs: Sequence[str],
    engine: Engine,
    options: ReadOptions,
    on_error: Callable[[UnreadableInput], None],
    tick: Callable[[Any], None] | None = None,
    *,
    batch: int = 1,
) -> list[Any]:
    """Run the engine's add pipeline and file what it prepares; the results of what was filed
    (``tick`` also hears of what was stored already).

    Filing happens here on the driver, in the engine's output order (input order for both
    engines), so the stories do not depend on the engine. ``batch`` articles share a transaction:
    1 for a laptop (a kill loses nothing filed), more for a cluster writing to PostgreSQL, where
    one round trip per article would be the bottleneck. Filing is keyed by content hash, so a
    batch retried after a crash stores nothing twice."""
    items = engine.process(specs, options, on_error, job="add", skip_ids=stored_ids(lib))
    return file_prepared(lib, items, tick, batch=batch)


def file_prepared(
    lib: Any, items: Iterable[Any], tick: Callable[[Any], None] | None = None, *, batch: int = 1
) -> list[Any]:
    """File an engine's ``add`` output (Prepared, or AlreadyStored for what the library holds),
    ``batch`` articles a transaction; the results of what was filed."""
    from storyline.engines.stages import AlreadyStored
    from storyline.store.records import AddResult

    results: list[Any] = []
    pending: list[Any] = []

    def flush() -> None:
        for result in lib.file_many(pending) if pending else []:
            results.append(result)
            if tick is not None:
                tick(result)
        pending.clear()

    for item in items:
        if isinstance(item, AlreadyStored):
            if tick is not None:
                tick(AddResult(item.id, "", "existing", item.path))
            continue
        pending.append(item)
        if len(pending) >= batch:
            flush()
    flush()
    return results


def stories_of(
    specs: Sequence[str],
    engine: Engine,
    options: ReadOptions,
    on_error: Callable[[UnreadableInput], None],
    tick: Callable[[], None] | None = None,
) -> list[Story]:
    """Group the inputs into stories without storing anything; the same article given twice
    is listed once."""
    from storyline.stories.titles import build_stories

    seen: dict[str, Any] = {}
    for item in engine.process(specs, options, on_error, job="stories"):
        seen.setdefault(item.article.id, item)
        if tick is not None:
            tick()
    arts = [s.article for s in seen.values()]
    sigs = [s.signature for s in seen.values()]
    return build_stories(arts, sigs, engine.group(sigs))
