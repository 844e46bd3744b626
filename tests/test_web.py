"""The web app's pages and JSON twins through FastAPI's TestClient, on the seeds and hostile text."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyline.web import WebSettings, create_app
from storyline.web.resources import report_key

HOSTILE = (
    "Hostile reporter writes for Example News.\n\n"
    'Officials said <script>alert("owned")</script> the talks would begin on Monday in Geneva.\n\n'
    'A spokesman added <img src=x onerror="alert(1)"> that nothing was agreed.\n\n'
    'Readers were told to <a href="javascript:alert(2)">click here</a> for more on the talks.\n'
)

FERRY = """Harbour Times

Ferry strike halts crossings to the islands

Published 3 March 2024

Ferry crews walked out on Monday, halting every crossing to the northern islands for the first
time in twelve years, the Seafarers Union said.

About 2,400 passengers were stranded at the mainland terminal, the port authority said.
"""

HOSTILE_HTML = b"""<!doctype html><html><head><title>Talks in Geneva</title>
<script>window.stolen = document.cookie</script></head>
<body onload="alert('body')"><article><h1>Talks in Geneva</h1>
<p>Officials said on Monday that the talks in Geneva would start on January 10, after weeks
of tension over the troops massed near the border, and that both sides would attend.</p>
<p onclick="alert('p')">A spokesman wrote &lt;script&gt;alert("text")&lt;/script&gt; in a message to
reporters, and added that the delegations would meet again in Brussels and Vienna.</p>
<p>More: <a href="javascript:alert('link')">the full statement</a> was published later that day,
with a list of the officials who would travel to the talks.</p>
</article></body></html>"""


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, nlp: Any, embedder: Any) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("web") / "library.db"
    settings = WebSettings(db_url=f"sqlite:///{db}", max_upload_bytes=256 * 1024)
    with TestClient(create_app(settings, nlp=nlp, embedder=embedder), base_url="http://localhost") as c:
        yield c


@pytest.fixture(scope="module")
def seed_texts(seed_paths: tuple[Path, Path]) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in seed_paths]


def wait_for_job(client: TestClient, url: str) -> dict[str, Any]:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(url).json()["job"]
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"the add job at {url} did not finish")


@pytest.fixture(scope="module")
def added(client: TestClient, seed_texts: list[str]) -> dict[str, Any]:
    """The two seeds pasted with their outlets, plus one good file and one broken file."""
    files = [
        ("files", ("ferry.txt", FERRY.encode(), "text/plain")),
        ("files", ("broken.json", b'{"title": "x", "text": ', "application/json")),
    ]
    r = client.post(
        "/add.json",
        data={"text": seed_texts, "outlet": ["The Independent", "Deccan Herald"]},
        files=files,
    )
    assert r.status_code == 202, r.text
    assert r.json()["job"]["total"] == 4
    job = wait_for_job(client, r.json()["url"])
    assert job["status"] == "done", job
    return job


@pytest.fixture(scope="module")
def seed_compare(client: TestClient, seed_texts: list[str]) -> dict[str, Any]:
    r = client.post("/compare.json", data={"text": seed_texts})
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


class _Markup(HTMLParser):
    """Collects what a browser would treat as markup: elements, their attributes, script bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.script_bodies: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.script_bodies.append(data)


def assert_inert(html: str) -> None:
    """Parsed as a browser would: no event handler, no javascript: URL, no script but our own files."""
    parser = _Markup()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert not [k for k in attrs if k.lower().startswith("on")], (tag, attrs)
        for key in ("href", "src", "action", "formaction"):
            assert not attrs.get(key, "").strip().lower().startswith("javascript:"), (tag, attrs)
        if tag == "script":
            assert re.match(r"/(static|assets)/[a-z]+\.js$", attrs.get("src", "")), attrs
    assert parser.script_bodies == []


def test_compare_json_twin_is_the_report_contract(seed_compare: dict[str, Any]) -> None:
    report = seed_compare["report"]
    assert seed_compare["ok"] is True
    assert report["schema"] == "storyline/1"
    assert [s["title"][:20] for s in report["sources"]] == ["Putin warns of compl", "Putin warns Biden of"]
    ids = {s["id"] for s in report["sources"]}
    for f in report["findings"]:
        assert f["kind"] in ("agree", "conflict", "unique")
        assert {s["source"] for s in f["statements"]} <= ids


