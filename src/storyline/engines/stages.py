"""The stages of the pipeline, as plain functions over batches: one implementation, two engines.

    units ──decode──▶ Articles ──annotate──▶ AnnotatedArticles ──sign──▶ Processed
                                                                 (embed + MinHash)

Each stage keeps its batch in order and passes failures (``UnreadableInput``) through in place,
so a bad page never stops its batch. ``engines.local`` calls these in one process; ``engines.ray``
calls the very same functions inside Ray Data tasks and actors.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.engines.units import Unit, read_unit
from storyline.errors import UnreadableInput
from storyline.model import AnnotatedArticle, Article
from storyline.reading.sniff import ReadOptions
from storyline.stories.signatures import Signature, sign_many

STAGES = ("decode", "annotate", "sign")


@dataclass(frozen=True)
class Processed:
    """An article ready to be grouped and stored: its annotations and its grouping signature."""

    annotated: AnnotatedArticle
    signature: Signature


Item = Any  # Unit | Article | AnnotatedArticle | Processed | UnreadableInput, by stage


@dataclass
class StageClock:
    """Seconds spent per stage and articles through it: the per-stage cost per 1,000 articles."""

    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    count: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STAGES, 0))

    def add(self, stage: str, seconds: float, n: int) -> None:
        self.seconds[stage] += seconds
        self.count[stage] += n

    def merge(self, other: dict[str, tuple[float, int]]) -> None:
        for stage, (sec, n) in other.items():
            self.add(stage, sec, n)

    def per_thousand(self, stage: str) -> float:
        n = self.count[stage]
        return 1000.0 * self.seconds[stage] / n if n else 0.0


def decode(units: Sequence[Unit], options: ReadOptions, skip_ids: frozenset[str] = frozenset()) -> list[Item]:
    """Read and clean every unit; articles whose id is in ``skip_ids`` (already stored) drop out
    here, before the costly stages, which is what makes a re-run resume."""
    out: list[Item] = []
    for unit in units:
        for item in read_unit(unit, options):
            if isinstance(item, Article) and item.id in skip_ids:
                continue
            out.append(item)
    return out


def annotate(items: Sequence[Item], nlp: Any) -> list[Item]:
    from storyline.annotation import annotate_many

    return _on_kind(items, Article, lambda arts: list(annotate_many(arts, nlp)))


def sign(items: Sequence[Item], embedder: Any) -> list[Item]:
    def run(anns: list[AnnotatedArticle]) -> list[Processed]:
        sigs = sign_many([a.article for a in anns], embedder)
        return [Processed(a, s) for a, s in zip(anns, sigs, strict=True)]

    return _on_kind(items, AnnotatedArticle, run)


def _on_kind(items: Sequence[Item], kind: type, fn: Callable[[list[Any]], list[Any]]) -> list[Item]:
    """Apply ``fn`` to the items of ``kind`` as one batch, keeping everything else in place."""
    picked = [x for x in items if isinstance(x, kind)]
    done = iter(fn(picked) if picked else [])
    return [next(done) if isinstance(x, kind) else x for x in items]


def timed(stage: str, clock: StageClock, fn: Callable[..., list[Item]], *args: Any) -> list[Item]:
    """Run one stage on one batch and charge its time to the clock."""
    start = time.perf_counter()
    out = fn(*args)
    clock.add(stage, time.perf_counter() - start, sum(1 for x in out if not isinstance(x, UnreadableInput)))
    return out


def batches(items: Iterable[Any], size: int) -> Iterable[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
