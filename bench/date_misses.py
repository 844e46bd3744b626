#!/usr/bin/env python3
"""Why planted dates are missed: each date@judged plant of ``eval_compare.py`` followed along the
cross-check's path, and the first stage that loses it named (issue 14).

    .venv/bin/python bench/date_misses.py [--half tune] [--list]

Stages, in order: the planted expression not read or not resolved; the plant resolved within the
first report's date (not checkable); a sentence the cross-check keeps no date for; the two
sentences never a candidate pair; ``compare_dates``: the rules tie the first date to another
date, or the rules tie them but no conflict is made (``_both_hold``, not sure), or no rule ties
them and the fitted probability is below ``LINK`` or the fitted link is refused (``_both_hold``,
the act test), or the first date's best fitted match is another date; a link made below
``report.CONFIDENT`` (listed to check); a link dropped by ``mutual_best`` or a later filter; a
stated conflict the report does not hold at the change (grouping). Prints the count per stage.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import replace
from itertools import combinations
from pathlib import Path
from typing import Any

from eval_compare import (
    DATA,
    HALVES,
    _resolved,
    _sentence_at,
    found,
    judged_date_pairs,
    plant_judged_date,
    triplets,
)
from storyline.annotation import annotate_many, load_nlp
from storyline.crosscheck import cross_check
from storyline.crosscheck.align import mutual_best
from storyline.crosscheck.candidates import candidate_pairs, sentence_vectors
from storyline.crosscheck.engine import all_links
from storyline.crosscheck.events import (
    LINK,
    _both_hold,
    _partners,
    _probability,
    compare_dates,
    dates_conflict,
    event_features,
    event_phrases,
    same_event,
    series_dates,
)
from storyline.crosscheck.facts import sentence_facts
from storyline.crosscheck.predicates import parser
from storyline.crosscheck.report import CONFIDENT
from storyline.crosscheck.same_figure import embed_phrases, figure_phrases
from storyline.embed import Embedder
from storyline.model import AnnotatedArticle
from storyline.reading import read


def _date_at(facts: list[Any], pos: int) -> tuple[Any, int, Any] | None:
    for f in facts:
        for i, d in enumerate(f.dates):
            if d.time.offset[0] == pos:
                return f, i, d
    return None


def _as_series(fa: Any, da: Any, fb: Any, db: Any, series: frozenset[tuple[int, int, int]]) -> str:
    """The mark " (a series)" where either date's report tells its act as a series (``series_dates``)."""
    keys = {(fa.source, fa.index, fa.dates.index(da)), (fb.source, fb.index, fb.dates.index(db))}
    return " (a series)" if keys & series else ""


WHY = False  # --why: print each plant's two dated acts and the fitted decision's features


def _why(pair: Any, da: Any, db: Any, vectors: Any) -> None:
    """The two sentences, their dated acts (``what``, ``told``) and the fitted features."""
    feats = event_features(da, db, pair, vectors)
    print(f"    A: {pair.a.text[:300]!r}\n       what={da.time.what!r} told={da.time.told!r}")
    print(f"    B: {pair.b.text[:300]!r}\n       what={db.time.what!r} told={db.time.told!r}")
    print(f"    p={_probability(feats):.2f} " + " ".join(f"{k}={v:.2f}" for k, v in feats.items() if v))


