#!/usr/bin/env python3
"""Natural discrepancies on the dev triplets, scored per half: the hand-judged gold of
../shared/data/natural-dev (8 events) and bench/natural/gold-more.jsonl (the other 17 basil-dev
events, judged by the same guide), split by event into a tuning half and a check half.

The split is seeded and by event: an event's half is fixed by a hash of its id, so a rule tuned
while looking at the tuning half can be seen to hold (or not) on the check half.

    .venv/bin/python bench/eval_natural.py [--half tune|check|all] [--verbose]

Runs ../shared/tools/score-natural once per half and prints its figures. Unjudged conflicts
count as wrong: judge them by ../shared/data/natural-dev/GUIDE.md and add lines to gold-more.jsonl.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = [SHARED / "data" / "natural-dev" / "gold.jsonl", ROOT / "bench" / "natural" / "gold-more.jsonl"]
SEED = "storyline-natural-1"


def halves(triplets: set[str], seed: str = SEED) -> dict[str, str]:
    """Event -> 'tune' or 'check': events ordered by a seeded hash of their id, alternately."""
    ranked = sorted(triplets, key=lambda t: hashlib.sha256(f"{seed}:{t}".encode()).hexdigest())
    return {t: "tune" if i % 2 == 0 else "check" for i, t in enumerate(ranked)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("tune", "check", "all"), default=None, help="one half (default: each)")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--storyline", default=str(ROOT / ".venv" / "bin" / "storyline"), help="the CLI to run")
    opts = ap.parse_args()
    scorer = SHARED / "tools" / "score-natural"
    if not scorer.exists() or not all(g.exists() for g in GOLD):
        print("eval_natural: ../shared (data and tools) not found", file=sys.stderr)
        return 2
    lines = [ln for g in GOLD for ln in g.read_text().splitlines() if ln.strip()]
    half_of = halves({json.loads(ln)["triplet"] for ln in lines})
    for half in [opts.half] if opts.half else ["tune", "check", "all"]:
        chosen = [ln for ln in lines if half == "all" or half_of[json.loads(ln)["triplet"]] == half]
        events = len({json.loads(ln)["triplet"] for ln in chosen})
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as tmp:
            tmp.write("\n".join(chosen) + "\n")
        cmd = [str(scorer), "--storyline", opts.storyline, "--gold", tmp.name,
               "--jobs", str(opts.jobs)]
        if opts.verbose:
            cmd.append("--verbose")
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        Path(tmp.name).unlink()
        print(f"== {half} ({events} events)")
        print(out.stdout.rstrip())
        if out.returncode:
            print(out.stderr.rstrip(), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
