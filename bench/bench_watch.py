"""`storyline watch` over a local server, beside `storyline add` of the same pages.

A labelled data set (basil-dev: 25 events × 3 outlets; gva-dev: 108 shootings, 2–8 local reports
each) is served on 127.0.0.1 as HTML article pages, listed by an RSS feed, an Atom feed and a news
sitemap in turn; robots.txt disallows /blocked/, where every 20th page sits. One `watch --once`
pass, then a second, are run as a user runs them (a subprocess of the CLI), then `add` of the same
allowed addresses into another library. Reported: pages filed, requests, seconds and CPU seconds
of each pass, articles/s beside add's, whether a disallowed path or an article page was requested
on the second pass, and B-cubed P/R/F1 of the stories against the labels for both commands (they
must match: watch files through add's path). Nothing is tuned here.

With ``--feeds N --entries M`` it measures volume instead: N feeds (RSS and Atom in turn) of M
entries each, N × M distinct article pages built from the real paragraphs of basil-dev and gva-dev
reports (a report, then the report less one paragraph, or with a paragraph of another report of its
event added, and so on, so each event has several pages and stories form). All hosts are 127.0.0.1,
which watch does not pause for; ``--delay 0`` is passed as well, so no per-host pause is counted.

    PYTHONPATH=src .venv/bin/python bench/bench_watch.py [--data ../shared/data] [--set basil-dev]
    PYTHONPATH=src .venv/bin/python bench/bench_watch.py --feeds 50 --entries 100
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from storyline.stories.evaluate import bcubed

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-c", "from storyline.cli import main; main()"]
PAGES_PER_EVENT = 8


def pages_of(folder: Path, seed: int) -> tuple[dict[str, bytes], dict[str, str]]:
    """Neutral page paths → HTML, and path → label; every 20th page under /blocked/."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    names = sorted(labels)
    random.Random(seed).shuffle(names)
    pages, gold = {}, {}
    for i, name in enumerate(names):
        doc = json.loads((folder / name).read_text(encoding="utf-8"))
        path = f"/{'blocked' if i % 20 == 19 else 'news'}/doc{i:04d}"
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in doc["text"].split("\n\n") if p.strip())
        title = html.escape(doc.get("title") or "")
        pages[path] = (
            f"<html><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='og:site_name' content='{html.escape(doc.get('source') or '')}'>"
            f"<meta property='article:published_time' content='{doc.get('published') or ''}'></head>"
            f"<body><article><h1>{title}</h1>{paras}</article></body></html>"
        ).encode()
        gold[path] = str(labels[name])
    return pages, gold


def listings(base: str, paths: list[str]) -> dict[str, bytes]:
    """An RSS feed, an Atom feed and a news sitemap, each listing a third of the pages."""
    rss = "".join(f"<item><link>{base}{p}?utm_source=rss</link></item>" for p in paths[0::3])
    atom = "".join(f"<entry><link href='{base}{p}'/></entry>" for p in paths[1::3])
    news = "".join(
        f"<url><loc>{base}{p}</loc><news:news><news:publication_date>2024-01-01</news:publication_date>"
        "</news:news></url>"
        for p in paths[2::3]
    )
    return {
        "/rss.xml": f"<rss version='2.0'><channel><title>Wire</title>{rss}</channel></rss>".encode(),
        "/atom.xml": f"<feed xmlns='http://www.w3.org/2005/Atom'><title>Daily</title>{atom}</feed>".encode(),
        "/sitemap.xml": (
            "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'"
            f" xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>{news}</urlset>"
        ).encode(),
        "/robots.txt": b"User-agent: *\nDisallow: /blocked/\n",
    }


def page_html(doc: dict[str, str], paras: list[str]) -> bytes:
    """An article page as an outlet serves it: title, site name, date, paragraphs."""
    title = html.escape(doc.get("title") or "")
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='og:site_name' content='{html.escape(doc.get('source') or '')}'>"
        f"<meta property='article:published_time' content='{doc.get('published') or ''}'></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def variants(paras: list[str], others: list[str]) -> list[list[str]]:
    """Distinct versions of one report, as reposted or updated copies differ: the report, less one
    later paragraph, with one paragraph of another report of its event added, then less one and
    with one added. The lead always stays, so the page files with its event."""
    kept = [paras[:j] + paras[j + 1 :] for j in range(1, len(paras))]
    extra = [p for p in others if p not in paras]
    grown = [[*paras, q] for q in extra]
    both = [[*k, q] for k in kept for q in extra]
    return [paras, *kept, *grown, *both]


