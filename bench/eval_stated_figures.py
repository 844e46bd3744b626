#!/usr/bin/env python3
"""How the cross-check decides the hand-judged figure pairs: stated, to check, agreed or nothing,
against the judgment (one fact or two), per part.

The pairs are those ``bench/fit_same_figure.py`` fits on (``bench/natural/number-pairs.jsonl``,
basil-dev's tuning half, and ``number-pairs-more.jsonl``, gva-dev and ecbplus-dev with their
tuning and check parts). A stated conflict is one ``measures._measure_link`` gives at or above
``report.CONFIDENT`` with proof of one fact (``one_fact_shown``) that ``_also_told`` keeps, as
``compare_measures`` and ``report.stated`` decide. The figure a
reader needs is the precision of the stated ones: a pair judged two facts and stated is a wrong
conflict on real reports.

    .venv/bin/python bench/eval_stated_figures.py [--verbose] [--cache FILE]

``--cache`` keeps the annotated reports (a pickle) so a change of the cross-check alone is
measured again in seconds; delete it after a change of the annotation.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import fit_same_figure as fsf
from storyline.crosscheck.candidates import candidate_pairs, sentence_vectors
from storyline.crosscheck.facts import sentence_facts
from storyline.crosscheck.measures import _also_told, _measure_link, one_fact_shown
from storyline.crosscheck.report import CONFIDENT
from storyline.crosscheck.same_figure import phrase_vectors, sexes_named
from storyline.embed import Embedder

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def annotated(judged: list[dict[str, Any]], cache: Path | None) -> dict[tuple[str, str], Any]:
    """Every report holding a judged figure, annotated, by (set, file name)."""
    if cache is not None and cache.exists():
        return dict(pickle.loads(cache.read_bytes()))
    from storyline.annotation import annotate_many, load_nlp
    from storyline.reading import read

    nlp, anns = load_nlp(), {}
    for name in sorted({j["set"] for j in judged}):
        files = {k.split("@")[0] for j in judged if j["set"] == name for k in j["key"].split("|")}
        for a in annotate_many([read(DATA / name / f) for f in sorted(files)], nlp):
            anns[(name, Path(a.article.path or "").name)] = a
    if cache is not None:
        cache.write_bytes(pickle.dumps(anns))
    return anns


def decisions(
    judged: list[dict[str, Any]], anns: dict[tuple[str, str], Any]
) -> list[tuple[dict[str, Any], str]]:
    """Each judged pair the cross-check weighs, with what it decides: STATED, check, agree, none."""
    embedder = Embedder()
    by_pair: dict[tuple[str, str, str], dict[str, dict[str, Any]]] = {}
    for j in judged:
        ka, kb = j["key"].split("|")
        by_pair.setdefault((j["set"], ka.split("@")[0], kb.split("@")[0]), {})[j["key"]] = j
    out = []
    for (name, fa, fb), want in by_pair.items():
        facts = [f for i, a in enumerate((anns[(name, fa)], anns[(name, fb)])) for f in sentence_facts(a, i)]
        vectors = phrase_vectors(facts, embedder)
        for p in candidate_pairs(facts, sentence_vectors(facts, embedder)):
            for ma in p.a.measures:
                for mb in p.b.measures:
                    row = want.pop(fsf._key(fa, ma, fb, mb), None)
                    if row is None:
                        continue
                    verdict = _measure_link(p, ma, mb, vectors)
                    listed = verdict is not None and not (
                        verdict[0]
                        and (
                            _also_told(ma, p.b.measures, sexes_named(p.a.text))
                            or _also_told(mb, p.a.measures, sexes_named(p.b.text))
                        )
                    )
                    if not listed or verdict is None:
                        kind = "none"
                    elif not verdict[0]:
                        kind = "agree"
                    else:
                        sure = verdict[1] >= CONFIDENT and one_fact_shown(p, ma, mb, vectors)
                        kind = "STATED" if sure else "check"
                    out.append((row, kind))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="print every stated pair")
    ap.add_argument("--cache", type=Path, default=None, help="keep the annotated reports in this file")
    opts = ap.parse_args()
    if not DATA.exists():
        print("eval_stated_figures: ../shared/data not found", file=sys.stderr)
        return 2
    judged = fsf._judged()
    rows = decisions(judged, annotated(judged, opts.cache))
    tally = Counter((j.get("half", "tune"), kind, bool(j["same_fact"])) for j, kind in rows)
    for part in ("tune", "check"):
        right, wrong = tally[(part, "STATED", True)], tally[(part, "STATED", False)]
        listed = tally[(part, "check", True)], tally[(part, "check", False)]
        print(
            f"== {part}: stated right {right} / wrong {wrong}, to check right {listed[0]} / wrong {listed[1]}"
        )
    if opts.verbose:
        for j, kind in rows:
            if kind == "STATED":
                verdict = "one fact" if j["same_fact"] else "TWO FACTS"
                sides = f"{j['text_a']} | {j['text_b']}  # {j['snippet_a']} || {j['snippet_b']}"
                print(f"  {j.get('half', 'tune')} {j['set']} {verdict}: {sides}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
