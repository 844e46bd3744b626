"""Library scale: file N generated articles and show that the cost per article stays flat.

Articles are made by recombining real paragraphs of ../shared/data (BASIL and ECB+) with names
and numbers varied, so they are neither identical nor trivially grouped.
FAST PATH (stated in the output): no spaCy annotation and no per-article embedding; a generated
article's document vector is the mean of its paragraphs' vectors, embedded once per real paragraph.
MinHash, terms, candidate search, grouping and the SQLite transaction per article are the real code.

Dates follow a news stream: ``--per-day`` articles arrive a day (1,000 by default), each published
up to three days before it arrives (exponential, mean half a day); 3% are undated. The first
version drew dates uniformly over two years whatever N, which is no stream: 100,000 articles
gave 140 a day and 10,000 gave 14, so no time window could show. At the end ``--old`` articles
dated back 40-90% of the stream's span are filed, the case where the grouper reads an evicted
window back from the database; their mean cost is printed apart.

    .venv/bin/python bench/bench_library_scale.py [--n 100000] [--db /tmp/scale.db] [--per-day 1000]

``--db`` also takes a PostgreSQL URL (``scripts/pg-start`` prints one): the same filing, through
psycopg; its size is PostgreSQL's own count for the database. pg-start's throwaway server runs
with fsync off, so a durable server adds the disk's commit latency to the wall time, not the CPU.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sqlite3
import tempfile
import time
from pathlib import Path

from storyline.embed import Embedder
from storyline.model import AnnotatedArticle, Article, content_id
from storyline.store import Library
from storyline.store.filing import Prepared
from storyline.stories.copies import published_key
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


START = 18_000 * 86_400  # 2019-04-14, the stream's first day
UNDATED = 0.03


def generate(
    i: int, rng: random.Random, paras: list[str], per_day: int, back_days: float = 0.0
) -> tuple[Article, list[int]]:
    picks = rng.sample(range(len(paras)), rng.randint(4, 9))
    names = {}

    def name(m: re.Match[str]) -> str:
        return names.setdefault(m.group(), f"{rng.choice(FIRST)} {rng.choice(LAST)}{rng.randint(1, 999)}")

    text = "\n\n".join(
        NUMBER.sub(lambda _: str(rng.randint(2, 9999)), NAME.sub(name, paras[p])) for p in picks
    )
    arrives = START + i / per_day * 86_400
    delay = min(rng.expovariate(2.0), 3.0) + back_days
    published = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(arrives - delay * 86_400))
    if not back_days and rng.random() < UNDATED:
        published = None
    title = " ".join(text.split()[:10])
    return Article(
        id=content_id(title, text),
        text=text,
        title=title,
        source=f"outlet{i % 50}",
        published=published,
        url=f"https://outlet{i % 50}.example/{i}",
    ), picks


def db_megabytes(lib: Library, db: str | Path) -> float:
    """The library's size on disk: SQLite's files (the WAL included) or PostgreSQL's database."""
    if isinstance(db, Path):
        return sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6
    from sqlalchemy import text

    with lib.engine.connect() as conn:
        return float(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()) / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--db", default=None, help="a SQLite file or a postgresql:// URL")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--paragraphs", type=int, default=2000, help="real paragraphs in the pool")
    ap.add_argument("--per-day", type=int, default=1000, help="articles arriving a day")
    ap.add_argument("--old", type=int, default=20, help="articles dated months back, filed at the end")
    ap.add_argument(
        "--copies",
        type=Path,
        default=None,
        help="folder: a copy of the library at each tenth (open it later)",
    )
    args = ap.parse_args()
    paras = paragraphs(args.data)
    paras = random.Random(1).sample(paras, min(args.paragraphs, len(paras)))
    vecs = Embedder().embed([" ".join(p.split()[:60]) for p in paras])
    db: str | Path = Path(args.db or Path(tempfile.mkdtemp()) / "scale.db")
    if args.db and "://" in args.db:
        db = args.db
    rng = random.Random(0)
    block = max(1, args.n // 10)  # a row per tenth; the figures to quote are at 10%, 50% and 100%
    print(f"fast path: no annotation, paragraph vectors embedded once ({len(paras)} paragraphs); db {db}")
    print(f"stream: {args.per_day} articles a day, {UNDATED:.0%} undated")
    # Wall time swings with other work on a shared machine; the process's CPU time per article is
    # the figure to compare across blocks. "in memory": signatures the grouper holds.
    print(
        f"{'filed':>8} {'wall s/10k':>11} {'CPU s/10k':>10} {'CPU vs first':>13} {'peak RSS MB':>12} "
        f"{'db MB':>7} {'in memory':>10}"
    )
    first_cpu = None

    def item(i: int, back_days: float = 0.0) -> Prepared:
        art, picks = generate(i, rng, paras, args.per_day, back_days)
        sig = signature(art, vecs[picks].mean(axis=0), published_key(art.published))
        return Prepared(AnnotatedArticle(article=art), sig)

    with Library(db) as lib:
        t0, c0 = time.perf_counter(), time.process_time()
        for i in range(1, args.n + 1):
            lib.file(item(i))
            if i % block == 0:
                wall = (time.perf_counter() - t0) / block * 10_000
                cpu = (time.process_time() - c0) / block * 10_000
                first_cpu = first_cpu or cpu
                size = db_megabytes(lib, db)
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                ratio = cpu / first_cpu
                held = len(lib._grouper.sigs) if lib._grouper else 0
                print(
                    f"{i:>8} {wall:>11.1f} {cpu:>10.1f} {ratio:>13.2f} {rss:>12.0f} {size:>7.1f} {held:>10}",
                    flush=True,
                )
                # outside the timed block: SQLite's backup of the closed transactions
                if args.copies and isinstance(db, Path):
                    args.copies.mkdir(parents=True, exist_ok=True)
                    with sqlite3.connect(db) as src, sqlite3.connect(args.copies / f"scale-{i}.db") as dst:
                        src.backup(dst)
                t0, c0 = time.perf_counter(), time.process_time()
        span = args.n / args.per_day  # days the stream has run
        if args.old:
            c0 = time.process_time()
            for j in range(args.old):
                lib.file(item(args.n + 1 + j, back_days=rng.uniform(0.4, 0.9) * span))
            each = (time.process_time() - c0) / args.old
            held = len(lib._grouper.sigs) if lib._grouper else 0
            print(
                f"{args.old} articles dated {0.4 * span:.0f}-{0.9 * span:.0f} days back: {each:.2f} CPU s "
                f"each (the evicted weeks around each read back); {held} signatures in memory after them"
            )


if __name__ == "__main__":
    main()
