"""Story grouping quality: B-cubed P/R/F1 on basil-dev, ecbplus-dev and gva-dev beside a TF-IDF baseline.

Files are copied under neutral names in shuffled order (nothing leaks from names or order), read
through storyline.reading, grouped with storyline.stories.group_articles, and scored against
labels.json. ECB+ is scored at event level and at topic level (stories must never mix topics).
gva-dev (local reports of look-alike shootings, follow-ups weeks later) is split by incident,
seeded, into a ``tune`` half (look at its errors while changing code) and a ``check`` half (only
its figure), each grouped on its own; ``all`` groups the whole set. ``groups`` beside ``gold``
says how many stories were made for how many incidents.

    .venv/bin/python bench/bench_stories.py [--data ../shared/data] [--seed 0] [--errors tune]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import tempfile
import time
from pathlib import Path

from storyline.embed import Embedder
from storyline.reading import iter_inputs
from storyline.stories import group_articles
from storyline.stories.evaluate import bcubed, tfidf_baseline

ROOT = Path(__file__).resolve().parent.parent


SPLIT_SEED = 16  # the gva-dev tune/check split: fixed, whatever --seed shuffles


def gva_halves(folder: Path) -> dict[str, set[str]]:
    """gva-dev's incidents split in two halves, seeded: ``tune`` and ``check``."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    incidents = sorted(set(labels.values()))
    random.Random(SPLIT_SEED).shuffle(incidents)
    tune = set(incidents[: len(incidents) // 2])
    return {"tune": tune, "check": set(incidents) - tune, "all": set(incidents)}


def neutral_copy(
    folder: Path, seed: int, dest: Path, keep: set[str] | None = None
) -> dict[str, object]:
    """Copy the labelled files (those whose label is in ``keep``, when given) under shuffled
    neutral names; return neutral name → label."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    names = sorted(n for n in labels if keep is None or labels[n] in keep)
    random.Random(seed).shuffle(names)
    out: dict[str, object] = {}
    for i, name in enumerate(names):
        neutral = f"doc{i:04d}{Path(name).suffix}"
        shutil.copyfile(folder / name, dest / neutral)
        out[neutral] = labels[name]
    return out


def measure(
    folder: Path, seed: int, embedder: Embedder, keep: set[str] | None = None, errors: bool = False
) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        labels = neutral_copy(folder, seed, Path(tmp), keep)
        paths = [str(Path(tmp) / n) for n in labels]  # shuffled order
        arts = [a for a in iter_inputs(paths) if not isinstance(a, Exception)]
        t0 = time.perf_counter()
        stories = group_articles(arts, embedder=embedder)
        took = time.perf_counter() - t0
    story_of = {a.id: s.id for s in stories for a in s.articles}
    names = [Path(a.path or "").name for a in arts]
    pred = [story_of[a.id] for a in arts]
    if errors:
        show_errors(arts, pred, [labels[n] for n in names])
    base = tfidf_baseline([f"{a.title or ''}\n{a.text}" for a in arts])
    event = [lab["event"] if isinstance(lab, dict) else lab for lab in (labels[n] for n in names)]
    topic = [lab["topic"] if isinstance(lab, dict) else lab for lab in (labels[n] for n in names)]
    return {
        "n": len(arts),
        "stories": len(stories),
        "gold": len(set(map(str, event))),
        "gold_topic": len(set(map(str, topic))),
        "seconds": took,
        "ours": bcubed(pred, event),
        "base": bcubed(base, event),
        "ours_topic": bcubed(pred, topic),
        "base_topic": bcubed(base, topic),
    }


def show_errors(arts: list, pred: list[str], gold: list[object]) -> None:
    """Print the split incidents and the mixed stories (for the tune half only)."""
    by_gold: dict[str, list[int]] = {}
    by_pred: dict[str, list[int]] = {}
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        by_gold.setdefault(str(g), []).append(i)
        by_pred.setdefault(p, []).append(i)

    def line(i: int) -> str:
        a = arts[i]
        return f"    {pred[i][:8]} {gold[i]} {(a.published or '')[:10]} {a.source} | {(a.title or '')[:70]}"

    for g, items in sorted(by_gold.items()):
        if len({pred[i] for i in items}) > 1:
            print(f"SPLIT {g}")
            print("\n".join(line(i) for i in sorted(items, key=lambda i: arts[i].published or "")))
    for p, items in sorted(by_pred.items()):
        if len({str(gold[i]) for i in items}) > 1:
            print(f"MIXED {p[:8]}")
            print("\n".join(line(i) for i in items))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--errors", choices=["tune"], help="list gva-dev tune-half errors")
    ap.add_argument("--only", help="measure only rows whose data set name contains this")
    args = ap.parse_args()
    embedder = Embedder()
    print(
        f"{'data set':<14}{'level':<7}{'docs':>5}{'groups':>7}{'gold':>5}  {'P':>5} {'R':>5} {'F1':>5}"
        f"   {'TF-IDF P':>8} {'R':>5} {'F1':>5}  {'F1 ratio':>8}  {'s':>5}"
    )
    runs: list[tuple[str, Path, set[str] | None]] = [
        ("basil-dev", args.data / "basil-dev", None),
        ("ecbplus-dev", args.data / "ecbplus-dev", None),
    ]
    gva = args.data / "gva-dev"
    if (gva / "labels.json").exists():
        runs += [(f"gva-{half}", gva, keep) for half, keep in gva_halves(gva).items()]
    for name, folder, keep in runs:
        if args.only and args.only not in name:
            continue
        r = measure(folder, args.seed, embedder, keep, errors=args.errors == "tune" and name == "gva-tune")
        levels = [("event", r["ours"], r["base"], r["gold"])]
        if name.startswith("ecb"):
            levels.append(("topic", r["ours_topic"], r["base_topic"], r["gold_topic"]))
        for level, ours, base, gold in levels:
            assert isinstance(ours, tuple) and isinstance(base, tuple)
            print(
                f"{name:<14}{level:<7}{r['n']:>5}{r['stories']:>7}{gold:>5}  {ours[0]:5.3f} {ours[1]:5.3f} "
                f"{ours[2]:5.3f}   {base[0]:8.3f} {base[1]:5.3f} {base[2]:5.3f}  "
                f"{ours[2] / max(base[2], 1e-9):8.2f}  {r['seconds']:5.1f}"
            )


if __name__ == "__main__":
    main()
