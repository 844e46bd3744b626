#!/usr/bin/env python3
"""Load benchmark of ``storyline serve``: requests/s and latency of the library and story pages
with 1,000 stories in the library, the server in a second process on loopback.

    .venv/bin/python bench/bench_web.py [--stories 1000] [--requests 400] [--concurrency 8]

Filling the library takes a fast path: generated reports (two or three outlets per story, each a
few templated sentences with their own names, places and numbers) are split into sentences by a
regular expression instead of spaCy, signed for grouping with the real embedder, and filed with
``Library.file`` — the store's bulk-load entry — so no spaCy runs. Then every story is
cross-checked as ``storyline add`` does at its end (``Library.check_due``, which stores each
report); its time is printed apart. The server is the real ``storyline serve`` command. Rows:

- ``library``: ``GET /`` (the newest 50 stories, outlets, coverage, conflicts).
- ``library search``: ``GET /?q=<word>`` with a word from a random story's title.
- ``story (first view)``: ``GET /stories/<id>`` of ``--first-views`` stories never viewed: each
  reads the report stored when the story was checked (``Library.stored_report``) and lays it out;
  with ``--no-check`` nothing is stored beforehand and each runs the cross-check, one at a time
  since the models are shared, and stores it (``Library.report_for_view``), as every first view
  of an unchecked story does.
- ``story (repeat view)``: ``--requests`` views of those stories again, served from the app's
  memory of reports (the page is rendered each time).

Before the rows, every server thread opens the library and one story outside the sample is viewed,
so the first-view row holds each story's own cost, not the server's first page (imports, models).
- ``story .json (repeat)``: the JSON twin of the same.

The client is httpx (async, ``--concurrency`` requests in flight). Latencies are per request,
wall clock, from the client's side.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SYLLABLES = ["ka", "ro", "mi", "tes", "lun", "bar", "vo", "dre", "sal", "nik", "po", "ther", "gan", "lis",
             "mor", "ve", "tal", "quin", "rab", "os", "fen", "dul", "ash", "cor", "ib", "zan", "hel", "mu"]
THINGS = ["bridge", "port", "rail line", "dam", "airport", "hospital", "school", "power plant", "tunnel",
          "stadium", "library", "harbour", "market", "museum", "reservoir", "ferry terminal"]
EVENTS = ["closes", "reopens", "floods", "is evacuated", "is sold", "wins funding", "goes on strike",
          "is damaged in storm", "gets new chief", "faces inquiry"]
OUTLETS = ["Harbour Times", "Daily Ledger", "North Post", "Evening Wire", "Civic Herald", "Metro Journal"]
EXTRA = [
    "Engineers from {org} inspected the {thing} twice last year.",
    "The {thing} was built in {year} with money from {org}.",
    "Shops near the {thing} in {place} stayed shut on {weekday}.",
    "{person} said the {org} report would be published in {month}.",
    "Police in {place} closed {n2} roads around the {thing}.",
    "A spokesman for {org} declined to comment on the cost.",
]


def word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


SENT = re.compile(r"[^.!?]+[.!?]")


def story_texts(rng: random.Random, n: int) -> list[tuple[str, str, str, str]]:
    """(outlet, title, text, published) for the reports of story ``n``: names made up per story."""
    place, org = word(rng, 3), f"{word(rng, 2)} {rng.choice(['Group', 'Council', 'Authority', 'Trust'])}"
    who, other = f"{word(rng, 2)} {word(rng, 3)}", f"{word(rng, 2)} {word(rng, 2)}"
    thing, event = rng.choice(THINGS), rng.choice(EVENTS)
    count, day = rng.randint(12, 9000), rng.randint(1, 28)
    month = ["January", "February", "March", "April", "May", "June"][n % 6]
    title = f"{place} {thing} {event}"
    fill = {"org": org, "thing": thing, "place": place, "person": who, "month": month,
            "year": rng.randint(1950, 2015), "weekday": rng.choice(["Monday", "Friday"]),
            "n2": rng.randint(2, 9)}
    facts = [
        f"The {thing} in {place} {event} on {month} {day}, officials said.",
        f"About {count:,} people were affected, according to {who}.",
        f"\u201cWe did not expect this so soon,\u201d said {other}, who runs the {thing}.",
        *(t.format(**fill) for t in rng.sample(EXTRA, 3)),
    ]
    out = []
    for k, outlet in enumerate(rng.sample(OUTLETS, rng.choice([2, 2, 3]))):
        body = facts[:]
        if k:
            body[1] = f"Some {count + rng.choice([0, 0, 150]):,} people were affected, {who} said."
            rng.shuffle(body[2:])
        out.append((outlet, title if not k else f"{title}, {who} says", "\n\n".join(body),
                    f"2024-{n % 6 + 1:02d}-{day:02d}"))
    return out


def fill(db: str, n_stories: int, seed: int = 7) -> float:
    """File generated stories without spaCy until the library holds ``n_stories``; seconds taken.

    Grouping decides what is one story, so a few generated stories may merge: generation goes on
    until the library really holds ``n_stories``.
    """
    from storyline.embed import Embedder
    from storyline.model import AnnotatedArticle, Article, Sentence, content_id
    from storyline.store import Library
    from storyline.store.filing import Prepared
    from storyline.stories.signatures import sign_many

    t0 = time.perf_counter()
    embedder = Embedder()
    with Library(db) as lib:
        n = lib.count_stories()
        rng = random.Random(f"{seed}-{n}")  # a top-up generates new stories, not the first ones again
        while (have := lib.count_stories()) < n_stories:
            for _ in range(min(25, n_stories - have)):
                anns = []
                for outlet, title, text, published in story_texts(rng, n):
                    art = Article(id=content_id(title, text), text=text, path=f"gen/{n}/{outlet}.txt",
                                  source=outlet, title=title, published=published)
                    sents = tuple(Sentence(m.start(), m.end()) for m in SENT.finditer(text))
                    anns.append(AnnotatedArticle(article=art, sentences=sents))
                for ann, sig in zip(anns, sign_many([a.article for a in anns], embedder), strict=True):
                    lib.file(Prepared(annotated=ann, signature=sig))
                n += 1
    return time.perf_counter() - t0


def check(db: str) -> tuple[int, float]:
    """Cross-check the stories owed one, as ``storyline add`` does after filing; how many, and
    the seconds taken (the models' loading included)."""
    from storyline.embed import Embedder
    from storyline.store import Library

    t0 = time.perf_counter()
    with Library(db) as lib:
        n = lib.check_due(nlp=None, embedder=Embedder())
    return n, time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: str, port: int, *flags: str) -> subprocess.Popen[bytes]:
    cmd = [str(ROOT / ".venv/bin/storyline"), "serve", "--db", db, "--port", str(port), *flags]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/static/style.css", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start: " + (proc.stderr.read() if proc.stderr else b"").decode())


