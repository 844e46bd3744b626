#!/usr/bin/env python3
"""Every stated conflict and item to check of the judged open batches (``eval_agreements.py``'s
``agreements-more.jsonl``) and of the natural gold's basil-dev events (``eval_natural.py``), with
its verdict, aspect, confidence and the floor's probability (``floor.right_to_check``), tallied
right / wrong per batch, half and aspect: the figure issue 14 asks of stated conflicts (right on
reports nobody tuned on) needs the wrong ones grouped by class, which the scorers' totals hide.

    .venv/bin/python bench/stated_items.py [--cache DIR] [--storyline CLI] [--half tune|check]
        [--list] [--basil-rest DIR]

``--cache DIR`` keeps each event's ``compare`` JSON (DIR/<event>.json), so a change of the floor
alone, or a second listing, reads them back instead of comparing again; use one DIR per code
version. The held-out batches (``fit_check_floor.HELD_OUT``) are never compared or listed. The
halves are each bench's own: eval_agreements.py's per batch, eval_natural.py's for basil-dev.
The open BASIL batch (9) is read from ``--basil-rest DIR`` as eval_agreements.py reads it; without
DIR its events are left out.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import basil_rest
from eval_agreements import DATA, JUDGED, VERDICTS, compare, judged_events, matches, report_paths
from eval_natural import GOLD, halves
from fit_check_floor import HELD_OUT, _scorer
from storyline.crosscheck.floor import listed, right_to_check
from storyline.model import Finding

ROOT = Path(__file__).resolve().parent.parent


def _cached(cli: str, name: str, paths: list[Path], cache: Path | None) -> dict[str, Any]:
    """``compare``'s JSON of one event, from ``cache`` when it holds it."""
    kept = cache / f"{name}.json" if cache else None
    if kept is not None and kept.exists():
        return dict(json.loads(kept.read_text()))
    report = compare(cli, paths)
    if kept is not None:
        kept.write_text(json.dumps(report))
    return report


def _finding(f: dict[str, Any]) -> Finding:
    """The fields of a finding's JSON the floor weighs."""
    return Finding(
        id="",
        kind="conflict",
        aspect=f["aspect"],
        summary="",
        statements=(),
        confidence=f.get("confidence", 1.0),
        proven=f.get("proven", True),
    )


def agreement_items(cli: str, cache: Path | None, jobs: int, rest: Path | None) -> list[dict[str, Any]]:
    """Stated conflicts and items to check of the open judged batches, each with its verdict."""
    judged = [json.loads(ln) for ln in JUDGED.read_text().splitlines() if ln.strip()]
    events, batch_of, half_of = judged_events(judged)
    read = ("gva-dev", "ecbplus-dev", *((basil_rest.DATA_NAME,) if rest else ()))
    chosen = [e for e in events.values() if batch_of[e["event"]] not in HELD_OUT and e["data"] in read]
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(jobs) as pool:
        reports = list(
            pool.map(lambda e: _cached(cli, e["event"], report_paths(e, rest, Path(tmp)), cache), chosen)
        )
    items = []
    for e, report in zip(chosen, reports, strict=True):
        file_of = {s["id"]: Path(s["path"]).name for s in report["sources"]}
        mine = [j for j in judged if j["event"] == e["event"] and j.get("verdict") in VERDICTS]
        found = [(f, "conflict") for f in report["findings"] if f["kind"] == "conflict"]
        found += [(f, "to_check") for f in report.get("to_check", []) + report.get("below_floor", [])]
        for f, kind in found:
            of_kind = sorted(
                (j for j in mine if j.get("kind", "agree") == kind),
                key=lambda j: j.get("aspect") != f["aspect"],
            )
            verdict = next((j["verdict"] for j in of_kind if matches(f, j, file_of)), "unjudged")
            if kind == "conflict" and batch_of[e["event"]] < 2:
                verdict += "?"  # batch 1 was judged for agreements only
            items.append(_item(f, kind, verdict, f"b{batch_of[e['event']]}", half_of[e["event"]], e["event"]))
    return items


