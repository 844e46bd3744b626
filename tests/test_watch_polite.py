"""How `watch` treats other people's servers, against local ones (two ports = two hosts): robots.txt
and the per-host pause hold for every address a redirect leads to, on whatever host; slow, huge
and busy answers are bounded; a feed of 10,000 entries is read whole."""

from __future__ import annotations

import contextlib
import email.utils
import itertools
import sqlite3
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.errors import UnreadableInput
from storyline.reading.sniff import ReadOptions
from storyline.sources.http import Disallowed, PoliteClient, retry_after
from watch_site import Site, redirect, serving

runner = CliRunner()
TEXT = "text/plain; charset=utf-8"

# An invented report, long enough to be read as an article.
STORY = (
    "Ferry service between Port Alwen and Skerra suspended after engine fire",
    "The ferry linking Port Alwen and the island of Skerra was taken out of service on Monday after"
    " a fire broke out in its engine room, the operator Alwen Sea Links said.\n\nAll 86 passengers and"
    " nine crew were brought back to Port Alwen without injury. Captain Ruth Maddern said the fire was"
    " put out within twenty minutes by the crew.\n\nThe operator said a replacement vessel would sail"
    " from Thursday, and islanders needing medical care would be flown to the mainland meanwhile.",
)


def _page(title: str, body: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title>"
        "<meta property='og:site_name' content='Skerra Times'></head>"
        f"<body><article><h1>{title}</h1>{paras}</article></body></html>"
    ).encode()


@pytest.fixture
def hosts() -> Iterator[tuple[Site, Site]]:
    """Host A, which redirects, and host B, whose robots.txt disallows /private/."""
    with serving() as a, serving() as b:
        a.pages["/robots.txt"] = (b"User-agent: *\nAllow: /\n", TEXT)
        b.pages["/robots.txt"] = (b"User-agent: *\nDisallow: /private/\n", TEXT)
        b.pages["/news/ferry"] = (_page(*STORY), "text/html; charset=utf-8")
        b.pages["/private/ferry"] = (_page(*STORY), "text/html; charset=utf-8")
        a.routes["/go/ferry"] = redirect(f"{b.base}/news/ferry")
        a.routes["/go/secret"] = redirect(f"{b.base}/private/ferry", 301)
        a.routes["/go/via"] = redirect("/go/secret")  # A to A, then on to B's disallowed path
        yield a, b


def _gaps(site: Site) -> list[float]:
    times = [r.at for r in site.log]
    return [later - earlier for earlier, later in itertools.pairwise(times)]


def test_a_redirect_to_another_host_obeys_that_hosts_robots_txt(hosts: tuple[Site, Site]) -> None:
    a, b = hosts
    with PoliteClient(ReadOptions()) as client:
        got = client.get(f"{a.base}/go/ferry")
        assert got.blob is not None and got.blob.url == f"{b.base}/news/ferry"
        assert got.blob.name == f"{a.base}/go/ferry"  # named by the address the feed gave
        for start in ("/go/secret", "/go/via"):
            with pytest.raises(Disallowed, match=f"redirects to {b.base}/private/ferry, disallowed"):
                client.get(a.base + start)
    assert "/private/ferry" not in b.paths()  # never requested
    assert b.paths() == ["/robots.txt", "/news/ferry"]  # B's robots.txt read once, before B's page
    assert a.paths() == ["/robots.txt", "/go/ferry", "/go/secret", "/go/via", "/go/secret"]
    assert all((r.agent or "").startswith("storyline/") for r in a.log + b.log)  # names itself


def test_a_redirect_waits_for_the_pause_its_new_host_is_owed(hosts: tuple[Site, Site]) -> None:
    """B's page is asked, then A's address that redirects to B: the hop to B waits out B's pause
    (httpx following the redirect itself would ask B again at once)."""
    a, b = hosts
    with PoliteClient(ReadOptions(), delay_s=0.5) as client:
        assert client.allowed(f"{a.base}/go/ferry")  # A's robots.txt, read now
        client.get(f"{b.base}/news/ferry")  # B's robots.txt, then the page 0.5 s later
        client.get(f"{a.base}/go/ferry")  # A's pause is over; B's is not
    assert b.paths() == ["/robots.txt", "/news/ferry", "/news/ferry"]
    assert min(_gaps(b)) >= 0.45 and min(_gaps(a)) >= 0.45


