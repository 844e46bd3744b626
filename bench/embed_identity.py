"""Does a sentence's vector depend on its batch, its thread or the cache that gave it? (issue 19)

Real basil-dev sentences are embedded alone (the reference) and then beside other sentences: a
copy of itself, another of the same token count (no padding), longer ones (it is padded), shorter
ones, 15 random ones, on two lanes at once, and read back through a library's float16 storage
into another embedder's cache. Prints, per case, the largest absolute difference of a component
and of 1 - cosine from the reference, and how many vectors are bit-identical.

    .venv/bin/python bench/embed_identity.py [--n 60]
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from pathlib import Path

import numpy as np

from storyline.embed import Embedder, Vectors
from storyline.store.codec import vectors_from_bytes, vectors_to_bytes

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "basil-dev"


def sentences(count: int) -> list[str]:
    """``count`` sentences of five words or more, drawn (seeded) from the first 20 reports."""
    out: list[str] = []
    for path in sorted(DATA.glob("*_*.json"))[:20]:
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        out += [s.strip() for s in text.replace("\n", " ").split(". ") if len(s.split()) > 4]
    return random.Random(0).sample(out, count)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=60)
    args = ap.parse_args()
    texts = sentences(2 * args.n)
    one = Embedder(threads=1)
    enc = one._tokenizer.encode_batch(texts)
    size = [len(e.ids) for e in enc]
    alone = np.vstack([one._run([e]) for e in enc])
    rng = random.Random(1)

    def among(i: int, pick: Callable[[int], bool], k: int) -> Vectors | None:
        others = [j for j in range(len(enc)) if j != i and pick(j)][:k]
        return one._run([enc[i]] + [enc[j] for j in others])[0] if others else None

    cases: dict[str, Callable[[int], Vectors | None]] = {
        "a copy of itself": lambda i: one._run([enc[i], enc[i]])[0],
        "same token count, other text": lambda i: among(i, lambda j: size[j] == size[i], 1),
        "3 longer (padded)": lambda i: among(i, lambda j: size[j] > size[i] + 5, 3),
        "3 shorter": lambda i: among(i, lambda j: size[j] < size[i] - 5, 3),
        "15 random": lambda i: one._run([enc[i]] + [enc[j] for j in rng.sample(range(len(enc)), 15)])[0],
    }
    two = Embedder(threads=2).embed(texts, batch_size=4)
    cache = Embedder(threads=2)
    for t, v in zip(texts, vectors_from_bytes(vectors_to_bytes(alone)), strict=True):
        cache.remember(t, v)
    cached = cache.embed(texts)
    print(f"{'beside':32} {'n':>3} {'max |dv|':>9} {'max 1-cos':>9} {'identical':>9}")
    rows = {name: [fn(i) for i in range(args.n)] for name, fn in cases.items()}
    rows["two lanes, batches of 4"] = list(two[: args.n])
    rows["library storage, then cache"] = list(cached[: args.n])
    for name, got in rows.items():
        pairs = [(alone[i], g) for i, g in enumerate(got) if g is not None]
        diff = max(float(np.abs(a - g).max()) for a, g in pairs)
        cos = max(1.0 - float(a @ g) / float(np.linalg.norm(a) * np.linalg.norm(g)) for a, g in pairs)
        same = sum(np.array_equal(a, g) for a, g in pairs)
        print(f"{name:32} {len(pairs):3d} {diff:9.2e} {cos:9.2e} {same:9d}")


if __name__ == "__main__":
    main()
