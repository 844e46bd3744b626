"""`storyline watch` against a local HTTP server in a thread (never the internet): feeds of every
kind, robots.txt, conditional requests, tracking parameters and a broken feed."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.errors import UnreadableInput
from storyline.sources.feeds import parse_listing
from storyline.sources.urls import canonical_url
from watch_site import Site, serving

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
runner = CliRunner()
STORYLINE = [sys.executable, "-c", "from storyline.cli import main; main()"]

# Three short reports of one invented event, written for these tests.
BRIDGE = [
    (
        "Harbour bridge in Carrowmore closes after cracks found",
        "Engineers closed the Carrowmore harbour bridge on Tuesday after inspectors found cracks in two"
        " of its steel supports, the Carrowmore County Council said.\n\nAbout 14,000 vehicles cross the"
        " bridge each day. Council engineer Maeve Doyle said the bridge would stay shut for at least"
        ' three weeks while the supports are repaired.\n\n"We will not reopen it until we are sure it is'
        ' safe," Ms Doyle said. Drivers face a detour of 12 kilometres through Ballykeel.',
    ),
    (
        "Carrowmore bridge shut for weeks over cracked supports",
        "The Carrowmore harbour bridge was closed on Tuesday when cracks were found in two steel supports,"
        " according to Carrowmore County Council.\n\nThe council's engineer, Maeve Doyle, said repairs"
        " would keep the bridge closed for at least three weeks. Some 14,000 vehicles use it daily.\n\n"
        '"We will not reopen it until we are sure it is safe," Ms Doyle told reporters, adding that'
        " traffic would be sent through Ballykeel, a 12-kilometre detour.",
    ),
    (
        "Cracks close Carrowmore harbour bridge",
        "Carrowmore County Council closed the harbour bridge on Tuesday after inspectors discovered"
        " cracks in two of its steel supports.\n\nEngineer Maeve Doyle said the closure would last at"
        " least three weeks. Around 14,000 vehicles a day cross the bridge, and drivers are being"
        " diverted 12 kilometres through Ballykeel.",
    ),
]


def _page(title: str, body: str, site: str | None = "Carrowmore Post") -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title>"
        + (f"<meta property='og:site_name' content='{site}'>" if site else "")
        + "<meta property='article:published_time' content='2024-03-05T10:00:00+00:00'></head>"
        f"<body><article><h1>{title}</h1>{paras}</article></body></html>"
    ).encode()


def _bomb(h: BaseHTTPRequestHandler, _site: Site) -> None:
    """A feed that inflates to gigabytes: 8 MB of zeros gzipped to a few kilobytes, many times."""
    body = gzip.compress(b"\0" * 8_000_000) * 40
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Encoding", "gzip")
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
        h.wfile.write(body)


def _loop(h: BaseHTTPRequestHandler, _site: Site) -> None:
    h.send_response(302)
    h.send_header("Location", "/loop.xml")
    h.end_headers()


def _busy_once(h: BaseHTTPRequestHandler, site: Site) -> None:
    """429 with Retry-After the first time, the feed after."""
    if site.paths().count("/busy.xml") == 1:
        h.send_response(429)
        h.send_header("Retry-After", "1")
        h.send_header("Content-Length", "0")
        h.end_headers()
        return
    item = f"<item><link>{site.base}/news/bridge-0</link></item>"
    body = f"<rss><channel><title>Busy</title>{item}</channel></rss>"
    h.send_response(200)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body.encode())


HOSTILE = {"/bomb.xml": _bomb, "/loop.xml": _loop, "/busy.xml": _busy_once}


@pytest.fixture
def site() -> Iterator[Site]:
    with serving() as s:
        yield s


def _serve_outlets(s: Site) -> list[str]:
    """An RSS feed, an Atom feed, a news sitemap, a JSON Feed behind an OPML list, a broken feed;
    robots.txt disallows /private/. Returns the sources to watch."""
    b = s.base
    text = "text/plain; charset=utf-8"
    s.pages["/robots.txt"] = (b"User-agent: *\nDisallow: /private/\n", text)
    s.pages["/news/putin-a"] = ((EXAMPLES / "000_c4ff50917423203a.txt").read_bytes(), text)
    s.pages["/news/putin-b"] = ((EXAMPLES / "001_480647fc13891387.txt").read_bytes(), text)
    for i, (title, body) in enumerate(BRIDGE):  # the last names no outlet: its feed's name is used
        s.pages[f"/news/bridge-{i}"] = (
            _page(title, body, None if i == 2 else "Carrowmore Post"),
            "text/html",
        )
    s.pages["/private/bridge-secret"] = (_page(*BRIDGE[0]), "text/html; charset=utf-8")
    s.pages["/rss.xml"] = (
        (
            "<?xml version='1.0'?><rss version='2.0'><channel><title>The Independent</title>"
            "<item><title>Putin warns</title>"
            f"<link>{b}/news/putin-a?utm_source=rss&amp;utm_medium=feed</link>"
            "<pubDate>Fri, 31 Dec 2021 08:00:00 GMT</pubDate></item>"
            f"<item><title>Bridge</title><link>{b}/news/bridge-0#comments</link></item>"
            "</channel></rss>"
        ).encode(),
        "application/rss+xml",
    )
    s.pages["/atom.xml"] = (
        (
            "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Deccan Herald</title>"
            "<entry><title>Biden Putin call</title>"
            f"<link rel='alternate' href='{b}/news/putin-b?fbclid=XYZ'/>"
            "<updated>2021-12-31T09:00:00Z</updated></entry>"
            f"<entry><title>Putin again</title><link href='{b.upper().replace('HTTP://', 'http://')}"
            "/news/putin-a?gclid=1'/></entry>"
            "</feed>"
        ).encode(),
        "application/atom+xml",
    )
    s.pages["/news-sitemap.xml"] = (
        (
            "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'"
            " xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>"
            f"<url><loc>{b}/news/bridge-1</loc><news:news><news:publication><news:name>Carrowmore Post"
            "</news:name></news:publication><news:publication_date>2024-03-05T10:00:00Z"
            "</news:publication_date><news:title>Bridge shut</news:title></news:news></url>"
            f"<url><loc>{b}/private/bridge-secret</loc></url>"
            "</urlset>"
        ).encode(),
        "application/xml",
    )
    s.pages["/feed.json"] = (
        json.dumps(
            {
                "version": "https://jsonfeed.org/version/1.1",
                "title": "Harbour Times",
                "items": [{"id": "1", "url": f"{b}/news/bridge-2", "title": "Cracks"}],
            }
        ).encode(),
        "application/feed+json",
    )
    s.pages["/list.opml"] = (
        (
            "<?xml version='1.0'?><opml version='2.0'><head><title>My outlets</title></head><body>"
            f"<outline text='Harbour Times' type='rss' xmlUrl='{b}/feed.json'/></body></opml>"
        ).encode(),
        "text/x-opml",
    )
    s.pages["/broken.xml"] = (b"<rss><channel><item><link>oops</item></rss>", "application/rss+xml")
    return [f"{b}/rss.xml", f"{b}/atom.xml", f"{b}/news-sitemap.xml", f"{b}/list.opml", f"{b}/broken.xml"]


def _stored(db: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT path, story_id, content_hash FROM articles ORDER BY path").fetchall()


def _wait_for(db: Path, n: int, proc: subprocess.Popen[bytes]) -> None:
    """Until the library holds ``n`` articles (the process writing it may not have made it yet)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        with contextlib.suppress(sqlite3.Error):
            if db.exists() and len(_stored(db)) >= n:
                return
        time.sleep(0.2)
    raise AssertionError(f"no {n} articles filed in time")


