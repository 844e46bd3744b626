"""Filing beside reading: ``storyline annotate --format jsonl`` and ``storyline add`` (a new library)
on the same articles, in one run, and the ratio of their throughputs.

``add`` does what ``annotate`` does and then signs, files and cross-checks the stories that gained
a second report (embedding their sentences then, and storing each report), so its throughput can
only approach annotate's; issue 19 asks for at least half. ``--no-check`` times ``add --no-check``,
which leaves the cross-checks owed. ``--single`` keeps one report per story: nothing is compared.
Each command runs in its own process (model loading included, as a user pays it), ``--repeat``
times in turn, and the median wall and CPU seconds are printed with the CPU model they hold for.
On a shared machine the figures are noisy: run it as ``chrt -r 10 .venv/bin/python
bench/bench_add.py`` (root) and repeat.

    .venv/bin/python bench/bench_add.py [--data ../shared/data/basil-dev] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cpu_model() -> str:
    """The CPU's model name as /proc/cpuinfo gives it (absolute times hold only for it)."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def articles_in(folder: Path, dest: Path, single: bool) -> tuple[int, int]:
    """Copy the folder's article files (not ``labels.json``) to ``dest``; their count and words.
    With ``single`` only the first file of each story in ``labels.json`` is copied."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8")) if single else {}
    taken: set[str] = set()
    n = words = 0
    for path in sorted(folder.glob("*.json")):
        if path.name == "labels.json" or (single and str(labels.get(path.name)) in taken):
            continue
        taken.add(str(labels.get(path.name)))
        shutil.copyfile(path, dest / path.name)
        words += len(str(json.loads(path.read_text(encoding="utf-8")).get("text", "")).split())
        n += 1
    return n, words


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (children's user + system) of one command, which must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "basil-dev")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--single",
        action="store_true",
        help="one report per story (labels.json): a stream's usual case, where nothing is cross-checked",
    )
    ap.add_argument(
        "--no-check",
        action="store_true",
        help="time `add --no-check`: filing only, the cross-checks left owed (and no report stored)",
    )
    args = ap.parse_args()
    if not args.data.is_dir():
        sys.exit(f"{args.data}: no such folder (give --data)")
    cli = [sys.executable, "-m", "storyline"]
    runs: dict[str, list[tuple[float, float]]] = {"annotate": [], "add": []}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        n, words = articles_in(args.data, src, args.single)
        for i in range(args.repeat):
            runs["annotate"].append(timed([*cli, "annotate", "--format", "jsonl", str(src)]))
            db = Path(tmp) / f"lib{i}.db"
            flags = ["--no-check"] if args.no_check else []
            runs["add"].append(timed([*cli, "add", "--db", str(db), *flags, str(src)]))
    which = f"{args.data.name}{', one report per story' if args.single else ''}"
    which += ", add --no-check" if args.no_check else ""
    print(f"{n} articles of {words / n:.0f} words ({which}); {cpu_model()}, {os.cpu_count()} CPUs;")
    print(f"median of {args.repeat} runs each (noisy on a shared machine):")
    rate = {}
    for name, got in runs.items():
        wall = statistics.median(w for w, _ in got)
        cpu = statistics.median(c for _, c in got)
        rate[name] = n / wall
        each = ", ".join(f"{w:.1f}" for w, _ in got)
        print(
            f"  {name:9s} wall {wall:6.2f} s (runs {each})  CPU {cpu:6.2f} s"
            f"  {rate[name]:5.2f} articles/s  {words / wall:6.0f} words/s"
        )
    print(f"add throughput / annotate throughput: {rate['add'] / rate['annotate']:.2f}")


if __name__ == "__main__":
    main()
