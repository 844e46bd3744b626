"""WARC archives stream record by record; what is skipped is counted by reason; a truncated
archive keeps everything before the break and says where it broke."""

from __future__ import annotations

import gzip
import io
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.reading.warc import Skipped, WarcPage, iter_warc

PAGE = (
    b"<html><head><title>Dam fails after storm</title></head><body><article>"
    b"<p>A dam failed on Tuesday after three days of rain, officials said.</p></article></body></html>"
)


def write_warc(path: Path, n_pages: int, *, gz: bool = True) -> Path:
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        for i in range(n_pages):
            url = f"https://news.example.com/story-{i}"
            w.write_record(
                w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            )
            html = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"), ("Date", "Tue, 04 Jan 2022 10:00:00 GMT")],
                protocol="HTTP/1.1",
            )
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(PAGE), http_headers=html))
            png = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            w.write_record(
                w.create_warc_record(
                    url + ".png", "response", payload=io.BytesIO(b"\x89PNG" * 50), http_headers=png
                )
            )
            w.write_record(w.create_warc_record(url, "metadata", payload=io.BytesIO(b"via: crawler")))
    return path


@pytest.mark.parametrize("gz", [True, False])
def test_pages_and_skips_are_counted(tmp_path: Path, gz: bool) -> None:
    path = write_warc(tmp_path / ("a.warc.gz" if gz else "a.warc"), 4, gz=gz)
    items = list(iter_warc(path))
    pages = [x for x in items if isinstance(x, WarcPage)]
    skipped = Counter(x.reason for x in items if isinstance(x, Skipped))
    assert [p.url for p in pages] == [f"https://news.example.com/story-{i}" for i in range(4)]
    assert pages[0].body == PAGE
    assert pages[0].fetched and pages[0].http_date == "Tue, 04 Jan 2022 10:00:00 GMT"
    assert skipped == {"request-record": 4, "not-html": 4, "metadata-record": 4}


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_archive_keeps_what_came_before(tmp_path: Path, gz: bool) -> None:
    full = write_warc(tmp_path / "full.warc", 6, gz=gz).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(full[: int(len(full) * 0.6)])
    items = list(iter_warc(cut))
    pages = [x for x in items if isinstance(x, WarcPage)]
    assert 2 <= len(pages) < 6
    assert isinstance(items[-1], Skipped) and items[-1].reason == "truncated"
    assert all(p.body == PAGE for p in pages)


def test_whole_archive_is_not_called_truncated(tmp_path: Path) -> None:
    items = list(iter_warc(write_warc(tmp_path / "ok.warc.gz", 3)))
    assert not any(isinstance(x, Skipped) and x.reason == "truncated" for x in items)


def test_gzip_of_a_plain_warc_reads_the_same(tmp_path: Path) -> None:
    plain = write_warc(tmp_path / "p.warc", 2, gz=False)
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))  # one member for the whole file
    assert [x.url for x in iter_warc(whole) if isinstance(x, WarcPage)] == [
        x.url for x in iter_warc(plain) if isinstance(x, WarcPage)
    ]


@pytest.mark.parametrize("gz", [True, False])
def test_a_record_is_read_again_at_its_offset(tmp_path: Path, gz: bool) -> None:
    """Workers of the Ray engine get offsets, not page bytes, and must see the same record."""
    from storyline.reading.warc import read_record_at

    path = write_warc(tmp_path / ("o.warc.gz" if gz else "o.warc"), 3, gz=gz)
    items = list(iter_warc(path))
    assert all(x.offset is not None for x in items)
    assert [read_record_at(path, x.offset) for x in items if x.offset is not None] == items


def test_warc_pages_become_articles_and_other_records_are_counted(tmp_path: Path) -> None:
    from storyline.errors import SkippedRecord
    from storyline.reading import iter_inputs

    path = write_warc(tmp_path / "c.warc.gz", 2)
    out = list(iter_inputs([str(path)]))
    arts = [x for x in out if not isinstance(x, Exception)]
    skipped = [x for x in out if isinstance(x, SkippedRecord)]
    assert len(arts) == 2 and len(skipped) == 6
    art = arts[0]
    assert "dam failed" in art.text.lower()
    meta = dict(art.meta)
    assert art.url == "https://news.example.com/story-0"
    assert meta["date_source"] == "http-header" and art.published.startswith("2022-01-04")
    assert meta["http:content-type"].startswith("text/html")


def rewrite_length(data: bytes, nth: int, change: Callable[[int], bytes]) -> bytes:
    """The archive with the Content-Length of its ``nth`` record (0-based) rewritten."""
    start = [m.start() for m in re.finditer(rb"(?:^|\n)WARC/1\.", data)][nth]
    m = re.compile(rb"Content-Length: (\d+)").search(data, start)
    assert m is not None
    return data[: m.start(1)] + change(int(m.group(1))) + data[m.end(1) :]


