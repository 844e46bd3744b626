"""`storyline watch` over a local server, beside `storyline add` of the same pages.

A labelled data set (basil-dev: 25 events × 3 outlets; gva-dev: 108 shootings, 2–8 local reports
each) is served on 127.0.0.1 as HTML article pages, listed by an RSS feed, an Atom feed and a news
sitemap in turn; robots.txt disallows /blocked/, where every 20th page sits. One `watch --once`
pass, then a second, are run as a user runs them (a subprocess of the CLI), then `add` of the same
allowed addresses into another library. Reported: pages filed, requests, seconds and CPU seconds
of each pass, articles/s beside add's, whether a disallowed path or an article page was requested
on the second pass, and B-cubed P/R/F1 of the stories against the labels for both commands (they
must match: watch files through add's path). Nothing is tuned here.

    PYTHONPATH=src .venv/bin/python bench/bench_watch.py [--data ../shared/data] [--set basil-dev]
"""

from __future__ import annotations

import argparse
import html
import json
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


def serve(content: dict[str, bytes], log: list[tuple[str, bool]]) -> ThreadingHTTPServer:
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
    return wall, cpu, done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""


def grouping(db: Path, base: str, gold: dict[str, str]) -> tuple[int, tuple[float, float, float]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT path, story_id FROM articles").fetchall()
    pred = {p.removeprefix(base): s for p, s in rows}
    keys = sorted(pred)
    return len(rows), bcubed([pred[k] for k in keys], [gold[k] for k in keys])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--set", default="basil-dev")
    ap.add_argument("--seed", type=int, default=0)
    opts = ap.parse_args()
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
        wall, cpu, line = run(["add", *[base + p for p in allowed], "--db", str(db_add)])
        filed, score = grouping(db_add, base, gold)
        print(
            f"add of the same pages: {filed} filed, {wall:.1f} s, {cpu:.1f} CPU s,"
            f" {filed / wall:.2f} articles/s"
        )
        print(f"  stories B-cubed P {score[0]:.3f} R {score[1]:.3f} F1 {score[2]:.3f}")
    httpd.shutdown()


if __name__ == "__main__":
    main()
