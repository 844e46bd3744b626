#!/usr/bin/env python3
"""Where a cross-check's time goes, without a profiler: a cold ``compare`` of files, or the checks
a library owes, each stage's wall and CPU seconds (a profiler inflates the Python stages against
spaCy's and ONNX's compiled ones).

    .venv/bin/python bench/check_stages.py compare examples/000_*.txt examples/001_*.txt
    .venv/bin/python bench/check_stages.py check LIBRARY.db   # a copy is checked, in this process

``compare``: a fresh process, imports and model loads included (the embedder loads and embeds on a
side thread, so the stages' wall times overlap). ``check``: a library filed with ``add --no-check``
(issue 19's add-with-checks cost); its copy's owed stories are compared in this process rather
than in the checker's forked workers, so every stage is seen, and ``Docs`` (sentences parsed
alone, the whole pipeline each) and ``parser()`` (the claims' parses) are timed inside
``all_links``. CPU is ``time.process_time``: all threads of the process, the embedder's lanes
included. The header names the CPU and the load (docs/scale.md, issue 19's seventeenth session).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bench_add import cpu_model  # noqa: E402  (bench/ is the script's folder)

STAGES = ["sentence_facts", "sentence_vectors", "candidate_pairs", "embed_phrases", "all_links",
          "find_copies", "group_links", "unique_sentences", "assemble", "cross_check"]  # fmt: skip
spent: dict[str, list[float]] = {}


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            row = spent.setdefault(name, [0.0, 0.0, 0])
            row[0] += time.perf_counter() - wall
            row[1] += time.process_time() - cpu
            row[2] += 1

    return run


def instrument() -> None:
    """Wrap the cross-check's stages where ``cross_check`` and ``compare`` look them up."""
    import storyline.annotation as annotation
    import storyline.crosscheck as crosscheck
    import storyline.crosscheck.engine as engine
    import storyline.crosscheck.predicates as predicates
    import storyline.embed as embed
    import storyline.engines.stages as stages
    from storyline.store.library import Library

    for name in STAGES:
        setattr(engine, name, timed(name, getattr(engine, name)))
    crosscheck.cross_check = engine.cross_check
    predicates.Docs.__call__ = timed("Docs (parsed alone)", predicates.Docs.__call__)  # type: ignore[method-assign]
    parser = predicates.parser
    engine.parser = lambda nlp=None: timed("parser() (claims)", parser(nlp))
    predicates.default_nlp = timed("load spaCy", predicates.default_nlp)  # type: ignore[assignment]
    annotation.ensure_annotated = timed("annotate", annotation.ensure_annotated)
    embed.Embedder.__init__ = timed("load embedder", embed.Embedder.__init__)  # type: ignore[method-assign]
    stages.load_models = timed("load both models", stages.load_models)
    vectors = timed("embed needed sentences", Library._provide_vectors)
    Library._provide_vectors = vectors  # type: ignore[method-assign]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=["compare", "check"])
    ap.add_argument("paths", nargs="+", help="compare: the reports; check: one SQLite library")
    args = ap.parse_args()
    start, cpu = time.perf_counter(), time.process_time()
    import storyline.cli
    import storyline.crosscheck.engine  # noqa: F401

    spent["imports"] = [time.perf_counter() - start, time.process_time() - cpu, 1]
    instrument()
    if args.what == "compare":
        from storyline.crosscheck import compare

        compare(args.paths)
    else:
        import storyline.store.checkpool as checkpool
        from storyline.engines import checker
        from storyline.store import Library

        checkpool.processes = lambda owed, embedder: 0  # every stage in this process
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "library.db"
            shutil.copyfile(args.paths[0], copy)
            with Library(str(copy)) as lib:
                print(f"checked {checker.pay(lib, wait=None)} stories")
    print(f"CPU: {cpu_model()}; Python {platform.python_version()}; load average {os.getloadavg()[0]:.1f}")
    print(f"{'stage':24s} {'calls':>5s} {'wall s':>7s} {'CPU s':>7s}")
    for name, (wall, used, calls) in spent.items():
        print(f"{name:24s} {int(calls):5d} {wall:7.2f} {used:7.2f}")
    print(f"{'total':24s} {'':5s} {time.perf_counter() - start:7.2f} {time.process_time() - cpu:7.2f}")


if __name__ == "__main__":
    main()