def test_compare_page_shows_both_reports_side_by_side(client: TestClient, seed_texts: list[str]) -> None:
    r = client.post("/compare", data={"text": seed_texts})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    html = r.text
    assert html.count('<article class="col"') == 2
    assert 'id="brief"' in html and 'id="conflicts"' in html and 'id="quotes"' in html
    # Aligned statements carry the ids of their findings so the page can show counterparts.
    assert re.search(r'<span class="st k-(agree|conflict)" [^>]*data-finding="[0-9a-f]', html)
    assert "January 9 and 10" in html and "Jan. 10" in html
    assert "Ushakov" in html


def test_accept_header_gives_json(client: TestClient, seed_texts: list[str]) -> None:
    r = client.post("/compare", data={"text": seed_texts}, headers={"Accept": "application/json"})
    assert r.headers["content-type"] == "application/json"
    assert r.json()["report"]["sources"][0]["published"] == "2021-12-31"


def test_pasted_hostile_text_is_escaped(client: TestClient, seed_texts: list[str]) -> None:
    r = client.post("/compare", data={"text": [HOSTILE, seed_texts[0]]})
    assert r.status_code == 200, r.text
    assert_inert(r.text)
    assert "&lt;script&gt;alert(" in r.text  # shown to the reader as the text it is


def test_uploaded_hostile_html_is_escaped(client: TestClient) -> None:
    files = [
        ("files", ("talks.html", HOSTILE_HTML, "text/html")),
        ("files", ("plain.txt", HOSTILE.encode(), "text/plain")),
    ]
    r = client.post("/compare", files=files)
    assert r.status_code == 200, r.text
    assert_inert(r.text)
    assert "&lt;script&gt;alert(" in r.text
    js = client.post("/compare.json", files=files).json()
    texts = " ".join(s["title"] or "" for s in js["report"]["sources"])
    assert "Talks in Geneva" in texts


def test_one_bad_file_is_named_and_the_rest_compared(client: TestClient, seed_texts: list[str]) -> None:
    files = [
        ("files", ("a.txt", seed_texts[0].encode(), "text/plain")),
        ("files", ("b.txt", seed_texts[1].encode(), "text/plain")),
        ("files", ("broken.json", b'{"title": "x", "text": ', "application/json")),
        ("files", ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "text/plain")),
    ]
    r = client.post("/compare.json", files=files)
    assert r.status_code == 200
    names = {e["name"]: e["error"] for e in r.json()["errors"]}
    assert set(names) == {"broken.json", "image.txt"}
    assert re.search("binary|not a format", names["image.txt"])
    assert len(r.json()["report"]["sources"]) == 2
    page = client.post("/compare", files=files).text
    assert "broken.json" in page and "image.txt" in page


def test_compare_needs_two_reports(client: TestClient, seed_texts: list[str]) -> None:
    r = client.post("/compare.json", data={"text": [seed_texts[0], "   "]})
    assert r.status_code == 400
    body = r.json()
    assert body["ok"] is False and body["status"] == 400
    assert "two readable reports" in body["error"]
    html = client.post("/compare", data={"text": [seed_texts[0]]})
    assert html.status_code == 400 and "two readable reports" in html.text


