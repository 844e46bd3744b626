"""Which requests the app answers at all: its own host names, and state changes from its own pages.

Host: a web page elsewhere can point a name it controls at 127.0.0.1 (DNS rebinding) and then read
the library as if it were that site; the request still says ``Host: its-name``. So only the hosts
the server was started for are answered (``WebSettings.allowed_hosts``); others get 400.

Cross-site requests: a page on any site can make the user's browser POST a form here. Browsers
mark such a request with ``Origin`` (on every cross-origin POST, form posts included) and often
``Referer`` and ``Sec-Fetch-Site``, which no page can forge. A POST, PUT, PATCH or DELETE is refused
(403) when these say it came from another origin; one that carries none of them came from a
program (curl, a script), not from a page, and is accepted, so the JSON API needs no token. The app
sends ``Referrer-Policy: same-origin`` so that its own form posts carry their true ``Origin``
(under ``no-referrer`` a browser sends ``Origin: null``, which is refused unless
``Sec-Fetch-Site`` says the post came from this origin).
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from fastapi import Request
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from storyline.web.respond import error_page

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
DEFAULT_PORTS = {"http": 80, "https": 443}


def host_name(value: str) -> str | None:
    """The host of a ``Host`` header or a bare name (``[::1]:8000`` → ``::1``), lower-cased;
    None when it is not one."""
    try:
        parts = urlsplit("//" + value.strip())
        _ = parts.port  # raises on a port that is not a number
    except ValueError:
        return None
    if parts.username is not None or parts.path or parts.query or parts.fragment:
        return None
    return parts.hostname or None


def origin_of(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of a URL, or None when it has none."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if not parts.scheme or not parts.hostname:
        return None
    scheme = parts.scheme.lower()
    return scheme, parts.hostname, port or DEFAULT_PORTS.get(scheme, 0)


def host_problem(host: str | None, allowed: frozenset[str]) -> str | None:
    """Why a request with this ``Host`` header is not answered, or None."""
    if not host:
        return "the request has no Host header"
    name = host_name(host)
    if name is None or name not in allowed:
        shown = host if len(host) <= 100 else host[:100] + "…"
        return (
            f"this server does not answer to the host {shown!r}: start it with --allow-host NAME "
            "to open it under that name"
        )
    return None


def cross_site_problem(method: str, headers: Headers, scheme: str) -> str | None:
    """Why a state-changing request looks sent by another site's page, or None."""
    if method.upper() in SAFE_METHODS:
        return None
    own = origin_of(f"{scheme}://{headers.get('host', '')}")
    origin = headers.get("origin")
    referer = headers.get("referer")
    site = headers.get("sec-fetch-site")
    if origin is not None and origin.strip() != "null":
        claimed, what = origin, "Origin"
    elif origin is not None:  # a privacy-minded or sandboxed sender: only its fetch metadata tells
        if site == "same-origin":
            return None
        return "refusing a request from an unnamed page (Origin: null); use this server's own pages"
    elif referer:
        claimed, what = referer, "Referer"
    elif site in ("cross-site", "same-site"):
        return f"refusing a request sent by another site's page (Sec-Fetch-Site: {site})"
    else:
        return None  # no browser marks at all: a program such as curl, not a page
    if own is None or origin_of(claimed) != own:
        return f"refusing a request sent from another site ({what} is not this server); use its own pages"
    return None


class RequestGuard:
    """Answers 400 for a host not allowed and 403 for a cross-site state change, before the app
    reads the body; pure ASGI, like ``UploadLimit``."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str]) -> None:
        self.app = app
        self.allowed = frozenset(h.lower() for h in allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        status, problem = 400, host_problem(headers.get("host"), self.allowed)
        if problem is None:
            status, problem = 403, cross_site_problem(scope["method"], headers, scope.get("scheme", "http"))
        if problem is None:
            await self.app(scope, receive, send)
            return
        response = error_page(Request(scope), status, problem)
        await response(scope, receive, send)
