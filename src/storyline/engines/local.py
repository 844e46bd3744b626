"""The local engine: every stage in this process, batch after batch, memory bounded by the batch."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.engines.blocks import group_in_blocks
from storyline.engines.stages import Processed, StageClock, annotate, batches, decode, sign, timed
from storyline.engines.units import plan_units
from storyline.errors import UnreadableInput
from storyline.reading.sniff import ReadOptions
from storyline.stories.group import Placement
from storyline.stories.signatures import Signature


@dataclass
class LocalEngine:
    """Runs the stage functions in one process; models are loaded once, by the caller."""

    nlp: Any
    embedder: Any
    batch_size: int = 32
    clock: StageClock = field(default_factory=StageClock)
    name: str = "local"

    def process(
        self,
        specs: Sequence[str],
        options: ReadOptions,
        on_error: Callable[[UnreadableInput], None],
        *,
        skip_ids: frozenset[str] = frozenset(),
    ) -> Iterator[Processed]:
        """Processed articles in input order; failures go to ``on_error`` as they happen."""

        def units() -> Iterator[Any]:
            for unit in plan_units(specs, options):
                if isinstance(unit, UnreadableInput):
                    on_error(unit)
                else:
                    yield unit

        for batch in batches(units(), self.batch_size):
            items = timed("decode", self.clock, decode, batch, options, skip_ids)
            items = timed("annotate", self.clock, annotate, items, self.nlp)
            items = timed("sign", self.clock, sign, items, self.embedder)
            for item in items:
                if isinstance(item, UnreadableInput):
                    on_error(item)
                else:
                    yield item

    def group(self, sigs: Sequence[Signature]) -> list[Placement]:
        return group_in_blocks(sigs)

    def close(self) -> None:
        """Nothing to release: the models belong to the caller."""
