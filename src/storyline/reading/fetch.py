"""Fetching a web address: bounded in time, size and redirects, each failure one clear sentence."""

from __future__ import annotations

import time
from typing import Any

from storyline import __version__
from storyline.errors import UnreadableInput
from storyline.reading.sniff import Blob, ReadOptions

# Names the tool and its version only: the project has no public address to point to yet.
USER_AGENT = f"storyline/{__version__} (news cross-checking)"


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def fetch(url: str, options: ReadOptions) -> Blob:
    """Download one page into a Blob named by the address the user gave."""
    import httpx  # imported here: most runs read files and should not pay for it

    deadline = time.monotonic() + options.deadline_s
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=options.max_redirects,
                timeout=options.timeout_s,
                headers={"User-Agent": USER_AGENT},
            ) as client,
            client.stream("GET", url) as resp,
        ):
            if resp.status_code >= 400:
                raise UnreadableInput(url, f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
            data = read_body(resp, url, options, deadline)
            return Blob.from_bytes(url, data, url=str(resp.url), charset=resp.charset_encoding)
    except httpx.HTTPError as exc:
        raise translated(url, exc, options) from exc


def read_body(resp: Any, url: str, options: ReadOptions, deadline: float) -> bytes:
    """The body of a streamed httpx response, decoded, refused past ``options.max_bytes`` (as
    sent and as decoded) or past ``deadline`` (a ``time.monotonic`` instant)."""
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > options.max_bytes:
        raise UnreadableInput(url, _too_large(options))
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_raw():
        size += len(chunk)
        if size > options.max_bytes:
            raise UnreadableInput(url, _too_large(options))
        if time.monotonic() > deadline:  # a byte every few seconds never trips the read timeout
            raise UnreadableInput(url, f"download took longer than {options.deadline_s:g} s")
        chunks.append(chunk)
    return _decoded(b"".join(chunks), resp.headers.get("content-encoding"), url)


def translated(url: str, exc: Exception, options: ReadOptions) -> UnreadableInput:
    """An httpx failure as the one line a user reads."""
    import httpx

    if isinstance(exc, httpx.TimeoutException):
        return UnreadableInput(url, f"timed out after {options.timeout_s:g} s")
    if isinstance(exc, httpx.TooManyRedirects):
        return UnreadableInput(url, f"more than {options.max_redirects} redirects")
    if isinstance(exc, httpx.InvalidURL):
        return UnreadableInput(url, f"not a valid address ({exc})")
    return UnreadableInput(url, f"cannot fetch ({type(exc).__name__}: {exc})")


def _too_large(options: ReadOptions) -> str:
    return f"response larger than {options.max_bytes / 2**20:.0f} MB"


def _decoded(raw: bytes, encoding: str | None, url: str) -> bytes:
    """Undo Content-Encoding ourselves: ``iter_raw`` keeps the size limit on bytes received."""
    enc = (encoding or "").lower().strip()
    if enc in ("", "identity"):
        return raw
    import zlib

    from storyline.reading.decode import MAX_DECOMPRESSED, gunzip

    if enc in ("gzip", "x-gzip"):
        return gunzip(raw, url)  # bounded like any gzip file, every member counted
    if enc == "deflate":
        try:
            d = zlib.decompressobj()
            out = d.decompress(raw, MAX_DECOMPRESSED + 1)
        except zlib.error as exc:
            raise UnreadableInput(url, f"corrupt {enc} response ({exc})") from exc
        if len(out) > MAX_DECOMPRESSED or d.unconsumed_tail:
            raise UnreadableInput(url, f"deflate data expands past {MAX_DECOMPRESSED // 2**20} MB")
        return out
    raise UnreadableInput(url, f"unsupported Content-Encoding {enc!r}")
