#!/usr/bin/env python3
"""One story told consistently (issue 14, point 6), checked on `compare --format json` reports:
a statement is set beside another source's (agreement or conflict) or "only in" its source
(what each adds), never both; each line of the brief is an agreement's statement, told by
exactly the sources of that agreement; every statement of an agreement with values holds its
source's value; no claim or quote agreement repeats the statements of another; no id names two
findings. bench/eval_agreements.py runs the check on every report it scores; run alone, it checks
the reports of the basil-dev triplets (``--limit`` the first N) and the seeds:

    .venv/bin/python bench/one_story.py [--limit N] [--jobs 2] [--storyline CLI]

and prints each problem and a count; exit 1 when there is any.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
SEEDS = ROOT.parent / "shared" / "seeds"


def _plain(text: str) -> str:
    """Text compared without case, curly quotes or spacing, as ``crosscheck.words.plain``."""
    from storyline.crosscheck.words import plain

    return plain(text)


def problems(report: dict[str, Any]) -> list[str]:
    """Every way this report tells its story inconsistently, one line each (none when it holds)."""
    out = []
    findings = report.get("findings", [])
    told = {(s["source"], s["start"]) for f in findings if f["kind"] != "unique" for s in f["statements"]}
    only = {
        (s["source"], s["start"]): s["text"]
        for f in findings
        if f["kind"] == "unique"
        for s in f["statements"]
    }
    out += [
        f"both corroborated and only in {src}: {only[(src, at)][:80]}"
        for src, at in sorted(told & only.keys())
    ]
    agreed: dict[tuple[str, str], list[set[str]]] = {}
    for f in findings:
        if f["kind"] != "agree":
            continue
        sources = {s["source"] for s in f["statements"]}
        for s in f["statements"]:
            agreed.setdefault((s["source"], s["text"]), []).append(sources)
            mine = [v["text"] for v in f.get("values", []) if v["source"] == s["source"]]
            if f.get("values") and not any(_plain(v) in _plain(s["text"]) for v in mine):
                out.append(f"agreement {f['id']} states no value of its own in: {s['text'][:80]}")
    for line in report.get("brief", []):
        named = set(line["sources"])
        if not any(named == srcs for src in named for srcs in agreed.get((src, line["text"]), [])):
            out.append(f"brief line from no agreement of exactly its sources: {line['text'][:80]}")
    whole = [f for f in findings if f["kind"] == "agree" and f["aspect"] in ("claim", "quote")]
    sets = [frozenset((s["source"], s["start"]) for s in f["statements"]) for f in whole]
    out += [
        f"agreement {whole[i]['id']} repeats the statements of {whole[j]['id']}"
        for i, a in enumerate(sets)
        for j, b in enumerate(sets)
        if i != j and a <= b and (a != b or i < j)
    ]
    ids = Counter(f["id"] for f in findings + report.get("to_check", []))
    out += [f"id {i} names {n} findings" for i, n in ids.items() if n > 1]
    return out


def _compare(cli: str, paths: list[Path]) -> dict[str, Any]:
    done = subprocess.run(
        [cli, "compare", *map(str, paths), "--format", "json"], capture_output=True, text=True
    )
    return dict(json.loads(done.stdout)) if done.returncode == 0 else {"failed": done.stderr[-200:]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N basil-dev triplets")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--storyline", default=str(ROOT / ".venv" / "bin" / "storyline"), help="the CLI to run")
    opts = ap.parse_args()
    triplets = sorted({p.name.rsplit("_", 1)[0] for p in (DATA / "basil-dev").glob("*_?.json")})[: opts.limit]
    stories = {t: sorted((DATA / "basil-dev").glob(f"{t}_?.json")) for t in triplets}
    if seeds := sorted(SEEDS.glob("*.txt")):
        stories["seeds"] = seeds
    with ThreadPoolExecutor(opts.jobs) as pool:
        reports = dict(
            zip(stories, pool.map(lambda ps: _compare(opts.storyline, ps), stories.values()), strict=True)
        )
    count = 0
    for story, report in reports.items():
        found = [f"compare failed: {report['failed']}"] if "failed" in report else problems(report)
        count += len(found)
        for line in found:
            print(f"  {story}: {line}")
    print(f"== {len(reports)} reports, {count} problems")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
