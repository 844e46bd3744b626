"""Story grouping quality: B-cubed P/R/F1 on basil-dev and ecbplus-dev beside a TF-IDF baseline.

Files are copied under neutral names in shuffled order (nothing leaks from names or order), read
through storyline.reading, grouped with storyline.stories.group_articles, and scored against
labels.json. ECB+ is scored at event level and at topic level (stories must never mix topics).

    .venv/bin/python bench/bench_stories.py [--data ../shared/data] [--seed 0]
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


def neutral_copy(folder: Path, seed: int, dest: Path) -> dict[str, object]:
    """Copy the labelled files under shuffled neutral names; return neutral name → label."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    names = sorted(labels)
    random.Random(seed).shuffle(names)
    out: dict[str, object] = {}
    for i, name in enumerate(names):
        neutral = f"doc{i:04d}{Path(name).suffix}"
        shutil.copyfile(folder / name, dest / neutral)
        out[neutral] = labels[name]
    return out


def measure(folder: Path, seed: int, embedder: Embedder) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        labels = neutral_copy(folder, seed, Path(tmp))
        paths = [str(Path(tmp) / n) for n in labels]  # shuffled order
        arts = [a for a in iter_inputs(paths) if not isinstance(a, Exception)]
        t0 = time.perf_counter()
        stories = group_articles(arts, embedder=embedder)
        took = time.perf_counter() - t0
    story_of = {a.id: s.id for s in stories for a in s.articles}
    names = [Path(a.path or "").name for a in arts]
    pred = [story_of[a.id] for a in arts]
    base = tfidf_baseline([f"{a.title or ''}\n{a.text}" for a in arts])
    event = [lab["event"] if isinstance(lab, dict) else lab for lab in (labels[n] for n in names)]
    topic = [lab["topic"] if isinstance(lab, dict) else lab for lab in (labels[n] for n in names)]
    return {
        "n": len(arts),
        "stories": len(stories),
        "seconds": took,
        "ours": bcubed(pred, event),
        "base": bcubed(base, event),
        "ours_topic": bcubed(pred, topic),
        "base_topic": bcubed(base, topic),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    embedder = Embedder()
    print(
        f"{'data set':<14}{'level':<7}{'docs':>5}{'groups':>7}  {'P':>5} {'R':>5} {'F1':>5}"
        f"   {'TF-IDF P':>8} {'R':>5} {'F1':>5}  {'F1 ratio':>8}  {'s':>5}"
    )
    for name in ("basil-dev", "ecbplus-dev"):
        r = measure(args.data / name, args.seed, embedder)
        levels = [("event", r["ours"], r["base"])]
        if name.startswith("ecb"):
            levels.append(("topic", r["ours_topic"], r["base_topic"]))
        for level, ours, base in levels:
            assert isinstance(ours, tuple) and isinstance(base, tuple)
            print(
                f"{name:<14}{level:<7}{r['n']:>5}{r['stories']:>7}  {ours[0]:5.3f} {ours[1]:5.3f} "
                f"{ours[2]:5.3f}   {base[0]:8.3f} {base[1]:5.3f} {base[2]:5.3f}  "
                f"{ours[2] / max(base[2], 1e-9):8.2f}  {r['seconds']:5.1f}"
            )


if __name__ == "__main__":
    main()
