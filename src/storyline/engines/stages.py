"""The stages of the pipeline, as plain functions over batches: one implementation, two engines.

    add:      units ──decode──▶ Articles ──annotate──▶ AnnotatedArticles ──embed──▶ Prepared
                                              (sentence vectors, document vector, MinHash)
    stories:  units ──decode──▶ Articles ──sign──▶ Signed (document vector, MinHash)

Each stage keeps its batch in order and passes failures (``UnreadableInput``) through in place,
so a bad page never stops its batch. ``engines.local`` calls these in one process; ``engines.ray``
calls the very same functions inside Ray Data tasks and actors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.engines.units import Unit, read_unit
from storyline.errors import UnreadableInput
from storyline.model import AnnotatedArticle, Article
from storyline.reading.sniff import ReadOptions
from storyline.stories.signatures import Signature, sign_many

STAGES = ("decode", "annotate", "embed", "sign")
# The stages of each job, with the model each needs (loaded once per worker).
PIPELINES: dict[str, tuple[tuple[str, str | None], ...]] = {
    "add": (("decode", None), ("annotate", "nlp"), ("embed", "embedder")),
    "stories": (("decode", None), ("sign", "embedder")),
}


@dataclass(frozen=True, eq=False)
class Signed:
    """An article reduced to what story grouping needs."""

    article: Article
    signature: Signature


@dataclass(frozen=True)
class AlreadyStored:
    """An article the library holds already; it passes the later stages untouched."""

    id: str
    path: str | None


Item = Any  # Unit | Article | AnnotatedArticle | Prepared | UnreadableInput, by stage


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
    """Read and clean every unit; an article whose id is in ``skip_ids`` (already stored) becomes
    an ``AlreadyStored`` here, before the costly stages: that is what makes a re-run resume."""
    out: list[Item] = []
    for unit in units:
        for item in read_unit(unit, options):
            if isinstance(item, Article) and item.id in skip_ids:
                out.append(AlreadyStored(item.id, item.path))
            else:
                out.append(item)
    return out


def annotate(items: Sequence[Item], nlp: Any) -> list[Item]:
    from storyline.annotation import annotate_many

    return _on_kind(items, Article, lambda arts: list(annotate_many(arts, nlp)))


def embed(items: Sequence[Item], embedder: Any) -> list[Item]:
    """The grouping signature (document vector + MinHash), as ``add`` files it; sentence vectors
    wait for the cross-check (``store/vectors.py``)."""
    from storyline.store.prepare import prepare_many

    return _on_kind(
        items, AnnotatedArticle, lambda anns: list(prepare_many(anns, nlp=None, embedder=embedder))
    )


def sign(items: Sequence[Item], embedder: Any) -> list[Item]:
    def run(arts: list[Article]) -> list[Signed]:
        return [Signed(a, s) for a, s in zip(arts, sign_many(arts, embedder), strict=True)]

    return _on_kind(items, Article, run)


def load_model(kind: str | None, *, threads: int | None = None) -> Any:
    """The model a stage needs, loaded in the process that runs it. ``threads`` caps ONNX's
    threads: Ray workers get one each, or two embedders on one node fight for the same cores."""
    if kind == "nlp":
        from storyline.annotation import load_nlp

        return load_nlp()
    if kind == "embedder":
        from storyline.embed import Embedder

        return Embedder(threads=threads)
    return None


def load_models() -> dict[str, Any]:
    """The spaCy pipeline and the embedder, loaded side by side for one process that runs every
    stage (add, the checker, watch): the embedder's imports and ONNX session build on a side
    thread, mostly outside the GIL, while spaCy loads here (0.77-0.98 s -> 0.44-0.74 s wall for
    both, AMD EPYC, chrt). The same models as loaded one after the other."""
    from concurrent.futures import ThreadPoolExecutor

    def embedder() -> Any:  # not load_model's: an Embedder() as the other callers build it
        from storyline.embed import Embedder

        return Embedder()

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="load") as pool:
        loading = pool.submit(embedder)
        return {"nlp": load_model("nlp"), "embedder": loading.result()}


def run_stage(
    stage: str, items: Sequence[Any], model: Any, options: ReadOptions, skip_ids: frozenset[str]
) -> list[Item]:
    """One stage over one batch, by name: the single dispatch both engines use."""
    if stage == "decode":
        return decode(items, options, skip_ids)
    fn = {"annotate": annotate, "embed": embed, "sign": sign}[stage]
    return fn(items, model)


def _on_kind(items: Sequence[Item], kind: type, fn: Callable[[list[Any]], list[Any]]) -> list[Item]:
    """Apply ``fn`` to the items of ``kind`` as one batch, keeping everything else in place.

    When the batch fails, its items are retried one by one, so a text that breaks a model costs
    only itself: it becomes an ``UnreadableInput`` in its place."""
    picked = [x for x in items if isinstance(x, kind)]
    try:
        out = fn(picked) if picked else []
    except Exception:
        return [_alone(x, fn) if isinstance(x, kind) else x for x in items]
    done = iter(out)
    return [next(done) if isinstance(x, kind) else x for x in items]


def _alone(item: Any, fn: Callable[[list[Any]], list[Any]]) -> Any:
    try:
        return fn([item])[0]
    except Exception as exc:  # a model or annotator failure on this one text
        art = item.article if isinstance(item, AnnotatedArticle) else item
        name = str(getattr(art, "path", None) or getattr(art, "id", "?"))
        return UnreadableInput(name, f"cannot be processed: {type(exc).__name__}: {exc}")


def done(items: Sequence[Item]) -> int:
    """Items that made it through a stage (failures do not count toward its throughput)."""
    return sum(1 for x in items if not isinstance(x, UnreadableInput))


def batches(items: Iterable[Any], size: int) -> Iterable[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
