#!/usr/bin/env python3
"""Time and peak memory of storyline on hostile and huge inputs, against a small input in the
same run: memory must stay flat (the ratio to the baseline near 1) whatever the input's size.

    .venv/bin/python bench/bench_stress.py [--lines 1000000] [--add-lines 400] [--long-kb 900]

Each case is a fresh `storyline` process; its peak RSS comes from the kernel (``ru_maxrss`` of
the children, read per process with ``os.wait4``) and its wall time from the clock. Cases:
- read, baseline: `read -f jsonl` of a 100-line JSON Lines file;
- read, JSON Lines of --lines lines (1M by default, ~200 MB), streamed out: memory flat;
- read, the same lines on standard input (spooled to a temporary file past 20 MB);
- read, bombs: a 1 MB gzip of 2 GB of zeros in members, a gzip nested 2,000 deep, JSON nested
  100,000 deep — each a one-line refusal, memory flat;
- add, baseline: --add-lines // 4 lines into a new library; add, --add-lines lines: memory flat
  (filed in runs of lines, not loaded whole);
- annotate, one paragraph of --long-kb KB (annotated in pieces): memory bounded;
- annotate, baseline: the seeds.
On a shared machine run it as `chrt -r 10 .venv/bin/python bench/bench_stress.py` (root). No
figure here is asserted: the script prints them and the ratios.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = str(Path(sys.executable).parent / "storyline")
SENTENCE = "Mayor Ana Ruiz said on Tuesday that bridge {n} will reopen after {m} months, at ${c} million."


def run(args: list[str], stdin: Path | None = None) -> tuple[float, float, int, str]:
    """Wall seconds, peak RSS in MB, exit status and the last stderr line of one process."""
    start = time.perf_counter()
    with open(stdin or os.devnull, "rb") as fin, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([EXE, *args], stdin=fin, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
    return wall, usage.ru_maxrss / 1024, proc.returncode, (lines[-1] if lines else "")[:90]


FIRST = str.split("Ana Ben Chloe Dev Elif Farid Gwen Hugo Ines Jonas Kira Luis Maya Nils Omar Pia Rosa Sami")
LAST = str.split("Ruiz Okafor Lindqvist Moreau Tanaka Haddad Novak Brennan Castillo Duval Ferreira Kowalski")
TOWNS = str.split("Kelso Hawick Selkirk Peebles Melrose Jedburgh Galashiels Coldstream Duns Eyemouth Lauder")


def jsonl(path: Path, n: int) -> Path:
    """``n`` one-sentence reports, each about its own bridge, mayor and town (so filing them makes
    many small stories, as a real feed does, not one story of ``n`` copies)."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            who = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"
            town = f"{TOWNS[i % len(TOWNS)]} {i}"
            text = SENTENCE.format(n=i, m=i % 20 + 2, c=i % 50 + 1).replace("Ana Ruiz", who)
            text += f" The {town} bridge carries {1000 + i} cars a day."
            fh.write(json.dumps({"title": f"Bridge {i} in {town}", "source": "Herald", "text": text}) + "\n")
    return path


def gzip_members(path: Path, members: int, size: int) -> Path:
    block = gzip.compress(b"\0" * size, compresslevel=9)
    with path.open("wb") as fh:
        for _ in range(members):
            fh.write(block)
    return path


def nested_gzip(path: Path, depth: int) -> Path:
    data = b"The mayor said the bridge will reopen."
    for _ in range(depth):
        data = gzip.compress(data, compresslevel=1)
    path.write_bytes(data)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument("--add-lines", type=int, default=400)
    ap.add_argument("--long-kb", type=int, default=900)
    ap.add_argument("--only", default="", help="run only the cases whose name starts with this")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        small = jsonl(t / "small.jsonl", 100)
        big = jsonl(t / "big.jsonl", args.lines)
        cases: list[tuple[str, list[str], Path | None]] = [
            ("read jsonl 100 lines (baseline)", ["read", "-f", "jsonl", str(small)], None),
            (f"read jsonl {args.lines:,} lines", ["read", "-f", "jsonl", str(big)], None),
            (f"read jsonl {args.lines:,} lines on stdin", ["read", "-f", "jsonl", "-"], big),
        ]
        bomb = gzip_members(t / "bomb.gz", 200, 10 * 2**20)
        label = f"read gzip bomb ({bomb.stat().st_size // 1024} KB, 2 GB inflated)"
        cases.append((label, ["read", str(bomb)], None))
        cases.append(("read gzip nested 2,000 deep", ["read", str(nested_gzip(t / "deep.gz", 2000))], None))
        deep = t / "deep.json"
        deep.write_text("[" * 100_000 + "]" * 100_000)
        cases.append(("read JSON nested 100,000 deep", ["read", str(deep)], None))
        quarter = jsonl(t / "quarter.jsonl", max(1, args.add_lines // 4))
        many = jsonl(t / "many.jsonl", args.add_lines)
        add_base = ["add", "--wait", str(quarter), "--db", str(t / "a.db")]
        cases.append((f"add {args.add_lines // 4} lines (baseline)", add_base, None))
        add_many = ["add", "--wait", str(many), "--db", str(t / "b.db")]
        cases.append((f"add {args.add_lines} lines", add_many, None))
        seeds = [str(p) for p in sorted((ROOT / "examples").glob("*.txt"))]
        cases.append(("annotate the seeds (baseline)", ["annotate", "-f", "jsonl", *seeds], None))
        para = t / "para.txt"
        unit = SENTENCE.format(n=1, m=2, c=3) + ' "We will see," he said. '
        para.write_text(unit * (args.long_kb * 1024 // len(unit)))
        long_label = f"annotate one {args.long_kb} KB paragraph"
        cases.append((long_label, ["annotate", "-f", "jsonl", str(para)], None))
        rows = [(name, run(argv, stdin)) for name, argv, stdin in cases if name.startswith(args.only)]
    base = {name.split()[0]: r[1] for name, r in rows if name.endswith("(baseline)")}
    print(f"{'case':<52} {'wall s':>8} {'peak MB':>8} {'× base':>7} {'exit':>4}  last stderr line")
    for name, (wall, rss, code, last) in rows:
        ratio = rss / base.get(name.split()[0], rss)
        print(f"{name:<52} {wall:8.1f} {rss:8.0f} {ratio:7.2f} {code:>4}  {last}")


if __name__ == "__main__":
    main()
