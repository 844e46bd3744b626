"""The acceptance scenario of `watch`, on real reports: a local server serves an RSS feed, an Atom
feed and a news sitemap over article pages of many events, with a robots.txt that disallows a path;
`storyline watch <rss> <atom> <sitemap> --db DB --once`, run as a user runs it, files every allowed
page once, groups them into the events' stories, never asks for a disallowed path, and a second
`--once` files nothing and asks for the feeds conditionally. (The short version on written text,
run always, is ``test_watch.test_watch_files_every_kind_once_and_honours_robots``.)

The pages are basil-dev's 25 events (3 outlets each) and 40 gva-dev shootings (2–6 local reports
each), chosen with a fixed seed, under neutral addresses in shuffled order; every 20th sits under
/blocked/. Pages and listings are made as bench/bench_watch.py makes them. Nothing is tuned on
them: the grouping floors sit below what the story benchmarks measure on these sets (README:
B-cubed F1 0.98 basil-dev, 0.94 gva-dev)."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from storyline.stories.evaluate import bcubed
from watch_site import Site, bench_watch, serving

STORYLINE = [sys.executable, "-c", "from storyline.cli import main; main()"]
GVA_EVENTS = 40


def _reports(data: Path) -> list[tuple[dict[str, str], str]]:
    """(report, event) for basil-dev's events and GVA_EVENTS of gva-dev's, in a seeded order."""
    rng = random.Random(17)
    out = []
    for name in ("basil-dev", "gva-dev"):
        labels = json.loads((data / name / "labels.json").read_text(encoding="utf-8"))
        events = sorted(set(map(str, labels.values())))
        if name == "gva-dev":
            events = rng.sample(events, GVA_EVENTS)
        keep = set(events)
        for file, label in sorted(labels.items()):
            if str(label) in keep:
                doc = json.loads((data / name / file).read_text(encoding="utf-8"))
                out.append((doc, f"{name}:{label}"))
    rng.shuffle(out)
    return out


def _serve(site: Site, reports: list[tuple[dict[str, str], str]]) -> tuple[list[str], dict[str, str]]:
    """Pages, robots.txt and the three listings as the benchmark serves them (RSS entries carry
    tracking parameters); the listings' addresses and page path → event."""
    bench = bench_watch()
    gold = {}
    for i, (doc, event) in enumerate(reports):
        path = f"/{'blocked' if i % 20 == 19 else 'news'}/{i:04d}"
        paras = [p for p in doc["text"].split("\n\n") if p.strip()]
        site.pages[path] = (bench.page_html(doc, paras), "text/html; charset=utf-8")
        gold[path] = event
    for path, body in bench.listings(site.base, list(gold)).items():
        site.pages[path] = (body, "text/plain" if path.endswith(".txt") else "application/xml")
    assert site.pages["/robots.txt"][0] == b"User-agent: *\nDisallow: /blocked/\n"
    return [f"{site.base}/rss.xml", f"{site.base}/atom.xml", f"{site.base}/sitemap.xml"], gold


def _watch(*args: str) -> tuple[dict[str, Any], str]:
    done = subprocess.run(
        [*STORYLINE, "watch", *args, "--once", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return json.loads(done.stdout), done.stderr


@pytest.mark.slow
def test_watch_acceptance_on_real_reports(shared_data: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "lib.db")
    with serving() as site:
        sources, gold = _serve(site, _reports(shared_data))
        allowed = {p for p in gold if p.startswith("/news/")}
        assert len(gold) > 150 and len({gold[p] for p in allowed}) == 25 + GVA_EVENTS

        first, err = _watch(*sources, "--db", db)
        asked = Counter(r.path.split("?")[0] for r in site.log)
        assert not [p for p in asked if p.startswith("/blocked/")]  # robots.txt honoured
        assert {p for p in asked if p.startswith("/news/")} == allowed
        assert max(asked.values()) == 1  # every page, feed and robots.txt asked once
        with sqlite3.connect(db) as conn:
            rows = conn.execute("SELECT path, story_id, content_hash FROM articles").fetchall()
        filed = {p.removeprefix(site.base): s for p, s, _ in rows}
        assert len(filed) == len(rows) == len({h for _, _, h in rows})  # each article once
        assert set(filed) <= allowed
        # an allowed page not filed is a line naming it (a crawled page that holds no article) or
        # a copy of a page filed already (the same text under another address)
        missing = allowed - set(filed)
        named = {str(p).split(": ", 1)[0] for p in first["problems"]}
        assert named <= {site.base + m for m in missing}
        assert len(missing) == len(named) + first["already_stored"] <= 0.03 * len(allowed), err
        assert first["new_articles"] == len(filed) and first["disallowed"] == len(gold) - len(allowed)

        keys = sorted(filed)
        precision, recall, f1 = bcubed([filed[k] for k in keys], [gold[k] for k in keys])
        print(
            f"\n{len(filed)} of {len(allowed)} allowed pages filed; B-cubed P {precision:.3f} R {recall:.3f}"
            f" F1 {f1:.3f}; {err.strip().splitlines()[-1] if err.strip() else ''}"
        )
        assert precision >= 0.95 and f1 >= 0.90

        site.log.clear()
        second, _ = _watch("--db", db)  # the remembered sources
        assert second["new_articles"] == 0 and second["unchanged"] == 3 and second["problems"] == []
        feeds = [r for r in site.log if r.path != "/robots.txt"]
        assert sorted(r.path for r in feeds) == ["/atom.xml", "/rss.xml", "/sitemap.xml"]
        assert all(r.etag and r.since for r in feeds)  # If-None-Match and If-Modified-Since
        assert site.paths().count("/robots.txt") == 1