async def run(base: str, paths: list[str], concurrency: int) -> tuple[float, list[float]]:
    """Wall time and per-request latencies of GETting ``paths`` with ``concurrency`` in flight."""
    queue = list(reversed(paths))
    lat: list[float] = []

    async def worker(client: httpx.AsyncClient) -> None:
        while queue:
            path = queue.pop()
            t = time.perf_counter()
            r = await client.get(base + path)
            lat.append(time.perf_counter() - t)
            if r.status_code != 200:
                raise SystemExit(f"{path}: HTTP {r.status_code}: {r.text[:200]}")

    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return time.perf_counter() - t0, lat


def row(name: str, wall: float, lat: list[float], conc: int) -> str:
    q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [lat[0]] * 99
    return (f"| {name:<22} | {len(lat):>5} | {conc:>3} | {len(lat) / wall:>8.1f} | {q[49] * 1000:>7.1f} "
            f"| {q[98] * 1000:>7.1f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stories", type=int, default=1000)
    ap.add_argument("--requests", type=int, default=400, help="requests per row")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--first-views", type=int, default=60,
                    help="stories viewed for the first time (each reads its stored cross-check;"
                         " with --no-check on a new library each computes one, ~1 s)")
    ap.add_argument("--db", help="use this library file, filled up to --stories when it holds fewer")
    ap.add_argument("--no-check", action="store_true",
                    help="leave the stories unchecked: first views compute their cross-checks")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory()
    db = args.db or os.path.join(tmp.name, "bench.db")
    secs = fill(db, args.stories)
    print(f"filled the library up to {args.stories} stories in {secs:.1f} s (generated, no spaCy)")
    if not args.no_check:
        checked, secs = check(db)
        print(f"cross-checked and stored {checked} stories in {secs:.1f} s (as `add` does after filing)")
    from storyline.store import Library

    with Library(db) as lib:
        total = lib.count_stories()
        stories = lib.stories(limit=total)
    print(f"library: {total} stories, {sum(s.articles for s in stories)} reports")
    rng = random.Random(1)
    port = free_port()
    # with --no-check the server must not check the owed stories behind the bench's back either
    proc = start_server(db, port, *(["--no-background-checks"] if args.no_check else []))
    base = f"http://127.0.0.1:{port}"
    try:
        n, c = args.requests, args.concurrency
        fresh = [f"/stories/{s.id}" for s in rng.sample(stories, min(args.first_views, len(stories)))]
        views = [rng.choice(fresh) for _ in range(n)]
        words = [s.title.split()[0] for s in stories if s.title]
        # warm: open the library in every worker thread, and lay out one story page outside the
        # sample (the renderer's imports; without stored reports, the models' loading), so the
        # first-view row measures what each story's first view costs, not the server's first
        warm = next(f"/stories/{s.id}" for s in stories if f"/stories/{s.id}" not in fresh)
        asyncio.run(run(base, ["/"] * (4 * c), c))
        asyncio.run(run(base, [warm], 1))
        rows = [
            ("library", ["/"] * n),
            ("library .json", ["/index.json"] * n),
            ("library search", [f"/?q={rng.choice(words)}" for _ in range(n)]),
            ("story (first view)", fresh),
            ("story (repeat view)", views),
            ("story .json (repeat)", [v + ".json" for v in views]),
        ]
        print("\n| page                   |  reqs | conc |  req/s  | p50 ms  | p99 ms  |")
        print("|------------------------|-------|-----|----------|---------|---------|")
        for name, paths in rows:
            wall, lat = asyncio.run(run(base, paths, c))
            print(row(name, wall, lat, c), flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        tmp.cleanup()


if __name__ == "__main__":
    main()
