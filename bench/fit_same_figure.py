#!/usr/bin/env python3
"""Fit the same-fact decision for two figures (issue 14) on hand-judged figure pairs, and check it.

``bench/natural/number-pairs.jsonl`` holds pairs of figures of one dimension from two reports of
one basil-dev event that the cross-check weighs (a candidate sentence pair, neither figure a part
added to others), each judged by hand: do both count or size the same thing in the same event or
state, whatever their values? Only the tuning half of the events (even in labels.json order, as
``eval_compare.py`` splits them) is judged and fitted on; the check half is left for the
planted-change bench. This computes the features the cross-check sees
(``crosscheck.same_figure.figure_features``, never the values), fits a logistic regression and
prints precision and recall at several thresholds (on the fitted pairs, and by leave-one-event-out
over the tuning events, which is the honest figure).

    .venv/bin/python bench/fit_same_figure.py --list > pairs.txt   # candidates to judge
    .venv/bin/python bench/fit_same_figure.py [--write]             # --write stores the weights

The weights go to ``src/storyline/crosscheck/same_figure.json`` with the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

import fit_date_events
from eval_compare import triplets
from fit_date_events import fit, pr, scores
from storyline.annotation import annotate_many, load_nlp
from storyline.crosscheck.candidates import Pair, candidate_pairs, sentence_vectors
from storyline.crosscheck.facts import Measure, sentence_facts
from storyline.crosscheck.measures import _VAGUE, _far_apart, fact_features, part_of_more
from storyline.crosscheck.same_figure import (
    FEATURES,
    WEIGHTS_FILE,
    feature_rows,
    phrase_vectors,
)
from storyline.embed import Embedder
from storyline.reading import read

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "basil-dev"
PAIRS = ROOT / "bench" / "natural" / "number-pairs.jsonl"
MIN_SCORE = 0.4  # sentence pairs below this hold no figure pair worth judging
L2 = 0.3  # fewer pairs than the dates had, and fewer features to spread the penalty over


def _key(name_a: str, ma: Measure, name_b: str, mb: Measure) -> str:
    qa, qb = ma.quantity, mb.quantity
    return f"{name_a}@{qa.start}-{qa.end}|{name_b}@{qb.start}-{qb.end}"


def candidates(root: Path, events: list[list[Path]], nlp: Any, embedder: Any) -> Iterator[dict[str, Any]]:
    """Every figure pair of one dimension the cross-check weighs, with its features."""
    for group in events:
        anns = list(annotate_many([read(p) for p in group], nlp))
        for x, y in combinations(anns, 2):
            names = [Path(a.article.path or "").name for a in (x, y)]
            facts = [f for i, a in enumerate((x, y)) for f in sentence_facts(a, i)]
            vectors = phrase_vectors(facts, embedder)
            pairs = candidate_pairs(facts, sentence_vectors(facts, embedder))
            for p in pairs:
                if p.score < MIN_SCORE:
                    continue
                for ma in p.a.measures:
                    for mb in p.b.measures:
                        if ma.dim != mb.dim or _part(p, ma, mb) or not _weighed(ma, mb):
                            continue
                        yield {
                            "key": _key(names[0], ma, names[1], mb),
                            "event": names[0].split("_")[0],
                            "snippet_a": _snippet(p.a.text, ma.quantity.start - p.a.start),
                            "snippet_b": _snippet(p.b.text, mb.quantity.start - p.b.start),
                            "text_a": ma.quantity.text,
                            "text_b": mb.quantity.text,
                            "sentence_a": p.a.text,
                            "sentence_b": p.b.text,
                            "features": fact_features(p, ma, mb, vectors),
                        }


def _weighed(ma: Measure, mb: Measure) -> bool:
    """Figures the cross-check could set against each other: of one order of size, neither an order
    of size alone ("billions of dollars"); others it never links, whatever the decision says."""
    vague = _VAGUE.search(ma.quantity.text) or _VAGUE.search(mb.quantity.text)
    return not _far_apart(ma, mb) and not vague


def _part(p: Pair, ma: Measure, mb: Measure) -> bool:
    return part_of_more(p.a.text, p.a.start, ma) or part_of_more(p.b.text, p.b.start, mb)


def _snippet(text: str, at: int) -> str:
    return " ".join(text[max(0, at - 40) : at + 40].split())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--list", action="store_true", help="print the tuning half's candidates to judge")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--threshold", type=float, default=0.6)
    opts = ap.parse_args()
    if not opts.data.is_dir():
        print(f"fit_same_figure: {opts.data}: not found", file=sys.stderr)
        return 2
    fit_date_events.L2 = L2
    tune = [g for i, g in enumerate(triplets(opts.data, None)) if i % 2 == 0]
    nlp, embedder = load_nlp(), Embedder()
    seen = {c["key"]: c for c in candidates(opts.data, tune, nlp, embedder)}
    if opts.list:
        for c in seen.values():
            line = {k: c[k] for k in ("key", "text_a", "text_b", "sentence_a", "sentence_b")}
            print(json.dumps(line, ensure_ascii=False))
        return 0
    judged = [json.loads(ln) for ln in PAIRS.read_text().splitlines() if ln.strip()]
    rows = [(seen[j["key"]], bool(j["same_fact"])) for j in judged if j["key"] in seen]
    print(f"{len(rows)} judged pairs weighed ({len(judged) - len(rows)} left out before the decision)")
    x = feature_rows([c["features"] for c, _ in rows])
    y = np.array([label for _, label in rows])
    events = np.array([c["event"] for c, _ in rows])
    w = fit(x, y)
    fitted = scores(w, x)
    held = np.zeros(len(rows))
    for event in sorted(set(events)):  # leave one event out: each event scored by a fit without it
        out = events == event
        held[out] = scores(fit(x[~out], y[~out]), x[out])
    figures = {}
    print(f"tuning half: {len(rows)} pairs, {int(y.sum())} one fact")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        print(f"  p >= {t:.1f}  fitted {pr(fitted >= t, y)}")
        print(f"             held-out event {pr(held >= t, y)}")
    figures["tune_fitted"] = pr(fitted >= opts.threshold, y)
    figures["tune_leave_one_event_out"] = pr(held >= opts.threshold, y)
    for k, v in zip([*FEATURES, "bias"], w, strict=True):
        print(f"  {k:16} {v:+.3f}")
    if opts.write:
        fit_date_events.write_weights(
            WEIGHTS_FILE, FEATURES, w, "number-pairs.jsonl", figures, opts.threshold
        )
        print(f"wrote {WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
