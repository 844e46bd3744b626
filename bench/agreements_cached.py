#!/usr/bin/env python3
"""Wrong agreements of batches 1-8 (``eval_agreements.py``) and of the natural gold's basil-dev
events (``eval_natural.py``), cross-checked in one process on annotations kept on disk: a change
of the cross-check alone is scored in minutes instead of the forty the two scorers take (each
spawns the CLI, which annotates every report again).

    .venv/bin/python bench/agreements_cached.py agree|natural --cache DIR [--out DIR] [--tune-misses]

``--cache DIR`` keeps each event's annotated reports (DIR/<event>.pkl): delete it when the
annotation changes. ``--out DIR`` keeps each event's ``compare`` JSON, for comparing two code
versions finding by finding. The figures are the scorers' own (at 22fb4ab both gave tuning
4 of 354 / check 8 of 419 wrong agreements on batches 1-8, natural false agreements 3 / 4):
agreements judged anything but RIGHT or DEFENSIBLE count wrong (unjudged too); for the natural
gold, the judged false agreements still made (the scorer's ``matches``: two sides suffice) and
the TRUE discrepancies set in one agreement. ``--tune-misses`` prints the tuning half's wrong
agreements; the check half's are never printed. Batch 9 and later are read only by
``eval_agreements.py``.
"""

from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path
from typing import Any

import eval_agreements as ea
from eval_natural import GOLD, halves
from fit_check_floor import _scorer
from one_story import problems
from storyline.annotation import annotate_many, load_nlp
from storyline.cli.annotate import read_inputs
from storyline.cli.compare import CompareFormat, render
from storyline.crosscheck import compare
from storyline.embed import Embedder

OPEN_BATCHES = range(1, 9)


class Runner:
    """Annotate an event once (kept in the cache), compare it with the models loaded once."""

    def __init__(self, cache: Path, out: Path | None) -> None:
        self.nlp, self.embedder, self.cache, self.out = load_nlp(), Embedder(), cache, out
        cache.mkdir(parents=True, exist_ok=True)

    def report(self, event: str, paths: list[Path]) -> dict[str, Any]:
        kept = self.cache / f"{event}.pkl"
        if kept.exists():
            annotated = pickle.loads(kept.read_bytes())  # our own cache, written below
        else:
            articles, _ = read_inputs([str(p) for p in paths], None)
            annotated = list(annotate_many(articles, self.nlp))
            kept.write_bytes(pickle.dumps(annotated))
        found = compare(annotated, nlp=self.nlp, embedder=self.embedder)
        out: dict[str, Any] = json.loads(render(found, CompareFormat.json))
        if self.out is not None:
            self.out.mkdir(parents=True, exist_ok=True)
            (self.out / f"{event}.json").write_text(json.dumps(out))
        return out


def agreements(run: Runner, tune_misses: bool) -> None:
    """Wrong agreements per half and batch of eval_agreements.py's open batches 1-8."""
    judged = [json.loads(ln) for ln in ea.JUDGED.read_text().splitlines() if ln.strip()]
    events, batch_of, half_of = ea.judged_events(judged)
    tally: dict[tuple[int, str], list[int]] = {}  # (batch, half) -> [agreements, wrong]
    for e in events.values():
        batch, half = batch_of[e["event"]], half_of[e["event"]]
        if batch not in OPEN_BATCHES:
            continue
        report = run.report(e["event"], [ea.DATA / e["data"] / f for f in e["files"]])
        file_of = {s["id"]: Path(s["path"]).name for s in report["sources"]}
        mine = [
            j
            for j in judged
            if j["event"] == e["event"]
            and j.get("kind", "agree") == "agree"
            and j.get("verdict") in ea.VERDICTS
        ]
        for f in (f for f in report["findings"] if f["kind"] == "agree"):
            mine.sort(key=lambda j: j.get("aspect") != f["aspect"])
            verdict = next((j["verdict"] for j in mine if ea.matches(f, j, file_of)), "unjudged")
            t = tally.setdefault((batch, half), [0, 0])
            t[0] += 1
            if verdict not in ("RIGHT", "DEFENSIBLE"):
                t[1] += 1
                if tune_misses and half == "tune":
                    print(f"  {verdict} b{batch} {e['event']} {f['aspect']} {f['id']}: {f['summary'][:150]}")
        if problems(report):
            print(f"  one story told inconsistently: a {half} event of batch {batch}")
    for half in ("tune", "check"):
        mine_t = sorted((b, t) for (b, h), t in tally.items() if h == half)
        per = " ".join(f"b{b} {w}/{n}" for b, (n, w) in mine_t)
        total = [sum(t[i] for _, t in mine_t) for i in (0, 1)]
        print(f"== {half}: wrong agreements {total[1]} of {total[0]} ({per})")


def natural(run: Runner, tune_misses: bool) -> None:
    """The natural gold's false agreements still made, and TRUE discrepancies agreed, per half."""
    scorer = _scorer()
    lines = [json.loads(ln) for g in GOLD for ln in g.read_text().splitlines() if ln.strip()]
    half_of = halves({ln["triplet"] for ln in lines})
    data = ea.DATA / "basil-dev"
    tally = {h: [0, 0, 0] for h in ("tune", "check")}  # false agreements made, agreements, TRUE agreed
    for t, half in sorted(half_of.items()):
        report = run.report(t, sorted(data.glob(f"{t}_?.json")))
        agreed = [scorer.statements_by_file(report, f) for f in report["findings"] if f["kind"] == "agree"]
        tally[half][1] += len(agreed)
        for item in (ln for ln in lines if ln["triplet"] == t):
            if item["kind"] == "false_agreement" and any(scorer.matches(item, s) for s in agreed):
                tally[half][0] += 1
                if tune_misses and half == "tune":
                    print(f"  false agreement {t}: {item.get('note', '')[:150]}")
            true = item["kind"] == "discrepancy" and item["verdict"] == "TRUE"
            tally[half][2] += true and any(scorer.sets_apart(item, s) for s in agreed)
        if problems(report):
            print(f"  one story told inconsistently: a {half} event")
    for half, (made, n, agreed_true) in tally.items():
        print(f"== natural {half}: false agreements made {made}, agreements {n}, TRUE agreed {agreed_true}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("agree", "natural"))
    ap.add_argument("--cache", type=Path, required=True, help="annotated reports, one file per event")
    ap.add_argument("--out", type=Path, default=None, help="keep each event's compare JSON here")
    ap.add_argument("--tune-misses", action="store_true", help="print the tuning half's wrong agreements")
    opts = ap.parse_args()
    run = Runner(opts.cache, opts.out)
    (agreements if opts.what == "agree" else natural)(run, opts.tune_misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