@pytest.mark.parametrize(
    "change",
    [
        lambda n: str(n - 150).encode(),
        lambda n: str(n - 20).encode(),
        lambda n: str(n + 300).encode(),
        lambda n: str(n + 100_000).encode(),
        lambda n: b"999999999",
        lambda n: b"x",
    ],
    ids=["too-short", "slightly-short", "too-long", "past-the-end", "past-what-is-held", "not-a-number"],
)
@pytest.mark.parametrize("gz", [True, False])
def test_a_record_with_a_wrong_length_loses_only_itself(
    tmp_path: Path, gz: bool, change: Callable[[int], bytes], capfd: pytest.CaptureFixture[str]
) -> None:
    """The second page's response record (record 5) lies about its length: the pages after it
    are still read, the bad record is reported as corrupt with its id, and warcio prints nothing."""
    plain = rewrite_length(write_warc(tmp_path / "p.warc", 4, gz=False).read_bytes(), 5, change)
    path = tmp_path / ("bad.warc.gz" if gz else "bad.warc")
    if gz:  # one gzip member per record, as crawlers write them
        starts = [m.start() + (m.group(0)[:1] == b"\n") for m in re.finditer(rb"(?:^|\n)WARC/1\.", plain)]
        members = [plain[a:b] for a, b in zip(starts, [*starts[1:], len(plain)], strict=True)]
        path.write_bytes(b"".join(gzip.compress(m) for m in members))
    else:
        path.write_bytes(plain)
    items = list(iter_warc(path))
    pages = [x.url for x in items if isinstance(x, WarcPage)]
    corrupt = [x for x in items if isinstance(x, Skipped) and x.reason == "corrupt"]
    assert pages == [f"https://news.example.com/story-{i}" for i in (0, 2, 3)]
    assert len(corrupt) == 1 and corrupt[0].record_id.startswith("<urn:uuid:")
    assert not any(isinstance(x, Skipped) and x.reason in ("truncated", "not-http") for x in items)
    assert capfd.readouterr().err == ""


def test_a_corrupt_record_is_one_error_line_naming_it(tmp_path: Path) -> None:
    from storyline.errors import SkippedRecord, UnreadableInput
    from storyline.reading import iter_inputs

    path = tmp_path / "bad.warc"
    data = write_warc(tmp_path / "p.warc", 3, gz=False).read_bytes()
    path.write_bytes(rewrite_length(data, 5, lambda n: b"-3"))
    errors = [x for x in iter_inputs([str(path)]) if type(x) is UnreadableInput]
    assert len(errors) == 1 and not isinstance(errors[0], SkippedRecord)
    assert "corrupt record <urn:uuid:" in errors[0].reason and "at offset " in errors[0].reason
    assert "\n" not in str(errors[0])


def test_junk_between_records_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    data = write_warc(tmp_path / "p.warc", 2, gz=False).read_bytes()
    cut = [m.start() for m in re.finditer(rb"\r\n\r\nWARC/1\.", data)][3] + 4
    path = tmp_path / "junk.warc"
    path.write_bytes(data[:cut] + b"\x00garbage\r\nmore garbage\r\n" + data[cut:])
    items = list(iter_warc(path))
    urls = [x.url for x in items if isinstance(x, WarcPage)]
    assert urls == [f"https://news.example.com/story-{i}" for i in (0, 1)]
    assert [x.reason for x in items if isinstance(x, Skipped) and x.reason == "corrupt"] == ["corrupt"]


def test_a_record_too_large_to_hold_is_skipped_and_the_next_one_read(tmp_path: Path) -> None:
    from storyline.reading.warc import MAX_RECORD_BYTES

    path = tmp_path / "big.warc"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=False)
        html = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        big = PAGE + b"<!--" + b"x" * (MAX_RECORD_BYTES + 100_000) + b"-->"
        for url, body in (("https://a.example/big", big), ("https://a.example/small", PAGE)):
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=html))
    items = list(iter_warc(path))
    assert [x.reason for x in items if isinstance(x, Skipped)] == ["too-large"]
    assert [x.url for x in items if isinstance(x, WarcPage)] == ["https://a.example/small"]


def test_an_http_response_record_with_nothing_in_it_is_corrupt_not_skipped(tmp_path: Path) -> None:
    """warcio reads no HTTP headers from an empty block and calls the record not-http; for an
    http(s) address that is a broken record, and is reported as one."""

    def record(uri: str, block: bytes) -> bytes:
        head = f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\n"
        head += f"WARC-Target-URI: {uri}\r\nContent-Length: {len(block)}\r\n\r\n"
        return head.encode() + block + b"\r\n\r\n"

    path = tmp_path / "empty.warc"
    path.write_bytes(record("https://a.example/x", b"") + record("dns:a.example", b"a.example 1.2.3.4"))
    reasons = [x.reason for x in iter_warc(path) if isinstance(x, Skipped)]
    assert reasons == ["corrupt", "not-http"]