def trace(x: AnnotatedArticle, changed: AnnotatedArticle, pos_a: int, pos: int, nlp: Any, emb: Any) -> str:
    """The first stage that loses the plant at ``pos`` of ``changed`` against ``pos_a`` of ``x``."""
    report = cross_check([x, changed], emb, nlp)
    span = _sentence_at(changed, pos)
    if found(report, "date", changed.id, span):
        return "stated"
    new, old = _resolved(changed, pos), _resolved(x, pos_a)
    if new is None or old is None:
        return "not resolved (" + ("plant" if new is None else "first") + ")"
    if old[0] <= new[0] and new[1] <= old[1]:
        return "plant resolved within the first date"
    facts = [f for i, a in enumerate((x, changed)) for f in sentence_facts(a, i)]
    at_a = _date_at([f for f in facts if f.source == 0], pos_a)
    at_b = _date_at([f for f in facts if f.source == 1], pos)
    if at_a is None or at_b is None:
        return "no dated fact kept (" + ("first" if at_a is None else "plant") + ")"
    fa, ia, da = at_a
    fb, ib, db = at_b
    if not dates_conflict(da, db):
        return "resolved values do not conflict"
    pairs = candidate_pairs(facts, sentence_vectors(facts, emb))
    pair = next((p for p in pairs if p.a is fa and p.b is fb), None)
    if pair is None:
        return "not a candidate pair"
    vectors = embed_phrases(figure_phrases(facts) | event_phrases(facts), emb)
    series = series_dates(facts)
    links = compare_dates(pair, vectors, series)
    if WHY:
        _why(pair, da, db, vectors)
    ours = [ln for ln in links if ln.a.key == (0, fa.index, "d", ia) and ln.b.key == (1, fb.index, "d", ib)]
    if not ours:
        rule = [(same_event(da, d, pair), j) for j, d in enumerate(pair.b.dates)]
        rule = [r for r in rule if r[0] > 0]
        if rule:
            best = max(rule)[1]
            if best != ib:
                return "rules tie the first date to another date"
            if _both_hold(pair, da, db, series):
                return "rules tie them: both hold" + _as_series(fa, da, fb, db, series)
            return "rules tie them: not sure"
        probs = [
            (_probability(event_features(da, d, pair, vectors)), j) for j, d in _partners(da, pair.b.dates)
        ]
        prob, best = max(probs)
        if best != ib:
            return "fitted: first date's best match is another date"
        if prob < LINK:
            return "fitted: probability below LINK"
        if _both_hold(pair, da, db, series):
            return "fitted: both hold" + _as_series(fa, da, fb, db, series)
        return "fitted: act test"
    link = ours[0]
    if link.confidence < CONFIDENT:
        return "below STATE (listed to check)"
    kept = mutual_best(ln for p in pairs for ln in compare_dates(p, vectors, series))
    if not any(ln.a.key == link.a.key and ln.b.key == link.b.key for ln in kept):
        return "dropped by mutual_best"
    final = all_links([x, changed], facts, pairs, parser(nlp), vectors)
    if not any(ln.a.key == link.a.key and ln.b.key == link.b.key for ln in final):
        return "dropped by a later link filter"
    return "stated link not in the report (grouping, report filters)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--half", choices=HALVES, default="tune")
    ap.add_argument("--list", action="store_true", help="print each plant and its stage")
    ap.add_argument("--why", action="store_true", help="print each plant's dated acts and features")
    opts = ap.parse_args()
    global WHY
    WHY = opts.why
    if not opts.data.is_dir():
        print(f"date_misses: {opts.data}: not found", file=sys.stderr)
        return 2
    nlp, emb = load_nlp(), Embedder()
    judged = judged_date_pairs()
    groups = [g for i, g in enumerate(triplets(opts.data, None)) if HALVES[i % 2] == opts.half]
    arts = {a.article.path: a for a in annotate_many([read(p) for g in groups for p in g], nlp)}
    stages: Counter[str] = Counter()
    for group in groups:
        for x, y in combinations([arts[str(p)] for p in group], 2):
            done: set[int] = set()
            for pair in judged.get((Path(x.article.path or "").name, Path(y.article.path or "").name), []):
                if not pair["same_event"] or not pair.get("dates_agree", True):
                    continue
                if pair["offset_b"][0] in done:
                    continue
                done.add(pair["offset_b"][0])
                plant = plant_judged_date(y, pair)
                if plant is None:
                    continue
                text, pos = plant
                changed = next(annotate_many([replace(y.article, id=y.id + "-planted", text=text)], nlp))
                stage = trace(x, changed, pair["offset_a"][0], pos, nlp, emb)
                stages[stage] += 1
                if opts.list:
                    print(
                        f"{stage}: {pair['snippet_a']!r} ~ {text[pos : pos + 60]!r} (was {pair['time_b']!r})"
                    )
    for stage, n in stages.most_common():
        print(f"{n:4}  {stage}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
