"""Saved window against rebuilt window: the same stories when a library is reopened mid-way.

The dev sets' articles are filed in two batches (a seeded split by article), the library closed
and reopened between them: once reopened from the grouping window it saved on close
(``store/snapshot.py``), once with the snapshot deleted so the window is rebuilt from the rows,
as every open did before schema 8. The story of every article must be the same.

    .venv/bin/python bench/eval_saved_window.py [--data ../shared/data] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

from sqlalchemy import text

from storyline.annotation import load_nlp
from storyline.embed import Embedder
from storyline.reading import read
from storyline.store import Library
from storyline.store.prepare import prepare_many

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--sets", nargs="+", default=["basil-dev", "gva-dev"])
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    paths = [p for s in args.sets for p in sorted((args.data / s).glob("*_[0-9].json"))]
    prepared = list(prepare_many([read(p) for p in paths], nlp=load_nlp(), embedder=Embedder()))
    random.Random(args.seed).shuffle(prepared)
    half = len(prepared) // 2
    placed: dict[str, dict[str, str]] = {}
    folder = Path(tempfile.mkdtemp())
    for mode in ("saved", "rebuilt"):
        db = folder / f"{mode}.db"
        with Library(db) as lib:
            for item in prepared[:half]:
                lib.file(item)
        if mode == "rebuilt":
            with Library(db) as lib, lib.engine.begin() as conn:
                conn.execute(text("DELETE FROM grouper_snapshot"))
        with Library(db) as lib:
            lib._load_grouper()
            assert (lib._saved is not None) == (mode == "saved"), "the window did not open as asked"
            for item in prepared[half:]:
                lib.file(item)
            placed[mode] = {d["id"]: d["story"] for d in lib.export()}
    same = sum(placed["saved"][a] == placed["rebuilt"][a] for a in placed["rebuilt"])
    # story ids are content ids of each story's first article: equal ids mean equal membership
    print(
        f"{len(prepared)} articles of {', '.join(args.sets)} in two batches of {half} and"
        f" {len(prepared) - half} (seed {args.seed}); {len(set(placed['rebuilt'].values()))} stories rebuilt,"
        f" {len(set(placed['saved'].values()))} saved; same story for {same} of {len(placed['rebuilt'])}"
    )


if __name__ == "__main__":
    main()
