"""Safety of the web app beyond escaping: fetch refusals through the add page, body limits on
streamed uploads, a library that cannot be opened, and the serve command's defaults."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyline.store import Library
from storyline.web import WebSettings, create_app, settings_from_flags
from storyline.web.settings import hosts_for

ROOT = Path(__file__).resolve().parent.parent


def test_allowed_fetch_still_refuses_loopback_and_says_so_beside_the_url(tmp_path: Path) -> None:
    # A real server on loopback that would answer if it were asked: it must never be asked.
    hits: list[str] = []
    with socket.socket() as srv:
        srv.bind(("127.0.0.1", 0))
        srv.listen()
        srv.settimeout(0.2)
        port = srv.getsockname()[1]
        settings = WebSettings(db_url=f"sqlite:///{tmp_path / 'lib.db'}", allow_fetch=True)
        with TestClient(create_app(settings), base_url="http://localhost") as client:
            assert "Web addresses" in client.get("/add").text
            urls = f"http://127.0.0.1:{port}/private\nhttp://localhost:{port}/\nfile:///etc/passwd"
            r = client.post("/add.json", data={"urls": urls})
            assert r.status_code == 202
            job = _wait(client, r.json()["url"])
            try:
                conn, _ = srv.accept()
                hits.append("connected")
                conn.close()
            except TimeoutError:
                pass
    errors = {f["name"]: f["error"] for f in job["files"]}
    assert "private, loopback or link-local" in errors[f"http://127.0.0.1:{port}/private"]
    assert "private, loopback or link-local" in errors[f"http://localhost:{port}/"]
    assert "only http and https" in errors["file:///etc/passwd"]
    assert hits == []


def _wait(client: TestClient, url: str) -> dict[str, object]:
    for _ in range(300):
        job: dict[str, object] = client.get(url).json()["job"]
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError("job did not finish")


def test_a_streamed_body_over_the_limit_is_cut_off(tmp_path: Path) -> None:
    settings = WebSettings(db_url=f"sqlite:///{tmp_path / 'lib.db'}", max_upload_bytes=64 * 1024)

    def chunks() -> Iterator[bytes]:
        yield b'--b\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n\r\n'
        for _ in range(40):
            yield b"x" * 4096
        yield b"\r\n--b--\r\n"

    with TestClient(create_app(settings), base_url="http://localhost") as client:
        # No Content-Length: the limit has to be counted as the body arrives.
        r = client.post(
            "/compare.json", content=chunks(), headers={"Content-Type": "multipart/form-data; boundary=b"}
        )
        assert r.status_code == 413
        assert r.json()["error"].startswith("the upload is larger than the limit of 0.0625 MB")


def test_a_library_that_cannot_be_opened_is_one_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder" / "lib.db"
    with TestClient(create_app(WebSettings(db_url=str(missing))), base_url="http://localhost") as client:
        r = client.get("/index.json")
        assert r.status_code == 503
        assert r.json()["ok"] is False and "does not exist" in r.json()["error"]
        page = client.get("/")
        assert page.status_code == 503 and "does not exist" in page.text and "Traceback" not in page.text
        # The pages that need no library still work.
        assert client.get("/compare").status_code == 200
        # An add says why it failed on its job page.
        text = (
            "Bridge reopens in Kelso\n\nThe Kelso bridge reopened on Monday after three weeks of repairs, "
            "the council said.\n\nAbout 4,000 vehicles cross it every day, officials said."
        )
        r = client.post("/add.json", data={"text": [text]})
        job = _wait(client, r.json()["url"])
        assert job["status"] == "failed" and "does not exist" in str(job["error"])
        assert "does not exist" in client.get(r.json()["url"].removesuffix(".json")).text


def test_serve_defaults_to_loopback_and_no_fetching() -> None:
    from storyline.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output and "--allow-fetch" in result.output
    assert "--max-upload-mb" in result.output
    s = settings_from_flags(db=None, max_upload_mb=20, allow_fetch=False)
    assert s.allow_fetch is False and s.max_upload_bytes == 20 * 1024 * 1024


def _serve(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[bytes], str]:
    """A real ``storyline serve`` on a free loopback port, answering; and its base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).parent / "storyline"
    Library(tmp_path / "lib.db").close()  # serve opens a library; only `add` creates one
    cmd = [str(exe), "serve", "--db", str(tmp_path / "lib.db"), "--port", str(port), *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            httpx.get(f"{base}/index.json", timeout=2)
            return proc, base
        except httpx.HTTPError:
            if proc.poll() is not None:
                pytest.fail(proc.stderr.read().decode() if proc.stderr else "serve exited")
            time.sleep(0.2)
    proc.kill()
    pytest.fail("serve did not answer within 30 s")


def test_storyline_serve_answers_on_loopback(tmp_path: Path) -> None:
    proc, base = _serve(tmp_path)
    try:
        body = httpx.get(f"{base}/index.json", timeout=2).json()
        assert body == {
            "ok": True, "stories": [], "total": 0,
            "query": {"q": "", "source": "", "since": None, "until": None, "offset": 0},
            "sources": [], "next": None,
        }
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _reports(n: int, town: str = "Kelso") -> list[str]:
    """``n`` distinct short reports."""
    return [
        f"Bridge {i} reopens in {town}\n\nThe bridge number {i} in {town} reopened on Monday after "
        f"{i % 9 + 2} weeks of repairs, the council said.\n\nAbout {1000 + i} vehicles cross it "
        "every day, officials said."
        for i in range(n)
    ]


def test_sigterm_stops_serve_in_seconds_while_an_add_and_a_compare_run(tmp_path: Path) -> None:
    """uvicorn's graceful shutdown waits for running requests and the app's shutdown; neither may
    wait for the work itself: the add stops after the article it is filing, the compare is dropped."""
    import sqlite3
    import threading

    proc, base = _serve(tmp_path)
    try:
        added = httpx.post(f"{base}/add.json", data={"text": _reports(300)}, timeout=30)
        assert added.status_code == 202, added.text
        job_url = added.json()["url"]
        compared: list[object] = []

        def compare() -> None:  # 50 long reports: it first waits for the add's batch to free the models
            try:
                long_reports = ["\n\n".join([r] * 8) for r in _reports(50, "Hawick")]
                r = httpx.post(f"{base}/compare.json", data={"text": long_reports}, timeout=120)
                compared.append(r.status_code)
            except httpx.HTTPError as exc:
                compared.append(exc)

        asker = threading.Thread(target=compare)
        deadline = time.monotonic() + 240
        while True:
            job = httpx.get(job_url, timeout=10).json()["job"]
            if job["stage"].startswith("annotating") and job["done"] >= 1:  # the models loaded, filing
                break
            assert time.monotonic() < deadline, "the add never started filing"
            time.sleep(0.3)
        # asked only now, so it is still waiting or running when the signal comes (asked earlier,
        # it could take the models before the add's first batch and finish first)
        asker.start()
        time.sleep(0.5)
        start = time.monotonic()
        proc.terminate()
        code = proc.wait(timeout=60)
        took = time.monotonic() - start
        asker.join(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    err = proc.stderr.read().decode() if proc.stderr else ""
    assert took < 10, f"serve took {took:.1f} s to stop"
    assert code in (0, -signal.SIGTERM), err  # uvicorn re-raises the signal once it has shut down
    assert "Traceback" not in err, err
    print(f"stopped in {took:.1f} s")
    assert compared and compared[0] != 200  # abandoned, not finished
    with sqlite3.connect(tmp_path / "lib.db") as conn:  # what was filed is whole, the rest was left
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        filed = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 1 <= filed < 300


def test_only_the_hosts_the_server_was_started_for_are_answered(tmp_path: Path) -> None:
    """A page that rebinds its own name to 127.0.0.1 still sends ``Host: its-name``: 400."""
    settings = WebSettings(db_url=f"sqlite:///{tmp_path / 'lib.db'}")
    with TestClient(create_app(settings), base_url="http://localhost") as client:
        for host in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"):
            assert client.get("/index.json", headers={"Host": host}).status_code == 200, host
        for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost@evil", ""):
            r = client.get("/index.json", headers={"Host": host})
            assert r.status_code == 400, host
            assert (r.json()["ok"] is False and "--allow-host" in r.json()["error"]) or not host
        page = client.get("/", headers={"Host": "evil.example", "Accept": "text/html"})
        assert page.status_code == 400 and "does not answer to the host" in page.text
        assert page.headers["content-security-policy"].startswith("default-src 'self'")
    everywhere = hosts_for("0.0.0.0", ["news.lan"])
    named = WebSettings(db_url=f"sqlite:///{tmp_path / 'lib.db'}", allowed_hosts=everywhere)
    with TestClient(create_app(named), base_url="http://news.lan") as client:
        assert client.get("/index.json").status_code == 200
        assert client.get("/index.json", headers={"Host": "127.0.0.1"}).status_code == 200
        assert client.get("/index.json", headers={"Host": "other.lan"}).status_code == 400


def test_hosts_follow_the_address_served_and_allow_host() -> None:
    assert hosts_for("127.0.0.1") == ("127.0.0.1", "localhost", "::1")
    assert hosts_for("::1") == ("::1", "localhost", "127.0.0.1")
    assert hosts_for("192.168.1.5") == ("192.168.1.5",)  # a LAN address is not loopback
    assert hosts_for("192.168.1.5", ["News.Lan", "[fe80::1]"]) == ("192.168.1.5", "news.lan", "fe80::1")
    assert hosts_for("0.0.0.0", ["news.lan"]) == ("localhost", "127.0.0.1", "::1", "news.lan")
    with pytest.raises(ValueError, match="'http://x/y' is not a host name"):
        hosts_for("127.0.0.1", ["http://x/y"])
    from storyline.cli import app

    result = CliRunner().invoke(app, ["serve", "--allow-host", "a b/c"])
    assert result.exit_code == 2
    line = "storyline: --allow-host: --allow-host 'a b/c' is not a host name or address"
    assert result.stderr.strip() == line


GOOD = "Bridge reopens in Kelso\n\nThe Kelso bridge reopened on Monday after three weeks of repairs."


def test_cross_site_state_changes_are_refused_and_programs_still_post(tmp_path: Path) -> None:
    """A browser marks a POST from another site's page with Origin (form posts too), Referer or
    Sec-Fetch-Site; a request without any of them comes from a program such as curl."""
    settings = WebSettings(db_url=f"sqlite:///{tmp_path / 'lib.db'}")
    refused = [
        {"Origin": "http://evil.example"},
        {"Origin": "http://localhost:8000"},  # another port is another origin
        {"Origin": "https://localhost"},
        {"Origin": "null"},
        {"Origin": "null", "Sec-Fetch-Site": "cross-site"},
        {"Referer": "http://evil.example/page"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ]
    allowed = [
        {},  # curl
        {"Origin": "http://localhost"},  # this server's own page
        {"Origin": "http://LOCALHOST:80"},
        {"Referer": "http://localhost/add"},
        {"Origin": "null", "Sec-Fetch-Site": "same-origin"},
        {"Sec-Fetch-Site": "same-origin"},
        {"Sec-Fetch-Site": "none"},  # typed by the user
    ]
    with TestClient(create_app(settings), base_url="http://localhost") as client:
        for headers in refused:
            for path in ("/add", "/add.json", "/compare.json"):
                form = client.post(path, data={"text": [GOOD]}, headers=headers)
                upload = client.post(path, files=[("files", ("a.txt", GOOD.encode(), "text/plain"))],
                                     headers=headers)
                for r in (form, upload):
                    assert r.status_code == 403, (path, headers)
                    assert "refusing a request" in r.text, (path, headers)
        for headers in allowed:  # through to the handler: nothing to add
            r = client.post("/add.json", data={"text": [""]}, headers=headers)
            assert r.status_code == 400 and "nothing to add" in r.json()["error"], headers
        for method in (client.put, client.delete, client.patch):
            assert method("/add", headers={"Origin": "http://evil.example"}).status_code == 403
        assert client.get("/add", headers={"Origin": "http://evil.example"}).status_code == 200
        assert client.get("/index.json").json()["total"] == 0  # nothing refused was filed
        page = client.get("/add")
        assert page.headers["referrer-policy"] == "same-origin"  # so our own posts carry their Origin


def test_compare_takes_at_most_50_reports(tmp_path: Path) -> None:
    settings = WebSettings(db_url=f"sqlite:///{tmp_path / 'lib.db'}")
    with TestClient(create_app(settings), base_url="http://localhost") as client:
        r = client.post("/compare.json", data={"text": _reports(51)})
        assert r.status_code == 400
        assert r.json()["error"].startswith("compare takes 2 to 50 reports and 51 were given")
        feed = "\n".join(json.dumps({"title": f"Report {i}", "text": t}) for i, t in enumerate(_reports(900)))
        upload = [("files", ("feed.jsonl", feed.encode(), "application/x-ndjson"))]
        r = client.post("/compare.json", files=upload)
        assert r.status_code == 400 and "the files hold more" in r.json()["error"]
        page = client.post("/compare", data={"text": _reports(60)}, headers={"Accept": "text/html"})
        assert page.status_code == 400 and "compare takes 2 to 50 reports" in page.text


def test_a_compare_waits_for_busy_models_only_so_long(tmp_path: Path) -> None:
    """While the models are held (another compare, an add's batch), a compare is answered 503 with
    Retry-After after ``compare_wait_s`` instead of queueing behind them."""
    settings = WebSettings(db_url=f"sqlite:///{tmp_path / 'lib.db'}", compare_wait_s=0.5)
    app = create_app(settings)
    with TestClient(app, base_url="http://localhost") as client, app.state.resources.model_lock:
        start = time.monotonic()
        r = client.post("/compare.json", data={"text": _reports(2)})
        assert time.monotonic() - start < 10
        assert r.status_code == 503 and r.headers["retry-after"] == "1"
        assert "busy" in r.json()["error"]