def volume_pages(data: Path, count: int, seed: int) -> tuple[list[bytes], list[str]]:
    """``count`` distinct pages (HTML) and their event labels from basil-dev and gva-dev: enough
    events for about PAGES_PER_EVENT pages each (all 133 for 5,000 pages), a version of each of
    their reports in turn."""
    reports: list[tuple[dict[str, str], list[str], str]] = []
    for name in ("basil-dev", "gva-dev"):
        labels = json.loads((data / name / "labels.json").read_text(encoding="utf-8"))
        for file, label in sorted(labels.items()):
            doc = json.loads((data / name / file).read_text(encoding="utf-8"))
            paras = [p.strip() for p in doc["text"].split("\n\n") if p.strip()]
            if paras:
                reports.append((doc, paras, f"{name}:{label}"))
    rng = random.Random(seed)
    events = sorted({label for _doc, _paras, label in reports})
    rng.shuffle(events)
    chosen = set(events[: -(-count // PAGES_PER_EVENT)])  # a small run takes fewer events, not thinner ones
    reports = [r for r in reports if r[2] in chosen]
    rng.shuffle(reports)
    by_event: dict[str, list[str]] = {}
    for _doc, paras, label in reports:
        by_event.setdefault(label, []).extend(paras[1:])
    todo = [(doc, label, variants(paras, by_event[label])) for doc, paras, label in reports]
    pages: list[bytes] = []
    gold: list[str] = []
    seen: set[bytes] = set()
    turn = 0
    while len(pages) < count:
        left = [(doc, label, v[turn]) for doc, label, v in todo if turn < len(v)]
        if not left:
            raise SystemExit(f"bench_watch: only {len(pages)} distinct pages in {data}, {count} asked")
        for doc, label, paras in left:
            body = page_html(doc, paras)
            if body not in seen and len(pages) < count:
                seen.add(body)
                pages.append(body)
                gold.append(label)
        turn += 1
    return pages, gold


def feed_xml(base: str, k: int, paths: list[str]) -> bytes:
    """Feed ``k``: RSS 2.0 when even, Atom when odd; every other link carries tracking parameters."""
    links = [
        f"{base}{p}" + ("?utm_source=feed&amp;utm_medium=rss" if i % 2 else "") for i, p in enumerate(paths)
    ]
    if k % 2 == 0:
        items = "".join(f"<item><title>Entry {i}</title><link>{u}</link></item>" for i, u in enumerate(links))
        return f"<rss version='2.0'><channel><title>Outlet {k}</title>{items}</channel></rss>".encode()
    entries = "".join(
        f"<entry><title>Entry {i}</title><id>{u}</id><link href='{u}'/></entry>" for i, u in enumerate(links)
    )
    return f"<feed xmlns='http://www.w3.org/2005/Atom'><title>Outlet {k}</title>{entries}</feed>".encode()


def serve(
    content: dict[str, bytes], log: list[tuple[str, bool]], unchanged: list[str] | None = None
) -> ThreadingHTTPServer:
    """Serve ``content`` with ETags; each request's path and whether it was conditional go to
    ``log``, the paths answered 304 to ``unchanged``."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            conditional = bool(self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"))
            log.append((path, conditional))
            body = content.get(path)
            if body is None:
                self.send_error(404)
                return
            etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
            if self.headers.get("If-None-Match") == etag:
                if unchanged is not None:
                    unchanged.append(path)
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/xml" if path.endswith(".xml") else "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def run(args: list[str]) -> tuple[float, float, str]:
    """Seconds, CPU seconds of the child, and its stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([*CLI, *args], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = done.stderr.strip().splitlines()
    summary = [ln for ln in lines if ln.startswith("storyline:")]  # watch's pass line, not its stories
    return wall, cpu, (summary or lines or [""])[-1]


def grouping(db: Path, base: str, gold: dict[str, str]) -> tuple[int, tuple[float, float, float]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT path, story_id FROM articles").fetchall()
    pred = {p.removeprefix(base): s for p, s in rows}
    keys = sorted(pred)
    return len(rows), bcubed([pred[k] for k in keys], [gold[k] for k in keys])


def cpu_model() -> str:
    """The CPU as ``lscpu`` names it, and how many this process may use."""
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
    except OSError:
        out = ""
    name = next((ln.split(":", 1)[1].strip() for ln in out.splitlines() if ln.startswith("Model name")), "?")
    return f"{name}, {len(os.sched_getaffinity(0))} CPUs"


def volume(opts: argparse.Namespace) -> None:
    """``--feeds`` × ``--entries``: two watch passes, then add of the same pages."""
    count = opts.feeds * opts.entries
    bodies, labels = volume_pages(opts.data, count, opts.seed)
    paths = [f"/o{i % opts.feeds:02d}/a{i // opts.feeds:04d}" for i in range(count)]
    content = dict(zip(paths, bodies, strict=True))
    gold = dict(zip(paths, labels, strict=True))
    log: list[tuple[str, bool]] = []
    unchanged: list[str] = []
    httpd = serve(content, log, unchanged)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    feeds = [f"/feed{k:02d}.xml" for k in range(opts.feeds)]
    for k, feed in enumerate(feeds):
        content[feed] = feed_xml(base, k, paths[k :: opts.feeds])
    content["/robots.txt"] = b"User-agent: *\nAllow: /\n"
    print(
        f"{opts.feeds} feeds x {opts.entries} entries: {count} distinct pages of {len(set(labels))} events"
        f" on 127.0.0.1 (no per-host pause: loopback, --delay 0); {cpu_model()}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        db, db_add = Path(tmp) / "watch.db", Path(tmp) / "add.db"
        args = ["--db", str(db), "--once", "--delay", "0"]
        wall, cpu, line = run(["watch", *[base + f for f in feeds], *args])
        filed, score = grouping(db, base, gold)
        rate = filed / wall
        print(
            f"watch pass 1: {filed} filed, {len(log)} requests, {wall:.1f} s, {cpu:.1f} CPU s,"
            f" {rate:.2f} articles/s, stories B-cubed F1 {score[2]:.3f}; {line}"
        )
        log.clear()
        unchanged.clear()
        wall, cpu, line = run(["watch", *args])
        sources = [c for p, c in log if p.endswith(".xml")]
        pages = sum(1 for p, _ in log if not p.endswith((".xml", ".txt")))
        print(
            f"watch pass 2: {len(log)} requests ({sum(sources)} of {len(sources)} feeds conditional,"
            f" {len(unchanged)} answered 304, {pages} pages), {wall:.1f} s, {cpu:.1f} CPU s; {line}"
        )
        wall, cpu, line = run(["add", "--wait", *[base + p for p in paths], "--db", str(db_add)])
        filed, score = grouping(db_add, base, gold)
        print(
            f"add of the same {count} pages: {filed} filed, {wall:.1f} s, {cpu:.1f} CPU s,"
            f" {filed / wall:.2f} articles/s (watch pass 1: {rate:.2f}), stories B-cubed F1 {score[2]:.3f}"
        )
    httpd.shutdown()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--set", default="basil-dev")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--feeds", type=int, default=0, help="volume mode: this many feeds (basil-dev + gva-dev)")
    ap.add_argument("--entries", type=int, default=100, help="volume mode: entries per feed")
    opts = ap.parse_args()
    if opts.feeds > 0:
        volume(opts)
        return
    pages, gold = pages_of(opts.data / opts.set, opts.seed)
    log: list[tuple[str, bool]] = []
    content = dict(pages)
    httpd = serve(content, log)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    content.update(listings(base, list(pages)))
    allowed = [p for p in pages if p.startswith("/news/")]
    feeds = [f"{base}/rss.xml", f"{base}/atom.xml", f"{base}/sitemap.xml"]
    with tempfile.TemporaryDirectory() as tmp:
        db, db_add = Path(tmp) / "watch.db", Path(tmp) / "add.db"
        wall, cpu, line = run(["watch", *feeds, "--db", str(db), "--once"])
        filed, score = grouping(db, base, gold)
        blocked = sum(1 for p, _ in log if p.startswith("/blocked/"))
        print(f"{opts.set}: {len(pages)} pages ({len(allowed)} allowed), 3 sources")
        print(f"watch pass 1: {filed} filed, {len(log)} requests, {blocked} disallowed requested,")
        print(f"  {wall:.1f} s, {cpu:.1f} CPU s, {filed / wall:.2f} articles/s; {line}")
        print(f"  stories B-cubed P {score[0]:.3f} R {score[1]:.3f} F1 {score[2]:.3f}")
        log.clear()
        wall, cpu, line = run(["watch", "--db", str(db), "--once"])
        conditional = sum(1 for p, c in log if p.endswith(".xml") and c)
        articles = sum(1 for p, _ in log if not p.endswith((".xml", ".txt")))
        print(f"watch pass 2: {len(log)} requests ({conditional} conditional feeds, {articles} pages),")
        print(f"  {wall:.1f} s, {cpu:.1f} CPU s; {line}")
        wall, cpu, line = run(["add", "--wait", *[base + p for p in allowed], "--db", str(db_add)])
        filed, score = grouping(db_add, base, gold)
        print(
            f"add of the same pages: {filed} filed, {wall:.1f} s, {cpu:.1f} CPU s,"
            f" {filed / wall:.2f} articles/s"
        )
        print(f"  stories B-cubed P {score[0]:.3f} R {score[1]:.3f} F1 {score[2]:.3f}")
    httpd.shutdown()


if __name__ == "__main__":
    main()
