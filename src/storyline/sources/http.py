"""Polite fetching for ``watch``: one client for the pass, one request at a time per host with a
delay between them, robots.txt honoured per host, conditional requests for sources.

Redirects are followed here, one hop at a time, so that an address on one host that redirects to
another is checked against the second host's robots.txt and spaced by its delay before it is
asked. The redirect bound, the size and time bounds and the decoding of gzip/deflate are
``reading.fetch``'s, shared with ``read URL`` and ``add URL``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from storyline.errors import UnreadableInput
from storyline.reading.fetch import USER_AGENT, is_url, read_body, translated
from storyline.reading.sniff import Blob, ReadOptions
from storyline.sources.urls import host_of

ROBOTS_AGENT = "storyline"  # the product token robots.txt groups are matched against
# Worth asking again later in the same pass: too many requests, and the server errors that are
# usually passing (a 500 mid-deploy, an overloaded or restarting upstream); 501 and 505 never pass.
BUSY = frozenset({429, 500, 502, 503, 504})
RETRIES = 2
MAX_RETRY_AFTER_S = 60.0  # a longer wait is left to the next pass (the page stays unsettled)
DEFAULT_DELAY_S = 1.0  # between two requests to one outlet, unless its robots.txt asks for more
# How long a robots.txt read in one pass is trusted by the next ones of a `watch --every` (RFC 9309
# allows a day): a site that starts refusing storyline is obeyed within the hour, and a pass that
# finds every feed unchanged asks nothing but the feeds.
ROBOTS_TTL_S = 3600.0


class Disallowed(UnreadableInput):
    """robots.txt forbids the address, or one it redirects to; it was not requested."""


@dataclass(frozen=True)
class Fetched:
    """A response worth reading (``blob``), or a 304 (``blob`` None) that costs nothing more."""

    blob: Blob | None
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class PoliteClient:
    """An httpx client for one pass; ``requests`` counts what it sent (robots.txt included).
    ``robots`` holds the robots.txt rules read, by origin; hand the same dict to the next pass's
    client to reuse them for ``ROBOTS_TTL_S`` (one that could not be read is read again)."""

    options: ReadOptions
    delay_s: float | None = None  # None: DEFAULT_DELAY_S, or robots.txt's Crawl-delay when longer
    robots: dict[str, RobotFileParser | UnreadableInput] = field(default_factory=dict)
    requests: int = 0
    _client: Any = None
    _last: dict[str, float] = field(default_factory=dict)

    def __enter__(self) -> PoliteClient:
        import httpx

        self._client = httpx.Client(
            follow_redirects=False,  # followed by ``get``, each hop checked against robots.txt
            timeout=self.options.timeout_s,
            headers={"User-Agent": USER_AGENT},
        )
        return self

    def __exit__(self, *_exc: object) -> None:
        self._client.close()
        for origin in [k for k, v in self.robots.items() if isinstance(v, UnreadableInput)]:
            del self.robots[origin]  # a server error this pass; the next asks again

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None, robots: bool = True
    ) -> Fetched:
        """GET ``url``, conditionally when validators are given; failures as ``UnreadableInput``
        naming ``url``. Redirects are followed here, not by httpx, so that every address asked
        (``url`` and each one it redirects to, on whatever host) is first checked against its own
        host's robots.txt (``Disallowed``: it is never requested) and spaced by its host's delay;
        at most ``max_redirects`` of them, as for ``add URL``."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        target = url
        for _hop in range(self.options.max_redirects + 1):
            if not is_url(target):
                raise UnreadableInput(url, f"redirects to {target}, not a web address")
            if robots and not self._robots_allow(url, target):
                where = "" if target == url else f"redirects to {target}, "
                raise Disallowed(url, f"{where}disallowed by robots.txt")
            got = self._get_retrying(url, target, headers, etag, last_modified)
            if isinstance(got, Fetched):
                return got
            target = got
        raise UnreadableInput(url, f"more than {self.options.max_redirects} redirects")

    def _get_retrying(
        self, name: str, url: str, headers: dict[str, str], etag: str | None, last_modified: str | None
    ) -> Fetched | str:
        """One address: what it holds, or where it redirects. A busy server (429, 500, 502–504) is
        asked again after the pause it names in Retry-After (seconds or an HTTP date, at most
        ``MAX_RETRY_AFTER_S``) or a doubling one, ``RETRIES`` times."""
        for attempt in range(RETRIES + 1):
            got = self._get_once(name, url, headers, etag, last_modified)
            if not isinstance(got, float):
                return got
            if attempt == RETRIES or got > MAX_RETRY_AFTER_S:
                break
            time.sleep(got if got >= 0 else 2.0**attempt)
        raise UnreadableInput(name, f"server busy (still refusing after {attempt + 1} tries)")

    def _get_once(
        self, name: str, url: str, headers: dict[str, str], etag: str | None, last_modified: str | None
    ) -> Fetched | str | float:
        """One request: what it fetched, the address it redirects to, or for a busy server the
        seconds it asks us to wait (-1 when it names none)."""
        import httpx

        self._wait(url)
        deadline = time.monotonic() + self.options.deadline_s
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                if resp.next_request is not None:
                    return str(resp.next_request.url)
                if resp.status_code == 304:
                    return Fetched(None, etag, last_modified)
                if resp.status_code in BUSY:
                    return retry_after(resp.headers.get("retry-after", ""))
                if resp.status_code >= 400:
                    raise UnreadableInput(name, f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                data = read_body(resp, name, self.options, deadline)
                blob = Blob.from_bytes(name, data, url=str(resp.url), charset=resp.charset_encoding)
                return Fetched(blob, resp.headers.get("etag"), resp.headers.get("last-modified"))
        except httpx.HTTPError as exc:
            raise translated(name, exc, self.options) from exc
        finally:
            self._last[host_of(url)] = time.monotonic()

    def _robots_allow(self, name: str, url: str) -> bool:
        try:
            return self.allowed(url)
        except UnreadableInput as exc:
            reason = exc.reason if name == url else f"redirects to {url}: {exc.reason}"
            raise UnreadableInput(name, reason) from exc

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets storyline fetch ``url`` (read once per host, kept
        ``ROBOTS_TTL_S`` when ``robots`` is handed on to later passes). A
        robots.txt that cannot be read for a server error is this page's failure, tried again on
        a later pass; one that is missing allows everything."""
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc.lower()}"
        rules = self.robots.get(key)
        stale = isinstance(rules, RobotFileParser) and time.time() - rules.mtime() > ROBOTS_TTL_S
        if rules is None or stale:
            rules = self.robots[key] = self._read_robots(key)
        if isinstance(rules, UnreadableInput):
            raise UnreadableInput(url, f"robots.txt unreadable ({rules.reason})")
        return rules.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, origin: str) -> RobotFileParser | UnreadableInput:
        robots_url = urlunsplit((*urlsplit(origin)[:2], "/robots.txt", "", ""))
        rules = RobotFileParser(robots_url)
        try:
            got = self.get(robots_url, robots=False)  # RFC 9309: its redirects are followed
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
        rules = self.robots.get(f"{parts.scheme}://{parts.netloc.lower()}")
        crawl = rules.crawl_delay(ROBOTS_AGENT) if isinstance(rules, RobotFileParser) else None
        return max(DEFAULT_DELAY_S, float(crawl or 0))

    def _wait(self, url: str) -> None:
        self.requests += 1
        last = self._last.get(host_of(url))
        if last is not None:
            pause = self.delay_for(url) - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)


def retry_after(value: str) -> float:
    """Seconds a Retry-After header asks for: a number of seconds or an HTTP date (RFC 9110
    10.2.3); -1 when it names neither."""
    import email.utils

    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return -1.0
    if when.tzinfo is None:  # an HTTP date is GMT; a date without a zone is read as such
        from datetime import UTC

        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - time.time())


def _is_loopback(host: str) -> bool:
    import ipaddress

    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
