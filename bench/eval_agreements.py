#!/usr/bin/env python3
"""Wrong agreements on reports the natural gold does not hold: gva-dev incidents and ecbplus-dev
events, every agreement `compare` stated judged by hand (../shared/data/natural-dev/GUIDE.md:
does every statement in it state the same fact, with the same value?), scored per half.

    .venv/bin/python bench/eval_agreements.py [--half tune|check|all] [--verbose] [--dump]

The judgments are bench/natural/agreements-more.jsonl, one line per agreement: `{event, data,
files, aspect, verdict: RIGHT|FALSE, sides: [{file, snippet}], note}` (snippets of at most 15
words). An agreement matches a judgment when every statement holds a side's snippet from its file
and every side is in a statement; one that matches none is unjudged and printed, so it can be
judged (``--dump`` prints a line to fill in). The halves are by event, seeded, as in
eval_natural.py.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from eval_natural import halves

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
JUDGED = ROOT / "bench" / "natural" / "agreements-more.jsonl"
SEED = "storyline-agreements-1"
SNIPPET_WORDS = 12


def compare(data: str, files: list[str]) -> dict[str, Any]:
    """`storyline compare` of one event's reports, as JSON."""
    cmd = [str(ROOT / ".venv" / "bin" / "storyline"), "compare", *(str(DATA / data / f) for f in files)]
    out = subprocess.run([*cmd, "--format", "json"], capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout))


def matches(finding: dict[str, Any], judged: dict[str, Any], file_of: dict[str, str]) -> bool:
    """Every statement holds a side's snippet from its file, and every side is in a statement."""
    stated = [(file_of[s["source"]], s["text"]) for s in finding["statements"]]
    sides = [(s["file"], s["snippet"]) for s in judged["sides"]]
    if len(stated) != len(sides):
        return False
    return all(any(f == g and snip in text for g, snip in sides) for f, text in stated) and all(
        any(f == g and snip in text for f, text in stated) for g, snip in sides
    )


def template(event: dict[str, Any], finding: dict[str, Any], file_of: dict[str, str]) -> str:
    """A judgment line to fill in for an unjudged agreement (the verdict left as '?')."""
    sides = [
        {"file": file_of[s["source"]], "snippet": " ".join(s["text"].split()[:SNIPPET_WORDS])}
        for s in finding["statements"]
    ]
    line = {**event, "aspect": finding["aspect"], "verdict": "?", "sides": sides, "note": ""}
    return json.dumps(line, ensure_ascii=False)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("tune", "check", "all"), default=None, help="one half (default: each)")
    ap.add_argument("--verbose", action="store_true", help="print each wrong or unjudged agreement")
    ap.add_argument("--dump", action="store_true", help="print a line to fill in for each unjudged one")
    ap.add_argument("--jobs", type=int, default=2)
    opts = ap.parse_args()
    if not DATA.exists() or not JUDGED.exists():
        print("eval_agreements: ../shared/data or the judgments not found", file=sys.stderr)
        return 2
    judged = [json.loads(ln) for ln in JUDGED.read_text().splitlines() if ln.strip()]
    events: dict[str, dict[str, Any]] = {}
    for j in judged:
        events.setdefault(j["event"], {"event": j["event"], "data": j["data"], "files": j["files"]})
    half_of = halves(set(events), SEED)
    chosen = [e for e in events.values() if opts.half in (None, "all") or half_of[e["event"]] == opts.half]
    with ThreadPoolExecutor(opts.jobs) as pool:
        found = pool.map(lambda e: compare(e["data"], e["files"]), chosen)
        reports = dict(zip([e["event"] for e in chosen], found, strict=True))
    tally: dict[str, dict[str, int]] = {}
    for e in chosen:
        report = reports[e["event"]]
        file_of = {s["id"]: Path(s["path"]).name for s in report["sources"]}
        mine = [j for j in judged if j["event"] == e["event"] and j.get("verdict") in ("RIGHT", "FALSE")]
        for f in report["findings"]:
            if f["kind"] != "agree":
                continue
            verdict = next((j["verdict"] for j in mine if matches(f, j, file_of)), "unjudged")
            t = tally.setdefault(half_of[e["event"]], {"RIGHT": 0, "FALSE": 0, "unjudged": 0})
            t[verdict] += 1
            if opts.dump and verdict == "unjudged":
                print(template(e, f, file_of))
            elif opts.verbose and verdict != "RIGHT":
                print(f"  {verdict} {e['event']} {f['aspect']} {f['id']}: {f['summary'][:160]}")
    for half in [opts.half] if opts.half else ["tune", "check", "all"]:
        parts = [t for h, t in tally.items() if half == "all" or h == half]
        right, wrong, unjudged = (sum(t[k] for t in parts) for k in ("RIGHT", "FALSE", "unjudged"))
        n = len([e for e in chosen if half == "all" or half_of[e["event"]] == half])
        print(f"== {half} ({n} events): agreements {right + wrong + unjudged}, wrong {wrong}, "
              f"unjudged {unjudged} (counted wrong: {wrong + unjudged})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
