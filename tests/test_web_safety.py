"""Safety of the web app beyond escaping: fetch refusals through the add page, body limits on
streamed uploads, a library that cannot be opened, and the serve command's defaults."""

from __future__ import annotations

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
        with TestClient(create_app(settings)) as client:
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

    with TestClient(create_app(settings)) as client:
        # No Content-Length: the limit has to be counted as the body arrives.
        r = client.post(
            "/compare.json", content=chunks(), headers={"Content-Type": "multipart/form-data; boundary=b"}
        )
        assert r.status_code == 413
        assert r.json()["error"].startswith("the upload is larger than the limit of 0.0625 MB")


def test_a_library_that_cannot_be_opened_is_one_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder" / "lib.db"
    with TestClient(create_app(WebSettings(db_url=str(missing)))) as client:
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


def test_storyline_serve_answers_on_loopback(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).parent / "storyline"
    Library(tmp_path / "lib.db").close()  # serve opens a library; only `add` creates one
    cmd = [str(exe), "serve", "--db", str(tmp_path / "lib.db"), "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    try:
        body = None
        for _ in range(150):
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/index.json", timeout=2).json()
                break
            except httpx.HTTPError:
                if proc.poll() is not None:
                    pytest.fail(proc.stderr.read().decode() if proc.stderr else "serve exited")
                time.sleep(0.2)
        assert body == {
            "ok": True, "stories": [], "total": 0,
            "query": {"q": "", "source": "", "since": None, "until": None, "offset": 0},
            "sources": [], "next": None,
        }
    finally:
        proc.terminate()
        proc.wait(timeout=20)
