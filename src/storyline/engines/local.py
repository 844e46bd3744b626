"""The local engine: every stage in this process, batch after batch, memory bounded by the batch."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.engines.blocks import group_in_blocks
from storyline.engines.stages import PIPELINES, StageClock, batches, done, load_model, run_stage
from storyline.engines.units import Unit, units_of
from storyline.errors import UnreadableInput
from storyline.reading.sniff import ReadOptions
from storyline.stories.group import Placement
from storyline.stories.signatures import Signature


@dataclass
class LocalEngine:
    """Runs the stage functions in one process. Models given by the caller are used; the others
    are loaded on first need, once."""

    models: dict[str, Any] = field(default_factory=dict)
    batch_size: int = 32
    clock: StageClock = field(default_factory=StageClock)
    name: str = "local"

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
        lazily batch by batch: a unit is not asked for before the batch before it is out."""
        pipeline = PIPELINES[job]

        for batch in batches(units, self.batch_size):
            items: list[Any] = batch
            for stage, kind in pipeline:
                model = self._model(kind)
                start = time.perf_counter()
                items = run_stage(stage, items, model, options, skip_ids)
                self.clock.add(stage, time.perf_counter() - start, done(items))
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
