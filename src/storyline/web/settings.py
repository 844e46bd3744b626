"""The one options object of the web app, built from ``storyline serve`` flags in one place."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_DB = "sqlite:///storyline.db"
DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024


@dataclass(frozen=True, kw_only=True)
class WebSettings:
    """How the app is run.

    ``db_url`` is the story library (a SQLAlchemy URL or a plain SQLite path); ``max_upload_bytes``
    caps one request body (pasted text and files together) so a stray upload cannot fill memory;
    ``allow_fetch`` lets the add page fetch URLs, which is off by default because a local server
    that fetches what it is told can be turned against the user's own network.
    """

    db_url: str = DEFAULT_DB
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    allow_fetch: bool = False
    max_fetch_bytes: int = 5 * 1024 * 1024
    page_size: int = 50

    def __post_init__(self) -> None:
        if self.max_upload_bytes <= 0:
            raise ValueError("max_upload_bytes must be positive")
        if self.page_size <= 0:
            raise ValueError("page_size must be positive")


def settings_from_flags(
    *, db: str | None, max_upload_mb: float, allow_fetch: bool
) -> WebSettings:
    """The only bridge from CLI flags to settings (trafilatura's ``args_to_extractor``)."""
    return WebSettings(
        db_url=db or DEFAULT_DB,
        max_upload_bytes=int(max_upload_mb * 1024 * 1024),
        allow_fetch=allow_fetch,
    )
