"""A local HTTP server for the ``watch`` tests (never the internet): it serves what a test puts in
``Site.pages`` with an ETag and a Last-Modified date (a matching If-None-Match gets a 304), hands a
path in ``Site.routes`` to that handler (hostile or odd answers), and logs every request with its
conditional headers, User-Agent and the time it arrived. Two servers are two hosts (two ports)."""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import importlib.util
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

LAST_MODIFIED = email.utils.formatdate(1_700_000_000, usegmt=True)


@dataclass(frozen=True)
class Request:
    path: str
    etag: str | None  # If-None-Match
    since: str | None  # If-Modified-Since
    at: float  # time.monotonic() on arrival
    agent: str | None = None  # User-Agent


@dataclass
class Site:
    """What the server serves, and every request it saw."""

    base: str = ""
    pages: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    routes: dict[str, Callable[[BaseHTTPRequestHandler, Site], None]] = field(default_factory=dict)
    log: list[Request] = field(default_factory=list)

    def paths(self) -> list[str]:
        return [r.path for r in self.log]


def redirect(location: str, status: int = 302) -> Callable[[BaseHTTPRequestHandler, Site], None]:
    """A route answering with a redirect to ``location``."""

    def answer(h: BaseHTTPRequestHandler, _site: Site) -> None:
        h.send_response(status)
        h.send_header("Location", location)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return answer


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            tag, since = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            site.log.append(Request(self.path, tag, since, time.monotonic(), self.headers.get("User-Agent")))
            if self.path in site.routes:
                site.routes[self.path](self, site)
                return
            found = site.pages.get(self.path)
            if found is None:
                self.send_error(404, "Not Found")
                return
            body, ctype = found
            etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
            if tag == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MODIFIED)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

    return Handler


@contextlib.contextmanager
def serving() -> Iterator[Site]:
    """A server on 127.0.0.1 and a free port, in a thread, for the ``with`` block."""
    s = Site()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(s))
    s.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield s
    finally:
        httpd.shutdown()
        httpd.server_close()


def bench_watch() -> ModuleType:
    """bench/bench_watch.py, whose pages and listings the tests serve too."""
    spec = importlib.util.spec_from_file_location(
        "bench_watch", Path(__file__).parent.parent / "bench/bench_watch.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