def test_watch_files_through_a_cross_host_redirect_and_never_asks_a_disallowed_one(
    hosts: tuple[Site, Site], tmp_path: Path
) -> None:
    """Pages, feeds and sitemaps alike: a redirect into B's /private/ is one line, never a request;
    a sitemap moved to B's allowed /feeds/ is read there."""
    a, b = hosts
    a.pages["/rss.xml"] = (
        (
            "<rss version='2.0'><channel><title>Skerra Times</title>"
            f"<item><link>{a.base}/go/ferry</link></item><item><link>{a.base}/go/secret</link></item>"
            "</channel></rss>"
        ).encode(),
        "application/rss+xml",
    )
    a.routes["/moved.xml"] = redirect(f"{b.base}/private/feed.xml")
    a.routes["/sitemap.xml"] = redirect(f"{b.base}/private/sitemap.xml", 308)
    b.pages["/private/feed.xml"] = a.pages["/rss.xml"]
    a.routes["/news-sitemap.xml"] = redirect(f"{b.base}/feeds/sitemap.xml", 301)
    b.pages["/feeds/sitemap.xml"] = (
        (
            "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            f"<url><loc>{a.base}/go/ferry?utm_source=sitemap</loc></url></urlset>"
        ).encode(),
        "application/xml",
    )
    db = str(tmp_path / "lib.db")
    sources = [f"{a.base}/{n}" for n in ("rss.xml", "moved.xml", "sitemap.xml", "news-sitemap.xml")]
    got = runner.invoke(app, ["watch", *sources, "--db", db, "--once", "--delay", "0"])
    assert got.exit_code == 1 and "Traceback" not in got.output  # the two moved sources failed
    for name, to in [("moved.xml", "feed.xml"), ("sitemap.xml", "sitemap.xml")]:
        line = f"storyline: {a.base}/{name}: redirects to {b.base}/private/{to}, disallowed by robots.txt"
        assert line in got.stderr.splitlines(), got.stderr
    assert "4 sources checked" in got.stderr and "2 failed" in got.stderr
    assert "1 new articles" in got.stderr and "1 disallowed by robots.txt" in got.stderr
    assert not [p for p in b.paths() if p.startswith("/private/")]
    assert b.paths().count("/robots.txt") == 1 and b.paths().count("/news/ferry") == 1
    assert "/feeds/sitemap.xml" in b.paths()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT path FROM articles").fetchall() == [(f"{a.base}/go/ferry",)]


def _slow(h: BaseHTTPRequestHandler, _site: Site) -> None:
    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
        time.sleep(1.5)
        h.send_response(200)
        h.end_headers()


def _trickle(h: BaseHTTPRequestHandler, _site: Site) -> None:
    """A byte every 0.2 s: each read is quick, the whole download is not."""
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.end_headers()
    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
        for _ in range(40):
            h.wfile.write(b" ")
            h.wfile.flush()
            time.sleep(0.2)


def _huge(h: BaseHTTPRequestHandler, _site: Site) -> None:
    """2 MB sent with no Content-Length, so only counting the bytes as they come can stop it."""
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.end_headers()
    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
        for _ in range(32):
            h.wfile.write(b"<!-- " + b"x" * 65_000 + b" -->")


def _busy_until(h: BaseHTTPRequestHandler, site: Site, status: int, after: str | None) -> None:
    """``status`` (with Retry-After ``after``) the first time, then a page."""
    if site.paths().count(h.path) == 1:
        h.send_response(status)
        if after is not None:
            h.send_header("Retry-After", after)
        h.send_header("Content-Length", "0")
        h.end_headers()
        return
    h.send_response(200)
    h.send_header("Content-Length", "2")
    h.end_headers()
    h.wfile.write(b"ok")


