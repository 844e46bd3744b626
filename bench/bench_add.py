"""Filing beside reading: ``storyline annotate --format jsonl`` and ``storyline add`` (a new library)
on the same articles, in one run, and the ratio of their throughputs.

``add`` does what ``annotate`` does, then signs and files, and hands the cross-checks of the stories
that gained a second report (embedding their sentences, storing each report) to one detached checker
process, and returns (issue 19 asks add's throughput to be at least half of annotate's). The moved
cost is measured too, never hidden: the time from the add's start until its checks are done (no
story owed, the checker's lock free) and the checker's CPU seconds (it writes them to
``STORYLINE_CHECK_LOG``). ``--baseline DIR`` runs the add of another source tree beside it in the
same run (a worktree of the starting code: ``git worktree add --detach /tmp/base main``), with
whatever checks that code does, and waits for its checker too (one left running slowed the next
add: 11.0 s against 28.8 s, load 16-29). ``--no-check`` times ``add --no-check`` (filing only, the checks
left owed), ``--wait`` ``add --wait`` (the checks in the add, as before), ``--single`` keeps one
report per story: nothing is compared.
Each command runs in its own process (model loading included, as a user pays it), ``--repeat``
times in turn, and the median wall and CPU seconds are printed with the CPU model and the load
average they hold for. On a shared machine the figures are noisy: run it as ``chrt -r 10
.venv/bin/python bench/bench_add.py`` (root) and repeat.

    .venv/bin/python bench/bench_add.py [--data ../shared/data/basil-dev] [--repeat 3] [--baseline DIR]
"""
from __future__ import annotations

import argparse
import fcntl
import json
import os
import platform
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOG_ENV = "STORYLINE_CHECK_LOG"  # where the detached checker writes its CPU seconds


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


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Wall and CPU seconds (children's user + system) of one command, which must succeed, and its
    stderr. A process it leaves running (the detached checker) is not waited for nor counted."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False, env=env
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stderr


def checks_done(db: Path, log: Path, said: str, bound_s: float = 3600.0) -> tuple[float, float]:
    """Wait until no story of the SQLite library ``db`` is owed a check and no checker holds its
    lock (``store/checklock.py``: an flock on ``<db>-checker``): when that was seen
    (``time.perf_counter``), and the CPU seconds of the checker the add ``said`` it started, from
    the line it writes to ``STORYLINE_CHECK_LOG`` as it exits (0 when none was started)."""
    deadline = time.monotonic() + bound_s
    lock = Path(f"{db}-checker")
    while True:
        with sqlite3.connect(db) as conn:
            owed = conn.execute("SELECT count(*) FROM stories WHERE check_due").fetchone()[0]
        if not owed and not (lock.exists() and _locked(lock)):
            break
        if time.monotonic() > deadline:
            sys.exit(f"{db}: {owed} stories still owed after {bound_s:.0f} s")
        time.sleep(0.1)
    seen = time.perf_counter()
    started = re.search(r"detached checker \(pid (\d+)\)", said)
    if started is None:
        return seen, 0.0
    pid = int(started.group(1))
    while True:  # the lock is let go a moment before the checker writes its line and exits
        lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        cpu = [json.loads(line)["cpu_s"] for line in lines if line.startswith(f'{{"pid": {pid},')]
        if cpu:
            return seen, float(cpu[0])
        if time.monotonic() > deadline:
            sys.exit(f"{log}: the checker {pid} wrote no line")
        time.sleep(0.1)


def _locked(path: Path) -> bool:
    with path.open("rb") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(fh, fcntl.LOCK_UN)
    return False


def revision(tree: Path) -> str:
    cmd = ["git", "-C", str(tree), "rev-parse", "--short", "HEAD"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return done.stdout.strip() or tree.name


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "basil-dev")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--single",
        action="store_true",
        help="one report per story (labels.json): a stream's usual case, where nothing is cross-checked",
    )
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument(
        "--no-check",
        action="store_true",
        help="time `add --no-check`: filing only, the cross-checks left owed (and no report stored)",
    )
    mode.add_argument("--wait", action="store_true", help="time `add --wait`: the checks in the add")
    ap.add_argument(
        "--baseline",
        type=Path,
        help="a source tree (its src/) whose plain `add` runs beside, in the same run: the starting code",
    )
    args = ap.parse_args()
    if not args.data.is_dir():
        sys.exit(f"{args.data}: no such folder (give --data)")
    cli = [sys.executable, "-m", "storyline"]
    here = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    base_env = {**os.environ, "PYTHONPATH": str(args.baseline / "src")} if args.baseline else None
    base_name = f"add at {revision(args.baseline)}" if args.baseline else ""
    flags = ["--no-check"] if args.no_check else ["--wait"] if args.wait else []
    background = not flags
    names = ["annotate", *([base_name] if args.baseline else []), "add"]
    names += ["add + checks"] if background else []
    if args.baseline and background:  # its checker is waited for too: it must not slow the next add
        names.insert(2, f"{base_name} + checks")
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    loads = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        n, words = articles_in(args.data, src, args.single)
        for i in range(args.repeat):
            loads.append(os.getloadavg()[0])
            runs["annotate"].append(timed([*cli, "annotate", "--format", "jsonl", str(src)], here)[:2])
            if base_env is not None:
                db, log = Path(tmp) / f"base{i}.db", Path(tmp) / f"base-checker{i}.log"
                start = time.perf_counter()
                base_add = [*cli, "add", "--db", str(db), str(src)]
                wall, cpu, said = timed(base_add, {**base_env, LOG_ENV: str(log)})
                runs[base_name].append((wall, cpu))
                if background:
                    seen, checker_cpu = checks_done(db, log, said)
                    runs[f"{base_name} + checks"].append((seen - start, cpu + checker_cpu))
            db, log = Path(tmp) / f"lib{i}.db", Path(tmp) / f"checker{i}.log"
            start = time.perf_counter()
            add = [*cli, "add", "--db", str(db), *flags, str(src)]
            wall, cpu, said = timed(add, {**here, LOG_ENV: str(log)})
            runs["add"].append((wall, cpu))
            if background:
                seen, checker_cpu = checks_done(db, log, said)
                runs["add + checks"].append((seen - start, cpu + checker_cpu))
    loads.append(os.getloadavg()[0])
    which = f"{args.data.name}{', one report per story' if args.single else ''}"
    which += f", add {flags[0]}" if flags else ", add: checks in a detached checker"
    print(f"{n} articles of {words / n:.0f} words ({which}); {cpu_model()}, {os.cpu_count()} CPUs;")
    print(f"load average (1 min) {min(loads):.1f}-{max(loads):.1f}; median of {args.repeat} runs each:")
    rate = {}
    for name, got in runs.items():
        wall = statistics.median(w for w, _ in got)
        cpu = statistics.median(c for _, c in got)
        rate[name] = n / wall
        each = ", ".join(f"{w:.1f}" for w, _ in got)
        print(
            f"  {name:16s} wall {wall:6.2f} s (runs {each})  CPU {cpu:6.2f} s"
            f"  {rate[name]:5.2f} articles/s  {words / wall:6.0f} words/s"
        )
    if background:
        print("  (add: until it returns; add + checks: from its start until the checker is done,")
        print("   CPU of the add and the checker together)")
    for name in runs:
        if name != "annotate":
            print(f"{name} throughput / annotate throughput: {rate[name] / rate['annotate']:.2f}")


if __name__ == "__main__":
    main()
