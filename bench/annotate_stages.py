#!/usr/bin/env python3
"""CPU milliseconds per article for each stage of annotation, in one process, without a profiler.

    .venv/bin/python bench/annotate_stages.py [--data ../shared/data] [--n 60] [--repeat 2]

The stages are those ``annotate_many`` runs: the tokenizer, each main-pass component of the
pipeline (``load_nlp``'s, the parser left out), ``parse_selected`` (the parser on the sentences
that need it) and ``annotate_doc`` (storyline's own annotators). CPU seconds
(``time.process_time``) rather than wall time, so the figures hold on a loaded machine; a
profiler would inflate the Python stages against the compiled ones. The header names the CPU and
the Python: spaCy's parser and NER cost two to three times more on Python < 3.12 (docs/scale.md).
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bench_add import cpu_model  # noqa: E402  (bench/ is the script's folder)


def main() -> None:
    from storyline.annotation import load_nlp, sentences
    from storyline.annotation import pipeline as pipe
    from storyline.reading import read

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    files = sorted(p for p in (args.data / "basil-dev").glob("*.json") if p.name != "labels.json")[: args.n]
    if not files:
        raise SystemExit(f"no basil-dev articles under {args.data}")
    nlp = load_nlp()
    arts = [read(p) for p in files]
    off = set(pipe.MAIN_PASS_OFF)
    cpu: dict[str, float] = defaultdict(float)
    for _ in range(args.repeat):
        for i in range(0, len(arts), 32):
            group = arts[i : i + 32]
            t = time.process_time()
            docs = [nlp.make_doc(a.text) for a in group]
            cpu["tokenizer"] += time.process_time() - t
            for name, proc in nlp.pipeline:
                if name in off:
                    continue
                t = time.process_time()
                has_pipe = hasattr(proc, "pipe")
                docs = list(proc.pipe(docs, batch_size=32)) if has_pipe else [proc(d) for d in docs]  # type: ignore[attr-defined]
                cpu[name] += time.process_time() - t
            for art, doc in zip(group, docs, strict=True):
                t = time.process_time()
                parsed = pipe.parse_selected(doc, nlp, sentences.sentence_spans(doc), art.text)
                cpu["parse_selected"] += time.process_time() - t
                t = time.process_time()
                pipe.annotate_doc(art, doc, nlp, parsed)
                cpu["annotate_doc"] += time.process_time() - t
    n = args.repeat * len(arts)
    print(
        f"{len(arts)} basil-dev articles x {args.repeat}; CPU: {cpu_model()};"
        f" Python {platform.python_version()}"
    )
    for stage, secs in cpu.items():
        print(f"{stage:<22}{1000 * secs / n:8.1f} ms/article")
    print(f"{'total':<22}{1000 * sum(cpu.values()) / n:8.1f} ms/article")


if __name__ == "__main__":
    main()
