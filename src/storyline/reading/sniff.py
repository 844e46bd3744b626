"""Format dispatch: a small registry of (sniffer → reader) entries, tried in order.

Formats are recognised by content first (the first kilobytes), the name only breaking ties, so a
page saved as ``.txt`` that holds HTML is read as HTML. A new format is one ``register`` call:

    register(Format("warc", sniff=looks_like_warc, read=read_warc), before="gzip")

A reader takes a ``Blob`` and the ``ReadOptions`` and yields Articles (several for JSON Lines,
arrays or archives); it raises ``UnreadableInput`` for the whole blob, or yields an
``UnreadableInput`` for one bad record and goes on.
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from storyline.errors import UnreadableInput
from storyline.model import Article
from storyline.reading.decode import looks_binary

HEAD_BYTES = 4096
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # one page or one JSON document; JSON Lines stream past it


@dataclass(frozen=True)
class ReadOptions:
    """Everything that changes how inputs are read, built once from the CLI flags or API call."""

    source_name: str | None = None  # the outlet when the page does not name itself
    max_bytes: int = MAX_DOCUMENT_BYTES
    timeout_s: float = 15.0  # for URLs: each connect and read
    max_redirects: int = 5
    deadline_s: float = 60.0  # for URLs: the whole download, however slowly the bytes trickle in


@dataclass(frozen=True)
class Blob:
    """One input: a label (path, URL, ``<stdin>``) and its bytes, in memory or on disk."""

    name: str
    head: bytes
    path: Path | None = None
    data: bytes | None = None
    url: str | None = None
    charset: str | None = None  # declared by the container, e.g. an HTTP Content-Type

    @classmethod
    def from_bytes(cls, name: str, data: bytes, **kw: str | None) -> Blob:
        return cls(name=name, head=data[:HEAD_BYTES], data=data, **kw)  # type: ignore[arg-type]

    @classmethod
    def from_path(cls, path: Path, name: str | None = None) -> Blob:
        try:
            # a FIFO, socket or device would block on open or never end: only regular files
            if not stat.S_ISREG(path.stat().st_mode):
                raise UnreadableInput(name or str(path), "not a regular file (a FIFO, socket or device)")
            with path.open("rb") as fh:
                head = fh.read(HEAD_BYTES)
        except OSError as exc:
            raise UnreadableInput(name or str(path), exc.strerror or str(exc)) from exc
        return cls(name=name or str(path), head=head, path=path)

    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        assert self.path is not None
        return self.path.stat().st_size

    def read_all(self, limit: int) -> bytes:
        """All the bytes, refusing more than ``limit`` (a page is never that large)."""
        size = self.size()
        if size > limit:
            raise UnreadableInput(
                self.name,
                f"too large for one article ({size / 2**20:.1f} MB, limit {limit / 2**20:.0f} MB);"
                " put many articles in a JSON Lines file instead",
            )
        if self.data is not None:
            return self.data
        assert self.path is not None
        try:
            return self.path.read_bytes()
        except OSError as exc:
            raise UnreadableInput(self.name, exc.strerror or str(exc)) from exc

    def with_data(self, data: bytes) -> Blob:
        return replace(self, head=data[:HEAD_BYTES], data=data, path=None)


Sniffer = Callable[[Blob], bool]
Reader = Callable[[Blob, ReadOptions], Iterator[Article | UnreadableInput]]


@dataclass(frozen=True)
class Format:
    name: str
    sniff: Sniffer
    read: Reader


FORMATS: list[Format] = []


def register(fmt: Format, *, before: str | None = None) -> None:
    """Add a format; ``before`` names an entry it must be tried ahead of."""
    FORMATS[:] = [f for f in FORMATS if f.name != fmt.name]
    names = [f.name for f in FORMATS]
    FORMATS.insert(names.index(before) if before in names else len(FORMATS), fmt)


def detect(blob: Blob) -> Format:
    """The first registered format whose sniffer accepts the blob (plain text is the last)."""
    if not blob.head.strip():
        if blob.size() == 0:
            raise UnreadableInput(blob.name, "empty file")
        if not blob.read_all(MAX_DOCUMENT_BYTES).strip():
            raise UnreadableInput(blob.name, "nothing but whitespace")
    for fmt in FORMATS:
        if fmt.sniff(blob):
            return fmt
    if looks_binary(blob.head):
        raise UnreadableInput(blob.name, "binary data, not text, HTML or JSON")
    raise UnreadableInput(blob.name, "not a format storyline reads (text, HTML, JSON, JSON Lines, gzip)")


def read_blob(blob: Blob, options: ReadOptions) -> Iterator[Article | UnreadableInput]:
    """Dispatch one blob to its reader."""
    yield from detect(blob).read(blob, options)
