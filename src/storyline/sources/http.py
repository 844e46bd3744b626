"""Polite fetching for ``watch``: one client for the pass, one request at a time per host with a
delay between them, robots.txt honoured per host, conditional requests for sources.

Size, time and redirect bounds and the decoding of gzip/deflate are ``reading.fetch``'s, shared
with ``read URL`` and ``add URL``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from storyline.errors import UnreadableInput
from storyline.reading.fetch import USER_AGENT, read_body, translated
from storyline.reading.sniff import Blob, ReadOptions
from storyline.sources.urls import host_of

ROBOTS_AGENT = "storyline"  # the product token robots.txt groups are matched against
BUSY = frozenset({429, 502, 503, 504})  # worth asking again later in the same pass
RETRIES = 2
MAX_RETRY_AFTER_S = 60.0  # a longer wait is left to the next pass (the page stays unsettled)
DEFAULT_DELAY_S = 1.0  # between two requests to one outlet, unless its robots.txt asks for more


@dataclass(frozen=True)
class Fetched:
    """A response worth reading (``blob``), or a 304 (``blob`` None) that costs nothing more."""

    blob: Blob | None
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class PoliteClient:
    """An httpx client for one pass; ``requests`` counts what it sent (robots.txt included)."""

    options: ReadOptions
    delay_s: float | None = None  # None: DEFAULT_DELAY_S, or robots.txt's Crawl-delay when longer
    requests: int = 0
    _client: Any = None
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, RobotFileParser | UnreadableInput] = field(default_factory=dict)

    def __enter__(self) -> PoliteClient:
        import httpx

        self._client = httpx.Client(
            follow_redirects=True,
            max_redirects=self.options.max_redirects,
            timeout=self.options.timeout_s,
            headers={"User-Agent": USER_AGENT},
        )
        return self

    def __exit__(self, *_exc: object) -> None:
        self._client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url``, conditionally when validators are given; failures as ``UnreadableInput``.
        A busy server (429, 502–504) is asked again after the pause it names in Retry-After
        (seconds, at most ``MAX_RETRY_AFTER_S``) or a doubling one, ``RETRIES`` times."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for attempt in range(RETRIES + 1):
            got = self._get_once(url, headers, etag, last_modified)
            if isinstance(got, Fetched):
                return got
            if attempt == RETRIES or got > MAX_RETRY_AFTER_S:
                break
            time.sleep(got if got >= 0 else 2.0**attempt)
        raise UnreadableInput(url, f"server busy (still refusing after {attempt + 1} tries)")

    def _get_once(
        self, url: str, headers: dict[str, str], etag: str | None, last_modified: str | None
    ) -> Fetched | float:
        """One request: what it fetched, or for a busy server the seconds it asks us to wait
        (-1 when it names none)."""
        import httpx

        self._wait(url)
        deadline = time.monotonic() + self.options.deadline_s
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                if resp.status_code == 304:
                    return Fetched(None, etag, last_modified)
                if resp.status_code in BUSY:
                    after = resp.headers.get("retry-after", "").strip()
                    return float(after) if after.isdigit() else -1.0
                if resp.status_code >= 400:
                    raise UnreadableInput(url, f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                data = read_body(resp, url, self.options, deadline)
                blob = Blob.from_bytes(url, data, url=str(resp.url), charset=resp.charset_encoding)
                return Fetched(blob, resp.headers.get("etag"), resp.headers.get("last-modified"))
        except httpx.HTTPError as exc:
            raise translated(url, exc, self.options) from exc
        finally:
            self._last[host_of(url)] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets storyline fetch ``url`` (read once per host). A
        robots.txt that cannot be read for a server error is this page's failure, tried again on
        a later pass; one that is missing allows everything."""
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc.lower()}"
        if key not in self._robots:
            self._robots[key] = self._read_robots(key)
        rules = self._robots[key]
        if isinstance(rules, UnreadableInput):
            raise UnreadableInput(url, f"robots.txt unreadable ({rules.reason})")
        return rules.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, origin: str) -> RobotFileParser | UnreadableInput:
        robots_url = urlunsplit((*urlsplit(origin)[:2], "/robots.txt", "", ""))
        rules = RobotFileParser(robots_url)
        try:
            got = self.get(robots_url)
        except UnreadableInput as exc:
            status = exc.reason.split()[1] if exc.reason.startswith("HTTP ") else ""
            if status in ("401", "403"):  # the convention robotparser itself follows
                rules.parse(["User-agent: *", "Disallow: /"])
            elif status.startswith("4"):  # no robots.txt: nothing is disallowed
                rules.parse([])
            else:
                return exc
            return rules
        assert got.blob is not None and got.blob.data is not None
        rules.parse(got.blob.data.decode("utf-8", "replace").splitlines())
        return rules

    def delay_for(self, url: str) -> float:
        """Seconds between two requests to ``url``'s host: ``--delay`` when given; else none for
        this machine's own loopback server (there is no one else's server to spare), else the
        default or the host's robots.txt Crawl-delay, whichever is longer."""
        if self.delay_s is not None:
            return self.delay_s
        host = (urlsplit(url).hostname or "").lower()
        if host == "localhost" or _is_loopback(host):
            return 0.0
        parts = urlsplit(url)
        rules = self._robots.get(f"{parts.scheme}://{parts.netloc.lower()}")
        crawl = rules.crawl_delay(ROBOTS_AGENT) if isinstance(rules, RobotFileParser) else None
        return max(DEFAULT_DELAY_S, float(crawl or 0))

    def _wait(self, url: str) -> None:
        self.requests += 1
        last = self._last.get(host_of(url))
        if last is not None:
            pause = self.delay_for(url) - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)


def _is_loopback(host: str) -> bool:
    import ipaddress

    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
