#!/usr/bin/env python3
"""Wrong agreements on reports the natural gold does not hold: gva-dev incidents and ecbplus-dev
events, every agreement `compare` stated judged by hand (../shared/data/natural-dev/GUIDE.md:
does every statement in it state the same fact, with the same value?), scored per half; the
stated conflicts of the events judged since (``kind: conflict``) are scored beside them, and the
items listed "to check" (``kind: to_check``) of the third batch on, and of every batch since the
tenth session (the floor of the list, ``bench/fit_check_floor.py``).

    .venv/bin/python bench/eval_agreements.py [--half tune|check|all] [--batch N] [--verbose] [--dump]
        [--basil-rest DIR] [--aspect quote,speaker,wording] [--save DIR]

``--aspect`` scores only the findings of those aspects (one engineer's share of the figures);
``--save`` writes each event's report (``compare --format json``) to DIR/<event>.json.

The judgments are bench/natural/agreements-more.jsonl, one line per finding: `{event, data,
files, kind: agree|conflict|to_check (agree when absent; none for an event with no finding),
aspect, verdict: RIGHT|FALSE (DEFENSIBLE for a
conflict the guide calls minor: not wrong), sides: [{file, snippet}], note}` (snippets of at
most 15 words). A finding matches a judgment of its kind when every statement holds a side's
snippet from its file and every side is in a statement; one that matches none is unjudged and
printed, so it can be judged (``--dump`` prints a line to fill in); an event on which `compare`
fails is printed and counted (``FAILED``), none of its findings scored. The halves are by event,
seeded, as in eval_natural.py, each batch of judged events (``batch``: 2 for the 18 events
judged in the eighth session, with their conflicts; 3 for the 15 gva-dev incidents and 8
ecbplus-dev events judged in the ninth session, with their conflicts and items to check; 4 for
the held-out batch judged at the start of the tenth session, before any code change; 5 for the
held-out batch of the eleventh session; 6 for the held-out batch judged for the twelfth; 7 for the
held-out batch judged for the thirteenth; 8 for the held-out batch judged for the fourteenth; 9
for the BASIL triplets judged in the thirteenth session, held out for later ones; 10 for the BASIL
triplets judged in the fifteenth session, held out for later ones; 11 for the BASIL triplets judged
in the sixteenth session, held out for later ones; 12 for the BASIL triplets judged in the
seventeenth session, held out for later ones) split on its own.
From batch 4 on, a real discrepancy that `compare` neither stated as a conflict or item to check
nor set in an agreement is a line of kind ``missed`` (verdict TRUE): counted per half (the recall
side), never matched against findings. Every report is also checked to tell one story
(``one_story.problems``: no statement both corroborated and "only in", the brief from the
agreements, ids unique); the events where it does not are counted per half.

Batch 4 was drawn with ``random.Random("storyline-agreements-4")``: every gva-dev incident in no
earlier batch with 3+ reports (5; its first three files), then ``rng.sample`` of 11 of the
sorted unused 2-report incidents; every ecbplus-dev event was already in a batch, so 8 events
by ``rng.sample`` over the sorted 20, each with ``rng.sample`` of 3 of its sorted files in no
batch (new reports of a judged event; its name carries ``-b4`` so it stays an event of its own).
Batch 5, the held-out batch judged at the start of the eleventh session on the code before any
change of it, was drawn with ``random.Random("storyline-agreements-5")``: ``rng.sample`` of 16 of
the sorted gva-dev incidents in no earlier batch with 2+ reports (all 57 have two), then 8
ecbplus-dev events and their files as for batch 4 (``-b5``). Batch 6, the held-out batch of the
twelfth session, judged at the end of the eleventh on the code the twelfth starts from (d789426),
was drawn the same way with ``random.Random("storyline-agreements-6")`` (16 of the 41 unused
2-report incidents; ``-b6``). Batch 7, the held-out batch of the
thirteenth session, judged in the twelfth on that session's starting code (ad5f139), was drawn with
``random.Random("storyline-agreements-7")``: 16 of the 25 unused 2-report incidents, then 8
ecbplus-dev events among those with 3+ files in no batch (6ecb had none left), 3 files each
(``-b7``). Batch 8, the held-out batch of the fourteenth session, judged on the code it starts
from (61b514b), was drawn with ``random.Random("storyline-agreements-8")``: all 9 unused 2-report
incidents (fewer than 16 were left, so no sample), then 8 ecbplus-dev events as for batch 7
(``-b8``). Batch 9, judged in the thirteenth session on the code it started from (b50866b), is
8 BASIL triplets (nyt, fox and hpo on one event) outside ../shared, of the years 2015-2019, drawn
with ``random.Random("storyline-agreements-9")``: ``rng.sample`` of 8 of the 35 sorted triplet ids,
all three reports each (``<triplet>-b9``, data ``basil-rest``). Its reports are read from
``--basil-rest DIR`` (DIR/articles/<year>/, copied to a temporary folder in basil-dev's layout by
bench/basil_rest.py); without DIR its events are skipped, and a line says so. Batch 10, judged in
the fifteenth session on the code it started from (92e8cb6), is drawn the same way from the 27
triplets of 2015-2019 no earlier batch holds, with ``random.Random("storyline-agreements-10")``
(``<triplet>-b10``). Batch 11, judged in the sixteenth session on the code it started from (22fb4ab),
is drawn the same way from the 19 triplets of 2015-2019 neither batch 9 nor 10 holds, with
``random.Random("storyline-agreements-11")`` (``<triplet>-b11``). Batch 12, judged in the
seventeenth session on the code it started from (5e648f9), is drawn the same way from the 11
triplets of 2015-2019 none of batches 9, 10 and 11 holds, with ``random.Random("storyline-agreements-12")``
(``<triplet>-b12``).
``bench/draw_agreements.py --batch N`` draws any of them again.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import basil_rest
from eval_natural import halves
from one_story import problems

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
JUDGED = ROOT / "bench" / "natural" / "agreements-more.jsonl"
SEED = "storyline-agreements-1"
SNIPPET_WORDS = 12
VERDICTS = ("RIGHT", "DEFENSIBLE", "FALSE")
KINDS = ("agree", "conflict", "to_check")  # judged from batch 1, 2 and 3 on
MISSED_FROM = 4  # the batch from which real discrepancies compare missed are listed


def compare(cli: str, paths: list[Path]) -> dict[str, Any]:
    """`storyline compare` of one event's reports, as JSON; one that fails has no finding and
    says why (``failed``), so a crash on one event is counted instead of ending the run."""
    cmd = [cli, "compare", *(str(p) for p in paths)]
    out = subprocess.run([*cmd, "--format", "json"], capture_output=True, text=True, check=False)
    if out.returncode:
        why = (out.stderr.strip().splitlines() or [f"exit {out.returncode}"])[-1]
        return {"sources": [], "findings": [], "failed": why}
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


def template(event: dict[str, Any], finding: dict[str, Any], file_of: dict[str, str], kind: str) -> str:
    """A judgment line to fill in for an unjudged finding (the verdict left as '?')."""
    sides = [
        {"file": file_of[s["source"]], "snippet": " ".join(s["text"].split()[:SNIPPET_WORDS])}
        for s in finding["statements"]
    ]
    line = {**event, "kind": kind, "aspect": finding["aspect"], "verdict": "?", "sides": sides}
    line["note"] = ""
    return json.dumps(line, ensure_ascii=False)


def judged_events(
    judged: list[dict[str, Any]],
) -> tuple[dict[str, dict[str, Any]], dict[str, int], dict[str, str]]:
    """The judged events (``{event, data, files}``), each one's batch and its half."""
    events: dict[str, dict[str, Any]] = {}
    for j in judged:
        events.setdefault(j["event"], {"event": j["event"], "data": j["data"], "files": j["files"]})
    # each batch of judged events is split on its own, so judging more never moves an event
    # between halves
    # an event stays in the batch it was drawn in: judgments added later (a conflict of a batch-1
    # event judged in a later session) never move it, nor reshuffle the halves of either batch
    batch_of: dict[str, int] = {}
    for j in judged:
        batch_of.setdefault(j["event"], j.get("batch", 1))
    half_of: dict[str, str] = {}
    for batch in set(batch_of.values()):
        seed = SEED if batch == 1 else f"storyline-agreements-{batch}"
        half_of |= halves({e for e, b in batch_of.items() if b == batch}, seed)
    return events, batch_of, half_of


