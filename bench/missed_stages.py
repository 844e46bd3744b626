#!/usr/bin/env python3
"""Where the real discrepancies ``compare`` misses are lost: every TRUE discrepancy of a half that
is not a stated conflict (``missed`` lines of bench/natural/agreements-more.jsonl, every batch
but the held-out 10 and 11, and the natural gold's discrepancies of basil-dev, eval_natural.py's
halves), followed along
the cross-check's path, and the stage that loses it named (issue 14 recall).

    .venv/bin/python bench/missed_stages.py [--half tune|check] [--basil-rest DIR] [--list]

Stages, per two sides of one discrepancy: a sentence the snippet is not found in; the two
sentences never a candidate pair; a pair with no link of any aspect (``decide``) and none from
the comparisons over whole reports (roles, quotes, participants); links that call the two
compatible only (judged compatible); a conflict link dropped before the report (a later
filter); a conflict below the floor (``below_floor``); to check; stated; or an agreement that
holds both sentences. A discrepancy's stage is the best its pairs of sides reach. The held-out
batches (10 and 11) are never read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

import basil_rest
from eval_agreements import DATA, JUDGED, judged_events
from eval_natural import GOLD, halves
from storyline.annotation import annotate_many, load_nlp
from storyline.crosscheck import cross_check
from storyline.crosscheck.candidates import candidate_pairs, sentence_vectors
from storyline.crosscheck.decide import decide
from storyline.crosscheck.engine import all_links
from storyline.crosscheck.events import event_phrases, series_dates
from storyline.crosscheck.facts import sentence_facts
from storyline.crosscheck.predicates import parser
from storyline.crosscheck.same_figure import embed_phrases, figure_phrases
from storyline.embed import Embedder
from storyline.reading import read

HELD_OUT = frozenset({10, 11, 12})  # judged batches nobody tunes on (12: being judged)
FOUND = frozenset({"stated", "to check"})
# the stages, worst first: a discrepancy is at the best stage any two of its sides reach
STAGES = (
    "snippet not found",
    "no candidate pair",
    "no link",
    "judged compatible",
    "conflict dropped by a later filter",
    "below the floor",
    "shown as an agreement",
    "to check",
    "stated",
)


def items(half: str, rest: Path | None) -> list[dict[str, Any]]:
    """The TRUE discrepancies of ``half`` not stated: {event, paths, aspect, sides, note}."""
    out = []
    judged = [json.loads(ln) for ln in JUDGED.read_text().splitlines() if ln.strip()]
    judged = [j for j in judged if j.get("batch") not in HELD_OUT]
    _, _, half_of = judged_events(judged)
    for j in judged:
        if j.get("kind") != "missed" or half_of[j["event"]] != half:
            continue
        if j["data"] == basil_rest.DATA_NAME and rest is None:
            continue
        out.append(j)
    gold = [json.loads(ln) for g in GOLD for ln in g.read_text().splitlines() if ln.strip()]
    half_gold = halves({g["triplet"] for g in gold})
    for g in gold:
        if g["kind"] == "discrepancy" and g["verdict"] == "TRUE" and half_gold[g["triplet"]] == half:
            files = sorted(f"{g['triplet']}_{n}.json" for n in (1, 2, 3))
            out.append({"event": g["triplet"], "data": "basil-dev", "files": files, "batch": "nat", **g})
    return out


def _sentence(facts: list[Any], source: int, snippet: str) -> Any:
    """The sentence of ``source`` holding the snippet; of a snippet across sentences (a quote of
    several: "We don't want him. We reject his visit."), the one holding its last part."""
    parts = [snippet, *reversed(re.split(r"(?<=[.?!])\s+", snippet))]
    for part in parts:
        found = next((f for f in facts if f.source == source and part.strip('“”"') in f.text), None)
        if found is not None and len(part.split()) >= 3:
            return found
    return None


Side = tuple[int, str, Any]  # a discrepancy's side: its source, snippet and sentence facts


def _tells(finding: Any, ids: list[str], side: Side) -> bool:
    """Does the finding tell the side: its snippet in a statement of its source, or the value the
    finding gives for its source written in its sentence (the same value told in another
    sentence of that report)?"""
    src, snippet, f = side
    return any(s.source == ids[src] and snippet in s.text for s in finding.statements) or any(
        v.source == ids[src] and v.text and v.text in f.text for v in finding.values
    )


def trace(item: dict[str, Any], arts: list[Any], nlp: Any, emb: Any) -> str:
    """The best stage any two sides of the discrepancy reach."""
    names = [Path(a.article.path or "").name for a in arts]
    report = cross_check(arts, emb, nlp)
    facts = [f for i, a in enumerate(arts) for f in sentence_facts(a, i)]
    sides = []
    for s in item["sides"]:
        src = names.index(s["file"])
        sides.append((src, s["snippet"], _sentence(facts, src, s["snippet"])))
    pairs = candidate_pairs(facts, sentence_vectors(facts, emb))
    vectors = embed_phrases(figure_phrases(facts) | event_phrases(facts), emb)
    links = all_links(arts, facts, pairs, parser(nlp), vectors, nlp)
    series = series_dates(facts)
    ids = [r.id for r in report.sources]
    best = 0
    for (sa, na, fa), (sb, nb, fb) in combinations(sides, 2):
        if sa == sb:
            continue
        if fa is None or fb is None:
            continue

        def holds(finding: Any, a: Side = (sa, na, fa), b: Side = (sb, nb, fb)) -> bool:
            return _tells(finding, ids, a) and _tells(finding, ids, b)

        stage = "no candidate pair"
        if any(holds(f) for f in report.findings if f.kind == "conflict"):
            stage = "stated"
        elif any(holds(f) for f in report.to_check):
            stage = "to check"
        elif any(holds(f) for f in report.findings if f.kind == "agree"):
            stage = "shown as an agreement"
        elif any(holds(f) for f in report.below_floor):
            stage = "below the floor"
        else:
            between = [
                ln
                for ln in links
                if {(ln.a.source, ln.a.start), (ln.b.source, ln.b.start)} == {(sa, fa.start), (sb, fb.start)}
            ]
            ends = {(sa, fa.index), (sb, fb.index)}
            pair = next(
                (p for p in pairs if {(p.a.source, p.a.index), (p.b.source, p.b.index)} == ends), None
            )
            decided = list(decide(pair, vectors, series)) if pair is not None else []
            if any(ln.conflict for ln in between + decided):
                stage = "conflict dropped by a later filter"
            elif between or decided:
                stage = "judged compatible"
            elif pair is not None:
                stage = "no link"
        best = max(best, STAGES.index(stage))
        if LIST:
            print(f"      {names[sa][-8:]}~{names[sb][-8:]}: {stage}")
    return STAGES[best] if any(f is not None for _, _, f in sides) else "snippet not found"


LIST = False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("tune", "check"), default="tune")
    ap.add_argument("--basil-rest", type=Path, default=None)
    ap.add_argument("--list", action="store_true", help="print each discrepancy and its stage")
    opts = ap.parse_args()
    global LIST
    LIST = opts.list
    rest = opts.basil_rest if opts.basil_rest and (opts.basil_rest / "articles").is_dir() else None
    nlp, emb = load_nlp(), Embedder()
    stages: Counter[tuple[str, str]] = Counter()
    lost: Counter[str] = Counter()  # per batch ("nat": the natural gold), neither stated nor to check
    total: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        cache: dict[str, list[Any]] = {}
        for it in items(opts.half, rest):
            if it["event"] not in cache:
                if it["data"] == basil_rest.DATA_NAME:
                    assert rest is not None
                    paths = [basil_rest.copy_as_basil_dev(rest, f, Path(tmp)) for f in it["files"]]
                else:
                    paths = [DATA / it["data"] / f for f in it["files"]]
                cache[it["event"]] = list(annotate_many([read(p) for p in paths], nlp))
            if LIST:
                print(f"{it.get('batch')} {it['event'][:14]} {it.get('aspect')}: {it.get('note', '')[:110]}")
            stage = trace(it, cache[it["event"]], nlp, emb)
            stages[(str(it.get("aspect")), stage)] += 1
            lost[str(it.get("batch"))] += stage not in FOUND
            total[str(it.get("batch"))] += 1
            if LIST:
                print(f"    => {stage}")
    for (aspect, stage), n in sorted(stages.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        print(f"{n:4}  {aspect:8} {stage}")
    print(
        "missed (neither stated nor to check), per batch: "
        + ", ".join(f"b{b} {lost[b]}/{total[b]}" for b in sorted(total))
    )
    print(f"missed in all: {sum(lost.values())} of {sum(total.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
