"""WARC archives, record by record: HTML responses become pages, everything else is counted.

A crawl archive holds requests, metadata, revisits and non-HTML responses beside the pages we want;
each of those is skipped with a reason, never silently. The file is streamed (gzip member by
member), so memory stays flat however large the archive. Records are cut by their own headers and
each is parsed by warcio alone: a record whose Content-Length lies is reported as corrupt and
reading resumes at the next record header. A truncated archive yields everything before the
break and then one ``Skipped`` record that says where it broke.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from storyline.errors import SkippedRecord, UnreadableInput
from storyline.model import Article
from storyline.reading.decode import declared_charset, decode_text
from storyline.reading.extracted import to_article
from storyline.reading.html import extract_html
from storyline.reading.sniff import Blob, Format, ReadOptions, register
from storyline.reading.warc_records import Break, Frame, Records

MAX_RECORD_BYTES = 20 * 1024 * 1024  # a news page is far smaller; bigger records are skipped
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class WarcPage:
    """An HTML response record: the raw page plus what the crawler knew about it."""

    record_id: str
    url: str
    fetched: str | None  # WARC-Date, ISO 8601
    http_date: str | None  # the response's Last-Modified (else Date) header
    headers: tuple[tuple[str, str], ...]
    body: bytes
    offset: int | None = None  # where ``read_record_at`` finds this record again


@dataclass(frozen=True)
class Skipped:
    """A record that did not become a page, and why (``reason`` is a short stable slug)."""

    record_id: str
    reason: str
    detail: str = ""
    offset: int | None = None


def looks_like_warc(head: bytes) -> bool:
    """True for an uncompressed WARC header; gzipped archives are sniffed after decompression."""
    return head.lstrip()[:5] == b"WARC/"


def iter_warc(path: str | Path, stream: BinaryIO | None = None) -> Iterator[WarcPage | Skipped]:
    """Stream pages and skip records out of a ``.warc`` or ``.warc.gz`` file.

    Records are cut by their own headers (``warc_records.Records``) and each one is handed to warcio alone,
    so a record whose Content-Length is wrong is reported as corrupt and the records after it
    are still read; warcio never sees the break, so its multi-line warnings never reach stderr."""
    fh = stream if stream is not None else open(path, "rb")  # noqa: SIM115 - closed below
    try:
        # warcio reads a gzip member cut short as if it ended cleanly, so gzip is undone here,
        # where the end of the last member can be checked.
        plain: BinaryIO = fh
        gz: _GzipMembers | None = None
        head = fh.peek(2)[:2] if hasattr(fh, "peek") else b""
        if head == b"\x1f\x8b":
            gz = _GzipMembers(fh)
            plain = io.BufferedReader(gz, buffer_size=256 * 1024)  # type: ignore[type-var]
        last_id = "(start of archive)"
        for frame in Records(plain, max_held=MAX_RECORD_BYTES + 65536).frames():
            if isinstance(frame, Break):
                if frame.reason == "truncated":
                    cut = gz is not None and gz.truncated
                    yield Skipped(f"after {last_id}", "truncated", _GZIP_CUT if cut else frame.detail)
                    return
                yield Skipped(frame.record_id, "corrupt", frame.detail, _stored_offset(frame.offset, gz))
                continue
            last_id = frame.record_id
            yield replace(_parse(frame), offset=_stored_offset(frame.offset, gz))
        if gz is not None and gz.truncated:
            yield Skipped(f"after {last_id}", "truncated", _GZIP_CUT)
    finally:
        if stream is None:
            fh.close()


def _parse(frame: Frame) -> WarcPage | Skipped:
    """warcio's reading of one well-delimited record: a page, or why it is skipped."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        record = next(iter(ArchiveIterator(io.BytesIO(frame.data), no_record_parse=False)))
        item = _page_or_skip(record, frame.record_id)
    except Exception as exc:  # warcio raises plain errors on a malformed record
        return Skipped(frame.record_id, "corrupt", _describe(exc))
    if frame.oversized and isinstance(item, WarcPage):
        return Skipped(frame.record_id, "too-large", f"over {MAX_RECORD_BYTES // 2**20} MB")
    return item


