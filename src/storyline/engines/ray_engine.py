"""The Ray engine: the same stage functions as ``engines.local``, run as a Ray Data pipeline.

    units ─▶ decode (tasks) ─▶ annotate (actor pool) ─▶ sign (actor pool) ─▶ driver

Only units travel (paths, or a WARC path and a record offset); workers read the bytes themselves.
Each actor loads its model once (spaCy or the ONNX embedder) and is restarted, with its batch
retried, when its process dies. Ray Data streams with backpressure, so memory stays flat however
long the input. Grouping runs as one Ray task per block (``engines.blocks``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.engines.blocks import group_in_blocks
from storyline.engines.stages import Processed, StageClock, annotate, decode, sign
from storyline.engines.units import Unit, plan_units
from storyline.errors import EngineError, UnreadableInput
from storyline.reading.sniff import ReadOptions
from storyline.stories.group import Placement
from storyline.stories.signatures import Signature

BATCH = 16  # articles per actor call: big enough to amortise spaCy's and ONNX's per-call cost
RESTARTS = -1  # a killed worker comes back (forever), and its batch is retried


def _times(out: list[Any], stage: str, start: float) -> dict[str, list[Any]]:
    share = (time.perf_counter() - start) / max(1, len(out))
    return {"item": out, f"t_{stage}": [share] * len(out)}


def _carry(batch: dict[str, Any], out: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Keep the timings of earlier stages beside the new items (stages keep their batch's length)."""
    for key, values in batch.items():
        if key.startswith("t_"):
            out[key] = list(values)
    return out


def _decode_batch(
    batch: dict[str, Any], options: ReadOptions, skip_ids: frozenset[str]
) -> dict[str, list[Any]]:
    start = time.perf_counter()
    return _times(decode(list(batch["unit"]), options, skip_ids), "decode", start)


class _Annotator:
    def __init__(self) -> None:
        from storyline.annotation import load_nlp

        self.nlp = load_nlp()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        start = time.perf_counter()
        return _carry(batch, _times(annotate(list(batch["item"]), self.nlp), "annotate", start))


class _Signer:
    def __init__(self) -> None:
        from storyline.embed import Embedder

        self.embedder = Embedder(threads=1)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        start = time.perf_counter()
        return _carry(batch, _times(sign(list(batch["item"]), self.embedder), "sign", start))


def connect(address: str | None, workers: int) -> None:
    """Join a cluster (``auto`` or HOST:PORT) or start a local one; one clear error if unreachable."""
    import ray

    if ray.is_initialized():
        return
    try:
        if address:
            ray.init(address=address, logging_level=logging.ERROR, log_to_driver=False)
        else:
            ray.init(
                num_cpus=workers, include_dashboard=False, logging_level=logging.ERROR, log_to_driver=False
            )
    except Exception as exc:  # Ray raises ConnectionError, RuntimeError or its own types here
        where = address or "a local cluster"
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise EngineError(f"cannot reach the Ray cluster at {where}: {first}") from exc


@dataclass
class RayEngine:
    """Runs the stages on a Ray cluster with ``workers`` actors per model stage."""

    workers: int = 2
    address: str | None = None
    batch_size: int = BATCH
    clock: StageClock = field(default_factory=StageClock)
    name: str = "ray"

    def __post_init__(self) -> None:
        connect(self.address, self.workers)
        import ray

        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        ctx.verbose_stats_logs = False
        logging.getLogger("ray.data").setLevel(logging.ERROR)

    def process(
        self,
        specs: Sequence[str],
        options: ReadOptions,
        on_error: Callable[[UnreadableInput], None],
        *,
        skip_ids: frozenset[str] = frozenset(),
    ) -> Iterator[Processed]:
        import ray

        units: list[Unit] = []
        for unit in plan_units(specs, options):
            if isinstance(unit, UnreadableInput):
                on_error(unit)
            else:
                units.append(unit)
        if not units:
            return
        ds: Any = ray.data.from_items(
            [{"unit": u} for u in units], override_num_blocks=max(1, len(units) // 64)
        )
        ds = ds.map_batches(
            _decode_batch,
            fn_kwargs={"options": options, "skip_ids": skip_ids},
            batch_size=self.batch_size,
            batch_format="default",
            num_cpus=0.25,
        )
        ds = ds.map_batches(
            _Annotator,
            batch_size=self.batch_size,
            batch_format="default",
            concurrency=self.workers,
            num_cpus=0.5,
            max_restarts=RESTARTS,
            max_task_retries=RESTARTS,
        )
        ds = ds.map_batches(
            _Signer,
            batch_size=self.batch_size,
            batch_format="default",
            concurrency=self.workers,
            num_cpus=0.25,
            max_restarts=RESTARTS,
            max_task_retries=RESTARTS,
        )
        for batch in ds.iter_batches(batch_size=None, batch_format="default"):
            items = list(batch["item"])
            for stage in ("decode", "annotate", "sign"):
                col = batch.get(f"t_{stage}")
                if col is not None:
                    done = sum(1 for x in items if not isinstance(x, UnreadableInput))
                    self.clock.add(stage, float(sum(col)), done)
            for item in items:
                if isinstance(item, UnreadableInput):
                    on_error(item)
                else:
                    yield item

    def group(self, sigs: Sequence[Signature]) -> list[Placement]:
        import ray

        from storyline.stories.group import group_signatures

        remote = ray.remote(num_cpus=1)(group_signatures)

        def mapper(fn: Callable[[list[Signature]], list[Placement]], blocks: Any) -> list[list[Placement]]:
            blocks = list(blocks)
            small = [b for b in blocks if len(b) < 8]  # not worth a task: grouped here
            refs = [remote.remote(b) for b in blocks if len(b) >= 8]
            return [fn(b) for b in small] + ray.get(refs)

        return group_in_blocks(sigs, mapper)

    def close(self) -> None:
        import ray

        if ray.is_initialized():
            ray.shutdown()
