#!/usr/bin/env python3
"""Fit the same-event decision for two dates (issue 14) on hand-judged date pairs, and check it.

``bench/natural/date-pairs.jsonl`` holds 584 pairs of time expressions from two reports of one
basil-dev event, each judged by hand: do both date the same act with the same participants? For
each pair this computes the features the cross-check sees (``crosscheck.events.event_features``:
the event words, the words around, names, places, sentence similarity; never the dates' values,
which a real discrepancy changes), fits a logistic regression on the tuning half of the events
(even in labels.json order, as ``eval_compare.py``) and prints precision and recall of the
same-event decision on both halves, beside the hand-written rule it replaces.

    .venv/bin/python bench/fit_date_events.py [--write]   # --write stores the weights in src/

The weights go to ``src/storyline/crosscheck/date_events.json`` (with the halves' figures).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from eval_compare import triplets  # the events in labels.json order, as the planted-change bench splits them
from storyline.annotation import annotate_many, load_nlp
from storyline.crosscheck.candidates import Pair, overlap
from storyline.crosscheck.events import (
    FEATURES,
    STATE,
    WEIGHTS_FILE,
    event_features,
    event_vectors,
    same_event,
)
from storyline.crosscheck.facts import DatedEvent, SentenceFacts, sentence_facts
from storyline.embed import Embedder
from storyline.reading import read

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "basil-dev"
PAIRS = ROOT / "bench" / "natural" / "date-pairs.jsonl"
L2 = 1.0


def halves(root: Path) -> dict[str, str]:
    """Event id -> 'tune' (even in labels.json order) or 'check', as eval_compare.py splits them."""
    labels = json.loads((root / "labels.json").read_text())
    return {labels[g[0].name]: "tune" if i % 2 == 0 else "check" for i, g in enumerate(triplets(root, None))}


def locate(facts: list[SentenceFacts], offset: list[int]) -> tuple[SentenceFacts, DatedEvent] | None:
    for f in facts:
        for d in f.dates:
            if list(d.time.offset) == offset:
                return f, d
    return None


def features(root: Path) -> tuple[np.ndarray, np.ndarray, list[str], list[bool]]:
    lines = [json.loads(ln) for ln in PAIRS.read_text().splitlines() if ln.strip()]
    nlp, embedder = load_nlp(), Embedder()
    names = sorted({ln["file_a"] for ln in lines} | {ln["file_b"] for ln in lines})
    arts = list(annotate_many([read(root / n) for n in names], nlp))
    facts = {n: sentence_facts(a, i) for i, (n, a) in enumerate(zip(names, arts, strict=True))}
    vectors = event_vectors([f for fs in facts.values() for f in fs], embedder)
    xs, ys, evs, old = [], [], [], []
    missing = 0
    for ln in lines:
        fa, fb = facts[ln["file_a"]], facts[ln["file_b"]]
        la, lb = locate(fa, ln["offset_a"]), locate(fb, ln["offset_b"])
        if la is None or lb is None:
            missing += 1
            continue
        (a, da), (b, db) = la, lb
        va, vb = embedder.embed([a.text, b.text])
        p = Pair(a, b, float(va @ vb), overlap(a, b))
        xs.append([event_features(da, db, p, vectors)[k] for k in FEATURES])
        ys.append(bool(ln["same_event"]))
        evs.append(ln["event"])
        old.append(same_event(da, db, p) > 0)
    print(f"{len(xs)} judged pairs located, {missing} not (an expression the cross-check keeps no date")
    print("  for, or one the annotation now reads otherwise)")
    return np.array(xs, dtype=float), np.array(ys), evs, old


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Logistic regression by Newton's method with an L2 penalty (the bias unpenalised)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    reg = np.eye(xb.shape[1]) * L2
    reg[-1, -1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + reg @ w
        hess = xb.T @ (xb * (p * (1 - p))[:, None]) + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def scores(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(x @ w[:-1] + w[-1])))


def pr(pred: np.ndarray, y: np.ndarray) -> str:
    tp = int((pred & y).sum())
    fp = int((pred & ~y).sum())
    fn = int((~pred & y).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return f"precision {p:.2f} ({tp}/{tp + fp}) recall {r:.2f} ({tp}/{tp + fn})"


def write_weights(
    path: Path,
    features: list[str],
    w: np.ndarray,
    pairs: str,
    figures: dict[str, str],
    threshold: float,
    on: str = "tuning half of the basil-dev events",
) -> None:
    """The fitted weights, in the JSON the cross-check reads (``crosscheck.fitted``)."""
    fitted = {
        "features": features,
        "weights": [round(float(v), 4) for v in w[:-1]],
        "bias": round(float(w[-1]), 4),
        "fitted_on": f"bench/natural/{pairs}, {on}",
        f"figures_at_{threshold}": figures,
    }
    path.write_text(json.dumps(fitted, indent=1) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--threshold", type=float, default=STATE)
    opts = ap.parse_args()
    if not PAIRS.exists() or not opts.data.is_dir():
        print("fit_date_events: ../shared/data/basil-dev or the judged pairs are absent", file=sys.stderr)
        return 2
    half = halves(opts.data)
    x, y, evs, old = features(opts.data)
    tune = np.array([half[e] == "tune" for e in evs])
    w = fit(x[tune], y[tune])
    figures = {}
    for name, mask in (("tune", tune), ("check", ~tune)):
        s = scores(w, x[mask])
        rule = np.array(old)[mask]
        print(f"{name}: {int(mask.sum())} pairs, {int(y[mask].sum())} same event")
        print(f"  hand-written rule     {pr(rule, y[mask])}")
        for t in (0.3, 0.4, 0.5, 0.6, 0.7):
            print(f"  fitted, p >= {t:.1f}     {pr(s >= t, y[mask])}")
        figures[name] = pr(s >= opts.threshold, y[mask])
    for k, v in zip([*FEATURES, "bias"], w, strict=True):
        print(f"  {k:16} {v:+.3f}")
    if opts.write:
        write_weights(WEIGHTS_FILE, FEATURES, w, "date-pairs.jsonl", figures, opts.threshold)
        print(f"wrote {WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
