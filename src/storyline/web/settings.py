"""The one options object of the web app, built from ``storyline serve`` flags in one place."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

DEFAULT_DB = "sqlite:///storyline.db"
DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024
LOOPBACK = ("localhost", "127.0.0.1", "::1")
ANY_ADDRESS = ("0.0.0.0", "::", "")


@dataclass(frozen=True, kw_only=True)
class WebSettings:
    """How the app is run.

    ``db_url`` is the story library (a SQLAlchemy URL or a plain SQLite path); ``max_upload_bytes``
    caps one request body (pasted text and files together) so a stray upload cannot fill memory;
    ``allow_fetch`` lets the add page fetch URLs, which is off by default because a local server
    that fetches what it is told can be turned against the user's own network. ``allowed_hosts``
    are the names the app answers to (``Host``); any other gets 400, so a page that rebinds its
    own name to this address cannot read the library. ``compare_wait_s`` is how long a compare
    waits for the models (held by another compare, an add's batch or a story page) before it is
    answered 503, so that one long compare cannot hold a queue of others. ``check_owed`` pays, in
    the background, the cross-checks other processes left owed (``add --no-check``), so those
    stories' pages are ready before anyone asks (``web/owed.py``).
    """

    db_url: str = DEFAULT_DB
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    allow_fetch: bool = False
    max_fetch_bytes: int = 5 * 1024 * 1024
    page_size: int = 50
    allowed_hosts: tuple[str, ...] = LOOPBACK
    compare_wait_s: float = 60.0
    check_owed: bool = True

    def __post_init__(self) -> None:
        if self.max_upload_bytes <= 0:
            raise ValueError("max_upload_bytes must be positive")
        if self.page_size <= 0:
            raise ValueError("page_size must be positive")


def settings_from_flags(
    *,
    db: str | None,
    max_upload_mb: float,
    allow_fetch: bool,
    host: str = "127.0.0.1",
    allow_hosts: Iterable[str] = (),
    check_owed: bool = True,
) -> WebSettings:
    """The only bridge from CLI flags to settings (trafilatura's ``args_to_extractor``); raises
    ValueError naming an ``--allow-host`` that is not a host name."""
    return WebSettings(
        db_url=db or DEFAULT_DB,
        max_upload_bytes=int(max_upload_mb * 1024 * 1024),
        allow_fetch=allow_fetch,
        allowed_hosts=hosts_for(host, allow_hosts),
        check_owed=check_owed,
    )


def hosts_for(bound: str, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The ``Host`` names a server listening on ``bound`` answers to: that address, the loopback
    names when it listens on loopback (or on every address), and the ``extra`` names given."""
    from storyline.web.guard import host_name

    names = [bound.strip("[]").lower()]
    if _loopback(names[0]) or names[0] in ANY_ADDRESS:
        names += LOOPBACK
    for value in extra:
        name = host_name(value)
        if name is None:
            raise ValueError(f"--allow-host {value!r} is not a host name or address")
        names.append(name)
    return tuple(dict.fromkeys(n for n in names if n not in ANY_ADDRESS))


def _loopback(name: str) -> bool:
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False
