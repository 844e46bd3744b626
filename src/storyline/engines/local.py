"""The local engine: every stage on this machine, batch after batch, memory bounded by the batch;
with ``processes`` the annotation of the next batches runs in worker processes meanwhile."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from storyline.engines.blocks import group_in_blocks
from storyline.engines.stages import PIPELINES, StageClock, annotate, batches, done, load_model, run_stage
from storyline.engines.units import Unit, units_of
from storyline.errors import UnreadableInput
from storyline.reading.sniff import ReadOptions
from storyline.stories.group import Placement
from storyline.stories.signatures import Signature

# Units a worker annotates at a time: half the serial batch keeps both workers busy to a run's end;
# spaCy annotates each article the same in any batch (basil-dev's 75: the same JSON in 8s and 32s).
WORKER_BATCH = 16


@dataclass
class LocalEngine:
    """Runs the stage functions in one process. Models given by the caller are used; the others
    are loaded on first need, once."""

    models: dict[str, Any] = field(default_factory=dict)
    batch_size: int = 32
    clock: StageClock = field(default_factory=StageClock)
    name: str = "local"
    processes: int = 1  # annotation worker processes for a run of two batches or more

    def process(
        self,
        specs: Sequence[str],
        options: ReadOptions,
        on_error: Callable[[UnreadableInput], None],
        *,
        job: str = "add",
        skip_ids: frozenset[str] = frozenset(),
    ) -> Iterator[Any]:
        """The job's output items (Prepared for ``add``, Signed for ``stories``) in input order;
        failures go to ``on_error`` as they happen."""
        units = units_of(specs, options, on_error)
        return self.process_units(units, options, on_error, job=job, skip_ids=skip_ids)

    def process_units(
        self,
        units: Iterable[Unit],
        options: ReadOptions,
        on_error: Callable[[UnreadableInput], None],
        *,
        job: str = "add",
        skip_ids: frozenset[str] = frozenset(),
    ) -> Iterator[Any]:
        """``process`` of units made by the caller (``watch`` hands over pages it fetched), read
        lazily batch by batch: a unit is not asked for before the batch before it is out (with
        annotation ``processes``, a few batches ahead, to keep the workers busy)."""
        pipeline = PIPELINES[job]
        if self.processes < 2 or "annotate" not in (stage for stage, _ in pipeline):
            return self._in_turn(batches(units, self.batch_size), pipeline, options, on_error, skip_ids)
        stream = iter(batches(units, min(self.batch_size, WORKER_BATCH)))
        return self._annotating_aside(stream, pipeline, options, on_error, skip_ids)

    def _in_turn(
        self,
        stream: Iterable[list[Any]],
        pipeline: Sequence[tuple[str, str | None]],
        options: ReadOptions,
        on_error: Callable[[UnreadableInput], None],
        skip_ids: frozenset[str],
    ) -> Iterator[Any]:
        for batch in stream:
            yield from self._passed(self._run(pipeline, batch, options, skip_ids), on_error)

    def _annotating_aside(
        self,
        stream: Iterator[list[Any]],
        pipeline: Sequence[tuple[str, str | None]],
        options: ReadOptions,
        on_error: Callable[[UnreadableInput], None],
        skip_ids: frozenset[str],
    ) -> Iterator[Any]:
        """The annotate stage in worker processes (``annotator_pool``), the others here, results
        in input order; reading, signing and filing overlap the workers' spaCy. A run shorter than
        two batches is annotated here, in one batch: starting workers would cost more than they
        save."""
        from storyline.annotation.parallel import annotator_pool

        at = [stage for stage, _ in pipeline].index("annotate")
        head, tail = pipeline[:at], pipeline[at + 1 :]
        first, second = next(stream, []), next(stream, [])
        if len(second) < WORKER_BATCH:
            yield from self._in_turn([first + second], pipeline, options, on_error, skip_ids)
            return
        pending: deque[Future[tuple[list[Any], float]]] = deque()
        with annotator_pool(self._model(pipeline[at][1]), self.processes) as pool:
            for batch in chain([first, second], stream):
                pending.append(pool.submit(_annotate_in_worker, self._run(head, batch, options, skip_ids)))
                while len(pending) >= 2 * self.processes:
                    yield from self._annotated(pending.popleft(), tail, options, on_error, skip_ids)
            while pending:
                yield from self._annotated(pending.popleft(), tail, options, on_error, skip_ids)

    def _annotated(
        self,
        future: Future[tuple[list[Any], float]],
        tail: Sequence[tuple[str, str | None]],
        options: ReadOptions,
        on_error: Callable[[UnreadableInput], None],
        skip_ids: frozenset[str],
    ) -> Iterator[Any]:
        items, seconds = future.result()
        self.clock.add("annotate", seconds, done(items))
        yield from self._passed(self._run(tail, items, options, skip_ids), on_error)

    def _run(
        self,
        stages: Sequence[tuple[str, str | None]],
        items: list[Any],
        options: ReadOptions,
        skip_ids: frozenset[str],
    ) -> list[Any]:
        for stage, kind in stages:
            model = self._model(kind)
            start = time.perf_counter()
            items = run_stage(stage, items, model, options, skip_ids)
            self.clock.add(stage, time.perf_counter() - start, done(items))
        return items

    @staticmethod
    def _passed(items: list[Any], on_error: Callable[[UnreadableInput], None]) -> Iterator[Any]:
        for item in items:
            if isinstance(item, UnreadableInput):
                on_error(item)
            else:
                yield item

    def _model(self, kind: str | None) -> Any:
        if kind is not None and kind not in self.models:
            self.models[kind] = load_model(kind)
        return self.models.get(kind) if kind else None

    def group(self, sigs: Sequence[Signature]) -> list[Placement]:
        return group_in_blocks(sigs)

    def close(self) -> None:
        """Nothing to release: models are dropped with the engine."""


def _annotate_in_worker(items: list[Any]) -> tuple[list[Any], float]:
    """The annotate stage on one batch in a worker process, with the seconds it took there."""
    from storyline.annotation.parallel import worker_nlp

    start = time.perf_counter()
    out = annotate(items, worker_nlp())
    return out, time.perf_counter() - start
