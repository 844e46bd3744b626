"""Reading web addresses, against a local HTTP server in a thread (never the internet)."""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from storyline.errors import UnreadableInput
from storyline.reading import iter_inputs, read
from storyline.reading.sniff import ReadOptions

SEED_B = Path(__file__).resolve().parent.parent / "examples" / "001_480647fc13891387.txt"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _send(self, body: bytes, ctype: str = "text/plain; charset=utf-8", **headers: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path == "/seed":
            self._send(SEED_B.read_bytes())
        elif self.path == "/seed-gz":
            self._send(gzip.compress(SEED_B.read_bytes()), Content_Encoding="gzip")
        elif self.path == "/cp1252":
            self._send(
                SEED_B.read_text(encoding="utf-8").encode("cp1252", "replace"), "text/plain; charset=cp1252"
            )
        elif self.path == "/gz-members":  # a bomb cut into gzip members
            self._send(gzip.compress(b"\0" * 600_000) * 3, Content_Encoding="gzip")
        elif self.path == "/trickle":  # one byte at a time, never idle long enough to time out
            self.send_response(200)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                for _ in range(40):
                    self.wfile.write(b"z")
                    self.wfile.flush()
                    time.sleep(0.1)
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(b"late")
        elif self.path == "/big":
            self._send(b"x" * 200_000)
        elif self.path == "/stream":  # no Content-Length: the limit must hold while reading
            self.send_response(200)
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"y" * 10_000)
        elif self.path.startswith("/loop"):
            n = int(self.path.removeprefix("/loop") or 0)
            self.send_response(302)
            self.send_header("Location", f"/loop{n + 1}")
            self.end_headers()
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/seed")
            self.end_headers()
        else:
            self.send_error(404, "Not Found")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetches_a_page_and_keeps_its_address(server: str) -> None:
    art = read(f"{server}/seed")
    assert art.title and art.title.startswith("Putin warns Biden")
    assert art.path == f"{server}/seed"
    assert art.url == f"{server}/seed"
    assert read(f"{server}/seed-gz").id == art.id
    assert read(f"{server}/cp1252").text.startswith("President Vladimir Putin")


def test_follows_a_redirect_and_records_where_it_landed(server: str) -> None:
    assert read(f"{server}/moved").url == f"{server}/seed"


def test_every_member_of_a_gzip_response_counts_against_the_limit(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.reading import decode

    monkeypatch.setattr(decode, "MAX_DECOMPRESSED", 1_000_000)
    with pytest.raises(UnreadableInput, match="expands past"):
        read(f"{server}/gz-members")
    assert read(f"{server}/seed-gz").text  # one member within the limit reads as before


def test_a_trickling_download_is_stopped_by_the_deadline(server: str) -> None:
    options = ReadOptions(timeout_s=1.0, deadline_s=1.0)
    with pytest.raises(UnreadableInput, match="longer than 1 s"):
        read(f"{server}/trickle", options=options)


def test_not_found(server: str) -> None:
    with pytest.raises(UnreadableInput, match="HTTP 404"):
        read(f"{server}/nothing")


def test_timeout(server: str) -> None:
    with pytest.raises(UnreadableInput, match="timed out"):
        read(f"{server}/slow", options=ReadOptions(timeout_s=0.3))


def test_size_limit(server: str) -> None:
    with pytest.raises(UnreadableInput, match="larger than"):
        read(f"{server}/big", options=ReadOptions(max_bytes=100_000))
    with pytest.raises(UnreadableInput, match="larger than"):
        read(f"{server}/stream", options=ReadOptions(max_bytes=100_000))


def test_redirect_limit(server: str) -> None:
    with pytest.raises(UnreadableInput, match="more than 3 redirects"):
        read(f"{server}/loop", options=ReadOptions(max_redirects=3))


def test_unreachable_host_is_one_error_among_inputs(server: str) -> None:
    got = list(iter_inputs(["http://127.0.0.1:9/x", f"{server}/seed"]))
    assert isinstance(got[0], UnreadableInput) and "cannot fetch" in got[0].reason
    assert not isinstance(got[1], UnreadableInput)