def test_canonical_url_drops_tracking_fragment_and_case() -> None:
    got = canonical_url("HTTPS://News.Example.COM:443/World/Story?id=7&utm_source=x&fbclid=1&GCLID=2#top")
    assert got == "https://news.example.com/World/Story?id=7"
    assert canonical_url("http://h.example:8080/a?b=1&mc_cid=9") == "http://h.example:8080/a?b=1"
    assert canonical_url("http://h.example") == "http://h.example/"


def test_listings_of_every_kind_and_hostile_xml() -> None:
    base = "http://h.example/"
    index = parse_listing(
        b"<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        b"<sitemap><loc>http://h.example/s1.xml</loc></sitemap><sitemap><loc>/s2.xml</loc></sitemap>"
        b"</sitemapindex>",
        base,
    )
    assert index.kind == "sitemapindex" and index.children == (
        "http://h.example/s1.xml",
        "http://h.example/s2.xml",
    )
    rdf = parse_listing(
        b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' xmlns='http://purl.org/rss/1.0/'>"
        b"<channel><title>Old</title></channel><item><link>http://h.example/x</link></item></rdf:RDF>",
        base,
    )
    assert rdf.kind == "rss" and rdf.title == "Old" and [e.url for e in rdf.entries] == ["http://h.example/x"]
    laughs = b"<!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]>"
    bomb = parse_listing(laughs + b"<rss><channel><title>&b;</title></channel></rss>", base)
    assert bomb.entries == () and "aaaa" not in (bomb.title or "")  # entities are never expanded
    big = parse_listing(
        b"<rss><channel>"
        + b"".join(b"<item><link>/a%d</link></item>" % i for i in range(10_000))
        + b"</channel></rss>",
        base,
    )
    assert len(big.entries) == 10_000 and big.entries[-1].url == "http://h.example/a9999"
    for bad, why in [
        (b"<html><body>hi</body></html>", "an XML <html> document"),
        (b"<rss><channel>", "malformed XML"),
        (b'{"items": []}', "not a JSON Feed"),
        (b"hello", "neither XML nor JSON"),
    ]:
        with pytest.raises(UnreadableInput, match=why):
            parse_listing(bad, "feed.xml")