def natural_items(cli: str, cache: Path | None, jobs: int) -> list[dict[str, Any]]:
    """Stated conflicts and items to check of the natural gold's basil-dev events."""
    score = _scorer()
    gold = score.load_gold(GOLD)
    half_of = halves(set(gold))
    names = sorted(gold)
    with ThreadPoolExecutor(jobs) as pool:
        reports = list(
            pool.map(
                lambda t: _cached(cli, t, sorted((DATA / "basil-dev").glob(f"{t}_?.json")), cache), names
            )
        )
    items = []
    for t, report in zip(names, reports, strict=True):
        found = [(f, "conflict") for f in report["findings"] if f["kind"] == "conflict"]
        found += [(f, "to_check") for f in report.get("to_check", []) + report.get("below_floor", [])]
        for f, kind in found:
            texts = score.statements_by_file(report, f)
            hit = [
                g
                for g in gold[t]
                if g["kind"] in ("discrepancy", "false_conflict") and score.matches(g, texts)
            ]
            if not hit:
                verdict = "unjudged"
            elif any(g["kind"] == "discrepancy" for g in hit):
                verdict = next(g["verdict"] for g in hit if g["kind"] == "discrepancy")
            else:
                verdict = "FALSE"
            items.append(_item(f, kind, verdict, "natural", half_of[t], t))
    return items


def _item(f: dict[str, Any], kind: str, verdict: str, origin: str, half: str, event: str) -> dict[str, Any]:
    return {
        "origin": origin,
        "half": half,
        "event": event,
        "aspect": f["aspect"],
        "confidence": f.get("confidence", 1.0),
        "proven": f.get("proven", True),
        "floor": right_to_check(_finding(f)),
        # a possible conflict is sorted by the floor of this tree, not of the code that made it
        "kind": kind if kind == "conflict" or listed(_finding(f)) else "left_out",
        "verdict": verdict,
        "right": verdict.rstrip("?") in ("RIGHT", "DEFENSIBLE", "TRUE"),
        "summary": f["summary"],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--storyline", default=str(ROOT / ".venv" / "bin" / "storyline"), help="the CLI to run")
    ap.add_argument("--cache", type=Path, default=None, help="keep each event's compare JSON here")
    ap.add_argument("--half", choices=("tune", "check"), default=None, help="list one half's items only")
    ap.add_argument("--list", action="store_true", help="print each item, not only the tallies")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--basil-rest", type=Path, default=None, help="BASIL's other triplets (batch 9)")
    opts = ap.parse_args()
    if not DATA.exists() or not JUDGED.exists():
        print("stated_items: ../shared/data or the judgments not found", file=sys.stderr)
        return 2
    rest = opts.basil_rest if opts.basil_rest and (opts.basil_rest / "articles").is_dir() else None
    if opts.cache:
        opts.cache.mkdir(parents=True, exist_ok=True)
    items = [
        *agreement_items(opts.storyline, opts.cache, opts.jobs, rest),
        *natural_items(opts.storyline, opts.cache, opts.jobs),
    ]
    if opts.list:
        for c in sorted(
            items, key=lambda c: (c["kind"], c["aspect"], c["origin"], c["half"], -c["confidence"])
        ):
            if opts.half in (None, c["half"]):
                print(
                    f"{c['kind']:<8} {c['aspect']:<7} {c['origin']:<7} {c['half']:<5} {c['verdict']:<10} "
                    f"conf {c['confidence']:.2f} floor {c['floor']:.2f} {c['event']}: {c['summary'][:150]}"
                )
    tally: Counter[tuple[str, str, str, str, bool]] = Counter()
    for c in items:
        tally[(c["kind"], c["origin"], c["half"], c["aspect"], c["right"])] += 1
    print("kind      origin   aspect   tune right/wrong   check right/wrong")
    for kind, origin, aspect in sorted({(k, o, a) for k, o, _, a, _ in tally}):
        cells = [
            f"{tally[(kind, origin, h, aspect, True)]:>3} / {tally[(kind, origin, h, aspect, False)]:<3}"
            for h in ("tune", "check")
        ]
        print(f"{kind:<9} {origin:<8} {aspect:<8} {cells[0]:>12}       {cells[1]:>12}")
    for kind in ("conflict", "to_check", "left_out"):
        for aspect in [*sorted({c["aspect"] for c in items if c["kind"] == kind}), "all"]:
            cells = []
            for h in ("tune", "check"):
                of = [
                    c
                    for c in items
                    if c["kind"] == kind and c["half"] == h and aspect in ("all", c["aspect"])
                ]
                cells.append(f"{sum(c['right'] for c in of):>3} / {sum(not c['right'] for c in of):<3}")
            print(f"{kind:<9} {'ALL':<8} {aspect:<8} {cells[0]:>12}       {cells[1]:>12}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
