#!/usr/bin/env python3
"""Speed and memory of `storyline compare`, against baselines measured in the same run.

    .venv/bin/python bench/bench_compare.py [--repeat 3] [--data ../shared/data/basil-dev]

Cases (each the median of --repeat runs):
- seeds cold: a fresh process running `storyline compare A B --format json` (process start and
  model load included); baseline: a fresh process running `storyline read A --format json`.
- seeds warm: `compare()` in this process with the models loaded (reading and annotation
  included; the sentence vectors come from the embedder's cache, as when a report is shown
  again); baseline: reading and annotating the same two reports alone.
- "new to the cache": the same, with the embedder's cache emptied before each run, as for reports
  this process has not seen: every sentence is embedded again.
- 10 reports warm: ten ~700-word basil-dev reports, both ways; baseline: read + annotate.
On a shared machine run it as `chrt -f 10 .venv/bin/python bench/bench_compare.py` (root): the
real-time class keeps other jobs off the cores for the few seconds each case takes.
- peak memory of the cold seeds process (max RSS).
Targets (DESIGN.md): cold < 3 s, warm < 0.5 s, 10 reports < 5 s, peak < 600 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_add import cpu_model  # bench/ is the script's folder

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [ROOT / "examples" / "000_c4ff50917423203a.txt", ROOT / "examples" / "001_480647fc13891387.txt"]
DATA = ROOT.parent / "shared" / "data" / "basil-dev"
CLI = str(Path(sys.executable).parent / "storyline")


def median_time(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def child(*args: str) -> None:
    subprocess.run([CLI, *args], check=True, capture_output=True)


def peak_mb_of_child(*args: str) -> float:
    """Max RSS of one fresh process (RUSAGE_CHILDREN holds the largest child so far: run first)."""
    subprocess.run([CLI, *args], check=True, capture_output=True)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def ten_reports(data: Path) -> list[Path]:
    """Ten reports of about 700 words: the basil-dev files nearest that length."""
    files = sorted(data.glob("*_*.json"))
    by_gap = sorted(files, key=lambda p: abs(len(json.loads(p.read_text())["text"].split()) - 700))
    return sorted(by_gap[:10])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--data", type=Path, default=DATA)
    opts = ap.parse_args()

    seeds = [str(p) for p in SEEDS]
    peak = peak_mb_of_child("compare", *seeds, "--format", "json")
    cold = median_time(lambda: child("compare", *seeds, "--format", "json"), opts.repeat)
    cold_base = median_time(lambda: child("read", seeds[0], "--format", "json"), opts.repeat)

    from storyline.annotation import annotate_many, load_nlp
    from storyline.crosscheck import compare
    from storyline.embed import Embedder
    from storyline.reading import read

    nlp, embedder = load_nlp(), Embedder()

    def annotate_only(paths: list[str]) -> None:
        list(annotate_many([read(p) for p in paths], nlp))

    compare(seeds, nlp=nlp, embedder=embedder)  # first call warms caches and lazy imports
    warm = median_time(lambda: compare(seeds, nlp=nlp, embedder=embedder), opts.repeat)
    warm_base = median_time(lambda: annotate_only(seeds), opts.repeat)

    def new_text(paths: list[str]) -> None:
        embedder.forget()  # as if the reports were new: every sentence embedded again
        compare(paths, nlp=nlp, embedder=embedder)

    fresh = median_time(lambda: new_text(seeds), opts.repeat)
    rows = [
        ("seeds cold (process)", cold, 3.0, "storyline read A", cold_base),
        ("seeds warm (in process)", warm, 0.5, "read+annotate", warm_base),
        ("seeds warm, new to the cache", fresh, 0.5, "read+annotate", warm_base),
    ]
    if opts.data.is_dir():
        ten = [str(p) for p in ten_reports(opts.data)]
        t10 = median_time(lambda: compare(ten, nlp=nlp, embedder=embedder), opts.repeat)
        t10_new = median_time(lambda: new_text(ten), opts.repeat)
        t10_base = median_time(lambda: annotate_only(ten), opts.repeat)
        rows.append(("10 reports ~700 words warm", t10, 5.0, "read+annotate", t10_base))
        rows.append(("10 reports, new to the cache", t10_new, 5.0, "read+annotate", t10_base))

    # Absolute times hold for one CPU, and spaCy's cost for one Python (docs/scale.md).
    print(f"CPU: {cpu_model()}; Python {platform.python_version()}; load average {os.getloadavg()[0]:.1f}")
    print(f"{'case':<30}{'seconds':>9}{'target':>8}   {'baseline':<18}{'base s':>8}{'ratio':>7}")
    for name, sec, target, base_name, base in rows:
        print(f"{name:<30}{sec:>9.2f}{target:>8.1f}   {base_name:<18}{base:>8.2f}{sec / base:>7.2f}")
    print(f"{'peak memory, seeds cold (MB)':<30}{peak:>9.0f}{600:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
