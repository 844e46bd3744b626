"""Opening a library: seconds to open it and load the grouper that ``add`` files with.

Opening a schema-2 library the first time migrates it (the document frequencies are counted once);
run twice to see a later open (since schema 8 the first open of a library without a saved window
rebuilds it and saves it on close; later opens read it back). To compare with older code, run on a
copy of the database with that code's ``src`` first on ``PYTHONPATH``.

    .venv/bin/python bench/bench_library_open.py /tmp/open20k-300.db

``--build N`` first grows the library to N articles fast, without annotating, then measures the
first open (window rebuilt), ``--opens`` later opens (window read back) and the CLI's ``list`` and
``show`` of a story, each in a process of its own (wall and CPU seconds):

    storyline add ../shared/data/basil-dev --db /tmp/big.db      # the seed: filed normally
    .venv/bin/python bench/bench_library_open.py /tmp/big.db --build 10000
    .venv/bin/python bench/bench_library_open.py /tmp/big.db --build 100000   # grows it on

``--window-only`` (with ``--build N``) stores, in minutes, only what later opens read: the term
counts of N articles and the saved window ``--build`` and a first open would leave (the replicas'
rows are not written, so ``list`` and ``show`` are not measured); then ``--opens`` opens:

    .venv/bin/python bench/bench_library_open.py /tmp/big.db --build 100000 --window-only

REPLICATED ROWS. The articles the library held before the first ``--build`` are the seed. Each
further article is a seed row written again, in rounds (round r holds every seed row once, in seq
order), through the store's own row writer (``filing.write_row``, what ``add`` writes after
placing an article), the term counts (``filing.count_terms``) and the story counts
(``filing.count_in``). A copy keeps the seed's annotation, its terms, most of its MinHash and its
anchors. It gets a new id, the title marked ``[replica r]`` (so a new content hash), the URL marked
too, a date from a stream of ``--per-day`` articles a day that starts after the newest seed, the
seed's vector with Gaussian noise (``--noise`` per dimension, renormalised: cosine ~0.9 to its
seed, so the HNSW graph is not built over thousands of equal points), ``--lanes`` of its 128
MinHash values drawn anew (24: Jaccard ~0.81 to its seed, and 93% of its 9 LSH band keys its own,
as distinct texts' are), ``--terms`` words of its own (7: the new words per article of a real
stream at 20-30k, docs/scale.md, so the vocabulary grows as a real one does, a little faster),
and the story of round r of its seed's story (the seed's grouping and wire copies, repeated per
round). Rounds are not placed by the grouper: filing 100,000 articles through ``add`` takes hours here.
Before writing a copy the builder makes the reads ``filing.file_one`` makes (a stored row of the
same text or id, a current row of the URL), and it prints, for every ``--slice`` articles, the CPU
ms per article of its own process and, for a PostgreSQL server on this machine, of the server
(/proc), with the wall time and the load: the database's share of filing as the tables grow.

What it measures truly: the rows an open reads (the ~28-day window: ``--per-day`` times 28 rows
held, as in a real stream), the HNSW graph, MinHash buckets and signatures of that window, the
saved window's size and its read-back, ``list`` and ``show`` over that many rows and stories.
What it does not: the words of real texts (the common ones are the seed's, the rare ones made
up), story sizes of a real stream, and the grouper's share of filing (placing an article:
``bench_library_scale.py``). The replicated stories are
owed their cross-check, so ``show`` of one computes it (the seed's stories have theirs stored).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
from sqlalchemy import Engine, delete, func, select, text
from sqlalchemy.engine import Connection

import storyline
from storyline.model import AnnotatedArticle, content_id
from storyline.store import Library, filing, snapshot
from storyline.store.codec import loads_annotated, signature_columns, signature_from_row
from storyline.store.schema import articles, grouper_snapshot, stories
from storyline.stories.group import KEEP_DAYS, UNDATED_KEEP, Grouper, Placement, doc_terms

START = 18_000 * 86_400  # 2019-04-14, the stream's first day (as bench_library_scale.py) ...
DAY = 86_400
MARK = " [replica "
CHUNK = 1000  # rows written in one transaction
SLICE = 10_000  # articles per line of filing cost


def open_once(db: str) -> str:
    """Open the library, load the grouper, close (saving a rebuilt window); one line of figures."""
    t0, wall = time.process_time(), time.time()
    lib = Library(db)
    t1 = time.process_time()
    grouper = lib._load_grouper()
    t2 = time.process_time()
    wall = time.time() - wall
    terms = sum(1 for n in grouper.df.df.values() if n)
    # Since schema 8 the window saved by the last filer is used (``store/snapshot.py``) and a
    # rebuilt one is saved on close; older code has neither.
    how = ""
    if hasattr(lib, "_saved"):
        how = " rebuilt" if lib._saved is None else " from the saved window"
    t3 = time.process_time()
    lib.close()
    t4 = time.process_time()
    return (
        f"{storyline.__file__}: Library() (migration included) {t1 - t0:.2f} s, grouper{how} {t2 - t1:.2f} s,"
        f" open {t2 - t0:.2f} CPU s (wall {wall:.1f} s); {len(grouper.sigs)} signatures"
        f" held of {grouper.df.n} articles, {terms} terms;"
        f" close (saves a rebuilt window) {t4 - t3:.2f} CPU s;"
        f" peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB"
    )


def seed_rows(lib: Library) -> list[Any]:
    """The seed: current rows not written by this builder, in seq order."""
    with lib.engine.connect() as conn:
        rows = conn.execute(
            select(articles)
            .where(articles.c.current, ~articles.c.title.contains(MARK))
            .order_by(articles.c.seq)
        ).all()
    return list(rows)


def stream_start(seeds: list[Any]) -> float:
    """... or the day after the newest seed, so that the window holds the replicas."""
    newest = max((float(r.published_ts) for r in seeds if r.published_ts is not None), default=0.0)
    return max(float(START), (newest // DAY + 1) * DAY)


@dataclasses.dataclass(frozen=True)
class Vary:
    """How far a replica differs from its seed (module docstring)."""

    noise: float = 0.025  # Gaussian noise per vector dimension
    lanes: int = 24  # MinHash values replaced at random
    terms: int = 7  # words no other article has


def replica(
    ann: AnnotatedArticle, row: Any, r: int, ts: float, vary: Vary, rng: np.random.Generator
) -> filing.Prepared:
    """Round ``r``'s copy of a seed row (``ann``, its article decoded), dated ``ts`` (module
    docstring)."""
    art = ann.article
    new = dataclasses.replace(
        art,
        id=content_id(art.id, str(r)),
        title=f"{art.title or ''}{MARK}{r}]",
        url=f"{art.url}#replica-{r}" if art.url else None,
        published=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts)),
    )
    sig = signature_from_row(row)
    vec = sig.vector + rng.normal(0.0, vary.noise, sig.vector.shape).astype(np.float32)
    hashes = np.frombuffer(sig.minhash, dtype=np.uint64).copy()
    lanes = rng.choice(len(hashes), size=min(vary.lanes, len(hashes)), replace=False)
    hashes[lanes] = rng.integers(0, (1 << 32) - 1, size=len(lanes), dtype=np.uint64)  # affine32
    low = min((w for _, w in sig.words), default=1.0)
    rare = tuple((f"{new.id}{j}", low) for j in range(vary.terms))  # a word holds no colon nor @
    sig = dataclasses.replace(
        sig,
        id=new.id,
        published=ts,
        vector=vec / np.linalg.norm(vec),
        minhash=hashes.tobytes(),
        words=sig.words + rare,
    )
    return filing.Prepared(dataclasses.replace(ann, article=new), sig)


def build(db: str, n: int, per_day: int, vary: Vary, slice_: int = SLICE) -> None:
    """Grow the library to ``n`` current articles with replicas of its seed rows, printing the
    filing cost of every ``slice_`` articles, then drop the saved window so the next open
    rebuilds it."""
    rng = np.random.default_rng(19)
    with Library(db) as lib:
        seeds = seed_rows(lib)
        decoded = {row.seq: loads_annotated(row.annotated) for row in seeds}  # decoded once
        with lib.engine.connect() as conn:
            have = int(conn.execute(select(func.count()).where(articles.c.current)).scalar_one())
        server = Server(lib.engine)
        i = have - len(seeds)  # replicas already written
        start = stream_start(seeds)
        print(f"seed {len(seeds)} articles; {i} replicas stored; writing {max(0, n - have)}", flush=True)
        t0, c0 = time.time(), time.process_time()
        mark = (have, time.time(), time.process_time(), server.cpu())
        while have < n:
            with lib.engine.begin() as conn:
                filing.lock(conn)
                plus = []
                for _ in range(min(CHUNK, n - have, slice_ - have % slice_)):
                    r, row = i // len(seeds) + 1, seeds[i % len(seeds)]
                    item = replica(decoded[row.seq], row, r, start + i / per_day * DAY, vary, rng)
                    art, sig = item.annotated.article, item.signature
                    h = filing.content_hash(item.annotated)
                    unseen(conn, h, art.id, art.url)
                    copy_of = content_id(row.copy_of, str(r)) if row.copy_of else None
                    place = Placement(art.id, content_id(row.story_id, str(r)), copy_of, False)
                    filing.write_row(conn, item, place, h)
                    filing.count_in(conn, place.story, art.source, art.published)
                    plus.append(doc_terms(sig.words, sig.names, sig.anchors))
                    i, have = i + 1, have + 1
                filing.count_terms(conn, plus=plus)
            if have % slice_ == 0 or have == n:
                mark = report_slice(mark, have, server)
        with lib.engine.begin() as conn:
            conn.execute(delete(grouper_snapshot))  # as snapshot.save begins: no saved window
        print(f"built {n}: {time.time() - t0:.0f} s wall, {time.process_time() - c0:.0f} CPU s", flush=True)


def window_only(db: str, n: int, per_day: int, vary: Vary) -> None:
    """What ``build`` then a first open leave for an open to read, without writing the replicas'
    rows: the term counts of ``n`` current articles and the saved window a rebuild would make of
    them (the seeds the window holds, then the replicas dated in it, restored as ``build_grouper``
    restores rows). Minutes instead of hours at 100,000; the library's articles table keeps only
    the seed, so only the opens are measured on it (``list`` and ``show`` are not)."""
    rng = np.random.default_rng(19)
    with Library(db) as lib:
        seeds = seed_rows(lib)
        decoded = {row.seq: loads_annotated(row.annotated) for row in seeds}
        terms = {row.seq: filing.terms_of_row(row.terms) for row in seeds}
        start, todo = stream_start(seeds), n - len(seeds)
        floor = start + (todo - 1) / per_day * DAY - KEEP_DAYS * DAY  # the window of the newest
        plus, held = [], []
        for i in range(todo):
            r, row, ts = i // len(seeds) + 1, seeds[i % len(seeds)], start + i / per_day * DAY
            if ts < floor:  # counted only: the seed's terms and the replica's own words
                own = content_id(decoded[row.seq].article.id, str(r))
                plus.append(terms[row.seq] | {f"{own}{j}" for j in range(vary.terms)})
                if len(plus) == SLICE:  # counted a slice at a time: memory holds one
                    with lib.engine.begin() as conn:
                        filing.lock(conn)
                        filing.count_terms(conn, plus=plus)
                    plus = []
                continue
            sig = replica(decoded[row.seq], row, r, ts, vary, rng).signature
            copy_of = content_id(row.copy_of, str(r)) if row.copy_of else None
            stored = SimpleNamespace(id=sig.id, **signature_columns(sig))  # as a row reads back
            held.append((signature_from_row(stored), content_id(row.story_id, str(r)), copy_of))
            plus.append(doc_terms(sig.words, sig.names, sig.anchors))
        with lib.engine.begin() as conn:
            filing.lock(conn)
            filing.count_terms(conn, plus=plus)
            grouper = Grouper(keep_days=KEEP_DAYS)  # as filing.build_grouper opens at the newest
            seen = filing.read_counts(conn, grouper.df)
            grouper.start_at(start + (todo - 1) / per_day * DAY)
            undated = [r for r in seeds if r.published_ts is None][-UNDATED_KEEP:]
            dated = [r for r in seeds if r.published_ts is not None and r.published_ts >= floor]
            for row in sorted(undated + dated, key=lambda r: r.seq):
                grouper.restore(signature_from_row(row), row.story_id, row.copy_of, counted=True)
            for sig, story, copy_of in held:
                grouper.restore(sig, story, copy_of, counted=True)
            snapshot.save(conn, grouper, seen)
        print(
            f"window only: {n} articles counted, {len(grouper.sigs)} held in the saved window;"
            f" {len(seeds)} rows stored",
            flush=True,
        )


def unseen(conn: Connection, h: str, id_: str, url: str | None) -> None:
    """The reads ``filing.file_one`` makes before writing a row (a stored copy of the text or id,
    a current version of the URL), so that the slices time them as the table grows."""
    found = conn.execute(
        select(articles.c.id).where((articles.c.content_hash == h) | (articles.c.id == id_))
    ).first()
    if found is not None:
        raise SystemExit(f"bench_library_open: replica {id_} is already stored")
    if url:
        conn.execute(select(articles.c.version).where(articles.c.url == url, articles.c.current)).all()


class Server:
    """CPU seconds of a PostgreSQL server on this machine (the postmaster, what it reaped, and
    its live children), read from /proc; None for SQLite or a server out of reach."""

    def __init__(self, engine: Engine) -> None:
        self.pid: int | None = None
        if engine.dialect.name != "postgresql":
            return
        with engine.connect() as conn:
            backend = int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
        stat = proc_stat(backend)
        self.pid = int(stat[1]) if stat else None

    def cpu(self) -> float | None:
        if self.pid is None:
            return None
        tick = os.sysconf("SC_CLK_TCK")
        own = proc_stat(self.pid)
        if own is None:
            return None
        total = sum(int(x) for x in own[11:15])  # utime, stime, and the reaped children's
        for p in Path("/proc").iterdir():
            stat = proc_stat(int(p.name)) if p.name.isdigit() else None
            if stat is not None and int(stat[1]) == self.pid:
                total += int(stat[11]) + int(stat[12])
        return total / tick


def proc_stat(pid: int) -> list[str] | None:
    """/proc/PID/stat after the command name (index 1 is the parent, 11-14 the CPU ticks)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