def test_watch_files_every_kind_once_and_honours_robots(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    sources = _serve_outlets(site)
    first = runner.invoke(app, ["watch", *sources, "--db", str(db), "--once", "--delay", "0"])
    assert first.exit_code == 1, first.output  # the broken feed; everything else was filed
    broken = [line for line in first.stderr.splitlines() if "/broken.xml:" in line]
    assert len(broken) == 1 and "malformed XML" in broken[0] and broken[0].startswith("storyline:")
    assert "Traceback" not in first.output
    assert "5 new articles" in first.stderr and "1 disallowed by robots.txt" in first.stderr

    assert not any(p.startswith("/private/") for p in site.paths())  # robots.txt honoured
    pages = [p for p in site.paths() if p.startswith("/news/")]
    assert sorted(pages) == [
        "/news/bridge-0",
        "/news/bridge-1",
        "/news/bridge-2",
        "/news/putin-a",
        "/news/putin-b",
    ]
    assert site.paths().count("/robots.txt") == 1  # once per host and pass

    rows = _stored(db)
    assert [r[0] for r in rows] == [
        f"{site.base}/news/{n}" for n in ("bridge-0", "bridge-1", "bridge-2", "putin-a", "putin-b")
    ]
    stories = {r[0].rsplit("/", 1)[1]: r[1] for r in rows}
    assert stories["putin-a"] == stories["putin-b"]
    assert stories["bridge-0"] == stories["bridge-1"] == stories["bridge-2"] != stories["putin-a"]

    listed = runner.invoke(app, ["sources", "list", "--db", str(db), "--json"])
    names = {s["url"]: s["title"] for s in json.loads(listed.stdout)}
    assert names[f"{site.base}/rss.xml"] == "The Independent"
    assert names[f"{site.base}/news-sitemap.xml"] == "Carrowmore Post"
    assert names[f"{site.base}/feed.json"] == "Harbour Times"  # remembered under its OPML list
    with sqlite3.connect(db) as conn:
        outlets = dict(conn.execute("SELECT path, source FROM articles").fetchall())
    assert outlets[f"{site.base}/news/bridge-2"] == "Harbour Times"  # not "bridge-2"
    assert outlets[f"{site.base}/news/bridge-1"] == "Carrowmore Post"

    site.log.clear()
    second = runner.invoke(app, ["watch", "--db", str(db), "--once", "--delay", "0"])  # the remembered ones
    assert "0 new articles" in second.stderr, second.output
    assert not [p for p in site.paths() if p.startswith(("/news/", "/private/"))]  # nothing fetched twice
    assert site.paths().count("/robots.txt") == 1  # read again each pass, once per host
    feeds = {r.path: r for r in site.log if r.path not in ("/broken.xml", "/robots.txt")}
    assert set(feeds) == {"/rss.xml", "/atom.xml", "/news-sitemap.xml", "/list.opml", "/feed.json"}
    # every feed asked conditionally (If-None-Match, If-Modified-Since): a 304 costs nothing
    assert all(r.etag and r.since for r in feeds.values())
    assert "5 unchanged" in second.stderr
    assert len(_stored(db)) == 5


def test_sources_add_list_remove(tmp_path: Path) -> None:
    db = str(tmp_path / "lib.db")
    added = runner.invoke(app, ["sources", "add", "HTTP://Example.COM/feed?utm_campaign=x", "--db", db])
    assert added.exit_code == 0, added.output
    assert runner.invoke(app, ["sources", "list", "--db", db]).stdout.startswith("http://example.com/feed  ?")
    gone = runner.invoke(app, ["sources", "remove", "http://example.com/feed", "--db", db])
    assert gone.exit_code == 0
    assert runner.invoke(app, ["sources", "list", "--db", db]).stdout.strip() == "no sources followed"
    again = runner.invoke(app, ["sources", "remove", "http://example.com/feed", "--db", db])
    assert again.exit_code == 1 and "not followed" in again.stderr
    missing = runner.invoke(app, ["sources", "add", str(tmp_path / "nosuch.xml"), "--db", db])
    assert missing.exit_code == 1 and missing.stderr.count("\n") == 1 and "no such file" in missing.stderr


def test_requests_to_one_host_are_spaced(site: Site) -> None:
    from storyline.reading.sniff import ReadOptions
    from storyline.sources.http import PoliteClient

    site.pages["/a"] = (b"a", "text/plain")
    with PoliteClient(ReadOptions(), delay_s=0.3) as client:
        start = time.monotonic()
        for _ in range(3):
            client.get(f"{site.base}/a")
        assert time.monotonic() - start >= 0.9 and client.requests == 4  # robots.txt first
    with PoliteClient(ReadOptions()) as client:  # the default spares outlets, not this machine
        assert client.delay_for(f"{site.base}/a") == 0.0
        assert client.delay_for("https://news.example.com/a") == 1.0


def _wire_pages(s: Site, n: int) -> str:
    """``n`` distinct updates of the bridge story behind one RSS feed; the feed's address."""
    items = []
    for i in range(n):
        title, body = BRIDGE[i % len(BRIDGE)]
        body += f"\n\nUpdate {i}: the council will publish inspection report number {1000 + i} on Friday."
        s.pages[f"/live/{i}"] = (_page(f"{title} (update {i})", body), "text/html; charset=utf-8")
        items.append(f"<item><link>{s.base}/live/{i}</link></item>")
    s.pages["/live.xml"] = (
        f"<rss><channel><title>Live</title>{''.join(items)}</channel></rss>".encode(),
        "text/xml",
    )
    return f"{s.base}/live.xml"


@pytest.mark.slow
def test_a_killed_watch_resumes_without_fetching_twice(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    feed = _wire_pages(site, 6)
    cmd = [*STORYLINE, "watch", feed, "--db", str(db), "--every", "1h", "--delay", "0.7"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for(db, 2, proc)
    finally:
        os.kill(proc.pid, signal.SIGKILL)  # mid-pass: pages are still being fetched
        proc.wait(timeout=30)
    before = {r[0] for r in _stored(db)}
    assert 2 <= len(before) < 6
    site.log.clear()
    resumed = runner.invoke(app, ["watch", "--db", str(db), "--once", "--delay", "0"])
    assert resumed.exit_code == 0, resumed.output
    rows = _stored(db)
    assert sorted(r[0] for r in rows) == sorted(f"{site.base}/live/{i}" for i in range(6))
    assert len({r[2] for r in rows}) == 6  # every article exactly once
    refetched = {f"{site.base}{p}" for p in site.paths() if p.startswith("/live/")}
    assert not refetched & before  # what was filed before the kill is not fetched again


@pytest.mark.slow
def test_watch_every_stops_cleanly_on_sigterm(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    feed = _wire_pages(site, 1)
    proc = subprocess.Popen(
        [*STORYLINE, "watch", feed, "--db", str(db), "--every", "1h"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for(db, 1, proc)
        time.sleep(1.0)  # the pass ends; the loop sleeps until the next one
    finally:
        proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err.decode()
    assert b"Traceback" not in err and b"1 new articles" in err


def test_hostile_sources_are_one_line_each(site: Site, tmp_path: Path) -> None:
    """A gzip bomb, a redirect loop and a 429 with Retry-After among good sources."""
    _serve_outlets(site)
    b = site.base
    site.routes.update(HOSTILE)
    sources = [f"{b}/bomb.xml", f"{b}/loop.xml", f"{b}/busy.xml"]
    got = runner.invoke(app, ["watch", *sources, "--db", str(tmp_path / "lib.db"), "--once", "--delay", "0"])
    assert got.exit_code == 1 and "Traceback" not in got.output
    lines = got.stderr.splitlines()
    assert any(ln.endswith("/bomb.xml: gzip data expands past 100 MB") for ln in lines)
    assert any("/loop.xml: more than 5 redirects" in ln for ln in lines)
    assert "1 new articles" in got.stderr  # the busy feed was read after the pause it asked for
    assert site.paths().count("/busy.xml") == 2


def test_sitemap_index_children_and_a_local_feed_file(site: Site, tmp_path: Path) -> None:
    """A sitemap index's sitemaps are followed under it and asked conditionally even when the
    index itself has not changed; a feed may be a file on disk."""
    _serve_outlets(site)
    b = site.base
    site.pages["/index.xml"] = (
        (
            "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            f"<sitemap><loc>{b}/news-sitemap.xml</loc></sitemap></sitemapindex>"
        ).encode(),
        "application/xml",
    )
    local = tmp_path / "saved-feed.xml"
    local.write_text(
        f"<rss><channel><title>Saved</title><item><link>{b}/news/putin-b</link></item></channel></rss>"
    )
    db = str(tmp_path / "lib.db")
    first = runner.invoke(app, ["watch", f"{b}/index.xml", str(local), "--db", db, "--once", "--delay", "0"])
    assert first.exit_code == 0, first.output
    assert "2 new articles" in first.stderr  # bridge-1 from the sitemap, putin-b from the file
    site.log.clear()
    second = runner.invoke(app, ["watch", "--db", db, "--once", "--delay", "0"])
    assert "0 new articles" in second.stderr and "2 unchanged" in second.stderr, second.output
    asked = {r.path: bool(r.etag) for r in site.log if r.path != "/robots.txt"}
    assert asked == {"/index.xml": True, "/news-sitemap.xml": True}


def test_a_pass_names_the_stories_that_changed_and_their_new_conflicts(site: Site, tmp_path: Path) -> None:
    """Story by story: a new story with its reports, then a later report that disagrees on a
    figure, named with the conflict it brings (on the terminal and as JSON)."""
    db = tmp_path / "lib.db"
    text = "text/plain; charset=utf-8"
    site.pages["/robots.txt"] = (b"User-agent: *\nAllow: /\n", text)
    for i, (title, body) in enumerate(BRIDGE[:2]):
        site.pages[f"/news/bridge-{i}"] = (_page(title, body), "text/html")
    title, body = BRIDGE[2]
    site.pages["/news/bridge-late"] = (  # the same event with the traffic figure tripled
        _page(title, body.replace("Around 14,000", "Around 40,000"), "Harbour Times"),
        "text/html",
    )

    def feed(*names: str) -> None:
        items = "".join(f"<item><link>{site.base}/news/{n}</link></item>" for n in names)
        site.pages["/rss.xml"] = (
            f"<rss version='2.0'><channel><title>Local</title>{items}</channel></rss>".encode(),
            "application/rss+xml",
        )

    feed("bridge-0", "bridge-1")
    first = runner.invoke(app, ["watch", f"{site.base}/rss.xml", "--db", str(db), "--once", "--delay", "0"])
    assert first.exit_code == 0, first.output
    assert first.stdout == ""  # the terminal summary goes to stderr
    shown = [line.strip() for line in first.stderr.splitlines() if line.startswith("  ")]
    assert shown == [f"\u201c{BRIDGE[0][0]}\u201d (new story, 2 reports)"], first.stderr
    looked = runner.invoke(app, ["changes", "--db", str(db)])  # the user looks: the last look
    assert looked.exit_code == 0 and "(first look)" in looked.stdout, looked.output

    feed("bridge-0", "bridge-1", "bridge-late")
    second = runner.invoke(app, ["watch", "--db", str(db), "--once", "--delay", "0", "--format", "json"])
    assert second.exit_code == 0, second.output
    got = json.loads(second.stdout)
    assert got["new_articles"] == 1 and got["new_conflicts"] == len(got["stories"][0]["new_conflicts"]) >= 1
    (story,) = got["stories"]
    assert (story["new_story"], story["new_reports"], story["reports"]) == (False, 1, 3)
    assert story["title"] in {t for t, _ in BRIDGE}  # the story's headline may move to the new one
    assert any("40,000" in c and "14,000" in c and "Harbour Times" in c for c in story["new_conflicts"])

    assert not [line for line in second.stderr.splitlines() if line.startswith("  ")]  # JSON only
    # `changes` since that look reads back what the pass named, from the library
    since = runner.invoke(app, ["changes", "--db", str(db), "--format", "json"])
    (news,) = json.loads(since.stdout)["stories"]
    assert (news["story"], news["outlets"]) == (story["story"], ["Harbour Times"])
    assert sorted(c["summary"] for c in news["new_conflicts"]) == sorted(story["new_conflicts"])

    site.pages["/news/bridge-later"] = (
        _page(title, body.replace("Around 14,000", "Around 30,000"), "Valley Post"),
        "text/html",
    )
    feed("bridge-0", "bridge-1", "bridge-late", "bridge-later")
    third = runner.invoke(app, ["watch", "--db", str(db), "--once", "--delay", "0"])
    assert third.exit_code == 0, third.output
    lines = third.stderr.splitlines()
    (head,) = [n for n, line in enumerate(lines) if line.startswith("  “")]
    assert "(+1 report, 4 in all): " in lines[head] and "new conflict" in lines[head], third.stderr
    named = [line for line in lines[head + 1 :] if line.startswith("    - ")]
    assert named and any("30,000" in line and "Valley Post" in line for line in named), third.stderr

    fourth = runner.invoke(app, ["watch", "--db", str(db), "--once", "--delay", "0", "--format", "json"])
    assert json.loads(fourth.stdout)["stories"] == []  # nothing new, nothing named
    assert "0 new conflicts" in fourth.stderr
