#!/usr/bin/env python3
"""Benchmark of `read`: extraction quality (token F1) and throughput.

    .venv/bin/python bench/bench_read.py [--data ../shared/data] [--repeat 5]

Quality is measured as the data README says: tokens are ``\\w+`` runs counted as a multiset,
precision/recall/F1 per page against ``articleBody``, averaged over pages. The baseline in the
same run is trafilatura with plain defaults on the HTML, and the pasted text kept as it is.
Throughput is pasted pages read per second through ``storyline.reading.read`` (bytes in,
Article out), one process.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storyline.errors import UnreadableInput  # noqa: E402
from storyline.reading import read  # noqa: E402

_TOKEN = re.compile(r"\w+")


def prf(got: str, want: str) -> tuple[float, float, float]:
    g, w = Counter(_TOKEN.findall(got)), Counter(_TOKEN.findall(want))
    common = sum((g & w).values())
    if not g or not w:
        return (1.0, 1.0, 1.0) if g == w else (0.0, 0.0, 0.0)
    p, r = common / sum(g.values()), common / sum(w.values())
    return p, r, (2 * p * r / (p + r) if common else 0.0)


def score(
    pages: dict[str, bytes], truth: dict[str, dict[str, str]], extract: Callable[[str], str]
) -> tuple[float, ...]:
    rows = []
    for pid in pages:
        try:
            got = extract(pid)
        except UnreadableInput:
            got = ""
        rows.append(prf(got, truth[pid]["articleBody"]))
    n = len(rows)
    return tuple(sum(r[k] for r in rows) / n for k in range(3))


def rate(run: Callable[[], object], n: int, repeat: int) -> float:
    """Articles per CPU second of ``run`` (which reads ``n`` articles), over ``repeat`` passes."""
    t0 = time.process_time()
    for _ in range(repeat):
        run()
    return n * repeat / (time.process_time() - t0)


def article_text(art: object) -> str:
    # Title and standfirst are fields, not body: the ground truth is the body only.
    return str(getattr(art, "text", ""))


def _title_key(text: str | None) -> str:
    return " ".join(_TOKEN.findall((text or "").lower()))


def pasted_title_right(page: bytes, html: bytes) -> bool:
    """Whether the pasted page's title is the page's own: its metadata title (trafilatura reads
    og:title and <title>, dropping the site name) or its first <h1>."""
    import trafilatura

    meta = trafilatura.bare_extraction(html, with_metadata=True)
    h1 = re.search(rb"<h1[^>]*>(.*?)</h1>", html, re.S | re.I)
    gold = {_title_key(meta.title if meta else None)}
    if h1:
        gold.add(_title_key(re.sub(r"<[^>]+>", " ", h1.group(1).decode("utf-8", "replace"))))
    got = _title_key(read(page, name="p.txt").title)
    return bool(got) and got in gold - {""}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--repeat", type=int, default=5, help="passes over the pasted pages for throughput")
    ap.add_argument("--per-page", action="store_true", help="print F1 of each pasted page")
    opts = ap.parse_args()
    ex = Path(opts.data) / "extraction-dev"
    if not ex.is_dir():
        print(f"no data at {ex}", file=sys.stderr)
        return 1
    import trafilatura

    truth = json.loads((ex / "ground-truth.json").read_text(encoding="utf-8"))
    txt = {p.name.split(".")[0]: p.read_bytes() for p in sorted((ex / "pages").glob("*.txt"))}
    html = {p.name.split(".")[0]: p.read_bytes() for p in sorted((ex / "html").glob("*.html.gz"))}

    rows = [
        ("pasted, kept as is", score(txt, truth, lambda k: txt[k].decode("utf-8"))),
        ("pasted, storyline read", score(txt, truth, lambda k: article_text(read(txt[k], name=k + ".txt")))),
        (
            "html, trafilatura defaults",
            score(html, truth, lambda k: trafilatura.extract(gzip.decompress(html[k])) or ""),
        ),
        (
            "html, storyline read",
            score(html, truth, lambda k: article_text(read(html[k], name=k + ".html.gz"))),
        ),
    ]
    ok = sum(pasted_title_right(txt[k], gzip.decompress(html[k])) for k in txt)
    print(f"pasted titles equal to the page's own (<title>/og:title or <h1>): {ok} of {len(txt)}")
    if opts.per_page:
        for k in txt:
            got = article_text(read(txt[k], name=k + ".txt"))
            print(f"{k[:12]}  F1 {prf(got, truth[k]['articleBody'])[2]:.3f}")
    print(f"{'extraction-dev (45 pages)':30s} {'precision':>10s} {'recall':>8s} {'F1':>7s}")
    for name, (p, r, f) in rows:
        print(f"{name:30s} {p:10.3f} {r:8.3f} {f:7.3f}")
    base_f1, ours_f1 = rows[2][1][2], rows[3][1][2]
    print(f"{'html F1 ratio (ours/trafilatura)':30s} {ours_f1 / base_f1:27.3f}")

    # CPU seconds, not wall time: the figure stays comparable on a shared, busy machine.
    seeds = [p.read_bytes() for p in sorted((ROOT / "examples").glob("*.txt"))]
    rows_t = [
        (
            "pasted pages (extraction-dev)",
            rate(lambda: [read(d, name="p.txt") for d in txt.values()], len(txt), opts.repeat),
        ),
        ("pasted seeds", rate(lambda: [read(d, name="s.txt") for d in seeds], len(seeds), opts.repeat * 20)),
        (
            "html, storyline read",
            rate(lambda: [read(html[k], name="p.html.gz") for k in list(html)[:15]], 15, 1),
        ),
        (
            "html, trafilatura defaults",
            rate(lambda: [trafilatura.extract(gzip.decompress(html[k])) for k in list(html)[:15]], 15, 1),
        ),
    ]
    print()
    print(f"{'throughput (1 process)':30s} {'articles per CPU-s':>18s} {'x trafilatura':>14s}")
    base = rows_t[-1][1]
    for name, r in rows_t:
        print(f"{name:30s} {r:18.1f} {r / base:14.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
