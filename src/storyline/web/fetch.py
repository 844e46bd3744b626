"""Fetching a URL for the add page, only when ``--allow-fetch`` is on.

A server that fetches what it is told can be pointed at the user's router, a cloud metadata
address or another local service. So every host, and every redirect's host, is resolved first and
refused when any address it resolves to is private, loopback, link-local, multicast, reserved or
unspecified. Redirects are followed by hand for that reason, at most ``MAX_REDIRECTS`` times.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import httpx

from storyline.errors import UnreadableInput

MAX_REDIRECTS = 5
TIMEOUT_S = 15.0

Resolver = Callable[[str], list[str]]


def resolve_host(host: str) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6)."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnreadableInput(host, f"cannot resolve the host name ({exc})") from exc
    return sorted({str(info[4][0]) for info in infos})


def is_public_address(address: str) -> bool:
    """True only for a globally routable unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def check_url(url: str, resolve: Resolver = resolve_host) -> str:
    """Return ``url`` when it is http(s) to a public host; raise UnreadableInput otherwise."""
    return checked_address(url, resolve)[0]


def checked_address(url: str, resolve: Resolver = resolve_host) -> tuple[str, str]:
    """``url`` and the public address to connect to; raise UnreadableInput for anything else."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        raise UnreadableInput(url, "only http and https URLs can be fetched")
    host = parts.hostname
    if not host:
        raise UnreadableInput(url, "the URL has no host")
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        addresses = resolve(host)
    if not addresses:
        raise UnreadableInput(url, "the host name resolves to no address")
    for address in addresses:
        if not is_public_address(address):
            raise UnreadableInput(
                url, f"refusing to fetch a private, loopback or link-local address ({address})"
            )
    return url.strip(), addresses[0]


def pinned(url: str, address: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """The request that connects to the checked ``address`` (not to a second DNS answer, which
    could rebind the name to a private address) while asking for and verifying the named host."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    ip = f"[{address}]" if ":" in address else address
    netloc = ip + (f":{parts.port}" if parts.port else "")
    target = parts._replace(netloc=netloc).geturl()
    host_header = host + (f":{parts.port}" if parts.port else "")
    return target, {"Host": host_header, "User-Agent": "storyline"}, {"sni_hostname": host}


def fetch_url(url: str, *, max_bytes: int, resolve: Resolver = resolve_host) -> bytes:
    """The body of ``url`` after checking it and every redirect; at most ``max_bytes``."""
    current, address = checked_address(url, resolve)
    with httpx.Client(follow_redirects=False, timeout=TIMEOUT_S) as client:
        for _ in range(MAX_REDIRECTS + 1):
            target, headers, extensions = pinned(current, address)
            try:
                request = client.build_request("GET", target, headers=headers, extensions=extensions)
                resp = client.send(request, stream=True)
                try:
                    if resp.is_redirect:
                        location = urljoin(current, resp.headers.get("location", ""))
                        current, address = checked_address(location, resolve)
                        continue
                    if resp.status_code >= 400:
                        raise UnreadableInput(url, f"the server answered HTTP {resp.status_code}")
                    return _read_capped(resp, url, max_bytes)
                finally:
                    resp.close()
            except httpx.HTTPError as exc:
                raise UnreadableInput(url, f"cannot fetch: {exc}") from exc
    raise UnreadableInput(url, f"more than {MAX_REDIRECTS} redirects")


def _read_capped(resp: httpx.Response, url: str, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise UnreadableInput(url, f"the page is larger than {max_bytes // (1024 * 1024)} MB")
        chunks.append(chunk)
    return b"".join(chunks)