def report_paths(event: dict[str, Any], rest: Path | None, tmp: Path) -> list[Path]:
    """Where one event's reports are read from: ../shared/data, or copies of BASIL's others."""
    if event["data"] != basil_rest.DATA_NAME:
        return [DATA / event["data"] / f for f in event["files"]]
    assert rest is not None  # events of DIR are skipped before when DIR is missing
    return [basil_rest.copy_as_basil_dev(rest, f, tmp) for f in event["files"]]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("tune", "check", "all"), default=None, help="one half (default: each)")
    ap.add_argument("--verbose", action="store_true", help="print each wrong or unjudged agreement")
    ap.add_argument("--dump", action="store_true", help="print a line to fill in for each unjudged one")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--batch", type=int, default=None, help="only the events of this judged batch")
    ap.add_argument("--aspect", default=None, help="only findings of these aspects (comma-separated)")
    ap.add_argument("--save", type=Path, default=None, help="write each event's report to DIR/<event>.json")
    ap.add_argument("--storyline", default=str(ROOT / ".venv" / "bin" / "storyline"), help="the CLI to run")
    ap.add_argument(
        "--basil-rest", type=Path, default=None, help="BASIL's triplets outside ../shared (batches 9-12)"
    )
    opts = ap.parse_args()
    if not DATA.exists() or not JUDGED.exists():
        print("eval_agreements: ../shared/data or the judgments not found", file=sys.stderr)
        return 2
    judged = [json.loads(ln) for ln in JUDGED.read_text().splitlines() if ln.strip()]
    events, batch_of, half_of = judged_events(judged)
    chosen = [
        e
        for e in events.values()
        if (opts.half in (None, "all") or half_of[e["event"]] == opts.half)
        and opts.batch in (None, batch_of[e["event"]])
    ]
    rest = opts.basil_rest if opts.basil_rest and (opts.basil_rest / "articles").is_dir() else None
    if rest is None and (skipped := [e for e in chosen if e["data"] == basil_rest.DATA_NAME]):
        batches = ", ".join(str(b) for b in sorted({batch_of[e["event"]] for e in skipped}))
        print(
            f"  SKIPPED {len(skipped)} events of batch {batches}: BASIL's other triplets not found "
            f"(--basil-rest DIR, with DIR/articles/<year>/; given: {opts.basil_rest})"
        )
        chosen = [e for e in chosen if e not in skipped]
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(opts.jobs) as pool:
        found = pool.map(lambda e: compare(opts.storyline, report_paths(e, rest, Path(tmp))), chosen)
        reports = dict(zip([e["event"] for e in chosen], found, strict=True))
    if opts.save:
        opts.save.mkdir(parents=True, exist_ok=True)
        for event, report in reports.items():
            (opts.save / f"{event}.json").write_text(json.dumps(report, ensure_ascii=False))
    aspects = set(opts.aspect.split(",")) if opts.aspect else None
    tally: dict[tuple[str, str], dict[str, int]] = {}  # (half, kind) -> verdict -> count
    for e in chosen:
        report = reports[e["event"]]
        file_of = {s["id"]: Path(s["path"]).name for s in report["sources"]}
        mine = [j for j in judged if j["event"] == e["event"] and j.get("verdict") in VERDICTS]
        listed = [(f, f["kind"]) for f in report["findings"]]
        listed += [(f, "to_check") for f in report.get("to_check", [])]
        for f, kind in listed:
            if kind not in KINDS or (aspects is not None and f["aspect"] not in aspects):
                continue
            if kind != "to_check" and KINDS.index(kind) >= batch_of[e["event"]]:
                continue  # an event judged before findings of this kind were: not scored here
            # a judgment of the finding's aspect first: two sentences judged for one aspect (the
            # place) may hold another finding (who was shot) on the same statements
            of_kind = [j for j in mine if j.get("kind", "agree") == kind]
            of_kind.sort(key=lambda j: j.get("aspect") != f["aspect"])
            verdict = next((j["verdict"] for j in of_kind if matches(f, j, file_of)), "unjudged")
            t = tally.setdefault((half_of[e["event"]], kind), dict.fromkeys((*VERDICTS, "unjudged"), 0))
            t[verdict] += 1
            if opts.dump and verdict == "unjudged":
                print(template(e, f, file_of, kind))
            elif opts.verbose and verdict not in ("RIGHT", "DEFENSIBLE"):
                print(f"  {verdict} {e['event']} {kind} {f['aspect']} {f['id']}: {f['summary'][:160]}")
    missed: dict[str, int] = {}  # half -> real discrepancies compare neither flagged nor agreed
    for j in judged:
        of_aspect = aspects is None or j.get("aspect") in aspects
        if j.get("kind") == "missed" and j["event"] in reports and of_aspect:
            missed[half_of[j["event"]]] = missed.get(half_of[j["event"]], 0) + 1
    told_apart = {e: problems(r) for e, r in reports.items() if "failed" not in r}  # one story each
    if opts.verbose:
        for event, found in told_apart.items():
            print("".join(f"  ONE STORY {event}: {line}\n" for line in found), end="")
    failed = {e: r["failed"] for e, r in reports.items() if "failed" in r}
    for event, why in sorted(failed.items()):
        print(f"  FAILED {event}: compare failed ({why[:160]}); its findings are not scored")
    for half in [opts.half] if opts.half else ["tune", "check", "all"]:
        n = len([e for e in chosen if half == "all" or half_of[e["event"]] == half])
        for kind, name in (
            ("agree", "agreements"),
            ("conflict", "conflicts (events judged for them)"),
            ("to_check", "to check (events judged for them)"),
        ):
            parts = [t for (h, k), t in tally.items() if k == kind and half in ("all", h)]
            right, fine, wrong, unjudged = (sum(t[v] for t in parts) for v in (*VERDICTS, "unjudged"))
            print(
                f"== {half} ({n} events): {name} {right + fine + wrong + unjudged}, wrong {wrong}, "
                f"unjudged {unjudged} (counted wrong: {wrong + unjudged})"
            )
        inconsistent = [e for e, found in told_apart.items() if found and half in ("all", half_of[e])]
        print(f"== {half} ({n} events): one story told inconsistently in {len(inconsistent)}")
        if crashed := len([e for e in failed if half in ("all", half_of[e])]):
            print(f"== {half} ({n} events): compare failed on {crashed}")
        if any(batch_of[e["event"]] >= MISSED_FROM for e in chosen):
            print(f"== {half} ({n} events): {summary(tally, half)}, missed {missed_in(missed, half)}")
    return 0


def missed_in(missed: dict[str, int], half: str) -> int:
    """The real discrepancies judged missed in one half (or both)."""
    return sum(m for h, m in missed.items() if half in ("all", h))


def summary(tally: dict[tuple[str, str], dict[str, int]], half: str) -> str:
    """Right / wrong per kind in one half, an unjudged finding counted wrong."""
    parts = []
    for kind, name in (("conflict", "stated conflicts"), ("to_check", "to check"), ("agree", "agreements")):
        t = [c for (h, k), c in tally.items() if k == kind and half in ("all", h)]
        right = sum(c["RIGHT"] + c["DEFENSIBLE"] for c in t)
        wrong = sum(c["FALSE"] + c["unjudged"] for c in t)
        parts.append(f"{name} right {right} / wrong {wrong}")
    return ", ".join(parts)


if __name__ == "__main__":
    sys.exit(main())