Mark = tuple[int, float, float, float | None]  # articles, wall, CPU of this process, of the server


def report_slice(mark: Mark, have: int, server: Server) -> Mark:
    """One line for the articles written since ``mark``: CPU ms per article of this process (and
    of the server), wall, load; the next mark."""
    n0, w0, c0, s0 = mark
    now = (have, time.time(), time.process_time(), server.cpu())
    k = max(1, have - n0)
    serv = f", server {(now[3] - s0) / k * 1e3:.2f}" if now[3] is not None and s0 is not None else ""
    print(
        f"slice {n0 + 1}-{have}: CPU ms per article: writer {(now[2] - c0) / k * 1e3:.2f}{serv};"
        f" wall {(now[1] - w0) / k * 1e3:.1f} ms per article; load {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    return now


def timed(cmd: list[str]) -> str:
    """Wall and CPU seconds of a command in a process of its own."""
    before, t0 = resource.getrusage(resource.RUSAGE_CHILDREN), time.time()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return f"{time.time() - t0:.2f} s wall, {cpu:.2f} CPU s"


def measure(db: str, opens: int) -> None:
    me = [sys.executable, __file__, db]
    print("first open:", subprocess.run(me, check=True, capture_output=True, text=True).stdout.strip())
    for _ in range(opens):
        print("later open:", subprocess.run(me, check=True, capture_output=True, text=True).stdout.strip())
    with Library(db) as lib, lib.engine.connect() as conn:
        seed = conn.execute(
            select(stories.c.id).where(~stories.c.title.contains(MARK)).order_by(stories.c.articles.desc())
        ).first()
        copy = conn.execute(
            select(stories.c.id)
            .where(stories.c.title.contains(MARK))
            .order_by(stories.c.articles.desc(), stories.c.updated.desc())
        ).first()
    cli = [sys.executable, "-m", "storyline"]
    print("list (50 stories):", timed([*cli, "list", "--db", db]))
    for name, story in (("a seed story", seed), ("the largest replicated story", copy)):
        if story is not None:
            print(f"show {name} {story.id}:", timed([*cli, "show", story.id, "--db", db]))
    if "://" not in db:
        size = sum(p.stat().st_size for p in Path(db).parent.glob(Path(db).name + "*"))
        print(
            f"database {size / 1e6:.0f} MB; disk free {shutil.disk_usage(Path(db).parent).free / 1e9:.0f} GB"
        )
    elif db.startswith("postgresql"):
        with Library(db) as lib, lib.engine.connect() as conn:
            size = int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one())
        print(f"database {size / 1e6:.0f} MB (pg_database_size)")
    print(f"CPU: {cpu_model()}, {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f}")


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("db", help="a SQLite file or a postgresql:// URL")
    ap.add_argument("--build", type=int, default=None, metavar="N", help="grow to N articles, then measure")
    ap.add_argument("--per-day", type=int, default=1000, help="replicas dated a day")
    ap.add_argument("--noise", type=float, default=Vary.noise, help="Gaussian noise per vector dimension")
    ap.add_argument("--lanes", type=int, default=Vary.lanes, help="MinHash values replaced per replica")
    ap.add_argument("--terms", type=int, default=Vary.terms, help="words of its own per replica")
    ap.add_argument(
        "--window-only",
        action="store_true",
        help="with --build: store only the counts and saved window of N articles, then time opens",
    )
    ap.add_argument("--opens", type=int, default=2, help="later opens timed after the first")
    ap.add_argument("--slice", type=int, default=SLICE, help="articles per line of filing cost")
    args = ap.parse_args()
    if args.build is None:
        print(open_once(args.db))
        return
    vary = Vary(args.noise, args.lanes, args.terms)
    if args.window_only:
        window_only(args.db, args.build, args.per_day, vary)
        for _ in range(args.opens):
            print(
                "open:",
                subprocess.run(
                    [sys.executable, __file__, args.db], check=True, capture_output=True, text=True
                ).stdout.strip(),
            )
        return
    build(args.db, args.build, args.per_day, vary, args.slice)
    measure(args.db, args.opens)


if __name__ == "__main__":
    main()
