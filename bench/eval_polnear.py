#!/usr/bin/env python3
"""Quote speakers on PolNeAR dev, scored per half: a tuning half and a held-out half.

    .venv/bin/python bench/eval_polnear.py [--data ../shared/data/polnear-dev] [--half tune|held|both]
        [--verbose] [--official CLI]

The articles (sorted by file name) are shuffled with ``random.Random(15)`` and cut in two: the
first half is the one rules are tuned on, the second is held out. The metric is the one of
``../shared/tools/score-polnear``, imported from it (``cover``, ``hit``, ``baseline_guesses``), so
coverage, accuracy and the nearest-name baselines are the same figures; the articles are read and
annotated in this process (one model load) instead of one CLI run per article. With ``--official
CLI`` it writes each half as its own data folder (links to the articles plus that half's gold) and
runs score-polnear itself on it, for the figure to report. ``either`` (in-process only, never
folded into the accuracy) counts a covered quotation right when the gold key is in the speaker or in
the affiliation the article states for them: PolNeAR's source is at times the party or body ('Republican'
for "the Florida senator", 'Google' for its officer Laszlo Bock).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from shared_tools import load_script

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score-polnear"
SEED = 15


def scorer() -> ModuleType:
    return load_script(SCORER, "score_polnear")


def halves(files: list[str]) -> dict[str, list[str]]:
    """The seeded split by article: ``tune`` (looked at) and ``held`` (never looked at)."""
    order = sorted(files)
    random.Random(SEED).shuffle(order)
    cut = len(order) // 2
    return {"tune": sorted(order[:cut]), "held": sorted(order[cut:])}


def annotate_files(folder: Path, files: list[str]) -> dict[str, Any]:
    from storyline.annotation.pipeline import annotate_many, load_nlp
    from storyline.errors import UnreadableInput
    from storyline.reading import iter_inputs

    arts = [a for a in iter_inputs([str(folder / f) for f in files]) if not isinstance(a, UnreadableInput)]
    nlp = load_nlp()
    return {Path(a.path or "").name: ann for a, ann in zip(arts, annotate_many(arts, nlp), strict=True)}


def score(sp: ModuleType, folder: Path, gold: list[dict[str, Any]], files: list[str], verbose: bool) -> str:
    anns = annotate_files(folder, files)
    n = cov = ok = prev = near = either = 0
    for g in gold:
        if g["file"] not in files:
            continue
        n += 1
        in_text = json.loads((folder / g["file"]).read_text(encoding="utf-8"))["text"]
        p, nr = sp.baseline_guesses(in_text, g, {})
        prev += sp.hit(g["key"], p)
        near += sp.hit(g["key"], nr)
        ann = anns.get(g["file"])
        quotes = [q.to_dict() for q in ann.quotes] if ann else []
        q = sp.cover(g, quotes, in_text, ann.article.text if ann else None)
        right = q is not None and sp.hit(g["key"], q.get("speaker"))
        cov += q is not None
        ok += right
        either += right or (q is not None and sp.hit(g["key"], q.get("affiliation")))
        if verbose and not right:
            got = "NOT COVERED" if q is None else repr(q.get("speaker"))
            aff = q.get("affiliation") if q else None
            print(f"  {g['file'][:40]} key={g['key']!r} got={got} ({aff!r}) near={nr!r}")
            print(f"     {g['txt'][:110]!r}")
    acc = ok / cov if cov else 0.0
    return (
        f"articles={len(files)} spans={n} accuracy={acc:.3f} coverage={cov / n:.3f} "
        f"baseline_prev={prev / n:.3f} baseline_near={near / n:.3f} "
        f"either={either / cov if cov else 0.0:.3f}"
    )


def official(cli: str, folder: Path, gold: list[dict[str, Any]], files: list[str]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            (Path(tmp) / f).symlink_to(folder / f)
        (Path(tmp) / "gold.json").write_text(json.dumps([g for g in gold if g["file"] in files]))
        out = subprocess.run(
            [str(SCORER), "--storyline", cli, "--data", tmp, "--jobs", "1"], capture_output=True, text=True
        ).stdout
    return out.strip().splitlines()[-1] if out.strip() else "(no output)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "polnear-dev")
    ap.add_argument("--half", choices=("tune", "held", "both"), default="tune")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--official", metavar="CLI", help="run score-polnear with this CLI on each half")
    args = ap.parse_args()
    if not (args.data / "gold.json").is_file():
        sys.exit(f"eval_polnear: no gold.json in {args.data}")
    gold = json.loads((args.data / "gold.json").read_text(encoding="utf-8"))
    split = halves(sorted({g["file"] for g in gold}))
    sp = scorer()
    for name in ("tune", "held") if args.half == "both" else (args.half,):
        if args.official:
            print(f"{name}: {official(args.official, args.data, gold, split[name])}")
        else:
            print(f"{name}: {score(sp, args.data, gold, split[name], args.verbose)}")


if __name__ == "__main__":
    main()