def test_slow_huge_and_busy_answers_are_bounded(hosts: tuple[Site, Site]) -> None:
    a, _b = hosts
    a.routes["/slow"] = _slow
    a.routes["/trickle"] = _trickle
    a.routes["/huge"] = _huge
    in_2s = lambda: email.utils.formatdate(time.time() + 2, usegmt=True)  # noqa: E731
    a.routes["/busy-date"] = lambda h, s: _busy_until(h, s, 503, in_2s())
    a.routes["/busy-plain"] = lambda h, s: _busy_until(h, s, 500, None)
    a.routes["/busy-long"] = lambda h, s: _busy_until(h, s, 429, "3600")
    options = ReadOptions(timeout_s=0.5, deadline_s=1.0, max_bytes=1 << 20)
    with PoliteClient(options, delay_s=0) as client:
        for path, why in [
            ("/slow", "timed out after 0.5 s"),
            ("/trickle", "download took longer than 1 s"),
            ("/huge", "response larger than 1 MB"),
            ("/busy-long", r"server busy \(still refusing after 1 tries\)"),  # an hour: next pass
        ]:
            with pytest.raises(UnreadableInput, match=why) as caught:
                client.get(a.base + path)
            assert caught.value.path == a.base + path
        for path, least in [("/busy-date", 0.9), ("/busy-plain", 0.9)]:  # HTTP date; none: 1 s
            start = time.monotonic()
            got = client.get(a.base + path)
            assert got.blob is not None and got.blob.data == b"ok"
            assert time.monotonic() - start >= least and a.paths().count(path) == 2
    assert retry_after("120") == 120.0 and retry_after("soon") == -1.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a date gone by: ask again now


def test_a_feed_of_ten_thousand_entries_is_read_whole(hosts: tuple[Site, Site], tmp_path: Path) -> None:
    """Every entry is weighed (here each is disallowed, so none is fetched) and settled once: the
    second pass asks only robots.txt and the feed, conditionally."""
    a, _b = hosts
    a.pages["/robots.txt"] = (b"User-agent: *\nDisallow: /archive/\n", TEXT)
    items = "".join(f"<item><link>{a.base}/archive/{i}</link></item>" for i in range(10_000))
    a.pages["/big.xml"] = (
        f"<rss><channel><title>Archive</title>{items}</channel></rss>".encode(),
        "text/xml",
    )
    db = str(tmp_path / "lib.db")
    start = time.monotonic()
    first = runner.invoke(app, ["watch", f"{a.base}/big.xml", "--db", db, "--once", "--delay", "0"])
    took = time.monotonic() - start
    assert first.exit_code == 0, first.output
    assert "0 new articles" in first.stderr and "10000 disallowed by robots.txt" in first.stderr
    assert a.paths() == ["/robots.txt", "/big.xml"] and took < 120
    a.log.clear()
    second = runner.invoke(app, ["watch", "--db", db, "--once", "--delay", "0"])
    assert "1 unchanged" in second.stderr and "disallowed" not in second.stderr, second.stderr
    assert [(r.path, bool(r.etag)) for r in a.log] == [("/robots.txt", False), ("/big.xml", True)]


def _not_implemented(h: BaseHTTPRequestHandler, _site: Site) -> None:
    h.send_error(501)


def test_robots_txt_is_reused_by_later_passes_for_an_hour(hosts: tuple[Site, Site]) -> None:
    """`watch --every` hands the rules read on to the next pass: an unchanged pass asks only its
    feeds. An hour on they are read again (here they now refuse storyline by name); rules that
    could not be read are asked for again by the next pass."""
    a, b = hosts
    robots: dict[str, Any] = {}
    for _ in range(2):
        with PoliteClient(ReadOptions(), delay_s=0, robots=robots) as client:
            client.get(f"{b.base}/news/ferry")
    assert b.paths() == ["/robots.txt", "/news/ferry", "/news/ferry"]
    b.pages["/robots.txt"] = (b"User-agent: storyline\nDisallow: /news/\n", TEXT)
    (rules,) = robots.values()
    rules.last_checked -= 3601
    a.routes["/robots.txt"] = _not_implemented
    a.pages["/feed"] = (b"<rss/>", "text/xml")
    with PoliteClient(ReadOptions(), delay_s=0, robots=robots) as client:
        with pytest.raises(Disallowed):
            client.get(f"{b.base}/news/ferry")
        with pytest.raises(UnreadableInput, match=r"robots\.txt unreadable"):
            client.get(f"{a.base}/feed")
    assert b.paths()[3:] == ["/robots.txt"] and list(robots) == [b.base]
