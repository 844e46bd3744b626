"""The web app's pages and JSON twins through FastAPI's TestClient, on the seeds and hostile text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyline.web import WebSettings, create_app

HOSTILE = (
    "Hostile reporter writes for Example News.\n\n"
    'Officials said <script>alert("owned")</script> the talks would begin on Monday in Geneva.\n\n'
    'A spokesman added <img src=x onerror="alert(1)"> that nothing was agreed.\n\n'
    'Readers were told to <a href="javascript:alert(2)">click here</a> for more on the talks.\n'
)

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
    with TestClient(create_app(settings, nlp=nlp, embedder=embedder)) as c:
        yield c


@pytest.fixture(scope="module")
def seed_texts(seed_paths: tuple[Path, Path]) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in seed_paths]


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
            assert re.match(r"http://testserver/(static|assets)/[a-z]+\.js$", attrs.get("src", "")), attrs
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
