"""Cutting a plain (decompressed) WARC stream into records by their own headers.

Each header's Content-Length says where its record ends, and the next header must start there.
When it does not (a length too short, too long, or none), the record is reported as corrupt and
reading resumes at the next ``WARC/1.`` line, so one bad record loses only itself. Memory stays
bounded: a record is held only up to ``max_held`` bytes, a larger one is streamed past.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import BinaryIO, Literal


@dataclass(frozen=True)
class Break:
    """Where the records do not follow each other as their headers say: a ``corrupt`` record
    (reading goes on after it) or a ``truncated`` end (the last item)."""

    record_id: str
    reason: Literal["corrupt", "truncated"]
    detail: str
    offset: int = 0  # in the plain stream


@dataclass(frozen=True)
class Frame:
    """One record's bytes as its header delimits them (only a head of it when ``oversized``)."""

    offset: int  # in the plain (decompressed) stream
    record_id: str
    data: bytes
    oversized: bool = False


_HEADER_END = re.compile(rb"\r?\n\r?\n")
_NEXT_RECORD = b"\nWARC/1."
_BOUNDARY = re.compile(rb"\r\n\r\nWARC/1\.[01]\r\n")  # the end of one record, the start of the next
MAX_HEADER_BYTES = 64 * 1024
_CHUNK = 16 * 1024  # small: the unread rest of the buffer is copied once per record


class Records:
    """The records of a plain WARC stream, in order, through ``frames()``."""

    def __init__(self, fh: BinaryIO, max_held: int) -> None:
        self._fh = fh
        self._max_held = max_held  # a record up to this size is held whole; a larger one is streamed past
        self._buf = b""
        self._pos = 0  # offset of _buf[0] in the stream
        self._eof = False

    def _fill(self, n: int) -> bool:
        """Buffer at least ``n`` bytes unless the stream ends first."""
        while len(self._buf) < n and not self._eof:
            chunk = self._fh.read(max(n - len(self._buf), _CHUNK))
            if chunk:
                self._buf += chunk
            else:
                self._eof = True
        return len(self._buf) >= n

    def _drop(self, n: int) -> None:
        self._buf = self._buf[n:]
        self._pos += n

    def _skip(self, n: int) -> bool | None:
        """Stream past ``n`` bytes without holding them: True when done, False when the stream
        ends first, None when a record boundary turns up inside them (the declared length is
        wrong; the buffer then starts at that record's header)."""
        while True:
            m = _BOUNDARY.search(self._buf)
            if m is not None and m.start() < n:
                self._drop(m.start() + 4)
                return None
            if len(self._buf) >= n:
                self._drop(n)
                return True
            if self._eof:
                return False
            step = max(0, len(self._buf) - 16)  # keep a tail: a boundary may straddle two reads
            self._drop(step)
            n -= step
            self._fill(len(self._buf) + _CHUNK)

    def _resync(self, start: int) -> int | None:
        """Drop bytes up to the next record header found at or after ``start``; the number of
        bytes dropped, or None when no header follows (everything left was dropped)."""
        first = self._pos
        while True:
            i = self._buf.find(_NEXT_RECORD, start)
            if i >= 0:
                self._drop(i + 1)
                return self._pos - first
            if self._eof:
                self._drop(len(self._buf))
                return None
            self._drop(max(start, len(self._buf) - len(_NEXT_RECORD) + 1))
            start = 0
            self._fill(len(self._buf) + _CHUNK)

    def _ends_cleanly(self, at: int) -> bool:
        """Whether what follows a record's block is blank lines then the next header (or the end)."""
        self._fill(at + 16)
        rest = self._buf[at : at + 16].lstrip(b"\r\n")
        return b"WARC/".startswith(rest[:5]) if len(rest) < 5 else rest.startswith(b"WARC/")

    def _header_end(self) -> re.Match[bytes] | None:
        """Where the header at the start of the buffer ends, reading no further than needed."""
        want = _CHUNK
        while True:
            self._fill(want)
            end = _HEADER_END.search(self._buf, 0, MAX_HEADER_BYTES)
            if end is not None or self._eof or len(self._buf) >= MAX_HEADER_BYTES:
                return end
            want = min(2 * want, MAX_HEADER_BYTES)

    def frames(self) -> Iterator[Frame | Break]:
        """Every record in order; a truncated end is the last item."""
        while (item := self._next()) is not None:
            yield item
            if isinstance(item, Break) and item.reason == "truncated":
                return

    def _next(self) -> Frame | Break | None:
        while self._fill(1) and self._buf[:1] in b"\r\n \t":  # the blank lines that end a record
            self._drop(len(self._buf) - len(self._buf.lstrip(b"\r\n \t")))
        if not self._buf:
            return None
        start = self._pos
        end = self._header_end()
        if not self._buf.startswith(b"WARC/") and not (len(self._buf) < 5 and b"WARC/".startswith(self._buf)):
            dropped = self._resync(0)
            if dropped is None:
                return _truncated("bytes after the last whole record that are no record")
            return Break(f"offset {start}", "corrupt", f"{dropped} bytes that are no WARC record", start)
        if end is None:
            if self._eof:
                return _truncated("the last record's header is incomplete")
            return self._corrupt(f"offset {start}", start, "a record header over 64 KB", 1)
        block = self._buf[: end.start()]
        record_id = _header_field(block, b"WARC-Record-ID") or f"offset {start}"
        length = _header_field(block, b"Content-Length")
        if not length.isdigit():
            return self._corrupt(record_id, start, f"no valid Content-Length ({length[:20]!r})", 1)
        head, size = end.end(), int(length)
        if head + size > self._max_held:
            return self._streamed(Frame(start, record_id, b"", oversized=True), head, size)
        if not self._fill(head + size):
            if _BOUNDARY.search(self._buf, head):  # a length past the end, not a cut archive
                return self._corrupt(record_id, start, _bad_length(size), 1)
            return _truncated(_SHORT)
        if not self._ends_cleanly(head + size):
            return self._corrupt(record_id, start, _bad_length(size), 1)
        frame = Frame(start, record_id, self._buf[: head + size])
        self._drop(head + size)
        return frame

    def _streamed(self, frame: Frame, head: int, size: int) -> Frame | Break:
        """A record too large to hold: its head is kept (to say what it was), the rest skipped."""
        self._fill(head + 65536)
        frame = replace(frame, data=self._buf[: head + 65536])
        skipped = self._skip(head + size)
        if skipped is None:
            return Break(frame.record_id, "corrupt", _bad_length(size), frame.offset)
        if not skipped:
            return _truncated(_SHORT)
        if not self._ends_cleanly(0):
            return self._corrupt(frame.record_id, frame.offset, _bad_length(size), 0)
        return frame

    def _corrupt(self, record_id: str, start: int, why: str, resume_from: int) -> Break:
        """Report a bad record and move to the next record header (searched from ``resume_from``)."""
        self._resync(resume_from)
        return Break(record_id, "corrupt", why, start)


_SHORT = "the record's payload is shorter than its Content-Length"


def _truncated(why: str) -> Break:
    return Break("", "truncated", why)  # iter_warc names the last record read before it


def _bad_length(size: int) -> str:
    return f"its Content-Length ({size}) does not end where the next record starts"


def _header_field(block: bytes, name: bytes) -> str:
    """One named field of a WARC header ("" when absent); undecodable bytes replaced."""
    m = re.search(rb"\n" + name + rb"[ \t]*:[ \t]*([^\r\n]*)", block, re.I)
    return m.group(1).strip().decode("utf-8", "replace") if m else ""