def _stored_offset(plain_offset: int, gz: _GzipMembers | None) -> int | None:
    """The record's offset in the file as stored: the start of its gzip member when gzipped
    (None when the record does not start a member, e.g. a whole archive gzipped as one)."""
    if gz is None:
        return plain_offset
    return gz.member_starts.get(plain_offset)


def read_record_at(path: str | Path, offset: int) -> WarcPage | Skipped:
    """Read the one record at ``offset`` (from ``WarcPage.offset``): workers re-read their share
    of an archive this way, so only offsets travel, never page bytes."""
    with open(path, "rb") as fh:
        fh.seek(offset)
        if fh.read(2) == b"\x1f\x8b":
            fh.seek(offset)
            d = zlib.decompressobj(wbits=31)
            data = b""
            limit = MAX_RECORD_BYTES + 65536
            while not d.eof:
                chunk = d.unconsumed_tail or fh.read(1 << 16)
                if not chunk:
                    return Skipped(f"offset {offset}", "truncated", "the gzip member ends early", offset)
                data += d.decompress(chunk, limit + 1 - len(data))
                if len(data) > limit:  # a record expands no further than a record may be
                    too_big = f"record over {limit // 2**20} MB"
                    return Skipped(f"offset {offset}", "too-large", too_big, offset)
            stream: BinaryIO = io.BytesIO(data)
        else:
            fh.seek(offset)
            stream = io.BytesIO(fh.read(MAX_RECORD_BYTES + 65536))
    for item in iter_warc(f"{path}@{offset}", stream):
        return replace(item, offset=offset)
    return Skipped(f"offset {offset}", "truncated", "no record at this offset", offset)


_GZIP_CUT = "the gzip stream ends mid-member"


