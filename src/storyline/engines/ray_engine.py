"""The Ray engine: the same stage functions as ``engines.local``, run as a Ray Data pipeline.

    units ─▶ decode ─▶ annotate (actor pool, spaCy) ─▶ embed (actor pool, ONNX) ─▶ driver

Only units travel (paths, or a WARC path and a record offset); workers read the bytes themselves.
Each actor loads its model once (spaCy or the ONNX embedder) and is restarted, with its batch
retried, when its process dies. Ray Data streams with backpressure, so memory stays flat however
long the input. Grouping runs one Ray task per block of 8 or more articles (``engines.blocks``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.engines.blocks import BlockFn, group_block, group_in_blocks
from storyline.engines.stages import PIPELINES, STAGES, StageClock, done, load_model, run_stage
from storyline.engines.units import units_of
from storyline.errors import EngineError, UnreadableInput
from storyline.reading.sniff import ReadOptions
from storyline.stories.group import DocFreq, Placement
from storyline.stories.signatures import Signature

BATCH = 16  # articles per actor call: big enough to amortise spaCy's and ONNX's per-call cost
RESTARTS = -1  # a killed worker comes back (forever), and its batch is retried
# Scheduling shares per worker: embedding every sentence costs about as much as spaCy's pass
# (bench/bench_engines.py), so the two model stages get equal shares; with decode's 0.25 a worker
# of each stage fits one CPU, which is what ``--workers N`` on an N-CPU local cluster asks for.
CPUS = {"nlp": 0.375, "embedder": 0.375}


class _Stage:
    """One pipeline stage on a Ray worker: its model is loaded once, when the worker starts."""

    def __init__(self, stage: str, kind: str | None, options: ReadOptions, skip_ids: frozenset[str]) -> None:
        self.stage, self.options, self.skip_ids = stage, options, skip_ids
        self.model = load_model(kind, threads=1)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        start = time.perf_counter()
        key = "unit" if self.stage == "decode" else "item"
        out = run_stage(self.stage, list(batch[key]), self.model, self.options, self.skip_ids)
        result: dict[str, list[Any]] = {k: list(v) for k, v in batch.items() if k.startswith("t_")}
        result["item"] = out
        result[f"t_{self.stage}"] = [(time.perf_counter() - start) / max(1, len(out))] * len(out)
        return result


def connect(address: str | None, workers: int) -> None:
    """Join a cluster (``auto`` or HOST:PORT) or start a local one; one clear error if unreachable."""
    import ray

    if ray.is_initialized():
        return
    if address and address != "auto":
        _reachable(address)
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


def _reachable(address: str, timeout: float = 3.0) -> None:
    """Ray retries an unreachable head for a minute or more; a plain TCP probe fails in seconds."""
    import socket

    host, _, port = address.removeprefix("ray://").rpartition(":")
    try:
        with socket.create_connection((host or "127.0.0.1", int(port)), timeout=timeout):
            return
    except ValueError:
        raise EngineError(f"not a Ray cluster address: {address!r} (use auto or HOST:PORT)") from None
    except OSError as exc:
        raise EngineError(f"cannot reach the Ray cluster at {address}: {exc.strerror or exc}") from None


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
        ctx.execution_options.preserve_order = True  # filing order decides grouping: same as local
        ctx.verbose_stats_logs = False
        logging.getLogger("ray.data").setLevel(logging.ERROR)

    def process(
        self,
        specs: Sequence[str],
        options: ReadOptions,
        on_error: Callable[[UnreadableInput], None],
        *,
        job: str = "add",
        skip_ids: frozenset[str] = frozenset(),
    ) -> Iterator[Any]:
        """The job's output items (see ``LocalEngine.process``); failures go to ``on_error``."""
        import ray

        units = list(units_of(specs, options, on_error))  # small: paths and offsets, no page bytes
        if not units:
            return
        ds: Any = ray.data.from_items(
            [{"unit": u} for u in units], override_num_blocks=max(1, len(units) // 64)
        )
        for stage, kind in PIPELINES[job]:
            args = (stage, kind, options, skip_ids)
            if kind is None:  # no model: light workers, nothing to restart with care
                ds = ds.map_batches(
                    _Stage, fn_constructor_args=args, batch_size=self.batch_size, batch_format="default",
                    concurrency=self.workers, num_cpus=0.25,
                )  # fmt: skip
            else:
                ds = ds.map_batches(
                    _Stage, fn_constructor_args=args, batch_size=self.batch_size, batch_format="default",
                    concurrency=self.workers, num_cpus=CPUS[kind],
                    max_restarts=RESTARTS, max_task_retries=RESTARTS,
                )  # fmt: skip
        for batch in ds.iter_batches(batch_size=None, batch_format="default"):
            items = list(batch["item"])
            for stage in STAGES:
                col = batch.get(f"t_{stage}")
                if col is not None:
                    self.clock.add(stage, float(sum(col)), done(items))
            for item in items:
                if isinstance(item, UnreadableInput):
                    on_error(item)
                else:
                    yield item

    def group(self, sigs: Sequence[Signature]) -> list[Placement]:
        import ray

        remote = ray.remote(num_cpus=1)(group_block)

        def mapper(fn: BlockFn, blocks: Sequence[list[Signature]], df: DocFreq) -> list[list[Placement]]:
            big = [b for b in blocks if len(b) >= 8]  # a small block is not worth a task: grouped here
            df_ref = ray.put(df)
            refs = [remote.remote(b, df_ref) for b in big]
            return [fn(b, df) for b in blocks if len(b) < 8] + ray.get(refs)

        return group_in_blocks(sigs, mapper)

    def close(self) -> None:
        import ray

        if ray.is_initialized():
            ray.shutdown()
