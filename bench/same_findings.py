"""Same findings before and after a speed change: what one tree's CLI outputs, to diff with another's.

A change that alters which sentence vectors exist, or when they are computed, must leave the
cross-checks as they were. ``--out DIR`` writes, with the CLI given (``--storyline``), the
``compare --all --format json`` of the first 8 basil-dev events, the first 5 gva-dev events and the
first ecbplus-dev event (its first ``--ecb-files`` reports), and ``list`` / ``show --format json``
of every story of a library ``add`` files those same reports into (the reports stored by the
check an add runs). ``--diff A B`` names the files that differ between two such folders, temporary
paths aside, and exits 1 when any does.

    .venv/bin/python bench/same_findings.py --storyline /work/main/.venv/bin/storyline --out /tmp/old
    .venv/bin/python bench/same_findings.py --storyline .venv/bin/storyline --out /tmp/new
    .venv/bin/python bench/same_findings.py --diff /tmp/old /tmp/new
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
SETS = (("basil-dev", 8), ("gva-dev", 5), ("ecbplus-dev", 1))


def events(name: str, count: int, ecb_files: int) -> list[tuple[str, list[Path]]]:
    """The first ``count`` events of a data set (``labels.json`` order) and their report files."""
    folder = DATA / name
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    by_event: dict[str, list[Path]] = {}
    for file, label in labels.items():
        event = label["event"] if isinstance(label, dict) else str(label)
        by_event.setdefault(event, []).append(folder / file)
    chosen = list(by_event.items())[:count]
    limit = ecb_files if name.startswith("ecbplus") else None
    return [(f"{name}-{event}", sorted(files)[:limit]) for event, files in chosen]


def run(cli: str, args: list[str]) -> str:
    done = subprocess.run([cli, *args], capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):  # compare exits 1 when it finds conflicts
        sys.exit(f"{cli} {' '.join(args[:2])} failed ({done.returncode}): {done.stderr[-400:]}")
    return done.stdout


def write(cli: str, out: Path, ecb_files: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    chosen = [e for name, count in SETS for e in events(name, count, ecb_files)]
    for event, files in chosen:
        got = run(cli, ["compare", "--all", "--format", "json", *map(str, files)])
        (out / f"compare-{event}.json").write_text(got, encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for _, files in chosen:
            for f in files:
                shutil.copyfile(f, src / f"{f.parent.name}-{f.name}")
        db = str(Path(tmp) / "lib.db")
        # the checks in the add (a storyline that hands them to a detached checker has --wait),
        # so `list` counts the conflicts as an add before the fifteenth session did
        wait = ["--wait"] if "--wait" in run(cli, ["add", "--help"]) else []
        run(cli, ["add", "--db", db, *wait, str(src)])
        listed = run(cli, ["list", "--db", db, "--limit", "1000", "--format", "json"])
        (out / "list.json").write_text(listed, encoding="utf-8")
        for story in json.loads(listed):
            shown = run(cli, ["show", story["id"], "--db", db, "--format", "json"])
            (out / f"show-{story['id']}.json").write_text(shown, encoding="utf-8")


_TMP = re.compile(r"/tmp/[^\"/]+/")


def differing(a: Path, b: Path) -> list[str]:
    """The files of either folder missing from the other or differing, temporary paths aside."""
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    out = []
    for name in names:
        pa, pb = a / name, b / name
        if not (pa.exists() and pb.exists()):
            out.append(f"{name} (only in {a if pa.exists() else b})")
        elif _TMP.sub("", pa.read_text(encoding="utf-8")) != _TMP.sub("", pb.read_text(encoding="utf-8")):
            out.append(name)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--storyline", default=".venv/bin/storyline")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--ecb-files", type=int, default=6)
    ap.add_argument("--diff", nargs=2, type=Path, metavar=("A", "B"))
    args = ap.parse_args()
    if args.diff:
        diff = differing(*args.diff)
        print("\n".join(diff) if diff else f"identical: {len(list(args.diff[0].iterdir()))} files")
        sys.exit(1 if diff else 0)
    if args.out is None:
        sys.exit("give --out DIR or --diff A B")
    write(args.storyline, args.out, args.ecb_files)


if __name__ == "__main__":
    main()
