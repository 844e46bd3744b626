"""Library scale: file N generated articles and show that the cost per article stays flat.

Articles are made by recombining real paragraphs of ../shared/data (BASIL and ECB+) with names,
numbers and publication dates varied, so they are neither identical nor trivially grouped.
FAST PATH (stated in the output): no spaCy annotation and no per-article embedding; a generated
article's document vector is the mean of its paragraphs' vectors, embedded once per real paragraph.
MinHash, terms, candidate search, grouping and the SQLite transaction per article are the real code.

    .venv/bin/python bench/bench_library_scale.py [--n 100000] [--db /tmp/scale.db]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import tempfile
import time
from pathlib import Path

from storyline.embed import Embedder
from storyline.model import AnnotatedArticle, Article, content_id
from storyline.store import Library
from storyline.store.filing import Prepared
from storyline.stories.signatures import signature

ROOT = Path(__file__).resolve().parent.parent
NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")
NUMBER = re.compile(r"\b\d+\b")
FIRST = ["Ana", "Omar", "Li", "Sara", "Jon", "Maya", "Ivan", "Noor", "Paul", "Zoe"]
LAST = ["Khan", "Silva", "Okafor", "Berg", "Novak", "Reyes", "Tanaka", "Moreau", "Haddad", "Olsen"]


def paragraphs(data: Path) -> list[str]:
    out = []
    for f in sorted((data / "basil-dev").glob("*-*_*.json")):
        out += json.loads(f.read_text(encoding="utf-8"))["text"].split("\n\n")
    for f in sorted((data / "ecbplus-dev").glob("*.txt")):
        out += f.read_text(encoding="utf-8").split("\n")
    return [p.strip() for p in out if len(p.split()) >= 12]


def generate(i: int, rng: random.Random, paras: list[str]) -> tuple[Article, list[int]]:
    picks = rng.sample(range(len(paras)), rng.randint(4, 9))
    names = {}

    def name(m: re.Match[str]) -> str:
        return names.setdefault(m.group(), f"{rng.choice(FIRST)} {rng.choice(LAST)}{rng.randint(1, 999)}")

    text = "\n\n".join(
        NUMBER.sub(lambda _: str(rng.randint(2, 9999)), NAME.sub(name, paras[p])) for p in picks
    )
    day = 18_000 + rng.randint(0, 730)
    published = time.strftime("%Y-%m-%d", time.gmtime(day * 86_400))
    title = " ".join(text.split()[:10])
    return Article(
        id=content_id(title, text),
        text=text,
        title=title,
        source=f"outlet{i % 50}",
        published=published,
        url=f"https://outlet{i % 50}.example/{i}",
    ), picks


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--paragraphs", type=int, default=2000, help="real paragraphs in the pool")
    args = ap.parse_args()
    paras = paragraphs(args.data)
    paras = random.Random(1).sample(paras, min(args.paragraphs, len(paras)))
    vecs = Embedder().embed([" ".join(p.split()[:60]) for p in paras])
    db = args.db or Path(tempfile.mkdtemp()) / "scale.db"
    rng = random.Random(0)
    block = max(1, args.n // 10)
    marks = {block, 5 * block, 10 * block}
    print(f"fast path: no annotation, paragraph vectors embedded once ({len(paras)} paragraphs); db {db}")
    # Wall time swings with other work on a shared machine; the process's CPU time per article is
    # the figure to compare across blocks.
    print(
        f"{'filed':>8} {'wall s/10k':>11} {'CPU s/10k':>10} {'CPU vs first':>13} {'peak RSS MB':>12} "
        f"{'db MB':>7}"
    )
    first_cpu = None
    with Library(db) as lib:
        t0, c0 = time.perf_counter(), time.process_time()
        for i in range(1, args.n + 1):
            art, picks = generate(i, rng, paras)
            when = time.mktime(time.strptime(art.published or "", "%Y-%m-%d"))
            lib.file(
                Prepared(AnnotatedArticle(article=art), signature(art, vecs[picks].mean(axis=0), when), None)
            )
            if i % block == 0:
                wall = (time.perf_counter() - t0) / block * 10_000
                cpu = (time.process_time() - c0) / block * 10_000
                first_cpu = first_cpu or cpu
                t0, c0 = time.perf_counter(), time.process_time()
                if i in marks:
                    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6
                    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                    ratio = cpu / first_cpu
                    print(
                        f"{i:>8} {wall:>11.1f} {cpu:>10.1f} {ratio:>13.2f} {rss:>12.0f} {size:>7.1f}",
                        flush=True,
                    )


if __name__ == "__main__":
    main()
