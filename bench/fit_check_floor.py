#!/usr/bin/env python3
"""Fit the floor of the "to check" list (``crosscheck/floor.py``) on judged possible conflicts,
and check it.

A possible conflict (a conflict below ``CONFIDENT``, or an unproven one: ``Finding.proven``) is a
right item to check when it sets two values of one fact side by side, a wrong one when its two
values are of different people, things or acts. The judged items come from three places, each
split as its own bench splits it:

- the gva-dev and ecbplus-dev events of ``bench/natural/agreements-more.jsonl`` (``kind:
  to_check`` lines, halves per judged batch as in ``eval_agreements.py``);
- the basil-dev events of the natural gold (a discrepancy, TRUE or DEFENSIBLE, is right; a
  ``false_conflict`` wrong);
- ``eval_compare.py --dump-check FILE``: a checkable planted change left to check is right (its
  unmodified pairs' items are the natural gold's, counted once). These are tallied beside the fit,
  not fitted: a plant is one fact by construction, so the share of right items among them is set
  by how many were planted, not by what real reports hold. With them in the fit (the fourteenth
  session's) the date term listed from a confidence of 0.48, where the tuning half's 5 planted
  dates were right and its 5 real ones wrong: on real reports every date item to check judged so
  far is wrong (batches 1-8 and the natural gold: 5 of 5 in the tuning half, 4 of 4 in the check
  half, confidences 0.38-0.50, among the planted ones' 0.45-0.56).

basil-dev's events are split as ``eval_compare.py`` splits them (even and odd in labels.json's
order), the natural gold's too: one split, so no event the fit saw is in the planted bench's check
half. (``eval_natural.py``'s seeded split is another; its stated conflicts, which the floor never
touches, are scored there.)

Unjudged items are printed (``--dump`` prints a line to fill in) and left out of the fit. The
fit is a logistic regression (``fit_date_events.fit``) over ``floor.FEATURES`` on the tuning
halves; a listed wrong item and an unlisted right one cost alike, so an item is listed from a
probability of ``floor.LISTED``. Printed per half: right and wrong items listed and left out.

    .venv/bin/python bench/fit_check_floor.py [--compare FILE] [--half tune|check] [--dump] [--write]
        [--cache DIR] [--basil-rest DIR] [--leave-one-batch-out]

The floor weighs a finding's confidence, its aspect and its proof (``Finding.proven``: a figure
conflict the parse shows no one fact of is listed to check at most, with its evidence's
confidence). ``--leave-one-batch-out`` fits it on every open judged batch but one (both halves,
the natural gold counted as one batch) and tallies the one left out, with that batch's stated
conflicts per aspect beside it: what the floor, and the stating line, do on a batch nobody fitted.

``--cache DIR`` reads each event's report from ``compare``'s JSON kept by ``bench/stated_items.py
--cache DIR`` (made by the code whose floor is fitted) instead of cross-checking it again. The open
BASIL batch (9) is read from ``--basil-rest DIR`` as ``eval_agreements.py`` reads it (or from the
cache); without either its events are left out.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

import basil_rest
from eval_agreements import JUDGED, judged_events, matches, report_paths, template
from eval_natural import GOLD
from fit_date_events import fit, scores
from fit_date_events import halves as compare_halves
from shared_tools import load_script
from storyline.annotation import annotate_many, load_nlp
from storyline.crosscheck import cross_check
from storyline.crosscheck.floor import ASPECTS, FEATURES, LISTED, WEIGHTS_FILE, check_features
from storyline.embed import Embedder
from storyline.model import Finding
from storyline.reading import read

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
SCORER = ROOT.parent / "shared" / "tools" / "score-natural"


def _scorer() -> ModuleType:
    """score-natural's matching rules."""
    return load_script(SCORER, "score_natural")


class Reports:
    """Each event's report as JSON: cross-checked here, or read back from a folder of ``compare``
    JSON by event (``bench/stated_items.py --cache DIR``), so a refit needs no new cross-check."""

    def __init__(self, cache: Path | None) -> None:
        self.cache = cache
        self._models: tuple[Any, Any] | None = None

    def has(self, event: str) -> bool:
        """Is the event's report kept in the cache?"""
        return self.cache is not None and (self.cache / f"{event}.json").exists()

    def of(self, event: str, paths: list[Path]) -> dict[str, Any]:
        kept = self.cache / f"{event}.json" if self.cache else None
        if kept is not None and kept.exists():
            return dict(json.loads(kept.read_text()))
        if self._models is None:
            self._models = load_nlp(), Embedder()
        nlp, embedder = self._models
        report = cross_check(list(annotate_many([read(p) for p in paths], nlp)), embedder, nlp)
        return report.to_dict()