class _GzipMembers(io.RawIOBase):
    """Decompresses concatenated gzip members and remembers whether the last one was cut short,
    and where each member starts (decompressed offset → offset in the file)."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._d = zlib.decompressobj(wbits=31)
        self._buf = b""
        self._started = False
        self.truncated = False
        self.total_out = 0
        self._total_in = 0
        self.member_starts: dict[int, int] = {0: 0}

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray) -> int:  # type: ignore[override]
        while not self._buf:
            chunk = self._d.unused_data
            if chunk:
                self._d = zlib.decompressobj(wbits=31)
                self.member_starts[self.total_out] = self._total_in - len(chunk)
            else:
                chunk = self._raw.read(256 * 1024)
                self._total_in += len(chunk)
                if self._d.eof and chunk:  # the member ended exactly at the end of a read
                    self._d = zlib.decompressobj(wbits=31)
                    self.member_starts[self.total_out] = self._total_in - len(chunk)
            if not chunk:
                self.truncated = self._started and not self._d.eof
                return 0
            self._started = True
            try:
                self._buf = self._d.decompress(chunk)
            except zlib.error:
                self.truncated = True
                return 0
            self.total_out += len(self._buf)
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n


def _page_or_skip(record: object, rec_id: str) -> WarcPage | Skipped:
    rec_type = record.rec_type  # type: ignore[attr-defined]
    if rec_type != "response":
        return Skipped(rec_id, f"{rec_type}-record")
    http = record.http_headers  # type: ignore[attr-defined]
    if http is None:
        uri = record.rec_headers.get_header("WARC-Target-URI") or ""  # type: ignore[attr-defined]
        if uri.startswith(("http:", "https:")):  # an http(s) response must hold one
            return Skipped(
                rec_id, "corrupt", "a response record for an http(s) address with no HTTP response in it"
            )
        return Skipped(rec_id, "not-http")
    status = http.get_statuscode()
    if not (status or "").isdigit() or len(status) != 3:  # warcio does not check the status line
        return Skipped(rec_id, "corrupt", f"not an HTTP status line: {http.statusline[:60]!r}")
    if status != "200":
        return Skipped(rec_id, "http-status", str(status))
    ctype = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if ctype not in HTML_TYPES:
        return Skipped(rec_id, "not-html", ctype or "no content type")
    body = record.content_stream().read(MAX_RECORD_BYTES + 1)  # type: ignore[attr-defined]
    if len(body) > MAX_RECORD_BYTES:
        return Skipped(rec_id, "too-large", f"over {MAX_RECORD_BYTES // (1024 * 1024)} MB")
    rec_headers = record.rec_headers  # type: ignore[attr-defined]
    return WarcPage(
        record_id=rec_id,
        url=rec_headers.get_header("WARC-Target-URI") or "",
        fetched=rec_headers.get_header("WARC-Date"),
        http_date=http.get_header("Last-Modified") or http.get_header("Date"),
        headers=tuple((k, v) for k, v in http.headers),
        body=body,
    )


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


# --- the WARC format entry of the reading registry ---------------------------------------------


def sniff_warc(blob: Blob) -> bool:
    """A WARC file, plain or gzipped (the first member is inflated just enough to look)."""
    head = blob.head
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 64)
        except zlib.error:
            return False
    return looks_like_warc(head)


def read_warc(blob: Blob, options: ReadOptions) -> Iterator[Article | UnreadableInput]:
    """Articles from the HTML responses; a SkippedRecord for every other record."""
    stream: BinaryIO = blob.path.open("rb") if blob.path is not None else io.BytesIO(blob.data or b"")
    with stream:
        for item in iter_warc(blob.name, stream):
            if isinstance(item, Skipped):
                yield skip_error(blob.name, item)
            else:
                yield page_article(blob.name, item, options)


def skip_error(name: str, item: Skipped) -> UnreadableInput:
    detail = f" ({item.detail})" if item.detail else ""
    if item.reason == "truncated":
        return UnreadableInput(
            name, f"truncated archive {item.record_id}{detail}; every record before it was read"
        )
    if item.reason == "corrupt":  # an error, not a record skipped by design
        at = f" at offset {item.offset}" if item.offset is not None else ""
        why = f"corrupt record {item.record_id}{at}{detail}; the records after it were read"
        return UnreadableInput(name, why)
    return SkippedRecord(name, f"{item.reason}{detail}", record=item.record_id)


def page_article(name: str, page: WarcPage, options: ReadOptions) -> Article | UnreadableInput:
    label = f"{name} {page.url or page.record_id}"
    charset = _charset(page.headers) or declared_charset(page.body[:4096])
    try:
        html = decode_text(page.body, label, charset)
    except UnreadableInput as exc:
        return exc
    ex = extract_html(html, url=page.url or None)
    if not ex.text.strip():
        return UnreadableInput(label, "no article text found in this page")
    published, date_source = ex.published, "page"
    if not published:
        published, date_source = _http_date(page.http_date), "http-header"
    if not published:
        published, date_source = (page.fetched or "")[:10] or None, "fetch-date"
    meta = (
        ("warc_record_id", page.record_id),
        ("fetched", page.fetched or ""),
        ("date_source", date_source if published else "none"),
        *((f"http:{k.lower()}", v) for k, v in page.headers),
    )
    ex = replace(ex, published=published, url=ex.url or page.url or None, meta=meta)
    host = urlsplit(page.url).hostname if page.url else None
    return to_article(ex, path=label, source_name=options.source_name or host)


def _charset(headers: tuple[tuple[str, str], ...]) -> str | None:
    for k, v in headers:
        if k.lower() == "content-type" and "charset=" in v.lower():
            return v.lower().split("charset=")[-1].split(";")[0].strip() or None
    return None


def _http_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        return None


register(Format("warc", sniff_warc, read_warc), before="gzip")
