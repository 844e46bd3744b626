#!/usr/bin/env python3
"""Fit the same-event decision for two dates (issue 14) on hand-judged date pairs, and check it.

``bench/natural/date-pairs.jsonl`` holds 584 pairs of time expressions from two reports of one
basil-dev event, ``date-pairs-more.jsonl`` 176 more from gva-dev and ecbplus-dev (each line naming
its set and part), each judged by hand: do both date the same act with the same participants? For
each pair this computes the features the cross-check sees (``crosscheck.events.event_features``:
the event words, the words around, names, places, sentence similarity; never the dates' values,
which a real discrepancy changes), fits a logistic regression on the tuning parts of the events
(basil-dev's even in labels.json order, as ``eval_compare.py``; the other sets' by the seeded split
of ``fit_same_figure.py``) and prints precision and recall of the same-event decision on both
parts, in all and per set, beside the hand-written rule it replaces.

    .venv/bin/python bench/fit_date_events.py [--write]   # --write stores the weights in src/

The weights go to ``src/storyline/crosscheck/date_events.json`` (with the halves' figures).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from eval_compare import triplets  # the events in labels.json order, as the planted-change bench splits them
from storyline.annotation import annotate_many, load_nlp
from storyline.crosscheck.candidates import Pair, dated_nearest, overlap, sentence_vectors
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
DATA = ROOT.parent / "shared" / "data"
PAIRS = ROOT / "bench" / "natural" / "date-pairs.jsonl"
MORE = ROOT / "bench" / "natural" / "date-pairs-more.jsonl"
L2 = 1.0


def halves(root: Path) -> dict[str, str]:
    """Event id -> 'tune' (even in labels.json order) or 'check', as eval_compare.py splits them."""
    labels = json.loads((root / "labels.json").read_text())
    return {labels[g[0].name]: "tune" if i % 2 == 0 else "check" for i, g in enumerate(triplets(root, None))}


def locate(facts: list[SentenceFacts], offset: list[int]) -> tuple[SentenceFacts, DatedEvent] | None:
    """The dated fact at the judged expression: the one at its offsets, else the one that holds
    them, the same day read today with a word beside it ("late Monday", "early Sunday morning",
    "this past June": 25 of the judged expressions, judged before the annotation read them so)."""
    held = None
    for f in facts:
        for d in f.dates:
            if list(d.time.offset) == offset:
                return f, d
            if held is None and d.time.offset[0] <= offset[0] and offset[1] <= d.time.offset[1]:
                held = f, d
    return held


def judged() -> list[dict[str, Any]]:
    """Every judged pair with its set and part: ``date-pairs.jsonl`` holds basil-dev's, split as
    ``eval_compare.py`` splits its events; ``date-pairs-more.jsonl`` gva-dev's and ecbplus-dev's,
    each line naming its set and part (the seeded split of ``fit_same_figure.half``)."""
    out = [json.loads(ln) | {"set": "basil-dev"} for ln in PAIRS.read_text().splitlines() if ln.strip()]
    if MORE.exists():
        out += [json.loads(ln) for ln in MORE.read_text().splitlines() if ln.strip()]
    return out


def features(
    data: Path, lines: list[dict[str, Any]]
) -> tuple[np.ndarray, np.ndarray, list[dict[str, Any]], list[bool]]:
    """The features of each judged pair the cross-check still reads as two dates (``data`` holds
    the sets), its label, its line, and whether the hand-written rule ties it."""
    nlp, embedder = load_nlp(), Embedder()
    facts: dict[tuple[str, str], list[SentenceFacts]] = {}
    for name in sorted({ln["set"] for ln in lines}):
        files = sorted({ln[k] for ln in lines if ln["set"] == name for k in ("file_a", "file_b")})
        arts = annotate_many([read(data / name / f) for f in files], nlp)
        facts |= {(name, f): sentence_facts(a, i) for i, (f, a) in enumerate(zip(files, arts, strict=True))}
    vectors = event_vectors([f for fs in facts.values() for f in fs], embedder)
    sentence_vecs = {k: sentence_vectors(fs, embedder) for k, fs in facts.items()}
    xs, ys, kept, old = [], [], [], []
    missing = 0
    for ln in lines:
        ka, kb = (ln["set"], ln["file_a"]), (ln["set"], ln["file_b"])
        fa, fb = facts[ka], facts[kb]
        la, lb = locate(fa, ln["offset_a"]), locate(fb, ln["offset_b"])
        if la is None or lb is None:
            missing += 1
            continue
        (a, da), (b, db) = la, lb
        vecs = np.vstack([sentence_vecs[ka], sentence_vecs[kb]])
        both = [*fa, *fb]
        ia, ib = both.index(a), len(fa) + fb.index(b)
        near = dated_nearest(both, vecs @ vecs.T).get((ia, ib), 0)
        p = Pair(a, b, float(vecs[ia] @ vecs[ib]), overlap(a, b), nearest=near)
        xs.append([event_features(da, db, p, vectors)[k] for k in FEATURES])
        ys.append(bool(ln["same_event"]))
        kept.append(ln)
        old.append(same_event(da, db, p) > 0)
    print(f"{len(xs)} judged pairs located, {missing} not (an expression the cross-check keeps no date")
    print("  for, or one the annotation now reads otherwise)")
    return np.array(xs, dtype=float), np.array(ys), kept, old


def fit(
    x: np.ndarray, y: np.ndarray, l2: float | None = None, weight: np.ndarray | None = None
) -> np.ndarray:
    """Logistic regression by Newton's method with an L2 penalty (``l2``, ``L2`` when None; the
    bias unpenalised). ``weight``: each row's weight in the loss (1 each when None)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    s = np.ones(len(y)) if weight is None else weight
    w = np.zeros(xb.shape[1])
    reg = np.eye(xb.shape[1]) * (L2 if l2 is None else l2)
    reg[-1, -1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (s * (p - y)) + reg @ w
        hess = xb.T @ (xb * (s * p * (1 - p))[:, None]) + reg
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
    ap.add_argument(
        "--data", type=Path, default=DATA, help="the folder holding basil-dev, gva-dev, ecbplus-dev"
    )
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--threshold", type=float, default=STATE)
    opts = ap.parse_args()
    basil = opts.data / "basil-dev"
    if not PAIRS.exists() or not basil.is_dir():
        print(f"fit_date_events: {basil} or the judged pairs are absent", file=sys.stderr)
        return 2
    half = halves(basil)
    lines = [ln | {"half": ln.get("half") or half[ln["event"]]} for ln in judged()]
    lines = [ln for ln in lines if (opts.data / ln["set"]).is_dir()]
    x, y, kept, old = features(opts.data, lines)
    tune = np.array([ln["half"] == "tune" for ln in kept])
    w = fit(x[tune], y[tune])
    figures = {}
    sets = sorted({ln["set"] for ln in kept})
    for name, part in (("tune", tune), ("check", ~tune)):
        for label in ("all", *sets):
            mask = part & np.array([label in ("all", ln["set"]) for ln in kept])
            s = scores(w, x[mask])
            rule = np.array(old)[mask]
            print(f"{name} ({label}): {int(mask.sum())} pairs, {int(y[mask].sum())} same event")
            print(f"  hand-written rule     {pr(rule, y[mask])}")
            for t in (0.3, 0.4, 0.5, 0.6, 0.7):
                print(f"  fitted, p >= {t:.1f}     {pr(s >= t, y[mask])}")
            if label == "all":
                figures[name] = pr(s >= opts.threshold, y[mask])
    for k, v in zip([*FEATURES, "bias"], w, strict=True):
        print(f"  {k:16} {v:+.3f}")
    if opts.write:
        on = "tuning parts of the basil-dev, gva-dev and ecbplus-dev events"
        write_weights(
            WEIGHTS_FILE,
            FEATURES,
            w,
            "date-pairs.jsonl and date-pairs-more.jsonl",
            figures,
            opts.threshold,
            on,
        )
        print(f"wrote {WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
