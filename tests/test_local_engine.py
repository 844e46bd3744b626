"""The local engine's annotation in worker processes: the same prepared articles, in input order,
as annotating them in this process (``add`` runs it so; ``watch`` and small runs do not)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from storyline.engines.local import WORKER_BATCH, LocalEngine
from storyline.errors import UnreadableInput
from storyline.reading.sniff import ReadOptions


def _prepared(engine: LocalEngine, folder: Path) -> list[tuple[str, str, bytes]]:
    errors: list[UnreadableInput] = []
    out = [
        (p.annotated.id, repr(p.annotated.to_dict()), p.signature.vector.tobytes())
        for p in engine.process([str(folder)], ReadOptions(), errors.append)
    ]
    assert errors == []
    return out


def test_workers_annotate_as_this_process_does(
    shared_data: Path, nlp: Any, embedder: Any, tmp_path: Path
) -> None:
    basil = sorted(p for p in (shared_data / "basil-dev").glob("*.json") if p.name != "labels.json")
    for path in basil[: 2 * WORKER_BATCH + 3]:  # three batches: the last one short
        shutil.copyfile(path, tmp_path / path.name)
    models = {"nlp": nlp, "embedder": embedder}
    here = _prepared(LocalEngine(models=dict(models)), tmp_path)
    workers = LocalEngine(models=dict(models), processes=2)
    aside = _prepared(workers, tmp_path)
    assert len(here) == 2 * WORKER_BATCH + 3
    assert aside == here
    assert workers.clock.count["annotate"] == len(here)  # the workers' batches are counted
