"""The grouping window saved with the library, so that opening a large library takes seconds.

Opening rebuilds the grouper from the rows of the last four weeks. For a 100,000-article library
(~29,800 rows held) most of that is inserting vectors into the HNSW graph; decoding the rows and
filling the MinHash buckets cost the rest. So a filing process saves the grouper it ends with in
the database (``grouper_snapshot``: one row, a blob). The library stays one file to copy or
remove, and PostgreSQL keeps the blob in the same table. Beside the blob are the high mark it
covers and the retirements it has counted.

A snapshot is used only while no article has been removed or replaced since it was saved: the
``RETIRED`` count in ``term_counts`` grows with every retirement and never goes back. Rows filed
after it are caught up the way a long-running filer catches up with another process's. Anything
else (no snapshot, another format, a blob that does not unpickle to what this code builds) means
the window is rebuilt from the rows as before. A snapshot can be behind, never wrong.

The blob is a pickle read by an unpickler that builds only the classes named here, so a library
file from elsewhere cannot run code when opened.
"""

from __future__ import annotations

import gc
import importlib
import io
import pickle
import threading
from typing import Any

from sqlalchemy import Connection, delete, select

from storyline.store.schema import grouper_snapshot
from storyline.stories.group import KEEP_DAYS, Grouper

FORMAT = 1  # bumped when the pickled classes change shape; another number is ignored
SAVE_AFTER = 200  # rows a reopened filer may catch up before a close saves the window again

# What a snapshot may build. Everything else in the blob is refused before it is built.
ALLOWED = {
    ("builtins", "list"),
    ("builtins", "set"),
    ("builtins", "frozenset"),
    ("builtins", "bytearray"),
    ("collections", "Counter"),
    ("collections", "deque"),
    ("collections", "defaultdict"),
    ("builtins", "dict"),
    ("copyreg", "_reconstructor"),
    ("builtins", "object"),
    ("numpy", "dtype"),
    ("numpy", "ndarray"),
    ("numpy.core.multiarray", "_reconstruct"),
    ("numpy._core.multiarray", "_reconstruct"),
    ("numpy.core.multiarray", "scalar"),
    ("numpy._core.multiarray", "scalar"),
    ("numpy.core.numeric", "_frombuffer"),
    ("numpy._core.numeric", "_frombuffer"),
    ("storyline.stories.signatures", "Signature"),
    ("storyline.stories.group", "Grouper"),
    ("storyline.stories.group", "DocFreq"),
    ("storyline.stories.index", "CandidateIndex"),
}


class _Restricted(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a grouper snapshot")
        return super().find_class(module, name)


def dumps(grouper: Grouper) -> bytes:
    return pickle.dumps(grouper, protocol=5)


def loads(blob: bytes) -> Grouper | None:
    """The grouper in ``blob``, or None when it is not one this code would build."""
    collecting = gc.isenabled()
    gc.disable()  # millions of small tuples: the collector would pass over them again and again (-35%)
    try:
        grouper = _Restricted(io.BytesIO(blob)).load()
        if isinstance(grouper, Grouper) and grouper.same_shape(Grouper(keep_days=KEEP_DAYS)):
            # Left out of the collector's later passes too (one cost 0.5 CPU s at 20,000
            # signatures): they hold no cycles, and reference counting frees them when evicted.
            gc.freeze()
            return grouper
    except Exception:  # truncated, corrupt, or written by other code: rebuilt from the rows
        pass
    finally:
        if collecting:
            gc.enable()
    return None


def save(conn: Connection, grouper: Grouper, mark: int) -> None:
    """Store the grouper as it stands after the rows up to ``mark``, replacing any snapshot; what
    it held dated before its window is let go first (read back again when needed)."""
    grouper.trim()
    blob = dumps(grouper)
    conn.execute(delete(grouper_snapshot))
    conn.execute(
        grouper_snapshot.insert().values(
            format=FORMAT, mark=mark, articles=grouper.df.n, retired=grouper.df.retired, state=blob
        )
    )


def load(conn: Connection, retired: int) -> tuple[Grouper, int] | None:
    """The saved grouper and its high mark, when one is stored that no retirement has outdated
    (``retired``: the count stored now); None means rebuild."""
    row = conn.execute(
        select(grouper_snapshot.c.format, grouper_snapshot.c.mark, grouper_snapshot.c.retired).limit(1)
    ).first()
    if row is None or row.format != FORMAT or row.retired != retired:
        return None  # the blob is not even read
    warm = threading.Thread(target=_import_index_libraries, daemon=True)
    warm.start()  # alongside the read, which waits on the disk or the server with the GIL released
    blob = _read_blob(conn)
    warm.join()
    grouper = loads(blob) if blob else None
    if grouper is None or grouper.df.retired != retired:
        return None
    return grouper, int(row.mark)


def _read_blob(conn: Connection) -> bytes | None:
    """The stored blob. PostgreSQL sends a result as text unless asked otherwise, and a bytea as
    text is hex: twice the bytes, encoded by the server and decoded by the client. At 100,000
    articles (a 206 MB blob) that cost 0.8-1.0 CPU s in the client and 1.1-1.2 in the server,
    against 0.3 and 0.5 for the same bytes read in binary, so psycopg's cursor is asked for it."""
    if conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg":
        with conn.connection.driver_connection.cursor(binary=True) as cur:  # type: ignore[union-attr]
            found = cur.execute("SELECT state FROM grouper_snapshot LIMIT 1").fetchone()
        return bytes(found[0]) if found else None
    blob = conn.execute(select(grouper_snapshot.c.state).limit(1)).scalar()
    return bytes(blob) if blob is not None else None


def _import_index_libraries() -> None:
    """Import what unpickling the candidate index builds (usearch's graph, datasketch's buckets:
    ~0.35 CPU s, most of it the scipy datasketch imports), so that it overlaps reading the blob."""
    for name in ("usearch.index", "datasketch"):
        try:
            importlib.import_module(name)
        except ImportError:  # raised again where the index is built, on the caller's thread
            return
