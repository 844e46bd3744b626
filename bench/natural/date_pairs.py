#!/usr/bin/env python3
"""Candidate same-event date pairs over basil-dev, gva-dev or ecbplus-dev, to be judged by hand (issue 14).

``eval_compare.py`` planted dates only where storyline's own alignment found a date agreement, so
its denominator depended on what it measured. This lists pairs independently of the cross-check:
for each event and each pair of its reports, each pair of sentences (one per report) that each hold
a time expression of storyline's annotation (``sl annotate --format json``, its ``timeline``) and
either resolve to overlapping intervals or share a content lemma besides the dates. The list is
kept judgeable by ranking the pairs of one pair of reports by the MiniLM cosine of the two
sentences and keeping the best ``--per-pair``.

    .venv/bin/python bench/natural/date_pairs.py [--data ../shared/data/basil-dev] [--per-pair 8]
        [--reports N] [--events N] > candidates.jsonl

On a set other than basil-dev (``labels.json`` mapping a file to its event, or to a dict holding
it: gva-dev's incidents, ecbplus-dev's events) each line also names its ``set`` and its ``half``,
the seeded split of that set's events that ``bench/fit_same_figure.py`` uses too; ``--reports``
keeps the first reports of each event (ecbplus-dev's events hold a dozen) and ``--events`` the
first events of each half.

Each output line is the skeleton of a line of ``date-pairs.jsonl`` (``same_event`` left null,
to be set by a judge reading both sentences in context), with the cosine and the two sentences
under ``context`` for the judge only: strip ``context`` before committing (no article text).

``date-pairs-more.jsonl`` holds such lines for gva-dev and ecbplus-dev (``--per-pair 2
--reports 3``), judged the same way.

``date-pairs.jsonl`` holds this script's 584 lines (storyline of December 2026), every one judged:
``same_event`` true when both sentences date the same act with the same participants (two acts on
one day, a recurring "every Sunday", a rhetorical "now" or a show's name are false), and for those
``dates_agree``, whether the two reports give the same date for it. One line was judged on another
expression of its second sentence than the one listed (its ``why`` names it).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/, for the fitters' helpers

import fit_same_figure  # the events of a set and its seeded split, as the figures' fitter reads them
from storyline.annotation import annotate_many, load_nlp
from storyline.embed import Embedder
from storyline.model import AnnotatedArticle, TimeExpr
from storyline.reading import read

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "basil-dev"
CONTENT = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
AROUND = 5  # words kept each side of a time expression in a snippet (at most ~15 words in all)


def events(root: Path) -> list[list[Path]]:
    """The reports of each event, events in the order of labels.json (as eval_compare.py)."""
    return list(fit_same_figure.events(root).values())


def snippet(
    text: str, start: int, end: int, bounds: tuple[int, int] | None = None, around: int = AROUND
) -> str:
    """The time expression with up to ``around`` words each side, within ``bounds`` (its sentence)."""
    lo, hi = bounds or (0, len(text))
    left = list(re.finditer(r"\S+", text[lo:start]))
    right = list(re.finditer(r"\S+", text[end:hi]))
    a = lo + left[-around].start() if len(left) >= around else lo
    b = end + right[around - 1].end() if len(right) >= around else hi
    return " ".join(text[a:b].split())


def _sentence_span(ann: AnnotatedArticle, pos: int) -> tuple[int, int]:
    return next(((s.start, s.end) for s in ann.sentences if s.start <= pos < s.end), (pos, pos + 1))


def overlap(a: TimeExpr, b: TimeExpr) -> bool:
    """Do the two resolved intervals share a day?"""
    if not (a.start and a.end and b.start and b.end):
        return False
    return a.start[:10] <= b.end[:10] and b.start[:10] <= a.end[:10]


def content_lemmas(nlp: Any, text: str, dates: list[tuple[int, int]]) -> set[str]:
    """Lemmas of the content words of a sentence outside its time expressions (offsets within it)."""
    doc = nlp(text)
    return {
        t.lemma_.lower()
        for t in doc
        if t.pos_ in CONTENT and not t.is_stop and t.is_alpha and not any(s <= t.idx < e for s, e in dates)
    }


def _dated_sentences(ann: AnnotatedArticle) -> dict[tuple[int, int], list[TimeExpr]]:
    out: dict[tuple[int, int], list[TimeExpr]] = {}
    for t in ann.timeline:
        out.setdefault(_sentence_span(ann, t.offset[0]), []).append(t)
    return out


def candidates(
    anns: list[AnnotatedArticle], nlp: Any, embedder: Embedder, keep: int, label: dict[str, str] | None = None
) -> Iterator[dict[str, Any]]:
    """The best ``keep`` candidate pairs of each pair of reports of one event."""
    dated = [_dated_sentences(a) for a in anns]
    lemmas = [
        {
            span: content_lemmas(
                nlp,
                a.article.text[span[0] : span[1]],
                [(t.offset[0] - span[0], t.offset[1] - span[0]) for t in ts],
            )
            for span, ts in d.items()
        }
        for a, d in zip(anns, dated, strict=True)
    ]
    for i, j in combinations(range(len(anns)), 2):
        x, y = anns[i], anns[j]
        rows: list[tuple[float, dict[str, Any]]] = []
        for sx, tx in dated[i].items():
            for sy, ty in dated[j].items():
                over = [(a, b) for a in tx for b in ty if overlap(a, b)]
                shared = lemmas[i][sx] & lemmas[j][sy]
                if not over and not shared:
                    continue
                a, b = over[0] if over else (tx[0], ty[0])
                text_x, text_y = x.article.text[sx[0] : sx[1]], y.article.text[sy[0] : sy[1]]
                cos = float(np.dot(*embedder.embed([text_x, text_y])))
                rows.append(
                    (
                        cos,
                        {
                            **(label or {"event": Path(x.article.path or "").stem.rsplit("_", 1)[0]}),
                            "file_a": Path(x.article.path or "").name,
                            "file_b": Path(y.article.path or "").name,
                            "time_a": a.text,
                            "time_b": b.text,
                            "offset_a": list(a.offset),
                            "offset_b": list(b.offset),
                            "snippet_a": snippet(x.article.text, *a.offset, sx),
                            "snippet_b": snippet(y.article.text, *b.offset, sy),
                            "why": "overlap" if over else "lemma:" + ",".join(sorted(shared)[:4]),
                            "cosine": round(cos, 3),
                            "same_event": None,
                            "context": [text_x, text_y],
                        },
                    )
                )
        rows.sort(key=lambda r: -r[0])
        for _, row in rows[:keep]:
            yield row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--per-pair", type=int, default=8, help="pairs kept per pair of reports")
    ap.add_argument("--reports", type=int, default=None, help="only the first N reports of each event")
    ap.add_argument("--events", type=int, default=None, help="only the first N events of each half")
    opts = ap.parse_args()
    if not (opts.data / "labels.json").is_file():
        print(f"date_pairs: {opts.data}: no labels.json (not a data set of events)", file=sys.stderr)
        return 2
    nlp, embedder = load_nlp(), Embedder()
    basil = opts.data.name.startswith("basil")
    groups = fit_same_figure.events(opts.data)
    split = fit_same_figure.half(opts.data)
    taken: dict[str, int] = {}
    for event, group in groups.items():
        part = split[event]
        if opts.events is not None and taken.get(part, 0) >= opts.events:
            continue
        taken[part] = taken.get(part, 0) + 1
        label = None if basil else {"set": opts.data.name, "event": event, "half": part}
        anns = list(annotate_many([read(p) for p in group[: opts.reports]], nlp))
        for row in candidates(anns, nlp, embedder, opts.per_pair, label):
            print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