def test_upload_over_the_limit_is_refused_with_a_clear_message(client: TestClient) -> None:
    big = b"word " * (300 * 1024 // 5)
    r = client.post("/compare.json", files=[("files", ("big.txt", big, "text/plain"))])
    assert r.status_code == 413
    assert "larger than the limit of 0.25 MB" in r.json()["error"]
    upload = [("files", ("big.txt", big, "text/plain"))]
    r = client.post("/add", files=upload, headers={"Accept": "text/html"})
    assert r.status_code == 413 and "--max-upload-mb" in r.text


def test_unknown_page_has_the_one_error_shape(client: TestClient) -> None:
    r = client.get("/no/such/page.json")
    assert r.status_code == 404
    assert r.json() == {"ok": False, "status": 404, "error": "Not Found", "errors": []}
    assert "Something went wrong (404)" in client.get("/no/such/page").text


def test_openapi_documents_every_json_twin(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/index.json", "/stories/{story_id}.json", "/jobs/{job_id}.json", "/compare.json", "/add.json"):
        assert p in paths, p
    assert "application/json" in paths["/stories/{story_id}"]["get"]["responses"]["200"]["content"]
    # Laid out offline at /api (FastAPI's /docs would load Swagger UI from a CDN).
    assert client.get("/docs").status_code == 404
    api = client.get("/api.json").json()["endpoints"]
    assert {"GET /stories/{story_id}.json", "POST /add.json"} <= {f"{e['method']} {e['path']}" for e in api}
    assert "/stories/{story_id}.json" in client.get("/api").text


def test_form_pages_have_json_twins_saying_what_they_accept(client: TestClient) -> None:
    add = client.get("/add.json").json()
    assert add["ok"] is True and add["max_upload_bytes"] == 256 * 1024 and add["allow_fetch"] is False
    assert {"text", "outlet", "files", "urls"} <= set(add["fields"])
    compare = client.get("/compare", headers={"Accept": "application/json"}).json()
    assert "urls" not in compare["fields"] and "files" in compare["fields"]


def test_static_css_is_served(client: TestClient) -> None:
    r = client.get("/static/style.css")
    assert r.status_code == 200 and "@media (max-width: 760px)" in r.text
    r = client.get("/assets/report.css")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")
    assert client.get("/assets/secret.py").status_code == 404


def test_add_refuses_urls_unless_fetch_is_allowed(client: TestClient) -> None:
    r = client.post("/add.json", data={"urls": "http://127.0.0.1:9/secret"})
    assert r.status_code == 400
    assert "--allow-fetch" in r.json()["error"]
    assert "Web addresses" not in client.get("/add").text


def test_empty_add_is_a_clear_error(client: TestClient) -> None:
    r = client.post("/add.json", data={"text": ["  "]})
    assert r.status_code == 400 and "nothing to add" in r.json()["error"]


def test_add_shows_where_each_input_landed_and_the_error_beside_the_bad_one(
    client: TestClient, added: dict[str, Any]
) -> None:
    files = {f["name"]: f for f in added["files"]}
    seeds = [f for name, f in files.items() if name.startswith("pasted report")]
    assert len(seeds) == 2 and seeds[0]["story_id"] == seeds[1]["story_id"]
    assert {f["source"] for f in seeds} == {"The Independent", "Deccan Herald"}
    assert files["ferry.txt"]["story_id"] not in (None, seeds[0]["story_id"])
    assert files["broken.json"]["story_id"] is None and files["broken.json"]["error"]
    page = client.get(f"/jobs/{added['id']}").text
    assert "broken.json" in page and files["broken.json"]["error"] in page
    assert f'href="/stories/{seeds[0]["story_id"]}"' in page
    # The add cross-checked the story it changed and kept the report for the story page.
    res = client.app.state.resources  # type: ignore[attr-defined]
    assert res.cached_report(report_key(res.library().story(seeds[0]["story_id"]))) is not None


def test_adding_the_same_reports_again_stores_nothing_new(client: TestClient, seed_texts: list[str]) -> None:
    r = client.post("/add", data={"text": seed_texts[:1]}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("http://localhost/jobs/")
    job = wait_for_job(client, r.headers["location"] + ".json")
    assert [f["status"] for f in job["files"]] == ["existing"]


def test_library_lists_stories_with_outlets_and_conflicts(client: TestClient, added: dict[str, Any]) -> None:
    body = client.get("/index.json").json()
    assert body["ok"] is True and body["total"] == 2
    by_title = {s["title"][:12]: s for s in body["stories"]}
    seeds = by_title["Putin warns "]
    assert sorted(seeds["sources"]) == ["Deccan Herald", "The Independent"]
    assert seeds["outlets"] == 2 and seeds["articles"] == 2
    assert seeds["conflicts"] >= 1
    assert [s["title"][:5] for s in body["stories"]] == ["Ferry", "Putin"]  # newest first
    assert {"Deccan Herald", "The Independent"} <= set(body["sources"])  # the source filter's choices
    html = client.get("/").text
    assert "Deccan Herald" in html and "conflict" in html
    assert client.get("/", headers={"Accept": "application/json"}).json()["total"] == 2


def test_library_search_and_filters(client: TestClient, added: dict[str, Any]) -> None:
    def titles(**params: str) -> list[str]:
        return [s["title"][:5] for s in client.get("/index.json", params=params).json()["stories"]]

    assert titles(q="rupture") == ["Putin"]
    assert titles(q="ferry") == ["Ferry"]
    assert titles(q="nothing-like-this") == []
    assert titles(source="Deccan Herald") == ["Putin"]
    assert titles(since="2024-01-01") == ["Ferry"]
    assert titles(until="2022-01-31") == ["Putin"]
    assert titles(since="not a date") == ["Ferry", "Putin"]  # a bad date is ignored, not a crash
    assert "No story matches" in client.get("/", params={"q": "nothing-like-this"}).text


def test_story_page_and_its_json_twin(client: TestClient, added: dict[str, Any]) -> None:
    story_id = next(f["story_id"] for f in added["files"] if f["source"] == "Deccan Herald")
    body = client.get(f"/stories/{story_id}.json").json()
    assert body["story"]["id"] == story_id and len(body["story"]["articles"]) == 2
    conflicts = [f for f in body["report"]["findings"] if f["kind"] == "conflict"]
    dates = [f for f in conflicts if f["aspect"] == "date"]
    assert dates and {v["text"] for v in dates[0]["values"]} >= {"January 9 and 10", "Jan. 10"}
    html = client.get(f"/stories/{story_id}").text
    assert "January 9 and 10" in html and "Deccan Herald" in html
    assert_inert(html)
    assert client.get(f"/stories/{story_id}", headers={"Accept": "application/json"}).json() == body


def test_single_report_story_says_why_there_is_no_cross_check(
    client: TestClient, added: dict[str, Any]
) -> None:
    ferry = next(f for f in added["files"] if f["name"] == "ferry.txt")
    body = client.get(f"/stories/{ferry['story_id']}.json").json()
    assert body["report"] is None and "single report" in body["note"]
    assert "single report" in client.get(f"/stories/{ferry['story_id']}").text


def test_unknown_story_and_job_are_404(client: TestClient) -> None:
    r = client.get("/stories/ffffffffffffffff.json")
    assert r.status_code == 404 and r.json()["ok"] is False and "no story" in r.json()["error"]
    assert client.get("/jobs/nope").status_code == 404


def test_a_jsonl_upload_adds_each_record_and_names_the_bad_line(
    tmp_path: Path, nlp: Any, embedder: Any
) -> None:
    import json

    records = [
        {"title": "Dam repairs start in Kelso", "source": "Border News", "published": "2024-05-02",
         "text": "Repairs to the Kelso dam started on Thursday, the river authority said.\n\n"
                 "The work will take 14 weeks and cost about 3 million pounds, officials said."},
        {"title": "Kelso dam repairs begin", "source": "Valley Post", "published": "2024-05-03",
         "text": "Engineers began repairing the Kelso dam on Thursday.\n\n"
                 "The river authority said the work would last 14 weeks."},
    ]
    lines = [json.dumps(r) for r in records[:1]] + ['{"title": "cut off'] + [json.dumps(records[1])]
    settings = WebSettings(db_url=f"sqlite:///{tmp_path / 'lib.db'}")
    with TestClient(create_app(settings, nlp=nlp, embedder=embedder), base_url="http://localhost") as c:
        upload = [("files", ("feed.jsonl", "\n".join(lines).encode(), "application/x-ndjson"))]
        job = wait_for_job(c, c.post("/add.json", files=upload).json()["url"])
        assert job["status"] == "done"
        outcomes = [(f["name"], f["source"], bool(f["error"])) for f in job["files"]]
        assert ("feed.jsonl", "Border News", False) in outcomes
        assert ("feed.jsonl", "Valley Post", False) in outcomes
        errors = [f["error"] for f in job["files"] if f["error"]]
        assert len(errors) == 1 and errors[0].startswith("feed.jsonl:2: invalid JSON")
        assert c.get("/index.json").json()["total"] >= 1


def test_only_a_story_page_writes_and_only_its_check(
    tmp_path: Path, seed_paths: tuple[Path, Path], nlp: Any, embedder: Any
) -> None:
    """No page but a story's writes the library, and that one only the check its story is owed,
    stored as the checker stores it (``Library.report_for_view``): its report and conflict count,
    so `list` and the next view read it. SQLite's data_version, read on a connection of the
    test's own, moves whenever another connection commits a change."""
    import sqlite3

    from storyline.reading import read
    from storyline.store import Library

    db = tmp_path / "lib.db"
    with Library(db) as lib:  # filed as an add killed before its cross-check leaves them
        (story_id,) = {
            r.story_id
            for r in lib.add_articles(
                [read(p) for p in seed_paths], nlp=nlp, embedder=embedder, crosscheck=False
            )
        }
    watch = sqlite3.connect(db)

    def version() -> int:
        return int(watch.execute("PRAGMA data_version").fetchone()[0])

    before = version()
    # the background checks of owed stories are off: they write, as an add does, though no GET
    settings = WebSettings(db_url=f"sqlite:///{db}", check_owed=False)
    app = create_app(settings, nlp=nlp, embedder=embedder)
    with TestClient(app, base_url="http://localhost") as c:
        pages = ("/", "/index.json", "/compare", "/add", "/api", "/jobs/none", "/sources", "/sources.json")
        pages += ("/whats-new", "/whats-new.json?since=last", "/feeds/conflicts.atom?since=1d")
        for path in pages:
            assert c.get(path).status_code in (200, 404)
        (row,) = c.get("/index.json").json()["stories"]  # owed: pending, not 0 conflicts
        assert row["pending"] is True and row["conflicts"] is None and row["check_failed"] is False
        assert "cross-check pending" in c.get("/").text
        assert version() == before
        body = c.get(f"/stories/{story_id}.json").json()
        assert body["report"]["findings"] and body["story"]["id"] == story_id
        assert version() != before
        lib = app.state.resources.library()
        stored = lib.stored_report(lib.story(story_id))
        assert lib.due() == [] and stored is not None and stored.to_dict() == body["report"]
        (row,) = c.get("/index.json").json()["stories"]
        assert row["pending"] is False and row["conflicts"] == sum(
            f["kind"] == "conflict" for f in body["report"]["findings"]
        )
    watch.close()


def test_sources_page_lists_what_watch_follows(tmp_path: Path) -> None:
    """Each followed source with its name, address, last read and entries seen; a hostile feed
    title is escaped, and an address is shown as text, never as a link the page would follow."""
    from storyline.store import Library, watchlist

    db = tmp_path / "lib.db"
    app = create_app(WebSettings(db_url=f"sqlite:///{db}"))
    with TestClient(app, base_url="http://localhost") as c:
        assert c.get("/sources.json").json() == {"ok": True, "sources": []}
        assert "No sources followed" in c.get("/sources").text
    with Library(db) as lib:
        feed, other = "https://news.example/feed.xml", "javascript:alert(1)"
        watchlist.remember(lib.engine, feed)
        watchlist.remember(lib.engine, other)
        watchlist.checked(lib.engine, feed, kind="rss", title="<b>Harbour Times</b>")
        for n in range(3):
            watchlist.settle(lib.engine, f"https://news.example/{n}", feed, "filed")
    app = create_app(WebSettings(db_url=f"sqlite:///{db}"))
    with TestClient(app, base_url="http://localhost") as c:
        rows = c.get("/sources.json").json()["sources"]
        assert [(r["url"], r["name"], r["kind"], r["entries"]) for r in rows] == [
            (feed, "<b>Harbour Times</b>", "rss", 3),
            (other, None, None, 0),
        ]
        assert rows[0]["checked"].startswith(time.strftime("%Y-%m-%d", time.gmtime()))
        assert rows[1]["checked"] is None
        html = c.get("/sources").text
        assert "&lt;b&gt;Harbour Times&lt;/b&gt;" in html and "<b>Harbour" not in html
        assert feed in html and "never" in html and 'href="javascript' not in html
        assert 'href="/sources"' in c.get("/").text  # in the main navigation


def test_queued_adds_cross_check_each_story_once(
    tmp_path: Path, nlp: Any, embedder: Any, seed_texts: list[str]
) -> None:
    """Adds queued behind each other leave the cross-check to the last one, which checks each
    story they changed once; the library then counts the seeds' conflicts."""
    app = create_app(WebSettings(db_url=f"sqlite:///{tmp_path / 'lib.db'}"), nlp=nlp, embedder=embedder)
    with TestClient(app, base_url="http://localhost") as c:
        with app.state.resources.model_lock:  # the first add waits for the models, the others queue
            urls = [c.post("/add.json", data={"text": [t]}).json()["url"] for t in (*seed_texts, FERRY)]
        jobs = [wait_for_job(c, u) for u in urls]
        assert [j["status"] for j in jobs] == ["done"] * 3
        assert [j["checked"] for j in jobs] == [0, 0, 2]  # the seeds' story and the ferry's
        stories = {s["title"][:5]: s for s in c.get("/index.json").json()["stories"]}
        assert stories["Putin"]["articles"] == 2 and stories["Putin"]["conflicts"] >= 1
        assert stories["Ferry"]["conflicts"] is None  # one report: nothing to count
        assert app.state.resources.library().due() == []


BROOKLYN = "778743_*.json"  # gva-dev: a boy shot (Feb 20), dies (Feb 24), a teen arrested (Apr 6)


def test_story_page_reads_in_time_order_and_follows_another_process(
    tmp_path: Path, nlp: Any, embedder: Any, shared_data: Path
) -> None:
    """The page lays a late-joined story out by day with the gaps between, and the open app sees
    what another process (``storyline add`` / ``remove`` in a terminal) files and removes."""
    from storyline.reading import read
    from storyline.store import Library

    db = tmp_path / "library.db"
    settings = WebSettings(db_url=f"sqlite:///{db}", max_upload_bytes=256 * 1024)
    with TestClient(create_app(settings, nlp=nlp, embedder=embedder), base_url="http://localhost") as c:
        assert c.get("/index.json").json()["total"] == 0  # the app's library is open from here on
        with Library(db) as other:
            files = sorted((shared_data / "gva-dev").glob(BROOKLYN))
            other.add_articles([read(p) for p in files], nlp=nlp, embedder=embedder, crosscheck=False)
            (story,) = [s for s in other.stories() if (s.first, s.last) == ("2017-02-20", "2017-04-06")]
        assert c.get("/index.json").json()["total"] == len(other.stories())
        body = c.get(f"/stories/{story.id}.json").json()
        days = body["development"]
        assert [d["day"] for d in days] == sorted({d["day"] for d in days})
        assert (days[0]["day"], days[-1]["day"]) == ("2017-02-20", "2017-04-06")
        assert days[0]["gap"] is None and days[-1]["gap_label"] == "… 41 days later"
        assert sum(len(d["articles"]) for d in days) == len(body["story"]["articles"])
        html = c.get(f"/stories/{story.id}").text
        section = html[html.index('<section class="development"') :]
        first = section.index("Brooklyn gunman shoots 15-year-old")
        assert first < section.index("… 41 days later") < section.index("Brooklyn teen cuffed")
        assert_inert(html)
        with Library(db) as other:
            other.remove(story.id)
        assert c.get(f"/stories/{story.id}.json").status_code == 404


def test_a_story_checked_elsewhere_opens_from_its_stored_report(
    tmp_path: Path, nlp: Any, embedder: Any, shared_data: Path
) -> None:
    """A story another process's add checked opens from the report that add stored: no model
    loads for its first view, and the page is that report. When the other process files a third
    report into the story, the page shows all three at once (computed, as no check has stored
    them yet), and after that process's check the stored report again."""
    from storyline.reading import read
    from storyline.store import Library

    db = tmp_path / "library.db"
    triplet = sorted((shared_data / "basil-dev").glob("*.json"))[:3]  # one event, three outlets
    with Library(db) as other:
        other.add_articles([read(p) for p in triplet[:2]], nlp=nlp, embedder=embedder)
        (story,) = other.stories()
        kept = other.stored_report(other.story(story.id))
    assert kept is not None
    app = create_app(WebSettings(db_url=f"sqlite:///{db}"))  # models load only when needed
    resources = app.state.resources
    with TestClient(app, base_url="http://localhost") as c:
        body = c.get(f"/stories/{story.id}.json").json()
        assert body["report"] == kept.to_dict()
        assert c.get(f"/stories/{story.id}").status_code == 200
        assert resources._nlp is None and resources._embedder is None
        with Library(db) as other:
            other.add_articles([read(triplet[2])], nlp=nlp, embedder=embedder, crosscheck=False)
            assert len(c.get(f"/stories/{story.id}.json").json()["report"]["sources"]) == 3
            other.check_due(nlp=nlp, embedder=embedder)
            now = other.stored_report(other.story(story.id))
        assert now is not None and len(now.sources) == 3
        assert c.get(f"/stories/{story.id}.json").json()["report"]["sources"] == [
            s.to_dict() for s in now.sources
        ]


def test_the_server_checks_in_the_background_what_an_add_left_owed(
    tmp_path: Path, seed_paths: tuple[Path, Path], nlp: Any, embedder: Any
) -> None:
    """A story filed by ``add --no-check`` (``crosscheck=False``) is checked by the running server
    before anyone opens it: its report is stored and the page serves that one."""
    from storyline.reading import read
    from storyline.store import Library

    db = tmp_path / "lib.db"
    with Library(db) as lib:
        lib.add_articles([read(p) for p in seed_paths], nlp=nlp, embedder=embedder, crosscheck=False)
        (story,) = lib.stories()
        assert lib.due() == [story.id]
    app = create_app(WebSettings(db_url=f"sqlite:///{db}"), nlp=nlp, embedder=embedder)
    with TestClient(app, base_url="http://localhost") as c, Library(db) as lib:
        deadline = time.monotonic() + 120
        while lib.due() and time.monotonic() < deadline:
            time.sleep(0.2)
        kept = lib.stored_report(lib.story(story.id))
        assert lib.due() == [] and kept is not None
        assert c.get(f"/stories/{story.id}.json").json()["report"] == kept.to_dict()


def test_a_failing_owed_check_does_not_stop_the_servers_others(
    tmp_path: Path, seed_paths: tuple[Path, Path], shared_data: Path, nlp: Any, embedder: Any
) -> None:
    """The oldest owed story cannot be read back (one member's stored annotations overwritten):
    the server's background checks give it up after two tries, check the story after it, and the
    library page says which failed."""
    import sqlite3

    from storyline.reading import read
    from storyline.store import Library

    db = tmp_path / "lib.db"
    triplet = sorted((shared_data / "basil-dev").glob("08bb9bee-*.json"))
    with Library(db) as lib:
        lib.add_articles([read(p) for p in seed_paths], nlp=nlp, embedder=embedder, crosscheck=False)
        lib.add_articles([read(p) for p in triplet], nlp=nlp, embedder=embedder, crosscheck=False)
        broken, fine = lib.due()
    with sqlite3.connect(db) as conn:
        kept = conn.execute("SELECT id, annotated FROM articles WHERE story_id = ?", (broken,)).fetchall()
        conn.execute("UPDATE articles SET annotated = '{}' WHERE story_id = ?", (broken,))
    app = create_app(WebSettings(db_url=f"sqlite:///{db}"), nlp=nlp, embedder=embedder)
    with TestClient(app, base_url="http://localhost") as c, Library(db) as lib:
        deadline = time.monotonic() + 120
        while lib.due() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert lib.due() == [] and lib.stored_report(lib.story(fine)) is not None
        assert [story for story, _ in lib.failed_checks()] == [broken]
        rows = {r["id"]: r for r in c.get("/index.json").json()["stories"]}
        assert rows[broken]["check_failed"] and not rows[fine]["check_failed"]
        assert "cross-check failed" in c.get("/").text
        # mended, its page checks it and stores the check: the library page no longer says failed
        with sqlite3.connect(db) as conn:
            conn.executemany("UPDATE articles SET annotated = ? WHERE id = ?", [(a, i) for i, a in kept])
        assert c.get(f"/stories/{broken}").status_code == 200
        assert lib.failed_checks() == [] and lib.stored_report(lib.story(broken)) is not None
        rows = {r["id"]: r for r in c.get("/index.json").json()["stories"]}
        assert not rows[broken]["check_failed"] and rows[broken]["conflicts"] is not None
        assert "cross-check failed" not in c.get("/").text