def _weaker(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Every possible conflict, listed or below the floor now shipped."""
    return [*report.get("to_check", []), *report.get("below_floor", [])]


# The batches judged for this session and later ones, before any of their changes, are their held-out
# figures: no fit sees them, in either half (eval_agreements.py's docstring): batch 10, the
# sixteenth session's, batch 11, judged on the sixteenth session's start for later sessions, and
# batch 12, the seventeenth session's. Batch 9 (BASIL triplets outside ../shared), the fifteenth
# session's figure, is open since the sixteenth.
HELD_OUT = frozenset({10, 11, 12})
# The penalty on the weights. The aspect terms are what sets the floor of each aspect, and with
# few judged items of one (11 dates on the tuning half) a penalty of 1.0 pulls its term to the
# common one: listing every date item to check cost 5 wrong for 6 right there, but the fit at 1.0
# left them all out. Chosen on the tuning half (its cost is printed for each of ``PENALTIES``).
L2 = 0.1
PENALTIES = (1.0, 0.3, 0.1, 0.03)


def _found(report: dict[str, Any], stated: bool) -> list[tuple[dict[str, Any], str]]:
    """The report's possible conflicts, and with ``stated`` its stated ones, each with the kind
    of judgment line that judges it."""
    found = [(f, "to_check") for f in _weaker(report)]
    return found + (
        [(f, "conflict") for f in report["findings"] if f["kind"] == "conflict"] if stated else []
    )


def _item(f: dict[str, Any], origin: str, batch: str, kind: str, right: bool) -> dict[str, Any]:
    return {
        "origin": origin,
        "batch": batch,
        "stated": kind == "conflict",
        "aspect": f["aspect"],
        "confidence": f["confidence"],
        "proven": f.get("proven", True),
        "right": right,
    }


def agreement_items(
    half: str, reports: Reports, dump: bool, rest: Path | None, stated: bool = False
) -> Iterator[dict[str, Any]]:
    """Possible conflicts of the judged events of one half (gva-dev, ecbplus-dev and, with ``rest``
    or a cache, BASIL's others), judged by ``agreements-more.jsonl``'s ``to_check`` lines; with
    ``stated``, the stated conflicts too, judged by its ``conflict`` lines."""
    judged = [json.loads(ln) for ln in JUDGED.read_text().splitlines() if ln.strip()]
    events, batch_of, half_of = judged_events(judged)
    with tempfile.TemporaryDirectory() as made:
        tmp = Path(made)
        for event, e in sorted(events.items()):
            if half_of[event] != half or batch_of[event] in HELD_OUT:
                continue
            files, data = e["files"], e["data"]
            if data == basil_rest.DATA_NAME and rest is None and not reports.has(event):
                print(f"  SKIPPED {event}: BASIL's other triplets not found (--basil-rest DIR)")
                continue
            report = reports.of(event, report_paths(e, rest, tmp))
            file_of = {s["id"]: Path(s["path"] or "").name for s in report["sources"]}
            for f, kind in _found(report, stated):
                mine = [j for j in judged if j["event"] == event and j.get("kind") == kind]
                verdict = next((j["verdict"] for j in mine if matches(f, j, file_of)), None)
                if verdict is None:
                    line = {"event": event, "data": data, "files": files}
                    said = f"{f['aspect']} {f['confidence']:.2f}: {f['summary'][:140]}"
                    print(f"unjudged {kind} {data} {event} {said}")
                    if dump:
                        print(template(line, f, file_of, kind))
                    continue
                yield _item(f, data, f"b{batch_of[event]}", kind, verdict != "FALSE")


def natural_items(half: str, reports: Reports, stated: bool = False) -> Iterator[dict[str, Any]]:
    """Possible conflicts (with ``stated``, stated ones too) of the basil-dev events of the natural
    gold in one half."""
    score = _scorer()
    gold = score.load_gold(GOLD)
    half_of = compare_halves(DATA / "basil-dev")
    for event in sorted(t for t in gold if half_of.get(t) == half):
        report = reports.of(event, sorted((DATA / "basil-dev").glob(f"{event}_?.json")))
        for f, kind in _found(report, stated):
            texts = score.statements_by_file(report, f)
            hit = [
                g
                for g in gold[event]
                if g["kind"] in ("discrepancy", "false_conflict") and score.matches(g, texts)
            ]
            if not hit:
                said = f"{f['aspect']} {f['confidence']:.2f}: {f['summary'][:150]}"
                print(f"unjudged {kind} basil-dev {event} {said}")
                for file, said in texts.items():
                    print(f"  {file}: {' | '.join(t[:200] for t in said)}")
                continue
            yield _item(f, "basil-dev", "natural", kind, any(g["kind"] == "discrepancy" for g in hit))


def _rights(items: list[dict[str, Any]]) -> str:
    """Right of all items, per aspect: "number 2/5, quote 7/8"."""
    aspects = sorted({c["aspect"] for c in items})
    return ", ".join(
        f"{a} {sum(c['right'] for c in items if c['aspect'] == a)}/{sum(c['aspect'] == a for c in items)}"
        for a in aspects
    )


def leave_one_batch_out(items: list[dict[str, Any]]) -> str:
    """The floor fitted on every judged batch but one (both halves; the natural gold is one batch),
    tallied on the one left out: what the floor does on a batch it did not see. Each batch's stated
    conflicts are tallied beside it (the floor does not touch them), so an aspect whose stated
    precision is poor on unseen batches shows here too."""
    lines = []
    out: list[dict[str, Any]] = []
    shown: list[bool] = []
    for batch in sorted({c["batch"] for c in items}):
        train = [c for c in items if c["batch"] != batch and not c["stated"]]
        test = [c for c in items if c["batch"] == batch]
        weaker = [c for c in test if not c["stated"]]
        w = fit(_x(train), np.array([c["right"] for c in train], dtype=float), L2)
        floored = {c["aspect"] for c in train}
        listed = (scores(w, _x(weaker)) >= LISTED) | np.array(
            [c["aspect"] not in floored for c in weaker], bool
        )
        out += weaker
        shown += list(listed)
        stated = [c for c in test if c["stated"]]
        lines.append(f"left out {batch}: stated right/all: {_rights(stated) or 'none'}")
        lines.append(
            tally(weaker, np.array(listed, dtype=bool)) if weaker else "  no possible conflict judged"
        )
    stated = [c for c in items if c["stated"]]
    lines.append("every batch, each tallied by the floor fitted without it:")
    lines.append(f"  stated (no floor) right/all: {_rights(stated)}")
    lines.append(tally(out, np.array(shown, dtype=bool)))
    return "\n".join(lines)


def compare_items(path: Path, half: str) -> list[dict[str, Any]]:
    """The planted changes left to check (right) of one half. The unmodified pairs' items are the
    natural run's (``natural_items``), judged there: taken here too they would count twice."""
    items = [json.loads(ln) for ln in path.read_text().splitlines() if ln.strip()]
    return [
        {**c, "origin": f"basil-dev planted {c['origin']}"}
        for c in items
        if c["half"] == half and c["origin"] != "control"
    ]


def _x(items: list[dict[str, Any]]) -> np.ndarray:
    def feats(c: dict[str, Any]) -> dict[str, float]:
        f = Finding(
            id="",
            kind="conflict",
            aspect=c["aspect"],
            summary="",
            statements=(),
            confidence=c["confidence"],
            proven=c.get("proven", True),
        )
        return check_features(f)

    return np.array([[feats(c)[k] for k in FEATURES] for c in items], dtype=float).reshape(-1, len(FEATURES))


def tally(items: list[dict[str, Any]], listed: np.ndarray) -> str:
    """Right and wrong items listed and left out, in all and per aspect, and their cost."""
    y = np.array([c["right"] for c in items], dtype=bool)
    lines = []
    for aspect in [*sorted({c["aspect"] for c in items}), "all"]:
        m = np.array([aspect in ("all", c["aspect"]) for c in items], dtype=bool)
        rl, wl = int((m & y & listed).sum()), int((m & ~y & listed).sum())
        ro, wo = int((m & y & ~listed).sum()), int((m & ~y & ~listed).sum())
        lines.append(
            f"  {aspect:<9} listed: right {rl:>3} wrong {wl:>3}   left out: right {ro:>3} wrong {wo:>3}"
            f"   cost {wl + ro}"
        )
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--compare",
        type=Path,
        default=None,
        help="eval_compare.py --dump-check's items (tallied, not fitted)",
    )
    ap.add_argument(
        "--half", choices=("tune", "check"), default="tune", help="fit on tune; check only reports"
    )
    ap.add_argument("--dump", action="store_true", help="print a judgment line for each unjudged item")
    ap.add_argument(
        "--cache", type=Path, default=None, help="compare JSON by event (bench/stated_items.py --cache DIR)"
    )
    ap.add_argument("--write", action="store_true", help=f"store the weights in {WEIGHTS_FILE.name}")
    ap.add_argument("--basil-rest", type=Path, default=None, help="BASIL's other triplets (batch 9)")
    ap.add_argument(
        "--leave-one-batch-out",
        action="store_true",
        help="fit on every judged batch but one (both halves) and tally the one left out",
    )
    opts = ap.parse_args()
    if not DATA.exists() or not SCORER.exists() or (opts.compare and not opts.compare.exists()):
        print("fit_check_floor: ../shared (data, tools) or the --compare file not found", file=sys.stderr)
        return 2
    reports = Reports(opts.cache)
    rest = opts.basil_rest if opts.basil_rest and (opts.basil_rest / "articles").is_dir() else None
    if opts.leave_one_batch_out:
        every = [
            c
            for half in ("tune", "check")
            for c in (*agreement_items(half, reports, False, rest, True), *natural_items(half, reports, True))
        ]
        print(leave_one_batch_out(every))
        return 0
    items = [*agreement_items(opts.half, reports, opts.dump, rest), *natural_items(opts.half, reports)]
    x, y = _x(items), np.array([c["right"] for c in items], dtype=float)
    print(
        f"{len(items)} judged items of the {opts.half} half: "
        f"{int(y.sum())} right, {int(len(y) - y.sum())} wrong"
    )
    for origin in sorted({c["origin"] for c in items}):
        of = [c for c in items if c["origin"] == origin]
        print(f"  {origin}: {len(of)} ({sum(c['right'] for c in of)} right)")
    print("every item listed (no floor):")
    print(tally(items, np.ones(len(items), dtype=bool)))
    if opts.half == "tune":
        for l2 in PENALTIES:  # the cost of each penalty on the tuning half, to choose L2 by
            listed = scores(fit(x, y, l2), x) >= LISTED
            cost = int((listed & (y == 0)).sum() + (~listed & (y == 1)).sum())
            print(f"  L2 {l2:<5} cost {cost}")
        w = fit(x, y, L2)
        print("weights: " + ", ".join(f"{k} {v:+.3f}" for k, v in zip((*FEATURES, "bias"), w, strict=True)))
    else:
        fitted = json.loads(WEIGHTS_FILE.read_text())
        w = np.array([*fitted["weights"], fitted["bias"]])
    floored = {c["aspect"] for c in items} if opts.half == "tune" else set(fitted["floored"])
    listed = (scores(w, x) >= LISTED) | np.array([c["aspect"] not in floored for c in items], dtype=bool)
    print(f"listed from a fitted probability of {LISTED}:")
    print(tally(items, listed))
    if opts.compare:
        planted = compare_items(opts.compare, opts.half)
        xp = _x(planted)
        shown = (scores(w, xp) >= LISTED) | np.array(
            [c["aspect"] not in floored for c in planted], dtype=bool
        )
        print(f"planted changes left to check ({len(planted)}, not fitted), listed by this floor:")
        print(tally(planted, shown))
    if opts.write and opts.half == "tune":
        fitted = {
            "features": list(FEATURES),
            "weights": [round(float(v), 4) for v in w[:-1]],
            "bias": round(float(w[-1]), 4),
            "fitted_on": "possible conflicts of real reports in the tuning halves: agreements-more.jsonl "
            "(to_check, batches 1-9), the natural gold (basil-dev); eval_compare.py's planted changes are "
            "tallied beside the fit, not fitted",
            "items": f"{len(items)} ({int(y.sum())} right)",
            "l2": L2,
            "floored": sorted({c["aspect"] for c in items}),  # the aspects with judged items
            # why an aspect has no floor: the fit saw none of its items, so its term stays 0 and its
            # items are listed as before (floor.listed)
            "not_floored": {
                a: "no judged possible conflict of this aspect in the tuning half"
                for a in ASPECTS
                if a not in {c["aspect"] for c in items}
            },
        }
        WEIGHTS_FILE.write_text(json.dumps(fitted, indent=1) + "\n")
        print(f"wrote {WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
