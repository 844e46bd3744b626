"""Opening the database: a path or URL → a SQLAlchemy engine set up for concurrent writers.

SQLite runs in WAL mode with a busy timeout, and every transaction starts ``BEGIN IMMEDIATE`` so
two processes filing at once queue for the write lock instead of failing halfway. PostgreSQL goes
through psycopg 3.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from storyline.errors import LibraryError

DEFAULT_DB = "storyline.db"
BUSY_TIMEOUT_S = 60  # a second writer waits this long for the lock before giving up


def resolve_url(db: str | Path | None = None) -> str:
    """``--db`` value, else ``STORYLINE_DB``, else ./storyline.db, as a SQLAlchemy URL."""
    raw = str(db) if db is not None else os.environ.get("STORYLINE_DB") or DEFAULT_DB
    if raw.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + raw.split("://", 1)[1]
    if "://" in raw:
        return raw
    return "sqlite:///" + str(Path(raw).expanduser().resolve())


def missing_file(db: str | Path | None = None) -> str | None:
    """The SQLite file ``db`` names (as ``resolve_url`` reads it) when it does not exist: only
    what creates libraries may open it, so a mistyped path is refused, not opened empty."""
    url = resolve_url(db)
    if not url.startswith("sqlite:///"):
        return None
    path = url.removeprefix("sqlite:///")
    return None if path == ":memory:" or Path(path).exists() else path


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN IMMEDIATE below take over
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    cur.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable at checkpoints, never corrupt
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _begin_immediate(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def open_engine(db: str | Path | None = None) -> Engine:
    """An engine for the library at ``db``; the SQLite file's folder must exist."""
    url = resolve_url(db)
    if url.startswith("postgresql"):
        from storyline.extras import require

        require("postgres", "a PostgreSQL library")
    try:
        if url.startswith("sqlite"):
            folder = Path(url.removeprefix("sqlite:///")).parent
            if not folder.is_dir():
                raise LibraryError(f"{db}: folder {folder} does not exist")
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _begin_immediate)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except LibraryError:
        raise
    except Exception as exc:  # a malformed URL or a missing driver
        raise LibraryError(f"{db}: cannot open the library: {exc}") from exc
    return engine
