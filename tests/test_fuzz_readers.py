"""Fuzzing the readers: arbitrary bytes, and valid JSON, HTML, WARC and gzip inputs with bytes
flipped, cut, inserted or dropped, read through ``read_blob`` under every file name the format
sniffers look at. Whatever comes in, the only errors are the project's own (``StorylineError``):
never a traceback from json, lxml, warcio, zlib or a codec."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.errors import StorylineError
from storyline.model import Article
from storyline.reading import Blob, ReadOptions, read_blob

TEXT = (
    "A dam failed on Tuesday after three days of heavy rain, officials said.\n\n"
    'Rescue workers searched for missing people. "We lost everything," one resident said.'
)
HTML = (
    "<html><head><title>Dam fails</title><meta property='article:published_time' "
    "content='2022-01-04T10:00:00Z'></head><body><article><h1>Dam fails</h1>"
    + "".join(f"<p>{p}</p>" for p in TEXT.split("\n\n"))
    + "</article></body></html>"
)
JSON = json.dumps({"title": "Dam fails", "published": "2022-01-04", "source": "Example", "text": TEXT})
NAMES = ["page.txt", "page.html", "page.json", "page.jsonl", "page.txt.gz", "crawl.warc", "crawl.warc.gz"]
SETTINGS = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")),
    deadline=None,
    derandomize=os.environ.get("FUZZ_RANDOM") is None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _warc(gz: bool) -> bytes:
    out = io.BytesIO()
    w = WARCWriter(out, gzip=gz)
    for i, (ctype, body) in enumerate(
        [("text/html; charset=utf-8", HTML.encode()), ("image/png", b"\x89PNG")]
    ):
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        url = f"https://news.example.com/{i}"
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return out.getvalue()


SEEDS = {
    "text": TEXT.encode(),
    "html": HTML.encode(),
    "json": JSON.encode(),
    "jsonl": (JSON + "\n" + JSON + "\n").encode(),
    "gzip": gzip.compress(HTML.encode()),
    "warc": _warc(gz=False),
    "warc.gz": _warc(gz=True),
}


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """``seed`` with a few edits: a byte replaced, a run dropped, bytes inserted, or a cut."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["replace", "drop", "insert", "cut", "digit"]))
        if op == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif op == "drop":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "insert":
            data[at:at] = draw(
                st.binary(min_size=1, max_size=16) | st.sampled_from([b"\x00", b"{", b"<", b"\r\n"])
            )
        elif op == "cut":
            del data[at:]
        elif op == "digit" and at < len(data) and chr(data[at]).isdigit():
            data[at] = ord(draw(st.sampled_from("0123456789")))  # lengths, statuses, dates
    return bytes(data)


def read_everything(name: str, data: bytes) -> list[Any]:
    """Every item the readers give for these bytes; project errors raised are returned too."""
    try:
        return list(read_blob(Blob.from_bytes(name, data), ReadOptions()))
    except StorylineError as exc:
        return [exc]


def check(items: list[Any]) -> None:
    for item in items:
        assert isinstance(item, (Article, StorylineError)), type(item)
        if isinstance(item, Article):
            assert item.text.strip()
            json.dumps(item.to_dict(), ensure_ascii=False).encode("utf-8")  # what the CLI prints


@SETTINGS
@given(name=st.sampled_from(NAMES), data=st.binary(max_size=4096))
def test_arbitrary_bytes(name: str, data: bytes) -> None:
    check(read_everything(name, data))


@SETTINGS
@given(name=st.sampled_from(NAMES), kind=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_mutated_inputs(name: str, kind: str, data: st.DataObject) -> None:
    check(read_everything(name, data.draw(mutated(SEEDS[kind]))))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["text", "title", "date", "source", "url", "author", "x"]), inner, max_size=6
        )
    ),
    max_leaves=20,
)


@SETTINGS
@given(name=st.sampled_from(["a.json", "a.jsonl", "a.txt"]), value=json_values)
def test_any_json_value(name: str, value: Any) -> None:
    check(read_everything(name, json.dumps(value).encode()))


@SETTINGS
@given(
    gz=st.booleans(),
    lengths=st.lists(
        st.tuples(st.integers(0, 3), st.integers(-400, 400) | st.integers(1000, 10**10)), max_size=3
    ),
)
def test_warc_records_with_wrong_lengths(gz: bool, lengths: list[tuple[int, int]]) -> None:
    """Content-Length is what the record cutter trusts: any value in any record only loses records."""
    data = SEEDS["warc"] + SEEDS["warc"]
    for nth, change in lengths:
        m = list(re.finditer(rb"Content-Length: (\d+)", data))[nth]
        value = int(m.group(1)) + change if change < 1000 else change  # a shift, or a new length
        data = data[: m.start(1)] + str(max(value, 0)).encode() + data[m.end(1) :]
    if gz:
        data = gzip.compress(data)
    items = read_everything("crawl.warc.gz" if gz else "crawl.warc", data)
    check(items)
    assert sum(isinstance(x, Article) for x in items) <= 2
